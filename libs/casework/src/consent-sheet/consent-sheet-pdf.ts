import PDFDocument from 'pdfkit';
import { PDF_FONT, registerUnicodeFonts } from '../../../core/src/index.js';
import { paragraphDirection, visualRuns, wrapLines } from './bidi-lines.js';
import type { SheetCell, SheetContent, SheetSide } from './consent-sheet.content.js';

const MARGIN = 42;
const GAP = 18;
const SIZE = 9.5;
const LINE = 1.35;
/**
 * With features given, pdfkit lays a string out in one fontkit run; without, it lays out word by
 * word, and a right-to-left line would come out with its words left to right.
 */
const WHOLE_RUN = { features: ['liga'] as PDFKit.Mixins.OpenTypeFeatures[] };

/**
 * The printable consent sheet: A4, German on the left and the client's language on the right,
 * section by section at the same height, with signature lines for a WRITTEN consent. DejaVu Sans
 * (embedded) covers Latin, Cyrillic, Arabic and Persian; right-to-left text is laid out line by
 * line with bidi-lines (pdfkit's own line breaking would run Arabic words left to right).
 */
export class ConsentSheetPdf {
  private readonly doc: PDFKit.PDFDocument;
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<void>;
  private readonly column: number;
  private y = MARGIN;

  constructor(
    private readonly content: SheetContent,
    title: string,
  ) {
    this.doc = new PDFDocument({
      size: 'A4',
      margin: MARGIN,
      lang: content.client.template.htmlLang,
      info: { Title: title, Producer: 'Bündnisportal' },
    });
    registerUnicodeFonts(this.doc);
    this.doc.on('data', (c: Buffer) => this.chunks.push(c));
    this.done = new Promise<void>((resolve, reject) => {
      this.doc.on('end', () => resolve());
      this.doc.on('error', reject);
    });
    this.column = (this.doc.page.width - 2 * MARGIN - GAP) / 2;
  }

  async render(): Promise<Buffer> {
    const { german, client } = this.content;
    this.row(
      { label: german.title, paragraphs: [german.intro] },
      { label: client.title, paragraphs: [client.intro] },
      12,
    );
    german.cells.forEach((cell, i) => this.row(cell, client.cells[i], 10.5));
    if (german.signatures.length) this.signatures(german, client);
    this.doc.end();
    await this.done;
    return Buffer.concat(this.chunks);
  }

  private get bottom(): number {
    return this.doc.page.height - MARGIN;
  }

  private lineHeight(size: number): number {
    return size * LINE;
  }

  /** The lines of a paragraph in a column of the side's direction. */
  private lines(text: string, size: number, bold: boolean): string[] {
    this.doc.font(bold ? PDF_FONT.bold : PDF_FONT.regular).fontSize(size);
    return wrapLines(text, this.column, (s) => this.doc.widthOfString(s, WHOLE_RUN));
  }

  private cellHeight(cell: SheetCell, labelSize: number): number {
    let h = this.lines(cell.label, labelSize, true).length * this.lineHeight(labelSize) + 3;
    for (const p of cell.paragraphs) h += this.lines(p, SIZE, false).length * this.lineHeight(SIZE) + 2;
    return h;
  }

  private row(left: SheetCell, right: SheetCell, labelSize: number): void {
    const height = Math.max(this.cellHeight(left, labelSize), this.cellHeight(right, labelSize));
    if (this.y + height > this.bottom) {
      this.doc.addPage();
      this.y = MARGIN;
    }
    const x = [MARGIN, MARGIN + this.column + GAP];
    this.cell(left, x[0], this.content.german.template.dir, labelSize);
    this.cell(right, x[1], this.content.client.template.dir, labelSize);
    this.y += height + 10;
    this.doc
      .moveTo(MARGIN, this.y - 6)
      .lineTo(this.doc.page.width - MARGIN, this.y - 6)
      .lineWidth(0.4)
      .strokeColor('#999999')
      .stroke();
  }

  private cell(cell: SheetCell, x: number, dir: 'ltr' | 'rtl', labelSize: number): void {
    let y = this.y;
    y = this.paragraph(cell.label, x, y, dir, labelSize, true) + 3;
    for (const p of cell.paragraphs) y = this.paragraph(p, x, y, dir, SIZE, false) + 2;
  }

  /** Draws a paragraph in the column at x; returns the y below it. */
  private paragraph(
    text: string,
    x: number,
    y: number,
    dir: 'ltr' | 'rtl',
    size: number,
    bold: boolean,
  ): number {
    const font = bold ? PDF_FONT.bold : PDF_FONT.regular;
    const base = paragraphDirection(text, dir);
    for (const line of this.lines(text, size, bold)) {
      this.drawLine(line, x, y, dir, font, size, base);
      y += this.lineHeight(size);
    }
    return y;
  }

  /** One line, its runs in visual order after the paragraph's direction `base`; right-aligned in a right-to-left column. */
  private drawLine(
    line: string,
    x: number,
    y: number,
    dir: 'ltr' | 'rtl',
    font: string,
    size: number,
    base: 'ltr' | 'rtl' = dir,
  ): void {
    const doc = this.doc.font(font).fontSize(size).fillColor('black');
    const width = (s: string) => doc.widthOfString(s, WHOLE_RUN);
    const runs = visualRuns(line, base).map((r) => ({ ...r, width: width(r.text) }));
    const total = runs.reduce((sum, r) => sum + r.width, 0);
    let cx = dir === 'rtl' ? x + this.column - total : x;
    for (const run of runs) {
      const trimmed = run.text.trim();
      // The whitespace on the run's left: its trailing whitespace when it is in logical order (right to left).
      const left = run.logical
        ? run.text.slice(run.text.trimEnd().length)
        : run.text.slice(0, run.text.length - run.text.trimStart().length);
      if (trimmed) doc.text(trimmed, cx + (left ? width(left) : 0), y, { lineBreak: false, ...WHOLE_RUN });
      cx += run.width;
    }
  }

  private signatures(german: SheetSide, client: SheetSide): void {
    const needed = 22 + german.signatures.length * 46;
    if (this.y + needed > this.bottom) {
      this.doc.addPage();
      this.y = MARGIN;
    }
    this.paragraph(german.template.signaturesLabel, MARGIN, this.y, 'ltr', 10.5, true);
    this.paragraph(
      client.template.signaturesLabel,
      MARGIN + this.column + GAP,
      this.y,
      client.template.dir,
      10.5,
      true,
    );
    this.y += 22;
    german.signatures.forEach((label, i) => {
      this.y += 26;
      this.doc
        .moveTo(MARGIN, this.y)
        .lineTo(this.doc.page.width - MARGIN, this.y)
        .lineWidth(0.8)
        .strokeColor('black')
        .stroke();
      this.drawLine(label, MARGIN, this.y + 3, 'ltr', PDF_FONT.regular, 8.5);
      this.drawLine(
        client.signatures[i],
        MARGIN + this.column + GAP,
        this.y + 3,
        client.template.dir,
        PDF_FONT.regular,
        8.5,
      );
      this.y += 20;
    });
  }
}
