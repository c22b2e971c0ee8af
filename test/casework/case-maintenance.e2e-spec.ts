import { codes, type TestApp } from '../utils/test-app.js';
import type { BuiltAlliance } from '../utils/builders.js';
import { auditCount, expectData, fullCaseInput, handedOver, openCase, withCaseworkApp } from './helpers.js';

const UPDATE = `mutation($i: UpdateCaseDataInput!) { updateCaseData(input: $i) { id version contact { phone } housing { situation } } }`;
const CASE = `query($id: ID!) { case(id: $id) { id status version closedAt closingReason reopenedAt contact { phone } } }`;
const CLOSE = `mutation($id: ID!, $r: CaseClosingReason) { closeCase(id: $id, reason: $r) { id status closedAt closingReason version } }`;
const REOPEN = `mutation($id: ID!) { reopenCase(id: $id) { id status closedAt closingReason reopenedAt version } }`;

describe('casework: case maintenance', () => {
  let t: TestApp;
  let a: BuiltAlliance;
  withCaseworkApp((app, alliance) => {
    t = app;
    a = alliance;
  });

  it('edits one category on the version it was loaded at; a stale version is a CONFLICT and writes nothing', async () => {
    const c = await openCase(t, a.users.kim.token, fullCaseInput({ givenName: 'V', familyName: 'Ersion' }));
    const loaded = (await expectData(t, CASE, { id: c.id }, a.users.kim.token)).case;
    expect(loaded.version).toBe(1);
    const first = await expectData(
      t,
      UPDATE,
      { i: { caseId: c.id, expectedVersion: 1, contact: { phone: '+49 1' } } },
      a.users.kim.token,
    );
    expect(first.updateCaseData).toMatchObject({
      version: 2,
      contact: { phone: '+49 1' },
      housing: { situation: 'shared accommodation' },
    });
    // A colleague still holding version 1 is refused, with the current version.
    const audit = await auditCount(t);
    const stale = await t.gql(
      UPDATE,
      { i: { caseId: c.id, expectedVersion: 1, contact: { phone: '+49 2' } } },
      a.users.kim2.token,
    );
    expect(codes(stale)).toEqual(['CONFLICT']);
    expect((stale.errors![0].extensions as Record<string, unknown>).currentVersion).toBe(2);
    expect(await auditCount(t)).toBe(audit);
    expect((await expectData(t, CASE, { id: c.id }, a.users.kim.token)).case).toMatchObject({
      version: 2,
      contact: { phone: '+49 1' },
    });
    // Without expectedVersion the last write wins, as before.
    expect(
      (
        await expectData(
          t,
          UPDATE,
          { i: { caseId: c.id, housing: { situation: 'flat' } } },
          a.users.kim2.token,
        )
      ).updateCaseData.version,
    ).toBe(3);
  });

  it('closes with a reason and reopens; reopening is for closed cases of the owner only', async () => {
    const c = await openCase(t, a.users.kim.token, fullCaseInput({ givenName: 'Z', familyName: 'Zu' }));
    expect(codes(await t.gql(REOPEN, { id: c.id }, a.users.kim.token))).toEqual(['CONFLICT']);
    const closed = (await expectData(t, CLOSE, { id: c.id, r: 'MOVED_AWAY' }, a.users.kim.token)).closeCase;
    expect(closed).toMatchObject({ status: 'CLOSED', closingReason: 'MOVED_AWAY', version: 2 });
    expect(
      codes(await t.gql(UPDATE, { i: { caseId: c.id, housing: { situation: 'x' } } }, a.users.kim.token)),
    ).toEqual(['CONFLICT']);
    const reopened = (await expectData(t, REOPEN, { id: c.id }, a.users.kim2.token)).reopenCase;
    expect(reopened).toMatchObject({ status: 'OPEN', closedAt: null, closingReason: null, version: 3 });
    expect(reopened.reopenedAt).toEqual(expect.any(String));
    const audit = await t.db.query(
      `SELECT action FROM audit_entries WHERE entity_id = $1 ORDER BY sequence`,
      [c.id],
    );
    expect(audit.rows.map((r: { action: string }) => r.action)).toEqual([
      'openCase',
      'closeCase',
      'reopenCase',
    ]);
    // A receiving organisation may not, others do not see the case, an erased case cannot come back.
    const h = await handedOver(t, a, { givenName: 'E', familyName: 'Mpfang' });
    await expectData(t, CLOSE, { id: h.caseId }, a.users.kim.token);
    expect(codes(await t.gql(REOPEN, { id: h.caseId }, a.users.jc.token))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(REOPEN, { id: h.caseId }, a.users.aa.token))).toEqual(['NOT_FOUND']);
    await expectData(
      t,
      `mutation($id: ID!) { eraseCase(id: $id) { id } }`,
      { id: h.caseId },
      a.users.kim.token,
    );
    const erased = await t.gql(REOPEN, { id: h.caseId }, a.users.kim.token);
    expect(codes(erased)).toEqual(['CONFLICT']);
    expect(erased.errors![0].message).toMatch(/erased/);
  });
});
