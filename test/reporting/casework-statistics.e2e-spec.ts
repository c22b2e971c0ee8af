import type { BuiltAlliance } from '../utils/builders.js';
import { expectData } from '../utils/builders.js';
import { startTestApp, type TestApp } from '../utils/test-app.js';
import { aCaseAt, aReportAlliance, caseworkIn2025, REPORT } from './helpers.js';

/**
 * Casework figures of the alliance report: exact counts of data built here (in 2025, so every
 * quarter has ended), the suppression pattern, and the attacks it must withstand.
 */
let t: TestApp;
let a: BuiltAlliance;
const kimLanguage: string[] = [];

const Q1 = { from: '2025-01-01', to: '2025-03-31' };
const Q2 = { from: '2025-04-01', to: '2025-06-30' };
const YEAR = { from: '2025-01-01', to: '2025-12-31' };

async function report(token: string, period: { from: string; to: string }) {
  const { allianceReport } = await expectData(t, REPORT, { a: a.allianceId, ...period }, token);
  return allianceReport;
}
const shown = (c: { display: string }) => c.display;
const areaRow = (figures: any, area: string | null) => figures.cases.find((r: any) => r.area === area);

beforeAll(async () => {
  t = await startTestApp();
  a = await aReportAlliance(t);
  kimLanguage.push(...(await caseworkIn2025(t, a)));
}, 240_000);

afterAll(() => t?.close());

describe('casework figures', () => {
  it('counts cases per support area and in total, per quarter, suppressing small and recoverable cells', async () => {
    const r = await report(a.users.coord.token, Q1);
    expect(r.casework).toMatchObject({ suppressed: true, minimumCount: 5, unpublishedQuarters: [] });
    expect(r.casework.quarters.map((q: any) => q.label)).toEqual(['2025-Q1']);
    const q1 = r.casework.quarters[0];
    const opened = Object.fromEntries(q1.cases.map((c: any) => [c.area ?? 'ALL', shown(c.opened)]));
    // LANGUAGE 7 + 6; HEALTH 1 is below 5; EMPLOYMENT (6) is hidden too, or HEALTH = 14 − 13 … could be narrowed.
    expect(opened).toEqual({
      LANGUAGE: '13',
      HOUSING: '0',
      RESIDENCE: '0',
      EMPLOYMENT: 'x',
      EDUCATION: '0',
      HEALTH: '< 5',
      FAMILY: '0',
      OTHER: '0',
      ALL: '14',
    });
    expect(areaRow(q1, 'HEALTH').opened).toEqual({ value: null, suppressed: 'PRIMARY', display: '< 5' });
    expect(areaRow(q1, 'EMPLOYMENT').opened).toEqual({ value: null, suppressed: 'SECONDARY', display: 'x' });
    expect(shown(areaRow(q1, 'LANGUAGE').closed)).toBe('5');
    expect(shown(areaRow(q1, null).closed)).toBe('5');
    expect(q1.cases.every((c: any) => c.erased.value === 0)).toBe(true);
    // The total equals the published sum, so nothing else is needed.
    expect(r.casework.total).toEqual({ ...q1, label: '2025-01-01/2025-03-31' });
  });

  it('counts handovers per pair of organisations, with the median time to accept where enough acceptances exist', async () => {
    const q1 = (await report(a.users.coord.token, Q1)).casework.quarters[0];
    const pair = (to: string | null) =>
      q1.handovers.find(
        (h: any) => h.toOrganisationId === to && (to === null || h.fromOrganisationId === a.orgs.kim),
      );
    const row = (h: any) => [h.requested, h.accepted, h.declined, h.completed].map(shown);
    expect(q1.handovers).toHaveLength(3);
    expect(pair(a.orgs.jc)).toMatchObject({ fromOrganisationName: 'KIM', toOrganisationName: 'JC' });
    expect(row(pair(a.orgs.jc))).toEqual(['x', 'x', '< 5', 'x']);
    expect(row(pair(a.orgs.aa))).toEqual(['< 5', '< 5', 'x', '< 5']);
    expect(row(pair(null))).toEqual(['7', '6', '< 5', '< 5']);
    // Six acceptances after 5, 10, 20, 30, 40, 50 hours; pairs below the minimum get no median.
    expect(pair(null).medianHoursToAccept).toBe(25);
    expect(pair(a.orgs.jc).medianHoursToAccept).toBeNull();
    expect(pair(a.orgs.aa).medianHoursToAccept).toBeNull();
  });

  it('counts consents by form, language and interpreter use, and withdrawals', async () => {
    const q1 = (await report(a.users.coord.token, Q1)).casework.quarters[0];
    const by = (rows: any[], key: string, field = 'recorded') =>
      Object.fromEntries(rows.map((r) => [String(r[key] ?? 'ALL'), shown(r[field])]));
    expect(by(q1.consentsByForm, 'form')).toEqual({
      WRITTEN: 'x',
      ELECTRONIC: '0',
      ORAL_DOCUMENTED: '< 5',
      ALL: '7',
    });
    expect(by(q1.consentsByForm, 'form', 'withdrawn')).toEqual({
      WRITTEN: '< 5',
      ELECTRONIC: 'x',
      ORAL_DOCUMENTED: 'x',
      ALL: '< 5',
    });
    expect(by(q1.consentsByLanguage, 'language')).toEqual({ ar: '< 5', uk: '< 5', ALL: '7' });
    expect(by(q1.consentsByInterpreter, 'interpreterUsed')).toEqual({ true: '< 5', false: 'x', ALL: '7' });
  });

  it('publishes a period only as sums of its quarters: a sum with a hidden quarter is hidden', async () => {
    const r = await report(a.users.coord.token, YEAR);
    expect(r.casework.quarters.map((q: any) => q.label)).toEqual([
      '2025-Q1',
      '2025-Q2',
      '2025-Q3',
      '2025-Q4',
    ]);
    const [q1, q2, q3] = r.casework.quarters;
    expect(
      Object.fromEntries(
        q2.cases.filter((c: any) => c.opened.value !== 0).map((c: any) => [c.area ?? 'ALL', shown(c.opened)]),
      ),
    ).toEqual({
      LANGUAGE: 'x',
      HOUSING: '< 5',
      ALL: '10',
    });
    expect(shown(areaRow(q2, 'LANGUAGE').erased)).toBe('5');
    // Q3: kim opened six, jc one; kim could subtract its own six, so the whole line is dark.
    expect(shown(areaRow(q3, 'LANGUAGE').opened)).toBe('< 5');
    expect(shown(areaRow(q3, null).opened)).toBe('< 5');
    expect(shown(areaRow(q3, 'HEALTH').opened)).toBe('x');
    const total = r.casework.total;
    expect(shown(areaRow(total, 'HEALTH').opened)).toBe('x');
    expect(shown(areaRow(total, 'LANGUAGE').opened)).toBe('x');
    expect(shown(areaRow(total, null).opened)).toBe('x');
    expect(shown(areaRow(total, null).closed)).toBe('5');
    expect(shown(areaRow(total, 'LANGUAGE').erased)).toBe('5');
    // Every quarter is the same in every report that contains it.
    expect(q1).toEqual((await report(a.users.coord.token, Q1)).casework.quarters[0]);
  });
});

