import { configureLogger } from '../../libs/core/src/index.js';

/** Routes the portal's pino logger into an array (call before startTestApp), one JSON line each. */
export function captureLogs(level = 'info'): {
  lines: string[];
  text(): string;
  json(): Record<string, any>[];
} {
  const lines: string[] = [];
  configureLogger(level, { write: (chunk: string) => void lines.push(...chunk.split('\n').filter(Boolean)) });
  return { lines, text: () => lines.join('\n'), json: () => lines.map((l) => JSON.parse(l)) };
}
