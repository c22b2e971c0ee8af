import ExcelJS from 'exceljs';
import { germanText, type Table, type Value } from './report-tables.js';

/** A sheet name Excel accepts: at most 31 characters, none of []:*?/\, unique in the workbook. */
export function sheetName(title: string, taken: Set<string>): string {
  const base = title
    .replace(/[[\]:*?/\\]/g, ' -')
    .replace(/\s+/g, ' ')
    .slice(0, 31)
    .trim();
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base.slice(0, 28)} ${i}`;
  taken.add(name.toLowerCase());
  return name;
}

function xlsxValue(v: Value): { value: ExcelJS.CellValue; numFmt?: string } {
  if (v === null) return { value: null };
  if (typeof v === 'number') return { value: v, numFmt: Number.isInteger(v) ? '#,##0' : '#,##0.0#' };
  if (typeof v === 'string') return { value: v };
  if ('day' in v) return { value: new Date(`${v.day}T00:00:00Z`), numFmt: 'dd.mm.yyyy' };
  return { value: v.share, numFmt: '0.0%' };
}

/**
 * One sheet per table: a title row, a note row where there is one, the header row, the data.
 * Numbers and days are real numbers and dates with German formats, so Excel computes with them.
 */
export async function toXlsx(title: string, tables: Table[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Bündnisportal';
  book.title = title;
  // Fixed, so the same report gives the same file.
  book.created = book.modified = new Date('2000-01-01T00:00:00Z');
  const taken = new Set<string>();
  for (const table of tables) {
    const sheet = book.addWorksheet(sheetName(table.title, taken));
    sheet.addRow([table.title]).font = { bold: true, size: 13 };
    if (table.note) sheet.addRow([table.note]).font = { italic: true };
    const header = sheet.addRow(table.columns);
    header.font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: header.number }];
    for (const row of table.rows) {
      const r = sheet.addRow(row.map((v) => xlsxValue(v).value));
      row.forEach((v, i) => {
        const fmt = xlsxValue(v).numFmt;
        if (fmt) r.getCell(i + 1).numFmt = fmt;
      });
    }
    sheet.columns.forEach((c, i) => {
      const width = Math.max(
        table.columns[i]?.length ?? 8,
        ...table.rows.map((r) => germanText(r[i] ?? null).length),
      );
      c.width = Math.min(60, Math.max(10, width + 2));
    });
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

function csvField(s: string): string {
  return /[";\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * CSV as German Excel opens it: UTF-8 with BOM, semicolons, CRLF, German numbers and days. Each
 * table is a block: its title, its note, the header, the rows, then an empty line.
 */
export function toCsv(tables: Table[]): Buffer {
  const lines: string[] = [];
  for (const table of tables) {
    lines.push(csvField(table.title));
    if (table.note) lines.push(csvField(table.note));
    lines.push(table.columns.map(csvField).join(';'));
    for (const row of table.rows) lines.push(row.map((v) => csvField(germanText(v))).join(';'));
    lines.push('');
  }
  return Buffer.from(`\uFEFF${lines.join('\r\n')}`, 'utf8');
}
