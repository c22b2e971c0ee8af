/** The fixed grid of casework statistics: calendar quarters (Europe/Berlin days). */
export interface GridQuarter {
  label: string;
  from: string;
  to: string;
}

function day(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function quarterOf(y: number, q: number): GridQuarter {
  const startMonth = (q - 1) * 3 + 1;
  const last = new Date(Date.UTC(y, startMonth + 2, 0)).getUTCDate();
  return { label: `${y}-Q${q}`, from: day(y, startMonth, 1), to: day(y, startMonth + 2, last) };
}

/** The quarters that lie entirely within [from, to] (both calendar days, inclusive). */
export function quartersWithin(from: string, to: string): GridQuarter[] {
  const out: GridQuarter[] = [];
  let y = Number(from.slice(0, 4));
  let q = Math.floor((Number(from.slice(5, 7)) - 1) / 3) + 1;
  for (;;) {
    const quarter = quarterOf(y, q);
    if (quarter.to > to) break;
    if (quarter.from >= from) out.push(quarter);
    if (++q > 4) {
      q = 1;
      y++;
    }
  }
  return out;
}
