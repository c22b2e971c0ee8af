import { codes, type TestApp } from '../utils/test-app.js';
import type { BuiltAlliance } from '../utils/builders.js';
import { auditCount, expectData, fullCaseInput, openCase, rows, withCaseworkApp } from './helpers.js';

const REQUEST = `mutation($i: RequestHandoverInput!) { requestHandover(input: $i) {
  id status accessActive awaitingApproval viewerCanDecideBasis legalBasis { code citation }
  consent { id form status purpose legalBasis { code citation permitsHealth } approvedBy { id } } } }`;
const APPROVE = `mutation($id: ID!) { approveHandoverBasis(id: $id) {
  id status awaitingApproval accessActive consent { status approvedBy { id } approvedAt } } }`;
const REJECT = `mutation($id: ID!, $r: String!) { rejectHandoverBasis(id: $id, reason: $r) {
  id status consent { status rejectedBy { id } rejectionReason } } }`;
const ACCEPT = `mutation($id: ID!) { acceptHandover(id: $id) { id status accessActive } }`;
const WITHDRAW = `mutation($id: ID!) { withdrawConsent(id: $id) { id status } }`;
const READ = `query($id: ID!) { case(id: $id) { id visibleCategories identity { familyName } language { germanLevel } health { note } } }`;
const INCOMING = `{ handovers(incoming: true) { id } }`;

