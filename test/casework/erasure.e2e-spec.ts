import { codes, type TestApp } from '../utils/test-app.js';
import type { BuiltAlliance } from '../utils/builders.js';
import {
  ACCEPT,
  CASE_FIELDS,
  expectData,
  fullCaseInput,
  handedOver,
  openCase,
  recordConsent,
  REQUEST_HANDOVER,
  withCaseworkApp,
} from './helpers.js';
import { columnsContaining, rowsContaining } from './scan.js';

describe('casework: personal data only in case data, encrypted; erasure; retention; Art. 15', () => {
  let t: TestApp;
  let a: BuiltAlliance;
  withCaseworkApp((app, alliance) => {
    t = app;
    a = alliance;
  });

  describe('invariant 7: erasure', () => {
    it('eraseCase deletes the category data and every trace of the name; reference, dates, status and pseudonymous history remain', async () => {
      const client = { givenName: 'Wendeline', familyName: 'Abernathy-Crowe' };
      const c = await openCase(t, a.users.kim.token, fullCaseInput(client));
      // Free texts around the case where a case worker might write the name.
      const consentId = await recordConsent(t, a.users.kim.token, {
        caseId: c.id,
        recipientIds: [a.orgs.jc, a.orgs.aa],
        categories: ['IDENTITY', 'LANGUAGE'],
        purpose: `Placement of ${client.givenName}`,
        evidenceReference: `File ${client.familyName}`,
      });
      const h1 = (
        await expectData(
          t,
          REQUEST_HANDOVER,
          {
            i: {
              caseId: c.id,
              toOrganisationId: a.orgs.jc,
              consentId,
              categories: ['IDENTITY', 'LANGUAGE'],
              message: `${client.givenName} needs help`,
            },
          },
          a.users.kim.token,
        )
      ).requestHandover.id;
      await expectData(t, ACCEPT, { id: h1 }, a.users.jc.token);
      await t.gql(
        `query($id: ID!) { case(id: $id) { identity { familyName } } }`,
        { id: c.id },
        a.users.jc.token,
      );
      const h2 = (
        await expectData(
          t,
          REQUEST_HANDOVER,
          { i: { caseId: c.id, toOrganisationId: a.orgs.aa, consentId, categories: ['IDENTITY'] } },
          a.users.kim.token,
        )
      ).requestHandover.id;
      await expectData(
        t,
        `mutation($id: ID!, $r: String!) { declineHandover(id: $id, reason: $r) { id } }`,
        { id: h2, r: `${client.familyName} is not our client` },
        a.users.aa.token,
      );
      const other = await recordConsent(t, a.users.kim.token, {
        caseId: c.id,
        recipientIds: [a.orgs.jc],
        categories: ['HOUSING'],
      });
      await expectData(
        t,
        `mutation($id: ID!, $n: String) { withdrawConsent(id: $id, note: $n) { id } }`,
        { id: other, n: `${client.givenName} called` },
        a.users.kim.token,
      );

      // Positive control: the scan finds the name where it was typed as free text (and nowhere else).
      expect(await columnsContaining(t.db, client.givenName)).toEqual([
        'consents.purpose',
        'consents.withdrawal_note',
        'handovers.message',
      ]);
      expect(await columnsContaining(t.db, client.familyName)).toEqual([
        'consents.evidence_reference',
        'handovers.decline_reason',
      ]);

      const erased = await t.gql(
        `mutation($id: ID!) { eraseCase(id: $id) { id reference status closedAt visibleCategories identity { familyName } supportAreas } }`,
        { id: c.id },
        a.users.kim.token,
      );
      expect(erased.errors).toBeUndefined();
      expect(erased.data.eraseCase).toMatchObject({
        id: c.id,
        reference: c.reference,
        status: 'ERASED',
        visibleCategories: [],
        identity: null,
        supportAreas: [],
      });
      expect(erased.data.eraseCase.closedAt).toBeTruthy();

      for (const name of [client.givenName, client.familyName, 'Abernathy', 'Wendeline']) {
        expect(await columnsContaining(t.db, name)).toEqual([]);
        expect(await rowsContaining(t.db, name)).toEqual([]);
      }
      expect(
        (await t.db.query(`SELECT count(*)::int AS n FROM case_data WHERE case_id = $1`, [c.id])).rows[0].n,
      ).toBe(0);
      expect(
        (await t.db.query(`SELECT family_name_index FROM cases WHERE id = $1`, [c.id])).rows[0]
          .family_name_index,
      ).toBeNull();

      // The shell and pseudonymous history remain: owner and receiver see the reference, handovers have ended, disclosures are kept.
      const owner = await t.gql(
        `query($id: ID!) { case(id: $id) { reference status openedAt ${'handovers { status accessActive }'} consents { categories status } } disclosures(caseId: $id) { totalCount edges { node { categories organisation { id } } } } }`,
        { id: c.id },
        a.users.kim.token,
      );
      expect(owner.data.case).toMatchObject({
        reference: c.reference,
        status: 'ERASED',
        handovers: [
          { status: 'CANCELLED', accessActive: false },
          { status: 'DECLINED', accessActive: false },
        ],
      });
      expect(owner.data.disclosures.totalCount).toBe(1);
      expect(owner.data.disclosures.edges[0].node).toEqual({
        categories: ['IDENTITY'],
        organisation: { id: a.orgs.jc },
      });
      const receiver = await t.gql(
        `query($id: ID!) { case(id: $id) { ${CASE_FIELDS} } }`,
        { id: c.id },
        a.users.jc.token,
      );
      expect(receiver.data.case).toMatchObject({
        reference: c.reference,
        status: 'ERASED',
        visibleCategories: [],
        identity: null,
      });
      expect(
        codes(
          await t.gql(`mutation($id: ID!) { eraseCase(id: $id) { id } }`, { id: c.id }, a.users.kim.token),
        ),
      ).toEqual(['CONFLICT']);
      expect(
        codes(
          await t.gql(
            `mutation($i: UpdateCaseDataInput!) { updateCaseData(input: $i) { id } }`,
            { i: { caseId: c.id, housing: { situation: 'x' } } },
            a.users.kim.token,
          ),
        ),
      ).toEqual(['CONFLICT']);
      const audit = await t.db.query(
        `SELECT action FROM audit_entries WHERE entity_id = $1 ORDER BY sequence`,
        [c.id],
      );
      expect(audit.rows.map((r: any) => r.action)).toEqual(['openCase', 'eraseCase']);
    });

    it('only the owner erases', async () => {
      const h = await handedOver(t, a, { givenName: 'Q', familyName: 'R' }, ['IDENTITY']);
      expect(
        codes(
          await t.gql(`mutation($id: ID!) { eraseCase(id: $id) { id } }`, { id: h.caseId }, a.users.jc.token),
        ),
      ).toEqual(['FORBIDDEN']);
      expect(
        codes(
          await t.gql(
            `mutation($id: ID!) { eraseCase(id: $id) { id } }`,
            { id: h.caseId },
            a.users.kimCoord.token,
          ),
        ),
      ).toEqual(['NOT_FOUND']);
      expect(
        codes(
          await t.gql(
            `mutation($id: ID!) { eraseCase(id: $id) { id } }`,
            { id: h.caseId },
            await t.adminToken(),
          ),
        ),
      ).toEqual(['NOT_FOUND']);
    });
  });

  describe('right of access (Art. 15)', () => {
    it('the owner exports one case as a JSON document with its data, consents, handovers and disclosures; nobody else can', async () => {
      const client = { givenName: 'Cordelia', familyName: 'Ashdown' };
      const h = await handedOver(t, a, client, ['IDENTITY', 'LANGUAGE']);
      await t.gql(
        `query($id: ID!) { case(id: $id) { identity { familyName } language { note } } }`,
        { id: h.caseId },
        a.users.jc.token,
      );
      const res = await t.gql(`query($id: ID!) { caseExport(id: $id) }`, { id: h.caseId }, a.users.kim.token);
      expect(res.errors).toBeUndefined();
      const doc = JSON.parse(res.data.caseExport);
      expect(doc.case).toMatchObject({
        id: h.caseId,
        reference: h.reference,
        status: 'OPEN',
        owner: { id: a.orgs.kim },
      });
      expect(doc.data.identity).toEqual({
        givenName: 'Cordelia',
        familyName: 'Ashdown',
        dateOfBirth: '1990-04-01',
      });
      expect(doc.data.health).toEqual({ note: 'Cordelia Ashdown: asthma' });
      expect(doc.consents).toEqual([
        expect.objectContaining({
          id: h.consentId,
          categories: ['IDENTITY', 'LANGUAGE'],
          status: 'ACTIVE',
          informedInLanguage: 'ar',
          recipients: [{ id: a.orgs.jc, name: expect.any(String) }],
        }),
      ]);
      expect(doc.handovers).toEqual([
        expect.objectContaining({
          id: h.handoverId,
          status: 'ACCEPTED',
          to: { id: a.orgs.jc, name: expect.any(String) },
        }),
      ]);
      expect(doc.disclosures).toEqual([
        expect.objectContaining({
          categories: ['IDENTITY', 'LANGUAGE'],
          organisation: { id: a.orgs.jc, name: expect.any(String) },
          reader: 'User jc',
          handoverId: h.handoverId,
          consentId: h.consentId,
        }),
      ]);
      for (const token of [a.users.jc.token, a.users.kimCoord.token, await t.adminToken()]) {
        const other = await t.gql(`query($id: ID!) { caseExport(id: $id) }`, { id: h.caseId }, token);
        expect(other.data.caseExport).toBeNull();
      }
    });
  });
});
