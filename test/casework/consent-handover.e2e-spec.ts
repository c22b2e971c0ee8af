import { codes, type TestApp } from '../utils/test-app.js';
import type { BuiltAlliance } from '../utils/builders.js';
import {
  ACCEPT,
  casework,
  expectData,
  fullCaseInput,
  handedOver,
  openCase,
  recordConsent,
  REQUEST_HANDOVER,
  withCaseworkApp,
} from './helpers.js';

const CONSENT_FIELDS = `id case { id } recipients { id } categories purpose form evidenceReference informedInLanguage interpreterUsed validFrom validUntil status recordedBy { id } recordedAt withdrawnAt withdrawalNote`;
const RECORD = `mutation($i: RecordConsentInput!) { recordConsent(input: $i) { ${CONSENT_FIELDS} } }`;
const HANDOVER_FIELDS = `id case { id } from { id } to { id } consent { id } categories message status requestedBy { id } requestedAt respondedBy { id } respondedAt declineReason outcome accessActive`;

async function rows(t: TestApp, table: string, caseId: string): Promise<number> {
  return (await t.db.query(`SELECT count(*)::int AS n FROM ${table} WHERE case_id = $1`, [caseId])).rows[0].n;
}
async function auditCount(t: TestApp): Promise<number> {
  return (await t.db.query('SELECT count(*)::int AS n FROM audit_entries')).rows[0].n;
}

