import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { existsSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type AppConfig, describeError, logger, PinoNestLogger } from '../../../libs/core/src/index.js';
import { AppModule } from './app.module.js';

export const BODY_LIMIT = '1mb';

/** Builds the HTTP application (not yet listening); used by main.ts and by the e2e tests. */
export async function createApp(config: AppConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    logger: new PinoNestLogger(),
    bodyParser: false,
  });
  limitSlowClients(app.getHttpServer(), config);
  app.set('trust proxy', 'loopback');
  app.disable('x-powered-by');
  // No ETag over response bodies: it hashed every GraphQL answer (a task board page is ~60 kB) for a
  // header no client revalidates with (bench/README.md). Static files keep serve-static's own ETags.
  app.set('etag', false);
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
    next();
  });
  app.use(
    pinoHttp({
      logger,
      genReqId: (req: any) => req.id,
      // Method, path and status only: no headers (tokens), no bodies or query strings (passwords, personal data).
      serializers: {
        req: (req: any) => ({
          id: req.id,
          method: req.method,
          url: String(req.url)
            .split('?')[0]
            .replace(/\/calendar\/[^/]+/, '/calendar/…'),
        }),
        res: (res: any) => ({ statusCode: res.statusCode }),
        err: describeError,
      },
      autoLogging: { ignore: (req: any) => req.url === '/health' },
    }),
  );
  // After the security headers and the request id, so a refused body (413) carries them too.
  app.useBodyParser('json', { limit: BODY_LIMIT });
  serveWeb(app);
  return app;
}

/**
 * A client that sends its headers or body slowly holds a connection (Node's defaults: 60 s and
 * 300 s, checked every 30 s); it gets 408 after the configured times, checked every second.
 */
function limitSlowClients(server: Server, config: AppConfig): void {
  server.headersTimeout = config.timeouts.httpHeadersMs;
  server.requestTimeout = config.timeouts.httpRequestMs;
  // Read when the server starts listening.
  (server as Server & { connectionsCheckingInterval: number }).connectionsCheckingInterval = 1000;
}

/** Paths the API answers itself: never the web app's index.html. */
const API_PATHS =
  /^\/(graphql|health|ready|oparl|fhir|auth|legal)(\/|$)|^\/mail\/unsubscribe$|^\/calendar\/|^\/meetings\/[^/]+\/minutes\.pdf$|^\/alliances\/[^/]+\/report\.(xlsx|csv|pdf)$|^\/cases\/[^/]+\/consents\/[^/]+\/(sheet\.(pdf|html)|evidence)$/;

/** The built web front end (apps/web/dist), when present: from src (tests) or from dist (npm start). */
export function webDistDir(): string | undefined {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [
    resolve(here, '../../web/dist'),
    resolve(here, '../../../../apps/web/dist'),
    resolve(process.cwd(), 'apps/web/dist'),
  ];
  return candidates.find((dir) => existsSync(join(dir, 'index.html')));
}

/**
 * Serves the web app at `/`: its hashed assets with a long cache, and index.html for every other
 * GET that asks for HTML (client routes), except the API's own paths.
 */
function serveWeb(app: NestExpressApplication): void {
  const dir = webDistDir();
  if (!dir) return;
  const index = join(dir, 'index.html');
  app.use('/assets/', precompressed(join(dir, 'assets')));
  app.useStaticAssets(join(dir, 'assets'), {
    prefix: '/assets/',
    immutable: true,
    maxAge: '1y',
    index: false,
    fallthrough: false,
  });
  app.useStaticAssets(dir, { index: false, maxAge: '1h' });
  app.use((req: any, res: any, next: () => void) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || API_PATHS.test(req.path) || !req.accepts('html'))
      return next();
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(index);
  });
}

/**
 * Hashed assets in their precompressed form (apps/web/scripts/precompress.mjs wrote `.br` and `.gz`
 * copies at build time) when the client accepts it; immutable, as their names change with content.
 */
function precompressed(assets: string) {
  const encodings = [
    { token: 'br', suffix: '.br' },
    { token: 'gzip', suffix: '.gz' },
  ];
  return (req: any, res: any, next: () => void) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const path: string = req.path;
    if (!/^\/[\w.-]+\.(js|css|svg|json|txt|map)$/.test(path)) return next();
    const accepted = String(req.headers['accept-encoding'] ?? '');
    const encoding = encodings.find(
      (e) => accepts(accepted, e.token) && existsSync(join(assets, path + e.suffix)),
    );
    res.setHeader('vary', 'Accept-Encoding');
    if (!encoding) return next();
    res.type(extname(path));
    res.setHeader('content-encoding', encoding.token);
    res.setHeader('cache-control', 'public, max-age=31536000, immutable');
    res.sendFile(join(assets, path + encoding.suffix), { cacheControl: false, dotfiles: 'deny' });
  };
}

/** Whether an Accept-Encoding header accepts the coding (named, and not with q=0). */
function accepts(header: string, coding: string): boolean {
  return header.split(',').some((part) => {
    const [name, ...params] = part.split(';').map((p) => p.trim().toLowerCase());
    if (name !== coding) return false;
    const q = params.find((p) => p.startsWith('q='));
    return !q || Number(q.slice(2)) > 0;
  });
}
