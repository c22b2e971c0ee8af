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
        // JIT off: this workload is short indexed statements; JIT only switched on when a plan's cost
        // was inflated (a count over a large table) and then spent most of the statement compiling
        // (issue 17: 47 of 56 ms). Set per connection so every database, test clones included, gets it.
        extra: { max: 20, application_name: 'buendnisportal', options: '-c jit=off' },
      }),
    }),
  ],
})
export class DatabaseModule {}
