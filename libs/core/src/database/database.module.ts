import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig, Timeouts } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { QueryCounter } from './query-counter.js';
import { Availability } from '../errors/unavailable.js';

/**
 * Without these a stalled server holds every request forever. PostgreSQL enforces the
 * statement, lock and idle-in-transaction limits itself; the client's read timeout (a second
 * later) covers a server that no longer answers at all, and the connect timeout also bounds the
 * wait for a free connection of the pool.
 */
export function poolTimeouts(t: Timeouts) {
  return {
    connectionTimeoutMillis: t.dbConnectMs,
    statement_timeout: t.dbStatementMs,
    lock_timeout: t.dbLockMs,
    idle_in_transaction_session_timeout: t.dbIdleInTransactionMs,
    query_timeout: t.dbStatementMs + 1000,
    keepAlive: true,
  };
}

@Global()
@Module({
  providers: [Availability],
  exports: [Availability],
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
        // (47 of 56 ms at scale). Set per connection so every database, test clones included, gets it.
        extra: {
          max: 20,
          application_name: 'buendnisportal',
          ...poolTimeouts(config.timeouts),
          options: '-c jit=off',
        },
      }),
    }),
  ],
})
export class DatabaseModule {}
