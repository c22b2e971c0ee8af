import {
  countWhenSelected,
  DEFAULT_FIRST,
  decodeCursor,
  encodeCursor,
  MAX_FIRST,
  pageSize,
  toPage,
} from './connection.js';

describe('page size and cursors (unit)', () => {
  it('defaults to 20 and accepts 0…100', () => {
    expect(pageSize(undefined)).toBe(DEFAULT_FIRST);
    expect(pageSize(null)).toBe(20);
    expect(pageSize(0)).toBe(0);
    expect(pageSize(MAX_FIRST)).toBe(100);
  });

  it('refuses more than 100, negatives and fractions on the field "first"', () => {
    for (const bad of [101, -1, 2.5]) {
      expect(() => pageSize(bad)).toThrow(
        expect.objectContaining({
          code: 'BAD_USER_INPUT',
          fields: [{ path: 'first', message: 'must be between 0 and 100', rule: 'OUT_OF_RANGE' }],
        }),
      );
    }
  });

  it('round-trips a keyset cursor and refuses one of another arity or garbage on "after"', () => {
    const cursor = encodeCursor([2026, 14]);
    expect(decodeCursor(cursor, 2)).toEqual([2026, 14]);
    expect(decodeCursor(undefined, 2)).toBeUndefined();
    expect(() => decodeCursor(cursor, 3)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
    expect(() => decodeCursor('not a cursor', 2)).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT' }),
    );
  });

  it('builds a page from limit + 1 rows: hasNextPage and the last edge as endCursor', () => {
    const rows = [1, 2, 3].map((n) => ({ n }));
    const page = toPage(rows, 2, 7, (r) => [r.n]);
    expect(page.edges.map((e) => e.node.n)).toEqual([1, 2]);
    expect(page.pageInfo).toEqual({ hasNextPage: true, endCursor: encodeCursor([2]) });
    expect(page.totalCount).toBe(7);
    const last = toPage(rows.slice(0, 2), 2, 2, (r) => [r.n]);
    expect(last.pageInfo.hasNextPage).toBe(false);
    expect(toPage([], 2, 0, () => []).pageInfo.endCursor).toBeNull();
  });

  it('counts only when totalCount is read, once, and with a cap never beyond it', async () => {
    const calls: (number | undefined)[] = [];
    const exact = toPage(
      [],
      2,
      countWhenSelected(async () => (calls.push(undefined), 12_345)),
      () => [],
    );
    expect(calls).toEqual([]);
    expect(await exact.totalCount).toBe(12_345);
    expect(await exact.totalCount).toBe(12_345);
    expect(calls).toEqual([undefined]);
    const capped = toPage(
      [],
      2,
      countWhenSelected(async (cap) => (calls.push(cap), 12_345), { cap: 100 }),
      () => [],
    );
    expect(calls).toHaveLength(1);
    expect(await capped.totalCount).toBe(100);
    expect(calls).toEqual([undefined, 100]);
    const under = toPage(
      [],
      2,
      countWhenSelected(async () => 7, { cap: 100 }),
      () => [],
    );
    expect(await under.totalCount).toBe(7);
  });
});
