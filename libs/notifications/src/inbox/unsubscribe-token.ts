import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The token of a one-click unsubscribe link: user and kind, signed with a key derived from the
 * server's secret. It does not expire (a mail may be read months later) and only ever switches
 * one kind's mail off for one user, so it needs no sign-in.
 */
export interface UnsubscribeClaim {
  userId: string;
  kind: string;
}

const sign = (secret: string, payload: string) =>
  createHmac('sha256', `unsubscribe:${secret}`).update(payload).digest('base64url');

export function unsubscribeToken(secret: string, claim: UnsubscribeClaim): string {
  const payload = Buffer.from(`${claim.userId}:${claim.kind}`).toString('base64url');
  return `${payload}.${sign(secret, payload)}`;
}

/** The claim of a valid token; null for anything else. */
export function readUnsubscribeToken(secret: string, token: unknown): UnsubscribeClaim | null {
  if (typeof token !== 'string' || token.length > 300) return null;
  const [payload, mac, ...rest] = token.split('.');
  if (!payload || !mac || rest.length) return null;
  const expected = Buffer.from(sign(secret, payload));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  const [userId, kind, ...more] = Buffer.from(payload, 'base64url').toString('utf8').split(':');
  if (!userId || !kind || more.length) return null;
  return { userId, kind };
}
