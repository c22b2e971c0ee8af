import argon2 from 'argon2';

/** argon2id with OWASP's recommended minimum (19 MiB, t=2, p=1). */
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, OPTIONS);
}

let dummy: Promise<string> | undefined;

/**
 * Computes the dummy hash ahead of the first sign-in; otherwise the first unknown e-mail would pay
 * for hashing and verifying, and answer measurably slower than a wrong password.
 */
export async function prepareDummyHash(): Promise<void> {
  dummy ??= argon2.hash('dummy-password-for-timing', OPTIONS);
  await dummy;
}

/**
 * Verifies a password. Without a stored hash (unknown e-mail) it verifies against a dummy hash,
 * so both failures take similar time.
 */
export async function verifyPassword(hash: string | undefined, password: string): Promise<boolean> {
  if (!hash) {
    dummy ??= argon2.hash('dummy-password-for-timing', OPTIONS);
    await argon2.verify(await dummy, password).catch(() => false);
    return false;
  }
  return argon2.verify(hash, password).catch(() => false);
}
