import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { codes, type TestApp } from '../utils/test-app.js';
import type { BuiltAlliance } from '../utils/builders.js';
import {
  SHEET_LANGUAGES,
  templatesDir,
} from '../../libs/casework/src/consent-sheet/consent-sheet.templates.js';
import {
  expectData,
  fullCaseInput,
  openCase,
  recordConsent,
  REQUEST_HANDOVER,
  withCaseworkApp,
} from './helpers.js';
import { asExtracted, pdfColumns } from './pdf-text.js';

const template = (code: string) => JSON.parse(readFileSync(join(templatesDir(), `${code}.json`), 'utf8'));
const fill = (text: string, values: Record<string, string>) =>
  text.replace(/\{(\w+)\}/g, (_, k: string) => values[k]);

describe('casework: the consent sheet in the client language', () => {
  let t: TestApp;
  let a: BuiltAlliance;
  withCaseworkApp((app, alliance) => {
    t = app;
    a = alliance;
  });

  const client = { givenName: 'Samira', familyName: 'Haddad-Noori' };
  const purpose = 'Vermittlung in einen Berufssprachkurs und in Arbeit';
  let caseId: string;
  let reference: string;
  let consentId: string;
  let orgNames: Record<string, string>;
  const sheet = (lang: string | null, format: 'pdf' | 'html', token: string, k = consentId) =>
    t.get(`/cases/${caseId}/consents/${k}/sheet.${format}${lang ? `?lang=${lang}` : ''}`, {
      authorization: `Bearer ${token}`,
    });

  beforeAll(async () => {
    const c = await openCase(t, a.users.kim.token, fullCaseInput(client));
    caseId = c.id;
    reference = c.reference;
    consentId = await recordConsent(t, a.users.kim.token, {
      caseId,
      recipientIds: [a.orgs.jc, a.orgs.aa],
      categories: ['IDENTITY', 'LANGUAGE', 'EDUCATION_EMPLOYMENT'],
      purpose,
      form: 'WRITTEN',
      informedInLanguage: 'ar',
      interpreterUsed: true,
      validFrom: '2026-11-01T09:00:00.000Z',
      validUntil: '2030-11-30T23:00:00.000Z',
    });
    const orgs = await t.db.query('SELECT id, name FROM organisations WHERE id = ANY($1)', [
      [a.orgs.kim, a.orgs.jc, a.orgs.aa],
    ]);
    orgNames = Object.fromEntries(orgs.rows.map((o: { id: string; name: string }) => [o.id, o.name]));
  });

  it.each(SHEET_LANGUAGES)(
    'the PDF in %s: German beside the language, its mandatory sentences, the filled-in values, fonts embedded, signature fields',
    async (lang) => {
      const res = await sheet(lang, 'pdf', a.users.kim.token);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['cache-control']).toBe('private, no-store');
      expect(res.headers['content-disposition']).toContain(`einwilligung-${reference}-${lang}.pdf`);
      const raw = res.raw.toString('latin1');
      expect(raw).toMatch(/\/FontFile2/); // the TrueType font is embedded, not referenced
      expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans/);
      const de = template('de');
      const other = template(lang);
      const text = await pdfColumns(res.raw, other.dir === 'rtl');
      const owner = orgNames[a.orgs.kim];
      for (const [column, tpl] of [
        [text.left, de],
        [text.right, other],
      ] as const) {
        const values = [
          tpl.title,
          tpl.withdraw,
          tpl.noDisadvantage,
          tpl.withdrawHow,
          fill(tpl.intro, { owner }),
          // A line mixing both directions comes out of pdf.js in its own order: the dates, and the
          // whole sentence where the column runs left to right.
          ...(tpl.dir === 'rtl'
            ? ['01.11.2026', '30.11.2030']
            : [fill(tpl.periodUntil, { from: '01.11.2026', until: '30.11.2030' })]),
          tpl.categoryNames.IDENTITY,
          tpl.categoryNames.LANGUAGE,
          tpl.categoryNames.EDUCATION_EMPLOYMENT,
          purpose,
          `${client.givenName} ${client.familyName}`,
          reference,
          orgNames[a.orgs.jc],
          orgNames[a.orgs.aa],
          a.users.kim.email,
          'User kim',
          tpl.signatureClient,
          tpl.signatureCaseWorker,
          tpl.signatureInterpreter,
          tpl.placeDate,
        ];
        for (const v of values)
          expect({ lang: tpl.code, found: column.includes(asExtracted(v, tpl.dir === 'rtl')), v }).toEqual({
            lang: tpl.code,
            found: true,
            v,
          });
        // Only the consented categories.
        expect(column).not.toContain(asExtracted(tpl.categoryNames.HEALTH, tpl.dir === 'rtl'));
      }
    },
  );

  it('the HTML view: both languages marked with lang and dir, right to left for Arabic and Farsi, values escaped', async () => {
    const k = await recordConsent(t, a.users.kim.token, {
      caseId,
      recipientIds: [a.orgs.jc],
      categories: ['HOUSING'],
      purpose: 'Wohnungssuche <script>alert(1)</script> & Beratung',
      form: 'ORAL_DOCUMENTED',
      informedInLanguage: 'fa',
    });
    for (const lang of SHEET_LANGUAGES) {
      const other = template(lang);
      const res = await sheet(lang, 'html', a.users.kim.token, k);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.text).toContain('<html lang="de">');
      expect(res.text).toContain(`lang="${other.htmlLang}" dir="${other.dir}"`);
      expect(res.text).toContain('lang="de" dir="ltr"');
      for (const s of [other.title, other.withdraw, other.noDisadvantage, template('de').withdraw])
        expect(res.text).toContain(s.replace(/&/g, '&amp;').replace(/'/g, '&#39;'));
      expect(res.text).toContain('Wohnungssuche &lt;script&gt;alert(1)&lt;/script&gt; &amp; Beratung');
      expect(res.text).not.toContain('<script>');
      // An oral consent has no signature fields.
      expect(res.text).not.toContain(template('de').signatureClient);
    }
    // Without ?lang the sheet is in the language the client was informed in.
    const byDefault = await sheet(null, 'html', a.users.kim.token, k);
    expect(byDefault.text).toContain('lang="fa" dir="rtl"');
  });

  it('only the case workers of the owning organisation get the sheet; a bad language is refused with its field', async () => {
    await expectData(
      t,
      REQUEST_HANDOVER,
      { i: { caseId, toOrganisationId: a.orgs.jc, consentId, categories: ['IDENTITY'] } },
      a.users.kim.token,
    );
    for (const token of [a.users.jc.token, a.users.kimCoord.token, a.users.aa.token, await t.adminToken()]) {
      for (const format of ['pdf', 'html'] as const) {
        const res = await sheet('ar', format, token);
        expect(res.status).toBe(404);
        expect(JSON.parse(res.text)).toMatchObject({ code: 'NOT_FOUND' });
      }
    }
    expect((await t.get(`/cases/${caseId}/consents/${consentId}/sheet.pdf?lang=ar`)).status).toBe(401);
    // Another case's id with this consent: not found.
    const other = await openCase(t, a.users.kim.token, {
      supportAreas: ['OTHER'],
      identity: { givenName: 'O', familyName: 'P' },
    });
    expect(
      (
        await t.get(`/cases/${other.id}/consents/${consentId}/sheet.pdf`, {
          authorization: `Bearer ${a.users.kim.token}`,
        })
      ).status,
    ).toBe(404);

    const bad = await sheet('xx', 'pdf', a.users.kim.token);
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.text)).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'lang', message: expect.stringContaining('ar, fa, uk, ru, tr, en, fr, de-ls') }],
    });

    // Printing is audited with ids only.
    const audit = await t.db.query(
      `SELECT entity_type, changed_fields::text AS f FROM audit_entries WHERE action = 'printConsentSheet' AND entity_id = $1`,
      [consentId],
    );
    expect(audit.rows.length).toBeGreaterThanOrEqual(SHEET_LANGUAGES.length);
    expect(JSON.stringify(audit.rows)).not.toContain(client.familyName);
  });

  it('Consent.sheetLanguages lists the languages for the owner, the informed-in language first; nobody else gets any', async () => {
    const q = `query($id: ID!) { case(id: $id) { consents { id sheetLanguages { code name germanName rightToLeft } } } }`;
    const res = await expectData(t, q, { id: caseId }, a.users.kim.token);
    const k = res.case.consents.find((x: { id: string }) => x.id === consentId);
    expect(k.sheetLanguages.map((l: { code: string }) => l.code)).toEqual([
      'ar',
      ...SHEET_LANGUAGES.filter((l) => l !== 'ar'),
    ]);
    expect(k.sheetLanguages[0]).toEqual({
      code: 'ar',
      name: 'العربية',
      germanName: 'Arabisch',
      rightToLeft: true,
    });
    const receiver = await expectData(t, q, { id: caseId }, a.users.jc.token);
    for (const c of receiver.case.consents) expect(c.sheetLanguages).toEqual([]);
    expect(codes(await t.gql(q, { id: caseId }, a.users.jc.token))).toEqual([]);
  });
});
