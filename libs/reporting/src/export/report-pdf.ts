import PDFDocument from 'pdfkit';
import { PDF_FONT, registerUnicodeFonts } from '../../../core/src/index.js';
import type { ReportIndicatorModel } from '../models/alliance-report.models.js';
import { germanText, type Table } from './report-tables.js';

const MARGIN = 40;
const ROW = 15;

interface Chart {
  title: string;
  indicator: ReportIndicatorModel;
}

/** Column widths: text columns share what the number columns (fixed width) leave. */
function widths(table: Table, total: number): number[] {
  const numeric = table.columns.map(
    (_, i) =>
      table.rows.length > 0 &&
      table.rows.every((r) => r[i] === null || typeof r[i] !== 'string' || /^[<x\d]/.test(String(r[i]))),
  );
  const fixed = 78;
  const texts = numeric.filter((n) => !n).length || 1;
  const rest = Math.max(120, total - fixed * numeric.filter(Boolean).length);
  return numeric.map((n) => (n ? fixed : rest / texts));
}

function drawChart(doc: PDFKit.PDFDocument, chart: Chart, from: string, to: string): void {
  const { indicator: i } = chart;
  const w = 420;
  const h = 130;
  if (doc.y + h + 50 > doc.page.height - MARGIN) doc.addPage();
  doc
    .font(PDF_FONT.bold)
    .fontSize(10)
    .text(chart.title, MARGIN, doc.y + 6);
  const x0 = MARGIN + 50;
  const y0 = doc.y + 6;
  const values = [i.baseline, i.target, ...i.measurements.map((m) => m.value)];
  const lo = Math.min(...values);
  const hi = Math.max(...values) === lo ? lo + 1 : Math.max(...values);
  const t0 = Date.parse(from);
  const t1 = Math.max(Date.parse(to), t0 + 1);
  const px = (day: string) => x0 + ((Date.parse(day) - t0) / (t1 - t0)) * w;
  const py = (v: number) => y0 + h - ((v - lo) / (hi - lo)) * h;
  doc.save().lineWidth(0.8).strokeColor('#333333');
  doc
    .moveTo(x0, y0)
    .lineTo(x0, y0 + h)
    .lineTo(x0 + w, y0 + h)
    .stroke();
  doc.restore();
  doc.font(PDF_FONT.regular).fontSize(7).fillColor('#333333');
  doc.text(germanText(hi), MARGIN, py(hi) - 4, { width: 45, align: 'right' });
  doc.text(germanText(lo), MARGIN, py(lo) - 4, { width: 45, align: 'right' });
  doc.text(germanText({ day: from }), x0 - 20, y0 + h + 3, { width: 60, lineBreak: false });
  doc.text(germanText({ day: to }), x0 + w - 40, y0 + h + 3, { width: 60, align: 'right', lineBreak: false });
  for (const [v, color, name] of [
    [i.baseline, '#777777', 'Ausgangswert / baseline'],
    [i.target, '#1b6e2e', 'Zielwert / target'],
  ] as const) {
    doc
      .save()
      .dash(3, { space: 3 })
      .strokeColor(color)
      .moveTo(x0, py(v))
      .lineTo(x0 + w, py(v))
      .stroke()
      .undash()
      .restore();
    doc
      .fillColor(color)
      .text(`${name}: ${germanText(v)}`, x0 + w + 6, py(v) - 4, { width: 150, lineBreak: false });
  }
  const points = i.measurements.map((m) => [px(m.observedOn), py(m.value)] as const);
  if (points.length) {
    doc.save().lineWidth(1.5).strokeColor('#0b4f8a');
    doc.moveTo(points[0][0], points[0][1]);
    for (const [x, y] of points.slice(1)) doc.lineTo(x, y);
    doc.stroke();
    for (const [x, y] of points) doc.circle(x, y, 2.2).fill('#0b4f8a');
    doc.restore();
  }
  doc.fillColor('black');
  doc.y = y0 + h + 16;
  doc.x = MARGIN;
}

function drawTable(doc: PDFKit.PDFDocument, table: Table): void {
  const total = doc.page.width - 2 * MARGIN;
  const ws = widths(table, total);
  const row = (cells: string[], bold: boolean) => {
    if (doc.y + ROW > doc.page.height - MARGIN) doc.addPage();
    const y = doc.y;
    doc.font(bold ? PDF_FONT.bold : PDF_FONT.regular).fontSize(8);
    let x = MARGIN;
    cells.forEach((c, i) => {
      doc.text(c, x + 2, y + 3, { width: ws[i] - 4, height: ROW - 2, ellipsis: true, lineBreak: false });
      x += ws[i];
    });
    doc
      .save()
      .lineWidth(0.3)
      .strokeColor('#bbbbbb')
      .moveTo(MARGIN, y + ROW)
      .lineTo(MARGIN + total, y + ROW)
      .stroke()
      .restore();
    doc.y = y + ROW;
  };
  if (doc.y + 4 * ROW > doc.page.height - MARGIN) doc.addPage();
  doc.moveDown(0.6).font(PDF_FONT.bold).fontSize(12).text(table.title, MARGIN);
  if (table.note)
    doc.font(PDF_FONT.regular).fontSize(8).fillColor('#444444').text(table.note, MARGIN).fillColor('black');
  doc.moveDown(0.2);
  row(table.columns, true);
  for (const r of table.rows) row(r.map(germanText), false);
}

/** The report as a PDF (A4 landscape) with the Unicode fonts, a chart per indicator after the goals. */
export async function toPdf(
  heading: { title: string; subtitle: string; from: string; to: string },
  tables: Table[],
  charts: Chart[],
): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: MARGIN,
    info: { Title: heading.title, Producer: 'Bündnisportal', CreationDate: new Date('2000-01-01T00:00:00Z') },
  });
  registerUnicodeFonts(doc);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });
  doc.font(PDF_FONT.bold).fontSize(18).text(heading.title);
  doc.font(PDF_FONT.regular).fontSize(10).text(heading.subtitle);
  for (const table of tables) {
    drawTable(doc, table);
    if (table.key === 'goals') for (const chart of charts) drawChart(doc, chart, heading.from, heading.to);
  }
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
