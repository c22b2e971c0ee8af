import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';

/**
 * An Idempotency-Key: 16 to 128 characters of letters, digits and `-_.:` (a UUID fits). At least 16,
 * because the key also encrypts the stored answer: only a client that knows it can have the answer
 * replayed, and the database alone cannot read it.
 */
export const IDEMPOTENCY_KEY_FORMAT = /^[A-Za-z0-9._:-]{16,128}$/;

export function isValidIdempotencyKey(value: unknown): value is string {
  return typeof value === 'string' && IDEMPOTENCY_KEY_FORMAT.test(value);
}

/** JSON with object keys sorted at every level: the same variables in any order hash alike. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** What makes two requests "the same request": the document, the operation name and the variables. */
export function requestHash(body: { query?: unknown; operationName?: unknown; variables?: unknown }): string {
  return createHash('sha256')
    .update(stableJson([body.query ?? null, body.operationName ?? null, body.variables ?? {}]))
    .digest('hex');
}

/** The stored name of a key: one-way, per user, under the server's secret. */
export function keyHash(secret: string, userId: string, key: string): string {
  return createHmac('sha256', secret).update(`idempotency-key\0${userId}\0${key}`).digest('hex');
}

/** The key that encrypts the stored answer: derivable only with the client's Idempotency-Key. */
export function answerKey(secret: string, userId: string, key: string): Buffer {
  return createHmac('sha256', secret).update(`idempotency-answer\0${userId}\0${key}`).digest();
}

/** AES-256-GCM: iv (12) ‖ tag (16) ‖ ciphertext. */
export function seal(key: Buffer, plaintext: string): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

/** The plaintext, or null when the key does not fit (another key, a rotated secret, a damaged row). */
export function open(key: Buffer, sealed: Buffer): string | null {
  if (sealed.length < 28) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
    decipher.setAuthTag(sealed.subarray(12, 28));
    return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
