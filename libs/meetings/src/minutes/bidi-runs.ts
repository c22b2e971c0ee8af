/** Letters of the scripts written right to left. */
const RTL = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
/** Letters and digits of every other script (digits stay left to right inside Arabic too). */
const LTR = /[\p{L}\p{N}]/u;

export interface BidiRun {
  text: string;
  rtl: boolean;
}

/**
 * A line in a left-to-right paragraph, cut into runs of one direction: right-to-left letters, with
 * the spaces and punctuation between them, form one run; everything else is left to right. The PDF
 * writer shapes each run on its own, so an Arabic name inside German text joins its letters and
 * reads from the right, while the German around it stays as it is.
 */
export function bidiRuns(line: string): BidiRun[] {
  const chars = [...line];
  const strong = chars.map((c) => (RTL.test(c) ? 'R' : LTR.test(c) ? 'L' : null));
  const dir = chars.map((_, i) => {
    if (strong[i]) return strong[i];
    // A neutral between two right-to-left letters belongs to their run.
    const before = strong.slice(0, i).findLast((s) => s !== null);
    const after = strong.slice(i + 1).find((s) => s !== null);
    return before === 'R' && after === 'R' ? 'R' : 'L';
  });
  const runs: BidiRun[] = [];
  chars.forEach((c, i) => {
    const rtl = dir[i] === 'R';
    const last = runs[runs.length - 1];
    if (last && last.rtl === rtl) last.text += c;
    else runs.push({ text: c, rtl });
  });
  return runs;
}
