import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import { randomUUID } from 'node:crypto';
import { type AppConfig, describeError, logger, PinoNestLogger } from '../../../libs/core/src/index.js';
import { AppModule } from './app.module.js';
import { requestContext } from './request-context.js';

export const BODY_LIMIT = '1mb';

/** Builds the HTTP application (not yet listening); used by main.ts and by the e2e tests. */
export async function createApp(config: AppConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    logger: new PinoNestLogger(),
    bodyParser: false,
  });
  app.set('trust proxy', 'loopback');
  app.disable('x-powered-by');
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          connectSrc: ["'self'", 'ws:', 'wss:'],
        },
      },
    }),
  );
  app.use((req: any, res: any, next: () => void) => {
    const incoming = req.headers['x-request-id'];
    req.id = typeof incoming === 'string' && /^[A-Za-z0-9-]{8,64}$/.test(incoming) ? incoming : randomUUID();
    res.setHeader('x-request-id', req.id);
    requestContext.run({ requestId: req.id }, next);
  });
  app.use(
    pinoHttp({
      logger,
      genReqId: (req: any) => req.id,
      // Method, path and status only: no headers (tokens), no bodies or query strings (passwords, personal data).
      serializers: {
        req: (req: any) => ({ id: req.id, method: req.method, url: String(req.url).split('?')[0].replace(/\/calendar\/[^/]+/, '/calendar/…') }),
        res: (res: any) => ({ statusCode: res.statusCode }),
        err: describeError,
      },
      autoLogging: { ignore: (req: any) => req.url === '/health' },
    }),
  );
  // After the security headers and the request id, so a refused body (413) carries them too.
  app.useBodyParser('json', { limit: BODY_LIMIT });
  return app;
}
