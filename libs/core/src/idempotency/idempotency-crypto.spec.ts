import {
  answerKey,
  isValidIdempotencyKey,
  keyHash,
  open,
  requestHash,
  seal,
  stableJson,
} from './idempotency-crypto.js';

const SECRET = 'a-secret-of-at-least-thirty-two-characters';
const USER = '5f0c6f5e-8f0e-4a51-9d7e-0d9f7d3f4b11';

describe('idempotency crypto', () => {
  it('accepts UUIDs and refuses short, long or odd keys', () => {
    expect(isValidIdempotencyKey('0b4c1c3e-6f1a-4a4e-9a57-1f7c2f3e9b10')).toBe(true);
    expect(isValidIdempotencyKey('short')).toBe(false);
    expect(isValidIdempotencyKey('x'.repeat(129))).toBe(false);
    expect(isValidIdempotencyKey('with space 0123456789')).toBe(false);
    expect(isValidIdempotencyKey(['0b4c1c3e-6f1a-4a4e-9a57-1f7c2f3e9b10'])).toBe(false);
  });

  it('hashes the same request alike whatever the order of its variables, and another request apart', () => {
    const a = requestHash({ query: 'mutation', variables: { a: 1, b: { c: 2, d: [1, 2] } } });
    const b = requestHash({ query: 'mutation', variables: { b: { d: [1, 2], c: 2 }, a: 1 } });
    expect(a).toBe(b);
    expect(requestHash({ query: 'mutation', variables: { a: 2, b: { c: 2, d: [1, 2] } } })).not.toBe(a);
    expect(requestHash({ query: 'mutation', operationName: 'X', variables: {} })).not.toBe(
      requestHash({ query: 'mutation', variables: {} }),
    );
    expect(stableJson({ b: 1, a: undefined, c: null })).toBe('{"b":1,"c":null}');
  });

  it('names a key per user, one-way', () => {
    const key = '0b4c1c3e-6f1a-4a4e-9a57-1f7c2f3e9b10';
    expect(keyHash(SECRET, USER, key)).toMatch(/^[0-9a-f]{64}$/);
    expect(keyHash(SECRET, USER, key)).not.toBe(keyHash(SECRET, 'another-user', key));
    expect(keyHash(SECRET, USER, key)).not.toContain(key);
  });

  it('opens a sealed answer only with the key it was sealed with', () => {
    const key = answerKey(SECRET, USER, '0b4c1c3e-6f1a-4a4e-9a57-1f7c2f3e9b10');
    const sealed = seal(key, '{"data":{"x":"ä"}}');
    expect(sealed.toString('utf8')).not.toContain('"data"');
    expect(open(key, sealed)).toBe('{"data":{"x":"ä"}}');
    expect(open(answerKey(SECRET, USER, '1b4c1c3e-6f1a-4a4e-9a57-1f7c2f3e9b10'), sealed)).toBeNull();
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 1] ^= 1;
    expect(open(key, tampered)).toBeNull();
    expect(open(key, Buffer.alloc(4))).toBeNull();
  });
});