describe('casework: consent and handovers', () => {
  let t: TestApp;
  let a: BuiltAlliance;
  withCaseworkApp((app, alliance) => {
    t = app;
    a = alliance;
  });

  describe('invariant 6: consent records what the organisation must demonstrate; withdrawal is one call', () => {
    it('records purpose, recipients, categories, form, evidence, language, interpreter, validity and who recorded it', async () => {
      const c = await openCase(
        t,
        a.users.kim.token,
        fullCaseInput({ givenName: 'Amal', familyName: 'Fares' }),
      );
      const from = new Date(Date.now() - 60_000).toISOString();
      const until = new Date(Date.now() + 86_400_000).toISOString();
      const res = await t.gql(
        RECORD,
        {
          i: {
            caseId: c.id,
            recipientIds: [a.orgs.jc, a.orgs.aa],
            categories: ['LANGUAGE', 'EDUCATION_EMPLOYMENT'],
            purpose: 'Job placement',
            form: 'WRITTEN',
            evidenceReference: 'Doc 2026/17',
            informedInLanguage: 'ar',
            interpreterUsed: true,
            validFrom: from,
            validUntil: until,
          },
        },
        a.users.kim.token,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data.recordConsent).toMatchObject({
        case: { id: c.id },
        recipients: [{ id: a.orgs.jc }, { id: a.orgs.aa }],
        categories: ['LANGUAGE', 'EDUCATION_EMPLOYMENT'],
        purpose: 'Job placement',
        form: 'WRITTEN',
        evidenceReference: 'Doc 2026/17',
        informedInLanguage: 'ar',
        interpreterUsed: true,
        validFrom: from,
        validUntil: until,
        status: 'ACTIVE',
        recordedBy: { id: a.users.kim.id },
        withdrawnAt: null,
      });
      const w = await t.gql(
        `mutation($id: ID!) { withdrawConsent(id: $id, note: "Client called") { status withdrawnAt withdrawalNote } }`,
        { id: res.data.recordConsent.id },
        a.users.kim.token,
      );
      expect(w.data.withdrawConsent).toMatchObject({ status: 'WITHDRAWN', withdrawalNote: 'Client called' });
      expect(w.data.withdrawConsent.withdrawnAt).toBeTruthy();
      expect(
        codes(
          await t.gql(
            `mutation($id: ID!) { withdrawConsent(id: $id) { id } }`,
            { id: res.data.recordConsent.id },
            a.users.kim.token,
          ),
        ),
      ).toEqual(['CONFLICT']);
    });

    it('validates: recipients are organisations (not the owner), categories non-empty, ISO 639-1 language, validUntil after validFrom', async () => {
      const c = await openCase(t, a.users.kim.token, fullCaseInput({ givenName: 'B', familyName: 'C' }));
      const base = {
        caseId: c.id,
        recipientIds: [a.orgs.jc],
        categories: ['IDENTITY'],
        purpose: 'p',
        form: 'WRITTEN',
        informedInLanguage: 'de',
      };
      const cases: [Record<string, unknown>, string][] = [
        [{ recipientIds: [] }, 'input.recipientIds'],
        [{ recipientIds: ['00000000-0000-4000-8000-000000000000'] }, 'input.recipientIds'],
        [{ recipientIds: [a.orgs.kim] }, 'input.recipientIds'],
        [{ categories: [] }, 'input.categories'],
        [{ informedInLanguage: 'arabic' }, 'input.informedInLanguage'],
        [{ informedInLanguage: 'xx' }, 'input.informedInLanguage'],
        [{ informedInLanguage: 'AR' }, 'input.informedInLanguage'],
        [{ validFrom: '2026-06-01T00:00:00Z', validUntil: '2026-05-01T00:00:00Z' }, 'input.validUntil'],
        [{ validFrom: '2026-06-01T00:00:00Z', validUntil: '2026-06-01T00:00:00Z' }, 'input.validUntil'],
        [{ purpose: '   ' }, 'input.purpose'],
      ];
      const before = await rows(t, 'consents', c.id);
      for (const [patch, path] of cases) {
        const res = await t.gql(RECORD, { i: { ...base, ...patch } }, a.users.kim.token);
        expect(codes(res)).toEqual(['BAD_USER_INPUT']);
        expect(res.errors![0].extensions!.fields!.map((f) => f.path)).toContain(path);
      }
      expect(await rows(t, 'consents', c.id)).toBe(before);
      for (const lang of ['uk', 'fa', 'ti', 'de'])
        expect(
          (await t.gql(RECORD, { i: { ...base, informedInLanguage: lang } }, a.users.kim.token)).errors,
        ).toBeUndefined();
    });

    it('only the owner records and withdraws; a receiver may not, others do not see the consent', async () => {
      const h = await handedOver(t, a, { givenName: 'D', familyName: 'E' }, ['IDENTITY']);
      expect(
        codes(
          await t.gql(
            `mutation($id: ID!) { withdrawConsent(id: $id) { id } }`,
            { id: h.consentId },
            a.users.jc.token,
          ),
        ),
      ).toEqual(['FORBIDDEN']);
      expect(
        codes(
          await t.gql(
            `mutation($id: ID!) { withdrawConsent(id: $id) { id } }`,
            { id: h.consentId },
            a.users.aa.token,
          ),
        ),
      ).toEqual(['NOT_FOUND']);
      expect(
        codes(
          await t.gql(
            `mutation($id: ID!) { withdrawConsent(id: $id) { id } }`,
            { id: h.consentId },
            a.users.kimCoord.token,
          ),
        ),
      ).toEqual(['NOT_FOUND']);
      const rec = await t.gql(
        RECORD,
        {
          i: {
            caseId: h.caseId,
            recipientIds: [a.orgs.jc],
            categories: ['IDENTITY'],
            purpose: 'p',
            form: 'WRITTEN',
            informedInLanguage: 'de',
          },
        },
        a.users.jc.token,
      );
      expect(codes(rec)).toEqual(['FORBIDDEN']);
    });
  });

  describe('invariant 5: HEALTH is shared only under a WRITTEN or ELECTRONIC consent naming it', () => {
    it('refuses an ORAL_DOCUMENTED consent covering HEALTH with BAD_USER_INPUT and writes nothing', async () => {
      const c = await openCase(t, a.users.kim.token, fullCaseInput({ givenName: 'F', familyName: 'G' }));
      const res = await t.gql(
        RECORD,
        {
          i: {
            caseId: c.id,
            recipientIds: [a.orgs.jc],
            categories: ['HEALTH', 'IDENTITY'],
            purpose: 'p',
            form: 'ORAL_DOCUMENTED',
            informedInLanguage: 'de',
          },
        },
        a.users.kim.token,
      );
      expect(codes(res)).toEqual(['BAD_USER_INPUT']);
      expect(res.errors![0].extensions!.fields).toEqual([
        { path: 'input.form', message: expect.stringMatching(/WRITTEN or ELECTRONIC/) },
      ]);
      expect(await rows(t, 'consents', c.id)).toBe(0);
      // The database refuses it too.
      await expect(
        t.db.query(
          `INSERT INTO consents (case_id, recipient_ids, categories, purpose, form, informed_in_language, valid_from, recorded_by) VALUES ($1, $2, '{HEALTH}', 'p', 'ORAL_DOCUMENTED', 'de', now(), $3)`,
          [c.id, [a.orgs.jc], a.users.kim.id],
        ),
      ).rejects.toThrow(/consents_health_form_check/);
      for (const form of ['WRITTEN', 'ELECTRONIC']) {
        expect(
          (
            await t.gql(
              RECORD,
              {
                i: {
                  caseId: c.id,
                  recipientIds: [a.orgs.jc],
                  categories: ['HEALTH'],
                  purpose: 'p',
                  form,
                  informedInLanguage: 'de',
                },
              },
              a.users.kim.token,
            )
          ).errors,
        ).toBeUndefined();
      }
      // ORAL_DOCUMENTED is fine for other categories.
      expect(
        (
          await t.gql(
            RECORD,
            {
              i: {
                caseId: c.id,
                recipientIds: [a.orgs.jc],
                categories: ['IDENTITY'],
                purpose: 'p',
                form: 'ORAL_DOCUMENTED',
                informedInLanguage: 'de',
              },
            },
            a.users.kim.token,
          )
        ).errors,
      ).toBeUndefined();
    });

    it('HEALTH is never handed over under a consent that does not name it', async () => {
      const c = await openCase(t, a.users.kim.token, fullCaseInput({ givenName: 'H', familyName: 'I' }));
      const consentId = await recordConsent(t, a.users.kim.token, {
        caseId: c.id,
        recipientIds: [a.orgs.jc],
        categories: ['IDENTITY', 'FAMILY'],
        form: 'ORAL_DOCUMENTED',
      });
      const res = await t.gql(
        REQUEST_HANDOVER,
        { i: { caseId: c.id, toOrganisationId: a.orgs.jc, consentId, categories: ['IDENTITY', 'HEALTH'] } },
        a.users.kim.token,
      );
      expect(codes(res)).toEqual(['CONSENT_REQUIRED']);
      const written = await recordConsent(t, a.users.kim.token, {
        caseId: c.id,
        recipientIds: [a.orgs.jc],
        categories: ['HEALTH'],
        form: 'WRITTEN',
      });
      const ok = (
        await expectData(
          t,
          REQUEST_HANDOVER,
          { i: { caseId: c.id, toOrganisationId: a.orgs.jc, consentId: written, categories: ['HEALTH'] } },
          a.users.kim.token,
        )
      ).requestHandover;
      await expectData(t, ACCEPT, { id: ok.id }, a.users.jc.token);
      const read = await t.gql(
        `query($id: ID!) { case(id: $id) { visibleCategories health { note } } }`,
        { id: c.id },
        a.users.jc.token,
      );
      expect(read.data.case).toEqual({ visibleCategories: ['HEALTH'], health: { note: 'H I: asthma' } });
    });
  });

  describe('invariant 4: who may request a handover, to whom, for what', () => {
    let caseId: string;
    let consentId: string;
    beforeAll(async () => {
      caseId = (await openCase(t, a.users.kim.token, fullCaseInput({ givenName: 'J', familyName: 'K' }))).id;
      consentId = await recordConsent(t, a.users.kim.token, {
        caseId,
        recipientIds: [a.orgs.jc],
        categories: ['IDENTITY', 'LANGUAGE'],
      });
    });

    async function refused(input: Record<string, unknown>, code: string, token = a.users.kim.token) {
      const handovers = await rows(t, 'handovers', caseId);
      const audit = await auditCount(t);
      const res = await t.gql(
        REQUEST_HANDOVER,
        { i: { caseId, toOrganisationId: a.orgs.jc, consentId, categories: ['IDENTITY'], ...input } },
        token,
      );
      expect(codes(res)).toEqual([code]);
      expect(await rows(t, 'handovers', caseId)).toBe(handovers);
      expect(await auditCount(t)).toBe(audit);
      return res;
    }

    it('CONSENT_REQUIRED when the consent does not name the recipient, does not cover the categories, or is not active; nothing is written', async () => {
      await refused({ toOrganisationId: a.orgs.aa }, 'CONSENT_REQUIRED');
      await refused({ categories: ['IDENTITY', 'CONTACT'] }, 'CONSENT_REQUIRED');
      const future = await recordConsent(t, a.users.kim.token, {
        caseId,
        recipientIds: [a.orgs.jc],
        categories: ['IDENTITY'],
        validFrom: new Date(Date.now() + 3_600_000).toISOString(),
      });
      await refused({ consentId: future }, 'CONSENT_REQUIRED');
      const withdrawn = await recordConsent(t, a.users.kim.token, {
        caseId,
        recipientIds: [a.orgs.jc],
        categories: ['IDENTITY'],
      });
      await expectData(
        t,
        `mutation($id: ID!) { withdrawConsent(id: $id) { id } }`,
        { id: withdrawn },
        a.users.kim.token,
      );
      await refused({ consentId: withdrawn }, 'CONSENT_REQUIRED');
      const expired = await recordConsent(t, a.users.kim.token, {
        caseId,
        recipientIds: [a.orgs.jc],
        categories: ['IDENTITY'],
        validFrom: new Date(Date.now() - 7_200_000).toISOString(),
        validUntil: new Date(Date.now() - 3_600_000).toISOString(),
      });
      await refused({ consentId: expired }, 'CONSENT_REQUIRED');
    });

    it('BAD_USER_INPUT for other bad input: unknown organisation, the owner itself, no common active alliance, a consent of another case, no categories', async () => {
      const other = await openCase(t, a.users.kim.token, fullCaseInput({ givenName: 'L', familyName: 'M' }));
      const otherConsent = await recordConsent(t, a.users.kim.token, {
        caseId: other.id,
        recipientIds: [a.orgs.jc],
        categories: ['IDENTITY'],
      });
      await refused({ toOrganisationId: '00000000-0000-4000-8000-000000000000' }, 'BAD_USER_INPUT');
      await refused({ toOrganisationId: a.orgs.kim }, 'BAD_USER_INPUT');
      await refused({ consentId: otherConsent }, 'BAD_USER_INPUT');
      await refused({ categories: [] }, 'BAD_USER_INPUT');
      // An organisation named in the consent but not an active partner of a common alliance.
      const outsider = (
        await expectData(
          t,
          'mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { id } }',
          { i: { name: `Outsider ${Date.now()}`, kind: 'OTHER' } },
          await t.adminToken(),
        )
      ).createOrganisation.id;
      const named = await recordConsent(t, a.users.kim.token, {
        caseId,
        recipientIds: [outsider],
        categories: ['IDENTITY'],
      });
      const res = await refused({ toOrganisationId: outsider, consentId: named }, 'BAD_USER_INPUT');
      expect(res.errors![0].extensions!.fields![0].path).toBe('input.toOrganisationId');
      // A former partner no longer qualifies.
      const b = await casework(t);
      const c2 = await openCase(t, b.users.kim.token, fullCaseInput({ givenName: 'N', familyName: 'O' }));
      const k2 = await recordConsent(t, b.users.kim.token, {
        caseId: c2.id,
        recipientIds: [b.orgs.jc],
        categories: ['IDENTITY'],
      });
      await expectData(
        t,
        'mutation($id: ID!, $i: UpdatePartnerInput!) { updatePartner(id: $id, input: $i) { status } }',
        { id: b.partners.jc, i: { status: 'FORMER' } },
        await t.adminToken(),
      );
      const former = await t.gql(
        REQUEST_HANDOVER,
        { i: { caseId: c2.id, toOrganisationId: b.orgs.jc, consentId: k2, categories: ['IDENTITY'] } },
        b.users.kim.token,
      );
      expect(codes(former)).toEqual(['BAD_USER_INPUT']);
    });

    it('only the owner requests: a receiver is FORBIDDEN, anyone else NOT_FOUND', async () => {
      const h = await handedOver(t, a, { givenName: 'P', familyName: 'Q' }, ['IDENTITY']);
      const input = {
        caseId: h.caseId,
        toOrganisationId: a.orgs.aa,
        consentId: h.consentId,
        categories: ['IDENTITY'],
      };
      expect(codes(await t.gql(REQUEST_HANDOVER, { i: input }, a.users.jc.token))).toEqual(['FORBIDDEN']);
      expect(codes(await t.gql(REQUEST_HANDOVER, { i: input }, a.users.aa.token))).toEqual(['NOT_FOUND']);
      expect(codes(await t.gql(REQUEST_HANDOVER, { i: input }, a.users.kimCoord.token))).toEqual([
        'NOT_FOUND',
      ]);
    });
  });

  describe('handover lifecycle', () => {
    it('REQUESTED → ACCEPTED → COMPLETED, with who and when; the receiver finds requests as incoming', async () => {
      const c = await openCase(t, a.users.kim.token, fullCaseInput({ givenName: 'R', familyName: 'S' }));
      const consentId = await recordConsent(t, a.users.kim.token, {
        caseId: c.id,
        recipientIds: [a.orgs.jc],
        categories: ['IDENTITY', 'LANGUAGE'],
      });
      const req = await t.gql(
        `mutation($i: RequestHandoverInput!) { requestHandover(input: $i) { ${HANDOVER_FIELDS} } }`,
        {
          i: {
            caseId: c.id,
            toOrganisationId: a.orgs.jc,
            consentId,
            categories: ['LANGUAGE', 'IDENTITY', 'LANGUAGE'],
            message: 'Please advise',
          },
        },
        a.users.kim.token,
      );
      expect(req.errors).toBeUndefined();
      const h = req.data.requestHandover;
      expect(h).toMatchObject({
        case: { id: c.id },
        from: { id: a.orgs.kim },
        to: { id: a.orgs.jc },
        consent: { id: consentId },
        categories: ['IDENTITY', 'LANGUAGE'],
        message: 'Please advise',
        status: 'REQUESTED',
        requestedBy: { id: a.users.kim.id },
        respondedBy: null,
        accessActive: false,
      });

      const incoming = await t.gql(
        `{ handovers(incoming: true, status: [REQUESTED]) { id case { reference } } }`,
        {},
        a.users.jc.token,
      );
      expect(incoming.data.handovers).toContainEqual({ id: h.id, case: { reference: c.reference } });
      expect(
        (await t.gql(`{ handovers(incoming: false) { id } }`, {}, a.users.jc.token)).data.handovers.map(
          (x: any) => x.id,
        ),
      ).not.toContain(h.id);
      expect(
        (
          await t.gql(`{ handovers(incoming: false, status: [REQUESTED]) { id } }`, {}, a.users.kim.token)
        ).data.handovers.map((x: any) => x.id),
      ).toContain(h.id);
      expect(
        (await t.gql(`{ handovers { id } }`, {}, a.users.aa.token)).data.handovers.map((x: any) => x.id),
      ).not.toContain(h.id);
      expect((await t.gql(`{ handovers { id } }`, {}, a.users.jcMember.token)).data.handovers).toEqual([]);

      // The sender cannot accept its own request.
      expect(codes(await t.gql(ACCEPT, { id: h.id }, a.users.kim.token))).toEqual(['FORBIDDEN']);
      expect(codes(await t.gql(ACCEPT, { id: h.id }, a.users.aa.token))).toEqual(['NOT_FOUND']);
      const acc = await t.gql(
        `mutation($id: ID!) { acceptHandover(id: $id) { ${HANDOVER_FIELDS} } }`,
        { id: h.id },
        a.users.jc.token,
      );
      expect(acc.data.acceptHandover).toMatchObject({
        status: 'ACCEPTED',
        respondedBy: { id: a.users.jc.id },
        accessActive: true,
      });
      expect(acc.data.acceptHandover.respondedAt).toBeTruthy();
      expect(codes(await t.gql(ACCEPT, { id: h.id }, a.users.jc.token))).toEqual(['CONFLICT']);
      expect(
        codes(
          await t.gql(
            `mutation($id: ID!) { declineHandover(id: $id, reason: "x") { id } }`,
            { id: h.id },
            a.users.jc.token,
          ),
        ),
      ).toEqual(['CONFLICT']);
      expect(
        codes(
          await t.gql(
            `mutation($id: ID!) { completeHandover(id: $id, outcome: " ") { id } }`,
            { id: h.id },
            a.users.jc.token,
          ),
        ),
      ).toEqual(['BAD_USER_INPUT']);
      expect(
        codes(
          await t.gql(
            `mutation($id: ID!) { completeHandover(id: $id, outcome: "done") { id } }`,
            { id: h.id },
            a.users.kim.token,
          ),
        ),
      ).toEqual(['FORBIDDEN']);
      const done = await t.gql(
        `mutation($id: ID!) { completeHandover(id: $id, outcome: "Placed in a B2 course") { status outcome accessActive } }`,
        { id: h.id },
        a.users.jc.token,
      );
      expect(done.data.completeHandover).toEqual({
        status: 'COMPLETED',
        outcome: 'Placed in a B2 course',
        accessActive: false,
      });
      expect(
        codes(
          await t.gql(
            `mutation($id: ID!) { cancelHandover(id: $id) { id } }`,
            { id: h.id },
            a.users.kim.token,
          ),
        ),
      ).toEqual(['CONFLICT']);
    });

    it('REQUESTED → DECLINED needs a reason; REQUESTED → CANCELLED by the sender only', async () => {
      const c = await openCase(t, a.users.kim.token, fullCaseInput({ givenName: 'T', familyName: 'U' }));
      const consentId = await recordConsent(t, a.users.kim.token, {
        caseId: c.id,
        recipientIds: [a.orgs.jc],
        categories: ['IDENTITY'],
      });
      const req = () =>
        expectData(
          t,
          REQUEST_HANDOVER,
          { i: { caseId: c.id, toOrganisationId: a.orgs.jc, consentId, categories: ['IDENTITY'] } },
          a.users.kim.token,
        ).then((d) => d.requestHandover.id as string);
      const h1 = await req();
      expect(
        codes(
          await t.gql(
            `mutation($id: ID!) { declineHandover(id: $id, reason: "  ") { id } }`,
            { id: h1 },
            a.users.jc.token,
          ),
        ),
      ).toEqual(['BAD_USER_INPUT']);
      const declined = await t.gql(
        `mutation($id: ID!) { declineHandover(id: $id, reason: "No capacity") { status declineReason respondedBy { id } } }`,
        { id: h1 },
        a.users.jc.token,
      );
      expect(declined.data.declineHandover).toEqual({
        status: 'DECLINED',
        declineReason: 'No capacity',
        respondedBy: { id: a.users.jc.id },
      });
      expect(codes(await t.gql(ACCEPT, { id: h1 }, a.users.jc.token))).toEqual(['CONFLICT']);
      const h2 = await req();
      expect(
        codes(
          await t.gql(`mutation($id: ID!) { cancelHandover(id: $id) { id } }`, { id: h2 }, a.users.jc.token),
        ),
      ).toEqual(['FORBIDDEN']);
      const cancelled = await t.gql(
        `mutation($id: ID!) { cancelHandover(id: $id, reason: "sent by mistake") { status cancelReason accessActive } }`,
        { id: h2 },
        a.users.kim.token,
      );
      expect(cancelled.data.cancelHandover).toEqual({
        status: 'CANCELLED',
        cancelReason: 'sent by mistake',
        accessActive: false,
      });
      expect(codes(await t.gql(ACCEPT, { id: h2 }, a.users.jc.token))).toEqual(['CONFLICT']);
    });

    it('after withdrawal a REQUESTED handover can no longer be accepted (CONSENT_REQUIRED), and accepted ones report accessActive: false', async () => {
      const c = await openCase(t, a.users.kim.token, fullCaseInput({ givenName: 'V', familyName: 'W' }));
      const consentId = await recordConsent(t, a.users.kim.token, {
        caseId: c.id,
        recipientIds: [a.orgs.jc],
        categories: ['IDENTITY'],
      });
      const req = () =>
        expectData(
          t,
          REQUEST_HANDOVER,
          { i: { caseId: c.id, toOrganisationId: a.orgs.jc, consentId, categories: ['IDENTITY'] } },
          a.users.kim.token,
        ).then((d) => d.requestHandover.id as string);
      const accepted = await req();
      await expectData(t, ACCEPT, { id: accepted }, a.users.jc.token);
      const pending = await req();
      await expectData(
        t,
        `mutation($id: ID!) { withdrawConsent(id: $id) { id } }`,
        { id: consentId },
        a.users.kim.token,
      );
      expect(codes(await t.gql(ACCEPT, { id: pending }, a.users.jc.token))).toEqual(['CONSENT_REQUIRED']);
      const list = await t.gql(
        `{ handovers(incoming: true) { id status accessActive } }`,
        {},
        a.users.jc.token,
      );
      expect(list.data.handovers.find((x: any) => x.id === accepted)).toEqual({
        id: accepted,
        status: 'ACCEPTED',
        accessActive: false,
      });
      expect(list.data.handovers.find((x: any) => x.id === pending)).toEqual({
        id: pending,
        status: 'REQUESTED',
        accessActive: false,
      });
    });

    it('a closed case cannot get new consents or handovers; the receiver cannot update or close it', async () => {
      const h = await handedOver(t, a, { givenName: 'X', familyName: 'Y' }, ['IDENTITY']);
      expect(
        codes(
          await t.gql('mutation($id: ID!) { closeCase(id: $id) { id } }', { id: h.caseId }, a.users.jc.token),
        ),
      ).toEqual(['FORBIDDEN']);
      const closed = await expectData(
        t,
        'mutation($id: ID!) { closeCase(id: $id) { status closedAt } }',
        { id: h.caseId },
        a.users.kim.token,
      );
      expect(closed.closeCase.status).toBe('CLOSED');
      expect(
        codes(
          await t.gql(
            RECORD,
            {
              i: {
                caseId: h.caseId,
                recipientIds: [a.orgs.jc],
                categories: ['IDENTITY'],
                purpose: 'p',
                form: 'WRITTEN',
                informedInLanguage: 'de',
              },
            },
            a.users.kim.token,
          ),
        ),
      ).toEqual(['CONFLICT']);
      expect(
        codes(
          await t.gql(
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
          ),
        ),
      ).toEqual(['CONFLICT']);
      expect(
        codes(
          await t.gql(
            'mutation($id: ID!) { closeCase(id: $id) { id } }',
            { id: h.caseId },
            a.users.kim.token,
          ),
        ),
      ).toEqual(['CONFLICT']);
    });
  });

  describe('updating case data', () => {
    it('replaces only the categories given; null clears a category; identity cannot be cleared', async () => {
      const c = await openCase(t, a.users.kim.token, fullCaseInput({ givenName: 'Aya', familyName: 'Bakr' }));
      const upd = await t.gql(
        `mutation($i: UpdateCaseDataInput!) { updateCaseData(input: $i) { visibleCategories identity { familyName } housing { situation } family { householdSize } contact { phone } supportAreas } }`,
        {
          i: { caseId: c.id, housing: { situation: 'own flat' }, family: null, supportAreas: ['HOUSING'] },
        },
        a.users.kim.token,
      );
      expect(upd.errors).toBeUndefined();
      expect(upd.data.updateCaseData).toMatchObject({
        identity: { familyName: 'Bakr' },
        housing: { situation: 'own flat' },
        family: null,
        contact: { phone: '+49 2151 000000' },
        supportAreas: ['HOUSING'],
      });
      expect(
        (
          await t.db.query(`SELECT category FROM case_data WHERE case_id = $1 ORDER BY category`, [c.id])
        ).rows.map((r: any) => r.category),
      ).not.toContain('FAMILY');
      expect(
        codes(
          await t.gql(
            `mutation($i: UpdateCaseDataInput!) { updateCaseData(input: $i) { id } }`,
            { i: { caseId: c.id, identity: null } },
            a.users.kim.token,
          ),
        ),
      ).toEqual(['BAD_USER_INPUT']);
      const blank = await t.gql(
        `mutation($i: UpdateCaseDataInput!) { updateCaseData(input: $i) { id } }`,
        { i: { caseId: c.id, identity: { givenName: 'Aya', familyName: '  ' } } },
        a.users.kim.token,
      );
      expect(blank.errors![0].extensions!.fields).toEqual([
        { path: 'input.identity.familyName', message: 'must not be blank' },
      ]);
      const badOpen = await t.gql(
        `mutation($i: OpenCaseInput!) { openCase(input: $i) { id } }`,
        {
          i: {
            supportAreas: ['NOPE'],
            identity: { givenName: '', familyName: 'X' },
            contact: { email: 'not-an-email' },
            family: { householdSize: 0 },
          },
        },
        a.users.kim.token,
      );
      expect(codes(badOpen)).toEqual(['BAD_USER_INPUT']);
      const renamed = await t.gql(
        `mutation($i: UpdateCaseDataInput!) { updateCaseData(input: $i) { identity { familyName } } }`,
        { i: { caseId: c.id, identity: { givenName: 'Aya', familyName: 'Bakri' } } },
        a.users.kim.token,
      );
      expect(renamed.data.updateCaseData.identity.familyName).toBe('Bakri');
      const found = await t.gql(
        `{ cases(filter: { search: "bakri" }) { edges { node { id } } } }`,
        {},
        a.users.kim.token,
      );
      expect(found.data.cases.edges).toEqual([{ node: { id: c.id } }]);
      expect(
        (
          await t.gql(
            `{ cases(filter: { search: "Bakr" }) { edges { node { id } } } }`,
            {},
            a.users.kim.token,
          )
        ).data.cases.edges.map((e: any) => e.node.id),
      ).not.toContain(c.id);
    });
  });
});
