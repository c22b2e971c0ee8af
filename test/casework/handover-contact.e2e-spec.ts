import { codes, type TestApp } from '../utils/test-app.js';
import type { BuiltAlliance } from '../utils/builders.js';
import { expectData, handedOver, withCaseworkApp } from './helpers.js';

const SIDES = `query($id: ID!) { case(id: $id) { handovers {
  id status accessActive accessEndedAt accessEndReason outcome completedAt completedBy { id displayName }
  cancelReason consent { withdrawalNote }
  requestedBy { displayName email phone organisation { id name } } } } }`;

describe('casework: whom to call, the outcome, and why access ended', () => {
  let t: TestApp;
  let a: BuiltAlliance;
  withCaseworkApp((app, alliance) => {
    t = app;
    a = alliance;
  });

  it("the sending case worker's business phone comes from their own profile (identity), validated", async () => {
    const set = await expectData(
      t,
      `mutation($p: String) { updateMyContact(phone: $p) { id phone } }`,
      { p: ' +49 2151 86-1234 ' },
      a.users.kim.token,
    );
    expect(set.updateMyContact).toEqual({ id: a.users.kim.id, phone: '+49 2151 86-1234' });
    const bad = await t.gql(
      `mutation { updateMyContact(phone: "call me maybe") { id } }`,
      {},
      a.users.kim.token,
    );
    expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(bad.errors![0].extensions!.fields![0].path).toBe('phone');
  });

  it('the receiver sees who sent it and how to reach them; the sender sees the outcome and who completed it', async () => {
    const h = await handedOver(t, a, { givenName: 'Kontakt', familyName: 'Person' });
    const receiver = (await expectData(t, SIDES, { id: h.caseId }, a.users.jc.token)).case.handovers[0];
    expect(receiver.requestedBy).toEqual({
      displayName: expect.any(String),
      email: a.users.kim.email,
      phone: '+49 2151 86-1234',
      organisation: { id: a.orgs.kim, name: expect.any(String) },
    });
    await expectData(
      t,
      `mutation($id: ID!, $o: String!) { completeHandover(id: $id, outcome: $o) { id } }`,
      { id: h.handoverId, o: 'Vermittelt in Maßnahme' },
      a.users.jc.token,
    );
    const sender = (await expectData(t, SIDES, { id: h.caseId }, a.users.kim.token)).case.handovers[0];
    expect(sender).toMatchObject({
      status: 'COMPLETED',
      outcome: 'Vermittelt in Maßnahme',
      completedBy: { id: a.users.jc.id },
      accessActive: false,
      accessEndReason: 'HANDOVER_COMPLETED',
    });
    expect(sender.completedAt).toEqual(sender.accessEndedAt);
  });

  it('after a withdrawal both sides read why and since when access ended', async () => {
    const h = await handedOver(t, a, { givenName: 'Wider', familyName: 'Ruf' });
    const before = (await expectData(t, SIDES, { id: h.caseId }, a.users.jc.token)).case.handovers[0];
    expect(before).toMatchObject({ accessActive: true, accessEndedAt: null, accessEndReason: null });
    const { withdrawConsent } = await expectData(
      t,
      `mutation($id: ID!) { withdrawConsent(id: $id, note: "Klientin widerruft") { withdrawnAt } }`,
      { id: h.consentId },
      a.users.kim.token,
    );
    for (const token of [a.users.jc.token, a.users.kim.token]) {
      const side = (await expectData(t, SIDES, { id: h.caseId }, token)).case.handovers[0];
      expect(side).toMatchObject({
        status: 'ACCEPTED',
        accessActive: false,
        accessEndReason: 'CONSENT_WITHDRAWN',
        accessEndedAt: withdrawConsent.withdrawnAt,
        consent: { withdrawalNote: 'Klientin widerruft' },
      });
    }
  });

  it('after an expiry and after a cancellation too', async () => {
    const expiring = await handedOver(t, a, { givenName: 'Ab', familyName: 'Gelaufen' });
    await t.db.query(
      `UPDATE consents SET valid_from = now() - interval '2 hours', valid_until = now() - interval '1 hour' WHERE id = $1`,
      [expiring.consentId],
    );
    const expired = (await expectData(t, SIDES, { id: expiring.caseId }, a.users.jc.token)).case.handovers[0];
    expect(expired).toMatchObject({ accessActive: false, accessEndReason: 'CONSENT_EXPIRED' });
    const until = await t.db.query('SELECT valid_until FROM consents WHERE id = $1', [expiring.consentId]);
    expect(new Date(expired.accessEndedAt)).toEqual(until.rows[0].valid_until);

    const cancelled = await handedOver(t, a, { givenName: 'Zu', familyName: 'Rück' });
    await expectData(
      t,
      `mutation($id: ID!) { cancelHandover(id: $id, reason: "Zuständigkeit gewechselt") { id } }`,
      { id: cancelled.handoverId },
      a.users.kim.token,
    );
    const side = (await expectData(t, SIDES, { id: cancelled.caseId }, a.users.jc.token)).case.handovers[0];
    expect(side).toMatchObject({
      status: 'CANCELLED',
      accessEndReason: 'HANDOVER_CANCELLED',
      cancelReason: 'Zuständigkeit gewechselt',
    });
  });
});
