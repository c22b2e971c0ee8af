/**
 * Threshold suppression with secondary (complementary) suppression, on tables whose lines are
 * "total = sum of parts". Pure and deterministic: the same counts always give the same pattern.
 *
 * Rules (libs/reporting/README.md explains why):
 * 1. primary: a count 0 < n < k is suppressed, and so is a count where 0 < n - m < k for the largest
 *    share m one partner contributed (that partner could subtract its own and learn the rest);
 * 2. a line whose total is suppressed has all its parts suppressed (zeros included);
 * 3. a line whose total is published has either no suppressed part, or at least two whose sum is
 *    at least k; otherwise its smallest published non-zero part is suppressed too (ties: the first
 *    in line order) or, with none left, its total.
 * Repeated until no rule applies; cells shared by several lines (a total of two breakdowns) are one cell.
 */

export type Suppression = 'PRIMARY' | 'SECONDARY';

export interface StatCell {
  /** null when suppressed (the true count is not kept anywhere that is published). */
  value: number | null;
  suppressed: Suppression | null;
}

export interface Line {
  total: string;
  parts: string[];
}

export function suppress(
  counts: ReadonlyMap<string, number>,
  lines: readonly Line[],
  k: number,
  /** Per cell, the largest count a single partner contributed (absent: no partner knows a share). */
  largestShare: ReadonlyMap<string, number> = new Map(),
): Map<string, Suppression | null> {
  const status = new Map<string, Suppression | null>();
  for (const [id, n] of counts) {
    const rest = n - (largestShare.get(id) ?? 0);
    status.set(id, (n > 0 && n < k) || (rest > 0 && rest < k) ? 'PRIMARY' : null);
  }
  const value = (id: string) => counts.get(id) ?? 0;
  const mark = (id: string) => {
    if (status.get(id)) return false;
    status.set(id, 'SECONDARY');
    return true;
  };
  let changed = true;
  while (changed) {
    changed = false;
    for (const line of lines) {
      if (status.get(line.total)) {
        for (const p of line.parts) changed = mark(p) || changed;
        continue;
      }
      const hidden = line.parts.filter((p) => status.get(p));
      if (!hidden.length) continue;
      const sum = hidden.reduce((s, p) => s + value(p), 0);
      if (hidden.length >= 2 && sum >= k) continue;
      let candidate: string | undefined;
      for (const p of line.parts)
        if (!status.get(p) && value(p) > 0 && (candidate === undefined || value(p) < value(candidate)))
          candidate = p;
      changed = mark(candidate ?? line.total) || changed;
    }
  }
  return status;
}

/** The published form of a count under a suppression pattern. */
export function cell(n: number, suppressed: Suppression | null | undefined): StatCell {
  return suppressed ? { value: null, suppressed } : { value: n, suppressed: null };
}

/** A sum over grid periods: published only when every summand is, so it reveals nothing new. */
export function sumCells(cells: readonly StatCell[]): StatCell {
  if (cells.length === 1) return cells[0];
  if (cells.some((c) => c.suppressed || c.value === null)) return { value: null, suppressed: 'SECONDARY' };
  return { value: cells.reduce((s, c) => s + (c.value ?? 0), 0), suppressed: null };
}
