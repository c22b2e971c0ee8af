import { readUnsubscribeToken, unsubscribeToken } from './unsubscribe-token.js';

describe('unsubscribe tokens', () => {
  const claim = { userId: '7c9e6679-7425-40de-944b-e07fc1f90ae7', kind: 'TASK_COMMENTED' };

  it('reads back what it signed', () => {
    expect(readUnsubscribeToken('s3cret', unsubscribeToken('s3cret', claim))).toEqual(claim);
  });

  it('refuses another key, a changed payload, and garbage', () => {
    const token = unsubscribeToken('s3cret', claim);
    expect(readUnsubscribeToken('other', token)).toBeNull();
    const [, mac] = token.split('.');
    const forged = `${Buffer.from(`${claim.userId}:HANDOVER_REQUESTED`).toString('base64url')}.${mac}`;
    expect(readUnsubscribeToken('s3cret', forged)).toBeNull();
    for (const bad of ['', 'a.b', 'a.b.c', 42, null, 'x'.repeat(400)])
      expect(readUnsubscribeToken('s3cret', bad)).toBeNull();
  });
});
