import { decisionYear, formatNumber, parseDecisionSearch } from './decision-number.js';

describe('decision numbers (unit)', () => {
  it('formats year/serial with three digits at least, without losing larger serials', () => {
    expect(formatNumber(2026, 1)).toBe('2026/001');
    expect(formatNumber(2026, 999)).toBe('2026/999');
    expect(formatNumber(2026, 1000)).toBe('2026/1000');
  });

  it('numbers by the year in Europe/Berlin', () => {
    expect(decisionYear(new Date('2026-12-31T23:00:00Z'))).toBe(2027);
    expect(decisionYear(new Date('2026-06-30T23:30:00Z'))).toBe(2026);
  });

  it('reads a search term as a number in either spelling, or as prefix words', () => {
    expect(parseDecisionSearch('2026/7')).toEqual({ number: '2026/007' });
    expect(parseDecisionSearch(' 2026/007 ')).toEqual({ number: '2026/007' });
    expect(parseDecisionSearch('Sprach-Kurse Förderung')).toEqual({
      words: ['sprach', 'kurse', 'förderung'],
    });
    expect(parseDecisionSearch('a b c d e f g h i j')).toEqual({
      words: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'],
    });
  });

  it('means no filter for an empty term and no match for one without words', () => {
    expect(parseDecisionSearch(null)).toBeNull();
    expect(parseDecisionSearch('   ')).toBeNull();
    expect(parseDecisionSearch('!!! ---')).toBeUndefined();
  });
});
