import {
  canonical,
  chainHash,
  type ChainedEntry,
  checkpointsBetween,
  checkpointSignature,
  verifySegment,
} from './audit-chain.js';

const KEY = 'k'.repeat(32);

function chain(n: number): ChainedEntry[] {
  const out: ChainedEntry[] = [];
  let previousHash: string | null = null;
  for (let sequence = 1; sequence <= n; sequence++) {
    const fields = {
      sequence,
      at: new Date(Date.UTC(2026, 0, 1, 0, 0, sequence)),
      actorId: null,
      action: 'updateTask',
      entityType: 'Task',
      entityId: '00000000-0000-4000-8000-000000000001',
      allianceId: null,
      changedFields: ['title'],
    };
    const hash = chainHash(KEY, fields, previousHash);
    out.push({ ...fields, hash, previousHash });
    previousHash = hash;
  }
  return out;
}

describe('the audit hash chain (unit)', () => {
  it('covers every stored field in a fixed order', () => {
    const [e] = chain(1);
    expect(canonical(e)).toBe(
      '[1,"2026-01-01T00:00:01.000Z",null,"updateTask","Task","00000000-0000-4000-8000-000000000001",null,["title"]]',
    );
  });

  it('verifies an intact chain from the start and from any position in it', () => {
    const entries = chain(10);
    expect(verifySegment(KEY, entries, { nextSequence: 1, previousHash: null })).toEqual({
      ok: true,
      checked: 10,
      position: { nextSequence: 11, previousHash: entries[9].hash },
    });
    const tail = verifySegment(KEY, entries.slice(6), { nextSequence: 7, previousHash: entries[5].hash });
    expect(tail).toMatchObject({ ok: true, checked: 4 });
  });

  it('names the first entry whose fields, link or sequence do not match', () => {
    const forged = chain(10);
    forged[4] = { ...forged[4], changedFields: ['forged'] };
    expect(verifySegment(KEY, forged, { nextSequence: 1, previousHash: null })).toEqual({
      ok: false,
      checked: 5,
      brokenSequence: 5,
    });
    const gap = chain(10).filter((e) => e.sequence !== 3);
    expect(verifySegment(KEY, gap, { nextSequence: 1, previousHash: null })).toMatchObject({
      ok: false,
      brokenSequence: 4,
    });
    expect(verifySegment('x'.repeat(32), chain(3), { nextSequence: 1, previousHash: null })).toMatchObject({
      ok: false,
      brokenSequence: 1,
    });
  });

  it('signs checkpoints apart from entry hashes, bound to sequence and hash', () => {
    const sig = checkpointSignature(KEY, 1000, 'abc');
    expect(sig).toMatch(/^[0-9a-f]{64}$/);
    expect(checkpointSignature(KEY, 1001, 'abc')).not.toBe(sig);
    expect(checkpointSignature(KEY, 1000, 'abd')).not.toBe(sig);
    expect(checkpointSignature('y'.repeat(32), 1000, 'abc')).not.toBe(sig);
  });

  it('places checkpoints at the multiples of the interval a verification passed', () => {
    expect(checkpointsBetween(0, 999, 1000)).toEqual([]);
    expect(checkpointsBetween(0, 1000, 1000)).toEqual([1000]);
    expect(checkpointsBetween(1000, 3500, 1000)).toEqual([2000, 3000]);
    expect(checkpointsBetween(2500, 2999, 1000)).toEqual([]);
  });
});
