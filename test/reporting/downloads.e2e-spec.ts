import ExcelJS from 'exceljs';
import request from 'supertest';
import type { BuiltAlliance } from '../utils/builders.js';
import { expectData } from '../utils/builders.js';
import { startTestApp, type TestApp } from '../utils/test-app.js';
import { aReportAlliance, caseworkIn2025, REPORT } from './helpers.js';

/** The report's XLSX, CSV and PDF: read back and compared with the API's figures. */
let t: TestApp;
let a: BuiltAlliance;
let api: any;
const YEAR = { from: '2025-01-01', to: '2025-12-31' };
const AREA: Record<string, string> = {
  LANGUAGE: 'Sprache',
  HOUSING: 'Wohnen',
  RESIDENCE: 'Aufenthalt',
  EMPLOYMENT: 'Arbeit',
  EDUCATION: 'Bildung',
  HEALTH: 'Gesundheit',
  FAMILY: 'Familie',
  OTHER: 'Sonstiges',
};
const GOAL = 'Sprachförderung – Мовні курси – Γλώσσα';

function binary(res: any, cb: (err: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
}

function download(token: string | null, format: string, query: Record<string, string> = YEAR) {
  const req = request(t.http)
    .get(`/alliances/${a.allianceId}/report.${format}`)
    .query(query)
    .buffer(true)
    .parse(binary);
  return token ? req.set('authorization', `Bearer ${token}`) : req;
}

async function pdfText(buffer: Buffer): Promise<string> {
  const pdfjs: any = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(buffer),
    standardFontDataUrl: `${process.cwd()}/node_modules/pdfjs-dist/standard_fonts/`,
    isEvalSupported: false,
  }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++)
    pages.push((await (await doc.getPage(i)).getTextContent()).items.map((it: any) => it.str).join(' '));
  await doc.destroy();
  return pages.join('\n').replace(/\s+/g, ' ');
}

/** A published count as a number, a suppressed one as its printed form. */
const cellOf = (c: { value: number | null; display: string }) => (c.value === null ? c.display : c.value);

/** The casework "Fälle" rows the API's figures imply: period, area, opened, closed, erased. */
function expectedCaseRows(stats: any): unknown[][] {
  const periods = [...stats.quarters, stats.total];
  return periods.flatMap((f: any, i: number) =>
    f.cases.map((r: any) => [
      i < stats.quarters.length ? f.label : `insgesamt ${f.from}/${f.to}`,
      r.area ? AREA[r.area] : 'insgesamt',
      cellOf(r.opened),
      cellOf(r.closed),
      cellOf(r.erased),
    ]),
  );
}

/** The data rows of a sheet (after title, note and header). */
function sheetRows(sheet: ExcelJS.Worksheet, skip: number): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow((row, n) => {
    if (n > skip) rows.push((row.values as unknown[]).slice(1));
  });
  return rows;
}

beforeAll(async () => {
  t = await startTestApp();
  a = await aReportAlliance(t);
  await caseworkIn2025(t, a);
  const goal = (
    await expectData(
      t,
      'mutation($i: CreateGoalInput!) { createGoal(input: $i) { id } }',
      { i: { allianceId: a.allianceId, title: GOAL } },
      a.users.coord.token,
    )
  ).createGoal.id;
  const { addIndicator } = await expectData(
    t,
    'mutation($i: AddIndicatorInput!) { addIndicator(input: $i) { id } }',
    { i: { goalId: goal, name: 'Kursplätze', unit: 'Plätze', baseline: 1000, target: 2500.5 } },
    a.users.coord.token,
  );
  await expectData(
    t,
    'mutation($i: RecordMeasurementInput!) { recordMeasurement(input: $i) { id } }',
    { i: { indicatorId: addIndicator.id, value: 1234.5, observedOn: '2025-06-30' } },
    a.users.coord.token,
  );
  api = (await expectData(t, REPORT, { a: a.allianceId, ...YEAR }, a.users.coord.token)).allianceReport;
}, 240_000);

afterAll(() => t?.close());

