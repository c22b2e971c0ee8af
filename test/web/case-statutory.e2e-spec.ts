import {
  browserSuite,
  DEMO_PASSWORD,
  describeBrowser,
  expectAccessible,
  loaded,
  navigate,
  screenshot,
  signIn,
} from './browser.js';

const SECOND = 'vertretung-fallmanagement@demo.local';

describeBrowser('web journey: a transfer on a statutory basis, approved by a second case worker', () => {
  const web = browserSuite();

  /** A second case worker of the city's integration management (the demo has one per role). */
  async function secondCaseWorker(): Promise<void> {
    const admin = await web.t.adminToken();
    const me = await web.t.gql(
      '{ me { organisation { id } } }',
      {},
      await web.t.login('fallmanagement@demo.local', DEMO_PASSWORD),
    );
    const organisationId = me.data.me.organisation.id;
    const created = await web.t.gql(
      `mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`,
      {
        i: {
          email: SECOND,
          displayName: 'Vertretung Fallmanagement KIM (Demo)',
          organisationId,
          password: DEMO_PASSWORD,
        },
      },
      admin,
    );
    expect(created.errors).toBeUndefined();
    const alliances = await web.t.gql('{ alliances { id } }', {}, admin);
    const set = await web.t.gql(
      `mutation($i: SetMembershipInput!) { setMembership(input: $i) { id } }`,
      {
        i: {
          allianceId: alliances.data.alliances[0].id,
          userId: created.data.createUser.id,
          roles: ['CASE_WORKER'],
        },
      },
      admin,
    );
    expect(set.errors).toBeUndefined();
  }

  it('the requester cannot approve; the second case worker approves; the Jobcenter then sees whom to call', async () => {
    await secondCaseWorker();
    const requesterTab = await web.tab();
    const secondTab = await web.tab();
    const receiverTab = await web.tab();
    const o = requesterTab.page;
    const s = secondTab.page;
    const r = receiverTab.page;

    await signIn(o, 'fallmanagement@demo.local', DEMO_PASSWORD);
    await navigate(o, 'Fälle');
    await loaded(o);
    const openForm = o.locator('#open-case');
    await openForm.getByLabel('Vorname', { exact: true }).fill('Gesetzo');
    await openForm.getByLabel('Nachname', { exact: true }).fill('Grundlagenfrau');
    await openForm.getByLabel('Arbeit', { exact: true }).check();
    await openForm.getByLabel('Deutschkenntnisse (GER)').selectOption('A2');
    await o.getByRole('button', { name: 'Fall eröffnen' }).click();
    const heading = o.getByRole('heading', { level: 1, name: /^Fall / });
    await heading.waitFor();
    const reference = (await heading.textContent())!.replace(/^Fall /, '').trim();
    const caseUrl = o.url();

    // A transfer without consent, on § 50 SGB II, with a justification.
    const form = o.locator('#statutory-handover');
    await form.getByLabel('An', { exact: true }).selectOption({ label: 'Jobcenter Krefeld' });
    await form.getByLabel('Rechtsgrundlage').selectOption('SGB_II_50');
    await form.getByLabel('Begründung').fill('Prüfung des Leistungsanspruchs nach dem SGB II');
    await form.getByLabel('Sprache', { exact: true }).check();
    await expect(form.getByLabel('Gesundheit', { exact: true }).count()).resolves.toBe(0);
    await form
      .getByLabel(/In welcher Sprache wurde die Person über die Übermittlung informiert/)
      .selectOption('ar');
    await form.getByRole('button', { name: 'Zur Freigabe vorlegen' }).click();
    const handover = o.getByTestId('handover').filter({ hasText: '§ 50 SGB II' });
    await handover.getByText(/Wartet auf die Freigabe durch eine zweite Fachkraft/).waitFor();
    await expect(handover.getByRole('button', { name: 'Übermittlung freigeben' }).count()).resolves.toBe(0);
    await expectAccessible(o, 'case (statutory transfer awaiting approval)');
    await screenshot(o, 'case-statutory-awaiting');

    // The second case worker of the same organisation approves it.
    await signIn(s, SECOND, DEMO_PASSWORD);
    await s.goto(caseUrl);
    await s.getByRole('heading', { level: 1, name: `Fall ${reference}` }).waitFor();
    await loaded(s);
    const pending = s.getByTestId('handover').filter({ hasText: '§ 50 SGB II' });
    await pending.getByRole('button', { name: 'Übermittlung freigeben' }).waitFor();
    await expectAccessible(s, 'case (second case worker decides)');
    await screenshot(s, 'case-statutory-approve');
    await pending.getByRole('button', { name: 'Übermittlung freigeben' }).click();
    await pending.getByText('Angefragt').waitFor();
    await expect(pending.getByText(/Wartet auf die Freigabe/).count()).resolves.toBe(0);

    // Only now the Jobcenter sees the request, and whom to contact at the sending organisation.
    await signIn(r, 'jobcenter@demo.local', DEMO_PASSWORD);
    await navigate(r, 'Fälle');
    const request = r.getByTestId('incoming-handover').filter({ hasText: reference });
    await request.getByRole('button', { name: /Annehmen/ }).click();
    await r.locator('#received-cases').getByRole('link', { name: reference }).click();
    await r.getByRole('heading', { level: 1, name: `Fall ${reference}` }).waitFor();
    await loaded(r);
    const received = r.getByTestId('handover');
    await received.getByText('Ohne Einwilligung, auf Grundlage von § 50 SGB II').waitFor();
    await received.getByText(/Ansprechperson: Fallmanagement KIM \(Demo\)/).waitFor();
    await r.getByTestId('category-LANGUAGE').getByText('A2').waitFor();
    await expect(received.getByRole('button', { name: 'Übergabe zurückziehen' }).count()).resolves.toBe(0);
    await expectAccessible(r, 'case (received on a statutory basis)');
    await screenshot(r, 'case-statutory-received');

    // The owner edits one category on the version loaded; a colleague's change in between is not overwritten.
    await o.reload();
    await loaded(o);
    const edit = o.locator('#edit-case-data');
    await edit.getByLabel('Welchen Datenbereich bearbeiten?').selectOption({ label: 'Wohnen' });
    await edit.getByLabel('Wohnsituation').fill('Eigene Wohnung');
    const caseId = caseUrl.split('/').pop()!;
    const colleague = await web.t.gql(
      `mutation($i: UpdateCaseDataInput!) { updateCaseData(input: $i) { version } }`,
      { i: { caseId, family: { householdSize: 2 } } },
      await web.t.login(SECOND, DEMO_PASSWORD),
    );
    expect(colleague.errors).toBeUndefined();
    await edit.getByRole('button', { name: 'Änderungen speichern' }).click();
    await edit.getByText(/Jemand hat den Fall inzwischen geändert/).waitFor();
    await expectAccessible(o, 'case (edit refused: changed meanwhile)');
    // Reloaded, the colleague's change shows; the edit is saved on the new version.
    await edit.getByRole('button', { name: 'Fall neu laden' }).click();
    await o.getByTestId('category-FAMILY').getByText('2').waitFor();
    await edit.getByRole('button', { name: 'Änderungen speichern' }).click();
    await o.getByTestId('category-HOUSING').getByText('Eigene Wohnung').waitFor();

    // Closed with a reason, reopened.
    const maintenance = o.locator('#case-maintenance');
    await maintenance.getByLabel('Grund des Abschlusses').selectOption({ label: 'Ziel erreicht' });
    await maintenance.getByRole('button', { name: 'Fall abschließen' }).click();
    await maintenance.getByText('Abgeschlossen: Ziel erreicht').waitFor();
    await expectAccessible(o, 'case (closed)');
    await maintenance.getByRole('button', { name: 'Fall wieder öffnen' }).click();
    await maintenance.getByLabel('Grund des Abschlusses').waitFor();

    // The erasure asks first and says what remains.
    await o.getByRole('button', { name: 'Personendaten löschen …' }).click();
    await o.getByText(/Es bleiben: das Aktenzeichen/).waitFor();
    await expectAccessible(o, 'case (erasure confirmation)');
    await screenshot(o, 'case-erase-confirm');
    await o.getByRole('button', { name: 'Abbrechen' }).click();

    expect(requesterTab.problems).toEqual([]);
    expect(secondTab.problems).toEqual([]);
    expect(receiverTab.problems).toEqual([]);
  }, 300_000);
});
