import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { QueryCounter } from './query-counter.js';

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        type: 'postgres' as const,
        url: config.databaseUrl,
        autoLoadEntities: true,
        synchronize: false,
        migrationsRun: false,
        logger: new QueryCounter(),
        logging: true,
        maxQueryExecutionTime: 1000,
        extra: { max: 20, application_name: 'buendnisportal' },
      }),
    }),
  ],
})
export class DatabaseModule {}
