// Measures the initial JavaScript: the entry chunk(s) that index.html loads (script and modulepreload),
// gzipped. Fails the build above the budget of 250 kB.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
let raw = 0;
let gz = 0;
for (const f of new Set(files)) {
  const buf = readFileSync(join(dist, f));
  raw += buf.length;
  const size = gzipSync(buf, { level: 9 }).length;
  gz += size;
  console.log(`${f}: ${(buf.length / 1024).toFixed(1)} kB, ${(size / 1024).toFixed(1)} kB gzipped`);
}
const budget = 250 * 1024;
console.log(
  `initial JavaScript: ${(raw / 1024).toFixed(1)} kB, ${(gz / 1024).toFixed(1)} kB gzipped (budget 250 kB)`,
);
if (gz > budget) {
  console.error('initial JavaScript above budget');
  process.exit(1);
}
