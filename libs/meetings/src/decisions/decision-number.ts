import { todayInBerlin } from '../../../core/src/index.js';

/** The calendar year in Europe/Berlin in which a decision recorded at `at` is numbered. */
export function decisionYear(at = new Date()): number {
  return Number(todayInBerlin(at).slice(0, 4));
}

/** `2026/014`: the year and the serial with three digits at least. */
export function formatNumber(year: number, serial: number): string {
  return `${year}/${String(serial).padStart(3, '0')}`;
}

/**
 * What `decisions(search)` means: a decision number ("2026/7" or "2026/007"), otherwise up to 8
 * words matched as prefixes; `undefined` when the term has no word at all (nothing matches).
 */
export function parseDecisionSearch(
  search: string | null | undefined,
): { number: string } | { words: string[] } | null | undefined {
  const term = search?.trim();
  if (!term) return null;
  const num = /^(\d{4})\/(\d{1,6})$/.exec(term);
  if (num) return { number: formatNumber(Number(num[1]), Number(num[2])) };
  const words = term
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 8);
  return words.length ? { words } : undefined;
}