it('XLSX: every casework cell equals the API figure; numbers and days are typed, with German formats', async () => {
  const res = await download(a.users.coord.token, 'xlsx');
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toContain('spreadsheetml');
  expect(res.headers['content-disposition']).toContain('buendnisbericht-2025-01-01-2025-12-31.xlsx');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.body);
  expect(book.worksheets.map((w) => w.name)).toEqual([
    'Ziele und Indikatoren',
    'Messwerte',
    'Aufgaben je Partner',
    'Aufgaben je Ziel',
    'Sitzungen',
    'Anwesenheit',
    'Beschlüsse',
    'Fälle',
    'Übergaben',
    'Einwilligungen nach Form',
    'Einwilligungen nach Sprache',
    'Einwilligungen Dolmetsch',
  ]);
  const cases = book.getWorksheet('Fälle')!;
  expect((cases.getRow(3).values as unknown[]).slice(1)).toEqual([
    'Zeitraum',
    'Unterstützungsbereich',
    'eröffnet',
    'abgeschlossen',
    'gelöscht',
  ]);
  expect(sheetRows(cases, 3)).toEqual(expectedCaseRows(api.casework));
  const handovers = sheetRows(book.getWorksheet('Übergaben')!, 3);
  const expectedHandovers = [...api.casework.quarters, api.casework.total].flatMap((f: any, i: number) =>
    f.handovers.map((h: any) => [
      i < 4 ? f.label : `insgesamt ${f.from}/${f.to}`,
      h.fromOrganisationName ?? 'insgesamt',
      h.toOrganisationName ?? 'insgesamt',
      cellOf(h.requested),
      cellOf(h.accepted),
      cellOf(h.declined),
      cellOf(h.completed),
      ...(h.medianHoursToAccept === null ? [] : [h.medianHoursToAccept]),
    ]),
  );
  expect(handovers).toEqual(expectedHandovers);
  const forms = sheetRows(book.getWorksheet('Einwilligungen nach Form')!, 3);
  expect(forms.slice(0, 4)).toEqual([
    ['2025-Q1', 'schriftlich', 'x', '< 5'],
    ['2025-Q1', 'elektronisch', 0, 'x'],
    ['2025-Q1', 'mündlich, dokumentiert', '< 5', 'x'],
    ['2025-Q1', 'insgesamt', 7, '< 5'],
  ]);
  // Typed cells: the amount with a German thousands format, the progress as a percentage, the day as a date.
  const goals = book.getWorksheet('Ziele und Indikatoren')!;
  const indicator = api.goals[0].indicators[0];
  expect((goals.getRow(3).values as unknown[]).slice(1)).toEqual([
    GOAL,
    'Kursplätze',
    'Plätze',
    1000,
    2500.5,
    1234.5,
    indicator.progress,
  ]);
  expect(goals.getRow(3).getCell(4).numFmt).toBe('#,##0');
  expect(goals.getRow(3).getCell(7).numFmt).toBe('0.0%');
  const measured = book.getWorksheet('Messwerte')!.getRow(3).getCell(3);
  expect(measured.value).toEqual(new Date('2025-06-30T00:00:00Z'));
  expect(measured.numFmt).toBe('dd.mm.yyyy');
});

it('XLSX headers follow the user language', async () => {
  const res = await download(a.users.coord.token, 'xlsx', { ...YEAR, lang: 'en' });
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.body);
  expect(book.getWorksheet('Cases')!.getRow(3).values).toEqual([
    undefined,
    'Period',
    'Support area',
    'opened',
    'closed',
    'erased',
  ]);
});

