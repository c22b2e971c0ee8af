// The portal as it runs in production (compiled, NODE_ENV=production), bound to 127.0.0.1 on a free
// port, for the benchmark. Started by coordination-board.bench.ts after `npm run build`:
//   NODE_ENV=production DATABASE_URL=… JWT_SECRET=… AUDIT_KEY=… CASE_DATA_KEY=… node bench/coordination-server.mjs
// prints {"port": N} once it listens.
import { createApp } from '../dist/apps/api/src/bootstrap.js';
import { configureLogger, loadConfig } from '../dist/libs/core/src/index.js';

const config = loadConfig();
configureLogger(config.logLevel);
const app = await createApp({ ...config, demoData: false });
const server = await app.listen(0, '127.0.0.1');
console.log(JSON.stringify({ port: server.address().port }));
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