describe('attacks', () => {
  it('differencing two periods that end a day apart reveals nothing: casework exists only for whole quarters', async () => {
    // A naive table would do it: the two periods differ by exactly the one HEALTH case.
    const naive = async (to: string) =>
      (
        await t.db.query(
          `SELECT count(*)::int AS n FROM cases WHERE 'HEALTH' = ANY(support_areas) AND owner_organisation_id = ANY($1)
            AND opened_at >= '2025-01-01T00:00:00+01:00' AND opened_at < ($2::date + 1)::timestamp AT TIME ZONE 'Europe/Berlin'`,
          [Object.values(a.orgs), to],
        )
      ).rows[0].n;
    expect((await naive('2025-03-31')) - (await naive('2025-03-30'))).toBe(1);

    const shorter = await report(a.users.coord.token, { from: '2025-01-01', to: '2025-03-30' });
    expect(shorter.casework).toMatchObject({ quarters: [], total: null, unpublishedQuarters: [] });
    const full = await report(a.users.coord.token, Q1);
    expect(areaRow(full.casework.quarters[0], 'HEALTH').opened.value).toBeNull();
    // Shifted periods see the same grid quarters or none.
    const shifted = await report(a.users.coord.token, { from: '2024-12-31', to: '2025-04-01' });
    expect(shifted.casework.quarters).toEqual(full.casework.quarters);
  });

  it('no hidden cell can be recovered from the totals of its line in any report', async () => {
    for (const period of [Q1, Q2, YEAR, { from: '2025-01-01', to: '2025-06-30' }]) {
      const r = await report(a.users.coord.token, period);
      for (const f of [...r.casework.quarters, r.casework.total]) {
        const lines: [any, any[]][] = [];
        for (const col of ['opened', 'closed', 'erased'])
          lines.push([areaRow(f, null)[col], f.cases.filter((c: any) => c.area).map((c: any) => c[col])]);
        for (const col of ['requested', 'accepted', 'declined', 'completed'])
          lines.push([
            f.handovers.find((h: any) => !h.fromOrganisationId)[col],
            f.handovers.filter((h: any) => h.fromOrganisationId).map((h: any) => h[col]),
          ]);
        const formTotal = f.consentsByForm.find((x: any) => !x.form);
        lines.push([
          formTotal.recorded,
          f.consentsByForm.filter((x: any) => x.form).map((x: any) => x.recorded),
        ]);
        lines.push([
          formTotal.withdrawn,
          f.consentsByForm.filter((x: any) => x.form).map((x: any) => x.withdrawn),
        ]);
        lines.push([
          formTotal.recorded,
          f.consentsByLanguage.filter((x: any) => x.language).map((x: any) => x.recorded),
        ]);
        lines.push([
          formTotal.recorded,
          f.consentsByInterpreter.filter((x: any) => x.interpreterUsed !== null).map((x: any) => x.recorded),
        ]);
        for (const [total, parts] of lines) {
          const hidden = parts.filter((p) => p.value === null).length;
          // A published total with exactly one hidden part would give it away.
          if (total.value !== null) expect(hidden === 0 || hidden >= 2).toBe(true);
          // A hidden total with every part published would be their sum.
          if (total.value === null) expect(hidden).toBeGreaterThan(0);
        }
      }
    }
  });

  it("a partner subtracting its own figures (a subgroup) learns no other partner's small count", async () => {
    const [alliance, own] = await Promise.all([
      report(a.users.kim.token, { from: '2025-07-01', to: '2025-09-30' }),
      report(a.users.kim.token, { from: '2025-07-01', to: '2025-09-30' }),
    ]);
    // kim's own figures (internal): six LANGUAGE; the alliance's hides LANGUAGE and the total, so 7 − 6 is not to be had.
    expect(areaRow(own.ownOrganisationCasework.total, 'LANGUAGE').opened).toEqual({
      value: 6,
      suppressed: null,
      display: '6',
    });
    const q3 = alliance.casework.quarters[0];
    expect(areaRow(q3, 'LANGUAGE').opened.value).toBeNull();
    expect(areaRow(q3, null).opened.value).toBeNull();
  });

  it('the same period gives the same numbers, also after late changes to a published quarter', async () => {
    const before = await report(a.users.coord.token, Q1);
    await aCaseAt(t.db, a.orgs.jc, ['HEALTH'], { opened: '2025-03-01T10:00:00+01:00' });
    const after = await report(a.users.coord.token, Q1);
    expect(after.casework).toEqual(before.casework);
  });
});

