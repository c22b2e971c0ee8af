import 'reflect-metadata';
import {
  configureLogger,
  ConfigError,
  loadConfig,
  logger,
  retryWhileUnavailable,
  runMigrations,
  StartupGaveUpError,
  startEmbeddedPostgres,
} from '../../../libs/core/src/index.js';
import type { RunningDatabase } from '../../../libs/core/src/index.js';
import { join } from 'node:path';
import { createApp } from './bootstrap.js';
import { MIGRATIONS } from './migrations.js';

async function main(): Promise<void> {
  const started = Date.now();
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(78);
    }
    throw e;
  }
  configureLogger(config.logLevel);

  let embedded: RunningDatabase | undefined;
  if (!config.databaseUrl) {
    try {
      embedded = await startEmbeddedPostgres(join(config.dataDir, 'pg'));
    } catch (e) {
      logger.fatal(
        { reason: e instanceof Error ? e.message : String(e) },
        'embedded PostgreSQL did not start',
      );
      process.exit(1);
    }
    config = { ...config, databaseUrl: embedded.url };
    logger.info({ dataDir: config.dataDir }, 'embedded PostgreSQL started');
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    try {
      await app?.close();
    } finally {
      await embedded?.stop();
      process.exit(0);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  let app: Awaited<ReturnType<typeof createApp>> | undefined;
  try {
    const url = config.databaseUrl!;
    const applied = await retryWhileUnavailable(
      () => runMigrations(url, MIGRATIONS),
      config.timeouts.startupRetrySeconds,
    );
    if (applied.length) logger.info({ migrations: applied }, 'migrations applied');
    app = await createApp({ ...config, demoData: config.demoData ?? (embedded ? undefined : false) });
    await app.listen(config.port, '0.0.0.0');
    logger.info(
      { port: config.port, startupMs: Date.now() - started },
      `Bündnisportal listening on http://localhost:${config.port}/graphql`,
    );
  } catch (e) {
    if (e instanceof StartupGaveUpError) logger.fatal({ attempts: e.attempts }, e.message);
    else logger.fatal({ err: e }, 'start-up failed');
    await app?.close().catch(() => undefined);
    await embedded?.stop();
    process.exit(1);
  }
}

void main();
