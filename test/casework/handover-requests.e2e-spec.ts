import { codes, type TestApp } from '../utils/test-app.js';
import type { BuiltAlliance } from '../utils/builders.js';
import {
  auditCount,
  casework,
  expectData,
  fullCaseInput,
  handedOver,
  openCase,
  recordConsent,
  REQUEST_HANDOVER,
  rows,
  withCaseworkApp,
} from './helpers.js';

describe('casework: consent and handovers', () => {
  let t: TestApp;
  let a: BuiltAlliance;
  withCaseworkApp((app, alliance) => {
    t = app;
    a = alliance;
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
        { path: 'input.identity.familyName', message: 'must not be blank', rule: 'REQUIRED' },
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
