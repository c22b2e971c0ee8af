import { codes, type TestApp } from '../utils/test-app.js';
import type { BuiltAlliance } from '../utils/builders.js';
import {
  ACCEPT,
  expectData,
  fullCaseInput,
  handedOver,
  HANDOVER_FIELDS,
  openCase,
  RECORD,
  recordConsent,
  REQUEST_HANDOVER,
  withCaseworkApp,
} from './helpers.js';

describe('casework: consent and handovers', () => {
  let t: TestApp;
  let a: BuiltAlliance;
  withCaseworkApp((app, alliance) => {
    t = app;
    a = alliance;
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
});
