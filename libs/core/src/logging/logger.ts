import { type LoggerService } from '@nestjs/common';
import { type DestinationStream, pino, type Logger } from 'pino';

/**
 * Structured JSON logs. Serializers keep tokens, passwords and request bodies out: only method,
 * route and ids are logged, never variables or headers.
 */
export let logger: Logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'warn' : 'info'),
});

/** Replaces the process logger; `destination` (default stdout) lets tests capture the lines. */
export function configureLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    redact: {
      paths: ['*.password', '*.refreshToken', '*.accessToken', '*.authorization', 'req.headers'],
      remove: true,
    },
  };
  logger = destination ? pino(options, destination) : pino(options);
  return logger;
}

/** Routes Nest's own log lines into pino. */
export class PinoNestLogger implements LoggerService {
  log(message: unknown, context?: string) {
    logger.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string) {
    logger.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string) {
    logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string) {
    logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string) {
    logger.trace({ context }, String(message));
  }
}

/** Routes Apollo Server's own messages (otherwise plain console lines) into pino. */
export const apolloLogger = {
  debug: (...args: unknown[]) => logger.debug({ component: 'apollo' }, args.map(String).join(' ')),
  info: (...args: unknown[]) => logger.info({ component: 'apollo' }, args.map(String).join(' ')),
  warn: (...args: unknown[]) => logger.warn({ component: 'apollo' }, args.map(String).join(' ')),
  error: (...args: unknown[]) => logger.error({ component: 'apollo' }, args.map(String).join(' ')),
};
