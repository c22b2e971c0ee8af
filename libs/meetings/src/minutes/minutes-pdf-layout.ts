import PDFDocument from 'pdfkit';
import { PDF_FONT, registerUnicodeFonts } from '../../../core/src/index.js';

/**
 * The layout both minutes printouts share (the members' one here, the public one of OParl): A4
 * with the Unicode fonts, so names in any script print, a title, section headings and the minutes
 * text with its light Markdown (headings, bullets; emphasis marks dropped).
 */
export class MinutesPdfLayout {
  readonly doc: PDFKit.PDFDocument;
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<void>;

  constructor(title: string, options: { bufferPages?: boolean } = {}) {
    this.doc = new PDFDocument({
      size: 'A4',
      margin: 56,
      bufferPages: options.bufferPages ?? false,
      info: { Title: title, Producer: 'Bündnisportal' },
    });
    registerUnicodeFonts(this.doc);
    this.doc.on('data', (c: Buffer) => this.chunks.push(c));
    this.done = new Promise<void>((resolve, reject) => {
      this.doc.on('end', () => resolve());
      this.doc.on('error', reject);
    });
  }

  /** Body text from here on: regular, 10 pt, black. */
  body(): PDFKit.PDFDocument {
    return this.doc.font(PDF_FONT.regular).fontSize(10).fillColor('black');
  }

  bold(): PDFKit.PDFDocument {
    return this.doc.font(PDF_FONT.bold);
  }

  title(text: string): void {
    this.bold().fontSize(18).fillColor('black').text(text);
    this.body().moveDown(0.3);
  }

  heading(text: string): void {
    this.doc.moveDown(0.8);
    this.bold().fontSize(13).fillColor('black').text(text).moveDown(0.3);
    this.body();
  }

  /** The minutes text under its heading (nothing when there is none). */
  minutesText(text: string | null | undefined): void {
    if (!text) return;
    this.heading('Protokoll');
    for (const line of String(text).split(/\r?\n/)) {
      const h = /^(#{1,6})\s+(.*)$/.exec(line);
      if (h) this.bold().text(h[2].replace(/[*_`]/g, '')).font(PDF_FONT.regular);
      else if (!line.trim()) this.doc.moveDown(0.4);
      else this.doc.text(line.replace(/^\s*[-*]\s+/, '• ').replace(/\*\*|__|`/g, ''));
    }
  }

  /** Ends the document and returns its bytes. */
  async finish(): Promise<Buffer> {
    this.doc.end();
    await this.done;
    return Buffer.concat(this.chunks);
  }
}
