import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import {
  AppExceptionFilter,
  type AppConfig,
  AuditModule,
  ConfigModule,
  DatabaseModule,
  HealthModule,
  IdempotencyModule,
  InputValidationPipe,
  LegalModule,
} from '../../../libs/core/src/index.js';
import { AllianceModule } from '../../../libs/alliance/src/index.js';
import { CaseworkModule } from '../../../libs/casework/src/index.js';
import { CoordinationModule } from '../../../libs/coordination/src/index.js';
import { MeetingsModule } from '../../../libs/meetings/src/index.js';
import { IdentityModule } from '../../../libs/identity/src/index.js';
import { NotificationsModule } from '../../../libs/notifications/src/index.js';
import { OparlModule } from '../../../libs/oparl/src/index.js';
import { ReportingModule } from '../../../libs/reporting/src/index.js';
import { DemoModule } from './demo/demo.module.js';
import { graphqlOptions } from './graphql.config.js';
import { MIGRATIONS } from './migrations.js';

/** Composition only: configuration, database, GraphQL, and the bounded contexts. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule,
        GraphQLModule.forRoot<ApolloDriverConfig>({ driver: ApolloDriver, ...graphqlOptions(config) }),
        AuditModule,
        IdempotencyModule,
        HealthModule.forRoot(MIGRATIONS),
        LegalModule,
        NotificationsModule,
        IdentityModule,
        AllianceModule,
        CoordinationModule,
        MeetingsModule,
        CaseworkModule,
        OparlModule,
        ReportingModule,
        DemoModule,
      ],
      providers: [
        { provide: APP_PIPE, useClass: InputValidationPipe },
        { provide: APP_FILTER, useClass: AppExceptionFilter },
      ],
    };
  }
}