describe('who sees what', () => {
  it('members, observers and facilitators get the coordination parts only', async () => {
    for (const who of ['member', 'observer', 'fac']) {
      const r = await report(a.users[who].token, Q1);
      expect(r).toMatchObject({ allianceId: a.allianceId, casework: null, ownOrganisationCasework: null });
      expect(r.taskTotals).toBeDefined();
    }
  });

  it('coordinators, alliance administrators and the platform administrator get the suppressed aggregates only', async () => {
    for (const token of [a.users.coord.token, a.users.admin.token, await t.adminToken()]) {
      const r = await report(token, Q1);
      expect(r.casework.suppressed).toBe(true);
      expect(r.ownOrganisationCasework).toBeNull();
    }
  });

  it("case workers additionally get their own organisation's figures, unsuppressed, for exactly the period", async () => {
    const r = await report(a.users.kim.token, { from: '2025-01-01', to: '2025-03-31' });
    expect(r.casework.suppressed).toBe(true);
    const own = r.ownOrganisationCasework;
    expect(own).toMatchObject({
      suppressed: false,
      minimumCount: null,
      organisationId: a.orgs.kim,
      quarters: [],
    });
    expect(areaRow(own.total, 'HEALTH').opened).toEqual({ value: 1, suppressed: null, display: '1' });
    expect(areaRow(own.total, 'LANGUAGE').opened.value).toBe(7);
    const jcOwn = (await report(a.users.jc.token, Q1)).ownOrganisationCasework;
    expect(areaRow(jcOwn.total, 'EMPLOYMENT').opened.value).toBe(6);
    expect(jcOwn.total.handovers.find((h: any) => !h.fromOrganisationId).requested.value).toBe(6);
  });

  it('is null for non-members and for an unknown alliance, and refuses a period that ends before it starts', async () => {
    const other = await aReportAlliance(t);
    const res = await t.gql(REPORT, { a: a.allianceId, ...Q1 }, other.users.coord.token);
    expect(res.data.allianceReport).toBeNull();
    const bad = await t.gql(
      REPORT,
      { a: a.allianceId, from: '2025-03-01', to: '2025-02-01' },
      a.users.coord.token,
    );
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'to' }] });
  });
});