describe('casework: handovers on a statutory basis (four eyes)', () => {
  let t: TestApp;
  let a: BuiltAlliance;
  withCaseworkApp((app, alliance) => {
    t = app;
    a = alliance;
  });

  async function statutoryRequest(extra: Record<string, unknown> = {}, familyName = 'Statut') {
    const c = await openCase(t, a.users.kim.token, fullCaseInput({ givenName: 'Sami', familyName }));
    const res = await t.gql(
      REQUEST,
      {
        i: {
          caseId: c.id,
          toOrganisationId: a.orgs.jc,
          legalBasis: 'SGB_II_50',
          justification: 'Leistungsanspruch nach SGB II wird geprüft',
          informedInLanguage: 'ar',
          categories: ['IDENTITY', 'LANGUAGE'],
          ...extra,
        },
      },
      a.users.kim.token,
    );
    return { caseId: c.id, res };
  }

  it('the code list names each basis with its citation', async () => {
    const { legalBases } = await expectData(
      t,
      '{ legalBases { code citation titleDe titleEn permitsHealth listVersion } }',
      {},
      a.users.kim.token,
    );
    expect(legalBases.map((b: { citation: string }) => b.citation)).toEqual(
      expect.arrayContaining(['§ 69 Abs. 1 Nr. 1 SGB X', '§ 50 SGB II', '§ 71 SGB X']),
    );
    expect(legalBases.every((b: { listVersion: string }) => b.listVersion === '2026-11')).toBe(true);
  });

  it('a request on a legal basis waits for a second case worker: no access, invisible to the receiver, then approved it grants like a consent and every read records the basis', async () => {
    const { caseId, res } = await statutoryRequest();
    expect(res.errors).toBeUndefined();
    const h = res.data.requestHandover;
    expect(h).toMatchObject({
      status: 'REQUESTED',
      accessActive: false,
      awaitingApproval: true,
      viewerCanDecideBasis: false,
      legalBasis: { code: 'SGB_II_50', citation: '§ 50 SGB II' },
      consent: {
        form: 'STATUTORY',
        status: 'PENDING_APPROVAL',
        purpose: 'Leistungsanspruch nach SGB II wird geprüft',
        legalBasis: { code: 'SGB_II_50', permitsHealth: false },
        approvedBy: null,
      },
    });
    // The receiver neither lists it, nor sees the case, nor can accept it.
    const incoming = await expectData(t, INCOMING, {}, a.users.jc.token);
    expect(incoming.handovers.map((x: { id: string }) => x.id)).not.toContain(h.id);
    expect((await expectData(t, READ, { id: caseId }, a.users.jc.token)).case).toBeNull();
    expect(codes(await t.gql(ACCEPT, { id: h.id }, a.users.jc.token))).toEqual(['NOT_FOUND']);
    // The second case worker sees that they may decide.
    const seen = await expectData(
      t,
      `query($id: ID!) { case(id: $id) { handovers { id viewerCanDecideBasis awaitingApproval } } }`,
      { id: caseId },
      a.users.kim2.token,
    );
    expect(seen.case.handovers).toEqual([{ id: h.id, viewerCanDecideBasis: true, awaitingApproval: true }]);

    const approved = (await expectData(t, APPROVE, { id: h.id }, a.users.kim2.token)).approveHandoverBasis;
    expect(approved).toMatchObject({
      status: 'REQUESTED',
      awaitingApproval: false,
      consent: { status: 'ACTIVE', approvedBy: { id: a.users.kim2.id } },
    });
    const afterApproval = await expectData(t, INCOMING, {}, a.users.jc.token);
    expect(afterApproval.handovers.map((x: { id: string }) => x.id)).toContain(h.id);
    expect((await expectData(t, ACCEPT, { id: h.id }, a.users.jc.token)).acceptHandover).toMatchObject({
      status: 'ACCEPTED',
      accessActive: true,
    });
    const read = (await expectData(t, READ, { id: caseId }, a.users.jc.token)).case;
    expect(read).toMatchObject({
      visibleCategories: ['IDENTITY', 'LANGUAGE'],
      identity: { familyName: 'Statut' },
      language: { germanLevel: 'A2' },
      health: null,
    });
    const disclosures = await expectData(
      t,
      `query($id: ID!) { disclosures(caseId: $id) { edges { node { categories legalBasis { code citation } consent { form } } } } }`,
      { id: caseId },
      a.users.kim.token,
    );
    expect(disclosures.disclosures.edges.map((e: any) => e.node)).toEqual([
      {
        categories: ['IDENTITY', 'LANGUAGE'],
        legalBasis: { code: 'SGB_II_50', citation: '§ 50 SGB II' },
        consent: { form: 'STATUTORY' },
      },
    ]);
    const exported = JSON.parse(
      (await expectData(t, `query($id: ID!) { caseExport(id: $id) }`, { id: caseId }, a.users.kim.token))
        .caseExport,
    );
    expect(exported.consents[0]).toMatchObject({
      form: 'STATUTORY',
      legalBasis: { code: 'SGB_II_50', citation: '§ 50 SGB II' },
      status: 'ACTIVE',
    });
    expect(exported.handovers[0].legalBasis).toMatchObject({ citation: '§ 50 SGB II' });
    expect(exported.disclosures[0].legalBasis).toMatchObject({ citation: '§ 50 SGB II' });

    // Revocation (withdrawConsent on the basis) ends access on the next read, with why and since when.
    await expectData(t, WITHDRAW, { id: h.consent.id }, a.users.kim.token);
    const after = (await expectData(t, READ, { id: caseId }, a.users.jc.token)).case;
    expect(after).toMatchObject({ visibleCategories: [], identity: null, language: null });
    const ended = await expectData(
      t,
      `query($id: ID!) { case(id: $id) { handovers { accessActive accessEndReason accessEndedAt } } }`,
      { id: caseId },
      a.users.jc.token,
    );
    expect(ended.case.handovers[0]).toMatchObject({ accessActive: false, accessEndReason: 'BASIS_REVOKED' });
    expect(ended.case.handovers[0].accessEndedAt).toEqual(expect.any(String));
  });

  it('four eyes: the requester cannot approve their own, another organisation cannot, a revoked or rejected basis cannot be approved; nothing is written', async () => {
    const { caseId, res } = await statutoryRequest({}, 'Vier');
    const h = res.data.requestHandover;
    const refused = async (
      token: string,
      code: string,
      query = APPROVE,
      vars: Record<string, unknown> = { id: h.id },
    ) => {
      const audit = await auditCount(t);
      const r = await t.gql(query, vars, token);
      expect(codes(r)).toEqual([code]);
      expect(await auditCount(t)).toBe(audit);
      return r;
    };
    const self = await refused(a.users.kim.token, 'FORBIDDEN');
    expect(self.errors![0].message).toMatch(/second case worker/);
    await refused(a.users.kim.token, 'FORBIDDEN', REJECT, { id: h.id, r: 'no' });
    // The receiving organisation does not even see it; a third organisation neither.
    await refused(a.users.jc.token, 'NOT_FOUND');
    await refused(a.users.aa.token, 'NOT_FOUND');
    await refused(a.users.kimCoord.token, 'NOT_FOUND');
    const state = await t.db.query('SELECT approved_at FROM consents WHERE id = $1', [h.consent.id]);
    expect(state.rows[0].approved_at).toBeNull();
    // Revoked before approval: cannot be approved, and the waiting handover ends.
    await expectData(t, WITHDRAW, { id: h.consent.id }, a.users.kim.token);
    const revoked = await refused(a.users.kim2.token, 'CONFLICT');
    expect(revoked.errors![0].message).toMatch(/revoked/);
    expect(
      (await t.db.query('SELECT status FROM handovers WHERE case_id = $1', [caseId])).rows[0].status,
    ).toBe('CANCELLED');
    // The database refuses a self-approval too.
    await expect(
      t.db.query('UPDATE consents SET approved_by = recorded_by, approved_at = now() WHERE id = $1', [
        h.consent.id,
      ]),
    ).rejects.toThrow(/consents_approval_check/);
    // Once approved, the receiving organisation sees it but may not decide on it.
    const second = await statutoryRequest({}, 'Zwei');
    const h2 = second.res.data.requestHandover;
    await expectData(t, APPROVE, { id: h2.id }, a.users.kim2.token);
    await refused(a.users.jc.token, 'FORBIDDEN', REJECT, { id: h2.id, r: 'no' });
    await refused(a.users.kim2.token, 'CONFLICT');
  });

  it('a rejection cancels the handover with the reason; it never grants access', async () => {
    const { res } = await statutoryRequest({}, 'Nein');
    const h = res.data.requestHandover;
    const rejected = (await expectData(t, REJECT, { id: h.id, r: 'Kein Leistungsbezug' }, a.users.kim2.token))
      .rejectHandoverBasis;
    expect(rejected).toMatchObject({
      status: 'CANCELLED',
      consent: {
        status: 'REJECTED',
        rejectedBy: { id: a.users.kim2.id },
        rejectionReason: 'Kein Leistungsbezug',
      },
    });
    expect(codes(await t.gql(APPROVE, { id: h.id }, a.users.kim2.token))).toEqual(['CONFLICT']);
    expect(codes(await t.gql(ACCEPT, { id: h.id }, a.users.jc.token))).toEqual(['NOT_FOUND']);
  });

  it('HEALTH only where the basis permits it; bad input names its fields; nothing is written', async () => {
    const c = await openCase(t, a.users.kim.token, fullCaseInput({ givenName: 'H', familyName: 'Gesund' }));
    const base = {
      caseId: c.id,
      toOrganisationId: a.orgs.jc,
      legalBasis: 'SGB_X_69_1_1',
      justification: 'Aufgabe nach § 69 SGB X',
      informedInLanguage: 'de',
      categories: ['IDENTITY', 'HEALTH'],
    };
    const refused = async (input: Record<string, unknown>, fields: string[]) => {
      const before = [await rows(t, 'handovers', c.id), await rows(t, 'consents', c.id)];
      const r = await t.gql(REQUEST, { i: { ...base, ...input } }, a.users.kim.token);
      expect(codes(r)).toEqual(['BAD_USER_INPUT']);
      expect(r.errors![0].extensions!.fields!.map((f: { path: string }) => f.path).sort()).toEqual(fields);
      expect([await rows(t, 'handovers', c.id), await rows(t, 'consents', c.id)]).toEqual(before);
    };
    await refused({}, ['input.categories']);
    await refused({ legalBasis: 'NO_SUCH_LAW', categories: ['IDENTITY'] }, ['input.legalBasis']);
    await refused({ justification: '  ', informedInLanguage: null, categories: ['IDENTITY'] }, [
      'input.informedInLanguage',
      'input.justification',
    ]);
    await refused({ consentId: c.id, categories: ['IDENTITY'] }, ['input.consentId', 'input.legalBasis']);
    await refused({ legalBasis: null, categories: ['IDENTITY'] }, ['input.consentId', 'input.legalBasis']);
    // A basis whose law permits health data (child endangerment, § 4 KKG) may carry HEALTH.
    const ok = await t.gql(
      REQUEST,
      { i: { ...base, legalBasis: 'KKG_4_SGB_VIII_8A', justification: 'Gewichtige Anhaltspunkte' } },
      a.users.kim.token,
    );
    expect(ok.errors).toBeUndefined();
    expect(ok.data.requestHandover.consent.legalBasis).toMatchObject({ permitsHealth: true });
    // recordConsent does not take STATUTORY as a consent form.
    const r = await t.gql(
      `mutation($i: RecordConsentInput!) { recordConsent(input: $i) { id } }`,
      {
        i: {
          caseId: c.id,
          recipientIds: [a.orgs.jc],
          categories: ['IDENTITY'],
          purpose: 'x',
          form: 'STATUTORY',
          informedInLanguage: 'de',
        },
      },
      a.users.kim.token,
    );
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
  });
});