it('CSV: UTF-8 with BOM, semicolons, German numbers; parsed back it gives the API figures', async () => {
  const res = await download(a.users.coord.token, 'csv');
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
  const body: Buffer = res.body;
  expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = body.toString('utf8').slice(1);
  // Blocks: title, optional note, header, rows, empty line.
  const blocks = text.split('\r\n\r\n').map((b) => b.split('\r\n').map(parseCsvLine));
  const cases = blocks.find((b) => b[0][0] === 'Fälle')!;
  expect(cases[2]).toEqual(['Zeitraum', 'Unterstützungsbereich', 'eröffnet', 'abgeschlossen', 'gelöscht']);
  expect(cases.slice(3)).toEqual(expectedCaseRows(api.casework).map((r) => r.map(String)));
  const goals = blocks.find((b) => b[0][0] === 'Ziele und Indikatoren')!;
  expect(goals[2]).toEqual([GOAL, 'Kursplätze', 'Plätze', '1.000', '2.500,5', '1.234,5', '15,6\u00a0%']);
  const measurements = blocks.find((b) => b[0][0] === 'Messwerte')!;
  expect(measurements[2]).toEqual([GOAL, 'Kursplätze', '30.06.2025', '1.234,5']);
});

/** One CSV line: semicolon-separated, fields in double quotes may hold semicolons and doubled quotes. */
function parseCsvLine(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ';') {
      out.push(field);
      field = '';
    } else field += ch;
  }
  out.push(field);
  return out;
}

it('PDF: the figures, the suppression marks and names in Cyrillic and Greek script are in its text', async () => {
  const res = await download(a.users.coord.token, 'pdf');
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toBe('application/pdf');
  const text = await pdfText(res.body);
  expect(text).toContain('Bündnisbericht');
  expect(text).toContain('Zeitraum: 01.01.2025 – 31.12.2025');
  expect(text).toContain('Мовні курси');
  expect(text).toContain('Γλώσσα');
  expect(text).toContain('Ausgangswert / baseline: 1.000');
  expect(text).toContain('2025-Q1 Gesundheit < 5 0 0');
  expect(text).toContain('2025-Q1 Sprache 13 5 0');
  expect(text).toContain('2025-Q1 insgesamt 14 5 0');
});

describe('who may download what', () => {
  it('members get the coordination parts only; non-members 404; without a token 401', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await download(a.users.member.token, 'xlsx')).body);
    expect(book.worksheets.map((w) => w.name)).not.toContain('Fälle');
    const other = await aReportAlliance(t);
    expect((await download(other.users.coord.token, 'pdf')).status).toBe(404);
    expect((await download(null, 'csv')).status).toBe(401);
  });

  it('refuses a malformed period with the offending fields, and intern for anyone but case workers', async () => {
    const bad = await download(a.users.coord.token, 'csv', { from: '2025-13-01', to: 'x', lang: 'fr' });
    expect(bad.status).toBe(400);
    const body = JSON.parse(bad.body.toString());
    expect(body.code).toBe('BAD_USER_INPUT');
    const refused = await download(a.users.coord.token, 'xlsx', { ...YEAR, intern: 'true' });
    expect(refused.status).toBe(403);
  });

  it('case workers export their own figures unsuppressed only with intern, which is audited', async () => {
    const audited = async () =>
      (
        await t.db.query(
          `SELECT actor_id, action, changed_fields FROM audit_entries WHERE alliance_id = $1 AND action = 'allianceReport.exportedInternal'`,
          [a.allianceId],
        )
      ).rows;
    const plain = new ExcelJS.Workbook();
    await plain.xlsx.load((await download(a.users.kim.token, 'xlsx')).body);
    expect(plain.worksheets.some((w) => w.name.startsWith('Intern'))).toBe(false);
    expect(await audited()).toEqual([]);

    const res = await download(a.users.kim.token, 'xlsx', { ...YEAR, intern: 'true' });
    expect(res.headers['content-disposition']).toContain('-intern.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body);
    const own = book.getWorksheet('Intern - Fälle')!;
    expect(own.getRow(2).getCell(1).value).toMatch(/^INTERN/);
    const health = sheetRows(own, 3).find((r) => r[1] === 'Gesundheit');
    expect(health).toEqual(['2025-01-01/2025-12-31', 'Gesundheit', 1, 0, 0]);
    expect(await audited()).toEqual([
      {
        actor_id: a.users.kim.id,
        action: 'allianceReport.exportedInternal',
        changed_fields: ['ownOrganisationCasework', 'xlsx'],
      },
    ]);
  });
});
