// Writes a brotli (.br) and a gzip (.gz) copy next to every compressible file of dist/assets, once at
// build time, so the API serves hashed assets compressed without compressing per request.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const assets = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'assets');
let raw = 0;
let br = 0;
for (const name of readdirSync(assets)) {
  if (!/\.(js|css|svg|json|txt|map)$/.test(name)) continue;
  const buf = readFileSync(join(assets, name));
  const brotli = brotliCompressSync(buf, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buf.length },
  });
  writeFileSync(join(assets, `${name}.br`), brotli);
  writeFileSync(join(assets, `${name}.gz`), gzipSync(buf, { level: 9 }));
  raw += buf.length;
  br += brotli.length;
}
console.log(`precompressed assets: ${(raw / 1024).toFixed(1)} kB → ${(br / 1024).toFixed(1)} kB brotli`);
