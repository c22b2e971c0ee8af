import { suppress, sumCells } from './disclosure-control.js';
import { quartersWithin } from './quarter-grid.js';

const table = (cells: Record<string, number>) => new Map(Object.entries(cells));
const hidden = (pattern: Map<string, unknown>) =>
  [...pattern]
    .filter(([, s]) => s)
    .map(([id]) => id)
    .sort();

describe('threshold suppression with secondary suppression', () => {
  const line = { total: 'T', parts: ['a', 'b', 'c', 'd'] };

  it('hides a small count and the smallest other non-zero count of its line', () => {
    const p = suppress(table({ T: 20, a: 1, b: 0, c: 12, d: 7 }), [line], 5);
    expect(p.get('a')).toBe('PRIMARY');
    expect(p.get('d')).toBe('SECONDARY');
    expect(hidden(p)).toEqual(['a', 'd']);
  });

  it('leaves a line alone whose hidden cells are at least two and add up to the minimum', () => {
    expect(hidden(suppress(table({ T: 9, a: 4, b: 3, c: 2, d: 0 }), [line], 5))).toEqual(['a', 'b', 'c']);
  });

  it('adds a third cell when two small hidden cells sum below the minimum', () => {
    const p = suppress(table({ T: 23, a: 1, b: 2, c: 0, d: 20 }), [line], 5);
    expect(hidden(p)).toEqual(['a', 'b', 'd']);
  });

  it('darkens the whole line, zeros included, when its total is small', () => {
    const p = suppress(table({ T: 3, a: 3, b: 0, c: 0, d: 0 }), [line], 5);
    expect(hidden(p)).toEqual(['T', 'a', 'b', 'c', 'd']);
  });

  it('hides the total when no other non-zero part is left', () => {
    expect(hidden(suppress(table({ T: 6, a: 1, b: 0, c: 0, d: 5 }), [line], 5))).toEqual(['a', 'd']);
    const p = suppress(table({ T: 7, a: 2, b: 0, c: 0, d: 0, e: 7 }), [{ total: 'T', parts: ['a', 'b'] }], 5);
    expect(p.get('T')).toBe('SECONDARY');
    expect(p.get('b')).toBe('SECONDARY');
  });

  it('carries a hidden total into every line that shares it', () => {
    const lines = [
      { total: 'T', parts: ['a', 'b'] },
      { total: 'T', parts: ['x', 'y'] },
    ];
    const p = suppress(table({ T: 4, a: 4, b: 0, x: 2, y: 2 }), lines, 5);
    expect(hidden(p)).toEqual(['T', 'a', 'b', 'x', 'y']);
  });

  it("hides a count where one partner's share leaves less than the minimum for the others", () => {
    const p = suppress(
      table({ T: 7, a: 7 }),
      [{ total: 'T', parts: ['a'] }],
      5,
      new Map([
        ['a', 6],
        ['T', 6],
      ]),
    );
    expect(hidden(p)).toEqual(['T', 'a']);
    expect(
      hidden(suppress(table({ T: 7, a: 7 }), [{ total: 'T', parts: ['a'] }], 5, new Map([['a', 7]]))),
    ).toEqual([]);
  });

  it('takes the minimum count as configured', () => {
    expect(hidden(suppress(table({ T: 20, a: 3, b: 17 }), [{ total: 'T', parts: ['a', 'b'] }], 3))).toEqual(
      [],
    );
    expect(hidden(suppress(table({ T: 20, a: 3, b: 17 }), [{ total: 'T', parts: ['a', 'b'] }], 4))).toEqual([
      'a',
      'b',
    ]);
  });

  it('never leaves exactly one hidden part in a line with a published total (random tables)', () => {
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let run = 0; run < 500; run++) {
      const parts = Object.fromEntries(
        ['a', 'b', 'c', 'd', 'e'].map((k) => [k, Math.floor(rand() * (rand() < 0.5 ? 4 : 30))]),
      );
      const T = Object.values(parts).reduce((s, n) => s + n, 0);
      const p = suppress(table({ T, ...parts }), [{ total: 'T', parts: Object.keys(parts) }], 5);
      const h = Object.keys(parts).filter((k) => p.get(k));
      if (!p.get('T')) {
        expect(h.length === 0 || h.length >= 2).toBe(true);
        expect(h.length === 0 || h.reduce((s, k) => s + parts[k], 0) >= 5).toBe(true);
      } else expect(h.length).toBe(5);
    }
  });
});

describe('sums over grid periods', () => {
  it('publishes a sum only when every summand is published', () => {
    expect(
      sumCells([
        { value: 3, suppressed: null },
        { value: 9, suppressed: null },
      ]),
    ).toEqual({ value: 12, suppressed: null });
    expect(
      sumCells([
        { value: 30, suppressed: null },
        { value: null, suppressed: 'PRIMARY' },
      ]).value,
    ).toBeNull();
  });
});

describe('the quarter grid', () => {
  it('takes the quarters lying wholly within a period', () => {
    expect(quartersWithin('2025-01-01', '2025-12-31').map((q) => q.label)).toEqual([
      '2025-Q1',
      '2025-Q2',
      '2025-Q3',
      '2025-Q4',
    ]);
    expect(quartersWithin('2025-01-02', '2025-06-30').map((q) => q.label)).toEqual(['2025-Q2']);
    expect(quartersWithin('2025-01-01', '2025-03-30')).toEqual([]);
    expect(quartersWithin('2024-10-01', '2025-03-31')).toEqual([
      { label: '2024-Q4', from: '2024-10-01', to: '2024-12-31' },
      { label: '2025-Q1', from: '2025-01-01', to: '2025-03-31' },
    ]);
  });
});
