import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

export interface UnicodeFonts {
  regular: Buffer;
  bold: Buffer;
}

let cached: UnicodeFonts | undefined;

/**
 * DejaVu Sans (regular, bold) from the dejavu-fonts-ttf package: Latin, Greek, Cyrillic, Arabic,
 * Hebrew, Armenian, Georgian … so names in any script of the alliance's people print. Read once.
 */
export function unicodeFonts(): UnicodeFonts {
  if (!cached) {
    const dir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
    cached = {
      regular: readFileSync(join(dir, 'DejaVuSans.ttf')),
      bold: readFileSync(join(dir, 'DejaVuSans-Bold.ttf')),
    };
  }
  return cached;
}

/** The names under which registerUnicodeFonts makes the fonts known to a PDF document. */
export const PDF_FONT = { regular: 'Sans', bold: 'Sans-Bold' } as const;

/** Registers the Unicode fonts with a pdfkit document (use PDF_FONT.regular / .bold). */
export function registerUnicodeFonts(doc: { registerFont(name: string, src: Buffer): unknown }): void {
  const fonts = unicodeFonts();
  doc.registerFont(PDF_FONT.regular, fonts.regular);
  doc.registerFont(PDF_FONT.bold, fonts.bold);
}
