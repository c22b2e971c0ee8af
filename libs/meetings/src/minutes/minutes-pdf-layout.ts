import PDFDocument from 'pdfkit';
import { marked, type Token } from 'marked';
import { PDF_FONT, registerUnicodeFonts } from '../../../core/src/index.js';
import { bidiRuns } from './bidi-runs.js';

type Struct = PDFKit.PDFStructureElement;

/** The plain text of Markdown inline tokens: emphasis, code and links give their words. */
function plain(tokens: Token[] | undefined): string {
  return (tokens ?? [])
    .map((t) => {
      if (t.type === 'br') return '\n';
      if ('tokens' in t && t.tokens) return plain(t.tokens);
      return 'text' in t ? String(t.text) : '';
    })
    .join('');
}

/**
 * The layout both minutes printouts share (the members' one here, the public one of OParl): A4
 * with the Unicode fonts, so names in any script print (right-to-left runs shaped on their own), a
 * tagged PDF/UA document in German (headings, paragraphs and lists in its structure tree; page
 * numbers and marks as artifacts), a title, section headings and the minutes text's Markdown.
 */
export class MinutesPdfLayout {
  readonly doc: PDFKit.PDFDocument;
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<void>;
  private readonly root: Struct;

  constructor(title: string) {
    this.doc = new PDFDocument({
      size: 'A4',
      margins: { top: 56, left: 56, right: 56, bottom: 72 },
      bufferPages: true,
      pdfVersion: '1.7',
      // PDF/UA (pdfkit knows the subset; its types list only PDF/A).
      subset: 'PDF/UA' as string as PDFKit.Mixins.PDFSubsets,
      tagged: true,
      lang: 'de-DE',
      displayTitle: true,
      info: { Title: title, Producer: 'Bündnisportal' },
    });
    registerUnicodeFonts(this.doc);
    this.doc.on('data', (c: Buffer) => this.chunks.push(c));
    this.done = new Promise<void>((resolve, reject) => {
      this.doc.on('end', () => resolve());
      this.doc.on('error', reject);
    });
    this.root = this.doc.struct('Document');
    this.doc.addStructure(this.root);
    this.body();
  }

  /** Body text from here on: regular, 10 pt, black. */
  body(): PDFKit.PDFDocument {
    return this.doc.font(PDF_FONT.regular).fontSize(10).fillColor('black');
  }

  bold(): PDFKit.PDFDocument {
    return this.doc.font(PDF_FONT.bold);
  }

  /**
   * What `text` writes, as children of a structure element: each line cut into runs of one
   * direction, shaped on their own; a right-to-left run is a Span whose ActualText holds its words
   * in reading order (the page shows them from the right, so a text extractor meets them reversed).
   */
  private runs(text: string, options: PDFKit.Mixins.TextOptions = {}): PDFKit.PDFStructureElementChild[] {
    const children: PDFKit.PDFStructureElementChild[] = [];
    for (const line of text.split(/\r?\n/)) {
      const runs = bidiRuns(line);
      if (!runs.length) children.push(() => void this.doc.text(' ', options));
      // Options start the line; the runs after the first continue it.
      runs.forEach((run, i) => {
        const draw = () =>
          void this.doc.text(run.text, { ...(i ? {} : options), continued: i < runs.length - 1 });
        children.push(run.rtl ? this.doc.struct('Span', { actual: run.text }, draw) : draw);
      });
    }
    return children;
  }

  /** A structure element of `type` holding `text`, written in the current font. */
  private tag(
    type: string,
    text: string,
    options: PDFKit.Mixins.TextOptions = {},
    parent: Struct = this.root,
  ): void {
    parent.add(this.doc.struct(type, {}, this.runs(text, options)));
  }

  title(text: string): void {
    this.bold().fontSize(18).fillColor('black');
    this.tag('H1', text);
    this.body().moveDown(0.3);
  }

  heading(text: string, level: 2 | 3 = 2): void {
    this.doc.moveDown(level === 2 ? 0.8 : 0.5);
    this.bold()
      .fontSize(level === 2 ? 13 : 11)
      .fillColor('black');
    this.tag(`H${level}`, text);
    this.body().moveDown(0.3);
  }

  /** A paragraph of body text (bold, coloured or indented when asked). */
  p(text: string, options: { bold?: boolean; color?: string; indent?: number } = {}): void {
    (options.bold ? this.bold() : this.doc.font(PDF_FONT.regular))
      .fontSize(10)
      .fillColor(options.color ?? 'black');
    this.tag('P', text, { indent: options.indent ?? 0 });
    this.body();
  }

  /** A bulleted list. */
  list(items: string[], indent = 0): void {
    this.body();
    const list = this.doc.struct('L');
    this.root.add(list);
    for (const item of items) {
      const li = this.doc.struct('LI');
      list.add(li);
      li.add(this.doc.struct('Lbl', {}, () => void this.doc.text('•', { continued: true, indent })));
      this.tag('LBody', ` ${item}`, {}, li);
    }
    list.end();
  }

  /** The minutes text under its heading (nothing when there is none): its Markdown as structure. */
  minutesText(text: string | null | undefined): void {
    if (!text) return;
    this.heading('Protokoll');
    for (const token of marked.lexer(String(text))) {
      if (token.type === 'heading') this.heading(plain(token.tokens), 3);
      else if (token.type === 'list')
        this.list((token.items as { tokens?: Token[] }[]).map((i) => plain(i.tokens).trim()));
      else if (token.type === 'paragraph' || token.type === 'text') this.p(plain(token.tokens) || token.text);
      else if (token.type === 'blockquote') this.p(plain(token.tokens), { indent: 14 });
      else if (token.type === 'code') this.p(token.text, { indent: 14 });
      else if (token.type === 'space') this.doc.moveDown(0.2);
      if (token.type !== 'space') this.doc.moveDown(0.3);
    }
  }

  /** Marks drawn on every page (watermark, page numbers): artifacts, outside the structure. */
  private everyPage(draw: (page: number, pages: number) => void): void {
    const range = this.doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      this.doc.switchToPage(i);
      this.doc.markContent('Artifact', { type: 'Pagination' });
      draw(i - range.start + 1, range.count);
      this.doc.endMarkedContent();
    }
  }

  /** "ENTWURF" across every page. */
  draftMark(): void {
    this.everyPage(() => {
      this.doc.save().rotate(-35, { origin: [300, 420] });
      this.bold()
        .fontSize(80)
        .fillColor('#d00000')
        .opacity(0.12)
        .text('ENTWURF', 90, 380, { lineBreak: false });
      this.doc.restore();
    });
  }

  /** Ends the document with "Seite n von m" on every page and returns its bytes. */
  async finish(): Promise<Buffer> {
    this.everyPage((page, pages) => {
      const { doc } = this;
      const bottom = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      this.body()
        .fontSize(8)
        .fillColor('#444444')
        .text(`Seite ${page} von ${pages}`, doc.page.margins.left, doc.page.height - 40, {
          width: doc.page.width - doc.page.margins.left - doc.page.margins.right,
          align: 'center',
          lineBreak: false,
        });
      doc.page.margins.bottom = bottom;
    });
    this.root.end();
    this.doc.end();
    await this.done;
    return Buffer.concat(this.chunks);
  }
}
