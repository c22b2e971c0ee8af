import { codes, type TestApp } from '../utils/test-app.js';
import { aMember, type BuiltAlliance } from '../utils/builders.js';
import { todayInBerlin } from '../../libs/core/src/index.js';
import {
  ACCEPT,
  casework,
  CASE_FIELDS,
  expectData,
  fullCaseInput,
  handedOver,
  openCase,
  recordConsent,
  REQUEST_HANDOVER,
  withCaseworkApp,
} from './helpers.js';

const CASE = `query($id: ID!) { case(id: $id) { ${CASE_FIELDS} caseWorker { id } consents { id } handovers { id status accessActive } } }`;
const CASES = `query($f: CaseFilter) { cases(filter: $f, first: 100) { totalCount edges { node { id reference visibleCategories supportAreas identity { familyName } } } } }`;

describe('casework: who sees a case (DESIGN "Who may do what", invariant 2)', () => {
  let t: TestApp;
  let a: BuiltAlliance;
  withCaseworkApp((app, alliance) => {
    t = app;
    a = alliance;
  });

  describe('only CASE_WORKERs of the owning organisation', () => {
    it('a case worker of the owner sees every category; other roles of the same organisation and the platform admin see nothing', async () => {
      const c = await openCase(
        t,
        a.users.kim.token,
        fullCaseInput({ givenName: 'Amira', familyName: 'Nassar' }),
      );
      const own = await t.gql(CASE, { id: c.id }, a.users.kim2.token);
      expect(own.errors).toBeUndefined();
      expect(own.data.case.visibleCategories).toEqual([
        'IDENTITY',
        'CONTACT',
        'LANGUAGE',
        'RESIDENCE',
        'EDUCATION_EMPLOYMENT',
        'HOUSING',
        'FAMILY',
        'HEALTH',
      ]);
      expect(own.data.case.identity).toEqual({
        givenName: 'Amira',
        familyName: 'Nassar',
        dateOfBirth: '1990-04-01',
      });
      expect(own.data.case.health.note).toBe('Amira Nassar: asthma');
      expect(own.data.case.supportAreas).toEqual(['EMPLOYMENT', 'LANGUAGE']);
      expect(own.data.case.caseWorker).toEqual({ id: a.users.kim.id });

      for (const token of [
        a.users.kimCoord.token,
        await t.adminToken(),
        a.users.jcMember.token,
        a.users.jc.token,
      ]) {
        const res = await t.gql(CASE, { id: c.id }, token);
        expect(res.errors).toBeUndefined();
        expect(res.data.case).toBeNull();
        const list = await t.gql(CASES, {}, token);
        expect(list.data.cases.edges.map((e: any) => e.node.id)).not.toContain(c.id);
        const close = await t.gql('mutation($id: ID!) { closeCase(id: $id) { id } }', { id: c.id }, token);
        expect(codes(close)).toEqual(['NOT_FOUND']);
        const upd = await t.gql(
          'mutation($i: UpdateCaseDataInput!) { updateCaseData(input: $i) { id } }',
          { i: { caseId: c.id, housing: { situation: 'x' } } },
          token,
        );
        expect(codes(upd)).toEqual(['NOT_FOUND']);
      }
      const notCw = await t.gql(
        'mutation($i: OpenCaseInput!) { openCase(input: $i) { id } }',
        { i: fullCaseInput({ givenName: 'X', familyName: 'Y' }) },
        a.users.kimCoord.token,
      );
      expect(codes(notCw)).toEqual(['FORBIDDEN']);
    });

    it('an id that does not exist and an invalid id read as null and answer NOT_FOUND, like an invisible case', async () => {
      const none = await t.gql(CASE, { id: '00000000-0000-4000-8000-000000000000' }, a.users.kim.token);
      expect(none.data.case).toBeNull();
      const bad = await t.gql(CASE, { id: 'not-a-uuid' }, a.users.kim.token);
      expect(bad.data.case).toBeNull();
      expect(
        codes(await t.gql('mutation { eraseCase(id: "not-a-uuid") { id } }', {}, a.users.kim.token)),
      ).toEqual(['NOT_FOUND']);
    });

    it("a case worker whose CASE_WORKER role is in another alliance still works on their organisation's cases", async () => {
      const other = await t.gql(
        'mutation($i: CreateAllianceInput!) { createAlliance(input: $i) { id } }',
        { i: { name: `Other ${Date.now()}`, municipality: 'X' } },
        await t.adminToken(),
      );
      const otherId = other.data.createAlliance.id;
      await expectData(
        t,
        'mutation($i: AddPartnerInput!) { addPartner(input: $i) { id } }',
        { i: { allianceId: otherId, organisationId: a.orgs.kim, status: 'ACTIVE' } },
        await t.adminToken(),
      );
      const elsewhere = await aMember(t, otherId, a.orgs.kim, ['CASE_WORKER']);
      const c = await openCase(
        t,
        a.users.kim.token,
        fullCaseInput({ givenName: 'Omar', familyName: 'Saleh' }),
      );
      const res = await t.gql(CASE, { id: c.id }, elsewhere.token);
      expect(res.data.case.identity.familyName).toBe('Saleh');
    });
  });

  describe('case references', () => {
    it('are <org short name>-<year>-<5 digits>, per organisation, gap-free under concurrent opening', async () => {
      const b = await casework(t);
      const open = async (token: string, name: string) =>
        (
          await expectData(
            t,
            'mutation($i: OpenCaseInput!) { openCase(input: $i) { reference openedAt } }',
            { i: fullCaseInput({ givenName: name, familyName: name }) },
            token,
          )
        ).openCase as { reference: string; openedAt: string };
      // The `n`th reference of the Europe/Berlin year in which the case was opened (not the year at
      // the start of the test: a run may cross New Year's Eve midnight).
      const reference = (prefix: string, c: { openedAt: string }, n: number) =>
        `${prefix}-${todayInBerlin(new Date(c.openedAt)).slice(0, 4)}-${String(n).padStart(5, '0')}`;
      const opened = await Promise.all(
        Array.from({ length: 12 }, (_, i) => open((i % 2 ? b.users.kim2 : b.users.kim).token, `G${i}`)),
      );
      opened.sort((x, y) => x.reference.localeCompare(y.reference));
      expect(opened.map((c) => c.reference)).toEqual(opened.map((c, i) => reference('KR', c, i + 1)));
      const jc = await open(b.users.jc.token, 'A');
      expect(jc.reference).toBe(reference('JC', jc, 1));
      // A failed opening (bad case worker) does not use up a number.
      const failed = await t.gql(
        'mutation($i: OpenCaseInput!) { openCase(input: $i) { id } }',
        { i: { ...fullCaseInput({ givenName: 'A', familyName: 'B' }), caseWorkerId: b.users.jcMember.id } },
        b.users.jc.token,
      );
      expect(codes(failed)).toEqual(['BAD_USER_INPUT']);
      const next = await open(b.users.jc.token, 'B');
      expect(next.reference).toBe(reference('JC', next, 2));
    });
  });

  describe('reading follows invariant 2', () => {
    it('the receiver sees exactly the handed-over categories; visibleCategories says which; everything else is null', async () => {
      const h = await handedOver(t, a, { givenName: 'Layla', familyName: 'Darwish' }, [
        'IDENTITY',
        'LANGUAGE',
      ]);
      const res = await t.gql(CASE, { id: h.caseId }, a.users.jc.token);
      expect(res.errors).toBeUndefined();
      const c = res.data.case;
      expect(c.visibleCategories).toEqual(['IDENTITY', 'LANGUAGE']);
      expect(c.identity.familyName).toBe('Darwish');
      expect(c.language.germanLevel).toBe('A2');
      for (const f of ['contact', 'residence', 'educationEmployment', 'housing', 'family', 'health'])
        expect(c[f]).toBeNull();
      // Shell and the receiver's own handover, but not the owner's support areas or case worker.
      expect(c.reference).toBe(h.reference);
      expect(c.owner.id).toBe(a.orgs.kim);
      expect(c.supportAreas).toEqual([]);
      expect(c.caseWorker).toBeNull();
      expect(c.handovers).toEqual([{ id: h.handoverId, status: 'ACCEPTED', accessActive: true }]);
      expect(c.consents).toEqual([{ id: h.consentId }]);
      // A third organisation sees nothing at all.
      expect((await t.gql(CASE, { id: h.caseId }, a.users.aa.token)).data.case).toBeNull();
    });

    it('a requested (not yet accepted) handover shows the receiver the shell only', async () => {
      const c = await openCase(
        t,
        a.users.kim.token,
        fullCaseInput({ givenName: 'Karim', familyName: 'Aziz' }),
      );
      const consentId = await recordConsent(t, a.users.kim.token, {
        caseId: c.id,
        recipientIds: [a.orgs.jc],
        categories: ['IDENTITY'],
      });
      await expectData(
        t,
        REQUEST_HANDOVER,
        { i: { caseId: c.id, toOrganisationId: a.orgs.jc, consentId, categories: ['IDENTITY'] } },
        a.users.kim.token,
      );
      const res = await t.gql(CASE, { id: c.id }, a.users.jc.token);
      expect(res.data.case.reference).toBe(c.reference);
      expect(res.data.case.visibleCategories).toEqual([]);
      expect(res.data.case.identity).toBeNull();
    });

    it('withdrawal takes effect on the very next request; the shell stays visible', async () => {
      const h = await handedOver(t, a, { givenName: 'Nour', familyName: 'Khoury' }, ['IDENTITY']);
      expect((await t.gql(CASE, { id: h.caseId }, a.users.jc.token)).data.case.identity.familyName).toBe(
        'Khoury',
      );
      await expectData(
        t,
        'mutation($id: ID!) { withdrawConsent(id: $id, note: "per phone") { status withdrawnAt } }',
        { id: h.consentId },
        a.users.kim.token,
      );
      const after = await t.gql(CASE, { id: h.caseId }, a.users.jc.token);
      expect(after.data.case.reference).toBe(h.reference);
      expect(after.data.case.visibleCategories).toEqual([]);
      expect(after.data.case.identity).toBeNull();
      expect(after.data.case.handovers[0]).toMatchObject({ status: 'ACCEPTED', accessActive: false });
    });

    it('expiry takes effect on the next read, without any write (evaluated in the database)', async () => {
      const c = await openCase(
        t,
        a.users.kim.token,
        fullCaseInput({ givenName: 'Sami', familyName: 'Haddad' }),
      );
      const until = new Date(Date.now() + 3600_000).toISOString();
      const consentId = await recordConsent(t, a.users.kim.token, {
        caseId: c.id,
        recipientIds: [a.orgs.jc],
        categories: ['IDENTITY'],
        validUntil: until,
      });
      const h = (
        await expectData(
          t,
          REQUEST_HANDOVER,
          { i: { caseId: c.id, toOrganisationId: a.orgs.jc, consentId, categories: ['IDENTITY'] } },
          a.users.kim.token,
        )
      ).requestHandover;
      await expectData(t, ACCEPT, { id: h.id }, a.users.jc.token);
      expect((await t.gql(CASE, { id: c.id }, a.users.jc.token)).data.case.identity.familyName).toBe(
        'Haddad',
      );
      // An hour passes (as the retention test does with closed_at, the clock is not waited for): the
      // consent's validity window moves a day back, so now it ended an hour minus a day ago.
      await t.db.query(
        `UPDATE consents SET valid_from = valid_from - interval '1 day', valid_until = valid_until - interval '1 day' WHERE id = $1`,
        [consentId],
      );
      const after = await t.gql(
        `query($id: ID!) { case(id: $id) { identity { familyName } visibleCategories consents { status } handovers { accessActive } } }`,
        { id: c.id },
        a.users.jc.token,
      );
      expect(after.data.case).toEqual({
        identity: null,
        visibleCategories: [],
        consents: [{ status: 'EXPIRED' }],
        handovers: [{ accessActive: false }],
      });
    });

    it('completed and cancelled handovers end access; a new accepted handover under an active consent restores it', async () => {
      const h = await handedOver(t, a, { givenName: 'Rami', familyName: 'Mansour' }, ['IDENTITY']);
      await expectData(
        t,
        'mutation($id: ID!) { completeHandover(id: $id, outcome: "placed") { status accessActive } }',
        { id: h.handoverId },
        a.users.jc.token,
      );
      expect((await t.gql(CASE, { id: h.caseId }, a.users.jc.token)).data.case.identity).toBeNull();
      const h2 = (
        await expectData(
          t,
          REQUEST_HANDOVER,
          {
            i: {
              caseId: h.caseId,
              toOrganisationId: a.orgs.jc,
              consentId: h.consentId,
              categories: ['IDENTITY'],
            },
          },
          a.users.kim.token,
        )
      ).requestHandover;
      await expectData(t, ACCEPT, { id: h2.id }, a.users.jc.token);
      expect((await t.gql(CASE, { id: h.caseId }, a.users.jc.token)).data.case.identity.familyName).toBe(
        'Mansour',
      );
      const cancelled = await expectData(
        t,
        'mutation($id: ID!) { cancelHandover(id: $id) { status accessActive } }',
        { id: h2.id },
        a.users.kim.token,
      );
      expect(cancelled.cancelHandover).toEqual({ status: 'CANCELLED', accessActive: false });
      expect((await t.gql(CASE, { id: h.caseId }, a.users.jc.token)).data.case.identity).toBeNull();
    });

    it('a consent that does not name the receiver grants nothing, even if a handover row claimed it (checked at read time)', async () => {
      const h = await handedOver(t, a, { givenName: 'Hana', familyName: 'Yousef' }, ['IDENTITY', 'HOUSING']);
      // Tamper below the API: the consent loses HOUSING and the recipient. Reads must follow the consent.
      await t.db.query(`UPDATE consents SET categories = '{IDENTITY}' WHERE id = $1`, [h.consentId]);
      let res = await t.gql(CASE, { id: h.caseId }, a.users.jc.token);
      expect(res.data.case.visibleCategories).toEqual(['IDENTITY']);
      expect(res.data.case.housing).toBeNull();
      await t.db.query(`UPDATE consents SET recipient_ids = $2 WHERE id = $1`, [h.consentId, [a.orgs.aa]]);
      res = await t.gql(CASE, { id: h.caseId }, a.users.jc.token);
      expect(res.data.case.visibleCategories).toEqual([]);
      expect(res.data.case.identity).toBeNull();
    });
  });

  describe('cases list', () => {
    it('lists own and handed-over cases; filters handedOver, status, supportArea; searches references and (own only) family names by blind index', async () => {
      const b = await casework(t);
      const own = await openCase(
        t,
        b.users.jc.token,
        fullCaseInput({ givenName: 'Jamal', familyName: 'Müller-Öztürk' }, { supportAreas: ['HOUSING'] }),
      );
      const h = await handedOver(t, b, { givenName: 'Yara', familyName: 'Müller-Öztürk' }, ['IDENTITY']);
      const ids = async (f: Record<string, unknown>, token = b.users.jc.token) =>
        (await t.gql(CASES, { f }, token)).data.cases.edges.map((e: any) => e.node.id).sort();
      expect(await ids({})).toEqual([own.id, h.caseId].sort());
      expect(await ids({ handedOver: true })).toEqual([h.caseId]);
      expect(await ids({ handedOver: false })).toEqual([own.id]);
      expect(await ids({ supportArea: 'HOUSING' })).toEqual([own.id]);
      // The receiver cannot probe the owner's support areas.
      expect(await ids({ supportArea: 'EMPLOYMENT' })).toEqual([]);
      expect(await ids({ status: ['CLOSED'] })).toEqual([]);
      expect(await ids({ search: h.reference.toLowerCase() })).toEqual([h.caseId]);
      expect(await ids({ search: '-00001' })).toEqual([own.id, h.caseId].sort());
      // Exact family-name match, case/accent-insensitive, only in own cases.
      expect(await ids({ search: 'muller oztürk' })).toEqual([own.id]);
      expect(await ids({ search: 'Müller' })).toEqual([]);
      expect(await ids({ search: 'MÜLLER-ÖZTÜRK' }, b.users.kim.token)).toEqual([h.caseId]);
      const cols = await t.db.query(`SELECT family_name_index FROM cases WHERE id = $1`, [own.id]);
      expect(cols.rows[0].family_name_index).toMatch(/^[0-9a-f]{64}$/);
    });

    it('pages with first/after in opening order and refuses first above 100', async () => {
      const b = await casework(t);
      for (let i = 0; i < 5; i++)
        await openCase(t, b.users.kim.token, fullCaseInput({ givenName: `P${i}`, familyName: `Q${i}` }));
      const Q = `query($after: String) { cases(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { reference } } } }`;
      const seen: string[] = [];
      let after: string | null = null;
      for (let page = 0; page < 3; page++) {
        const res: any = await t.gql(Q, { after }, b.users.kim.token);
        expect(res.data.cases.totalCount).toBe(5);
        seen.push(...res.data.cases.edges.map((e: any) => e.node.reference));
        after = res.data.cases.pageInfo.endCursor;
        expect(res.data.cases.pageInfo.hasNextPage).toBe(page < 2);
      }
      expect(seen).toEqual([...seen].sort());
      expect(new Set(seen).size).toBe(5);
      expect(codes(await t.gql('{ cases(first: 101) { totalCount } }', {}, b.users.kim.token))).toEqual([
        'BAD_USER_INPUT',
      ]);
    });
  });
});
