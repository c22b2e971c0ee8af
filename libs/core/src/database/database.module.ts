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
        // JIT off for every connection: the portal's statements are short keyset pages and lookups;
        // when a large count's estimate crossed jit_above_cost, compiling cost more than the query
        // (issue 17: 47 of 56 ms, 119 of 153 ms). Set here, so it holds on any server we are given.
        extra: { max: 20, application_name: 'buendnisportal', options: '-c jit=off' },
      }),
    }),
  ],
})
export class DatabaseModule {}
