/** One text item of a PDF page as pdfjs extracts it (its string in logical order, its position). */
interface Item {
  str: string;
  x: number;
  y: number;
}

export interface PdfColumns {
  /** The left column (German), in reading order, whitespace collapsed. */
  left: string;
  /** The right column (the client's language), in reading order: right to left within a line when `rtl`. */
  right: string;
  pages: number;
}

/**
 * The text of a two-column PDF per column, in reading order: lines top to bottom, and within a line
 * the items left to right, or right to left for a right-to-left column. If the sheet drew the words
 * or runs of a line in the wrong order, the sentences would not be found in this text.
 */
export async function pdfColumns(buffer: Buffer, rtl: boolean): Promise<PdfColumns> {
  const pdfjs: any = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(buffer), isEvalSupported: false }).promise;
  const left: string[] = [];
  const right: string[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const middle = page.view[2] / 2;
    const items: Item[] = (await page.getTextContent()).items
      .filter((it: any) => typeof it.str === 'string' && it.str.length)
      .map((it: any) => ({ str: it.str, x: it.transform[4], y: Math.round(it.transform[5]) }));
    for (const [column, out, rightToLeft] of [
      [items.filter((i) => i.x < middle), left, false],
      [items.filter((i) => i.x >= middle), right, rtl],
    ] as const) {
      const lines = new Map<number, Item[]>();
      for (const it of column) lines.set(it.y, [...(lines.get(it.y) ?? []), it]);
      for (const y of [...lines.keys()].sort((a, b) => b - a)) {
        const line = lines.get(y)!.sort((a, b) => (rightToLeft ? b.x - a.x : a.x - b.x));
        out.push(line.map((i) => i.str).join(' '));
      }
    }
  }
  const pages = doc.numPages;
  await doc.destroy();
  const collapse = (parts: string[]) => parts.join(' ').replace(/\s+/g, ' ');
  return { left: collapse(left), right: collapse(right), pages };
}

/** Whitespace collapsed, for comparing a template's sentence with extracted text. */
export function collapsed(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/**
 * A sentence of a right-to-left column as pdf.js extracts it from a correctly drawn page: pdf.js
 * turns the glyphs back into logical order, but keeps the lam-alef ligature's two letters and the
 * mirrored brackets as drawn (checked by eye on docs/screenshots/consent-sheet-ar.png).
 */
export function asExtracted(sentence: string, rtl: boolean): string {
  const s = collapsed(sentence);
  if (!rtl) return s;
  return s.replace(/ل([اأإآ])/g, '$1ل').replace(/[()]/g, (c) => (c === '(' ? ')' : '('));
}
