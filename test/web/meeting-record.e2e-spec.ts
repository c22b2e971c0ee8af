import type { Locator, Page } from 'playwright-core';
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

const KICKOFF = 'Auftaktsitzung des Bündnisses NRW.integrativ Krefeld';
const STEERING = '1. Sitzung der Lenkungsgruppe NRW.integrativ';
const PHONE = { width: 390, height: 844 };

/** Opens a meeting from the list. */
async function openMeeting(page: Page, title: string): Promise<string> {
  await navigate(page, 'Sitzungen');
  await loaded(page);
  await page.locator('#meeting-list').getByRole('link', { name: title }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  await loaded(page);
  return new URL(page.url()).pathname.split('/').pop()!;
}

/** Chooses the option of a select whose text contains `text`. */
async function choose(select: Locator, text: string): Promise<void> {
  const value = await select.locator('option', { hasText: text }).first().getAttribute('value');
  await select.selectOption(value!);
}

describeBrowser(
  'web journey: the record of meetings – invitees, final minutes, amendments, approval in the next meeting',
  () => {
    const web = browserSuite();

    it('a facilitator chooses invitees, closes a meeting after a question, amends a final decision and has the minutes approved as an agenda item of the next meeting', async () => {
      const { page, problems } = await web.tab();
      await signIn(page, 'moderation@demo.local', DEMO_PASSWORD);
      const token = await web.t.login('moderation@demo.local', DEMO_PASSWORD);

      // The seeded minutes show as formatted text, not as Markdown.
      await openMeeting(page, KICKOFF);
      const minutes = page.getByTestId('minutes-text');
      await minutes.getByRole('heading', { name: 'Protokoll der Auftaktsitzung' }).waitFor();
      expect(await minutes.textContent()).not.toContain('# Protokoll');
      expect(await minutes.locator('li').count()).toBeGreaterThanOrEqual(4);
      await expectAccessible(page, 'meeting room (approved, Markdown minutes)');

      // A final decision can be amended only in a later meeting that runs or is adjourned.
      const decision = page.getByTestId('decision').first();
      const number = (await decision.locator('strong').first().textContent())!.match(/\d{4}\/\d{3}/)![0];
      await decision.getByRole('button', { name: /^Ändern \(neuer Beschluss\)/ }).click();
      await decision.getByRole('note').filter({ hasText: 'Eröffnen Sie zuerst die Sitzung' }).waitFor();
      await decision.getByRole('button', { name: 'Abbrechen' }).click();

      // The next steering group is planned for a later day: starting it asks first.
      await openMeeting(page, STEERING);
      await page.getByRole('button', { name: 'Sitzung eröffnen' }).click();
      await page
        .getByRole('dialog', { name: 'Sitzung schon jetzt eröffnen?' })
        .getByRole('button', { name: 'Trotzdem eröffnen' })
        .click();
      await page.getByTestId('meeting-status').filter({ hasText: 'Läuft' }).waitFor();

      await openMeeting(page, KICKOFF);
      const first = page.getByTestId('decision').first();
      await first.getByRole('button', { name: /^Ändern \(neuer Beschluss\)/ }).click();
      const amend = page.getByRole('form', { name: `Beschluss ${number} ändern` });
      await choose(amend.getByLabel('In der Sitzung'), STEERING);
      await amend
        .getByLabel('Wortlaut des Beschlusses')
        .fill('Der Beschluss gilt mit geänderter Frist bis Ende 2027.');
      await expectAccessible(page, 'meeting room (amend a final decision)');
      await amend.getByRole('button', { name: 'Änderung beschließen' }).click();
      await first
        .getByText(/Geändert durch Beschluss \d{4}\/\d{3}/)
        .first()
        .waitFor();

      // A working group: three partners invited; two present make it quorate.
      await navigate(page, 'Sitzungen');
      await loaded(page);
      await page.getByRole('button', { name: 'Sitzung planen' }).click();
      const title = 'Arbeitsgruppe Dolmetschpool';
      await page.locator('#m-title').fill(title);
      await page.getByLabel('Art', { exact: true }).selectOption('WORKING_GROUP');
      // Two UTC days ahead: a later calendar day in Berlin too, also when the run crosses midnight
      // there (between 22:00/23:00 and 24:00 UTC tomorrow's UTC date is Berlin's today).
      const later = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
      await page.getByLabel('Beginn', { exact: true }).fill(`${later}T09:00`);
      await page.getByLabel('Ende', { exact: true }).fill(`${later}T10:00`);
      const invitees = page.getByRole('group', { name: 'Eingeladene Partner' });
      await invitees.getByRole('button', { name: 'Keine' }).click();
      for (const name of [
        'Jobcenter Krefeld',
        'Agentur für Arbeit Krefeld',
        'Stadt Krefeld – Fachbereich Soziales',
      ])
        await invitees.getByLabel(name, { exact: true }).check();
      await invitees.getByText('3 eingeladen.').waitFor();
      await page.getByRole('button', { name: 'Sitzung anlegen' }).click();
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      const groupId = new URL(page.url()).pathname.split('/').pop()!;
      await page.getByRole('button', { name: 'Sitzung eröffnen' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Trotzdem eröffnen' }).click();
      await page.getByTestId('meeting-status').filter({ hasText: 'Läuft' }).waitFor();
      const { data } = await web.t.gql(
        'query($id: ID!) { meeting(id: $id) { invitedPartners { id organisation { name } } } }',
        { id: groupId },
        token,
      );
      for (const p of data.meeting.invitedPartners.slice(0, 2))
        await web.t.gql(
          'mutation($i: RecordAttendanceInput!) { recordAttendance(input: $i) { status } }',
          { i: { meetingId: groupId, partnerId: p.id, status: 'PRESENT' } },
          token,
        );
      await page
        .getByTestId('quorum')
        .filter({ hasText: /^Beschlussfähig – 2 von 3/ })
        .waitFor();
      await page.getByRole('button', { name: 'Sitzung schließen' }).click();
      await page
        .getByRole('dialog', { name: 'Sitzung schließen?' })
        .getByRole('button', { name: 'Sitzung schließen' })
        .click();
      await page.getByTestId('meeting-status').filter({ hasText: 'Geschlossen' }).waitFor();
      expect(await page.locator('#agenda-title').count()).toBe(0);
      await page.getByLabel('Protokolltext').fill('## Ergebnis\n\n- Ein **Dolmetschpool** wird aufgebaut.');
      await page.getByRole('button', { name: 'Entwurf speichern' }).click();
      await page.getByRole('status').filter({ hasText: 'Entwurf gespeichert.' }).waitFor();

      // The next meeting approves these minutes as an agenda item, after a question that says what becomes final.
      await openMeeting(page, STEERING);
      await choose(page.getByLabel('Genehmigt das Protokoll der Sitzung'), title);
      expect(await page.locator('#agenda-title').inputValue()).toContain(
        `Genehmigung des Protokolls: ${title}`,
      );
      await page.locator('#agenda').getByRole('button', { name: 'Hinzufügen' }).click();
      const item = page.locator('ol.agenda li').filter({ hasText: `Genehmigung des Protokolls: ${title}` });
      await item.waitFor();
      await item.getByRole('link', { name: title }).waitFor();
      await page.locator('#d-title').fill('Protokoll der Arbeitsgruppe genehmigt');
      await choose(page.locator('#d-item'), `Genehmigung des Protokolls: ${title}`);
      await page
        .getByLabel('Wortlaut des Beschlusses')
        .fill('Das Protokoll der Arbeitsgruppe Dolmetschpool wird genehmigt.');
      await page.getByRole('button', { name: 'Beschluss speichern' }).click();
      const ask = page.getByRole('dialog', { name: 'Protokoll wird genehmigt?' });
      await ask.getByText(`ist das Protokoll der Sitzung „${title}“ genehmigt und endgültig`).waitFor();
      await expectAccessible(page, 'meeting room (approve minutes by decision?)');
      await ask.getByRole('button', { name: 'Beschluss speichern und genehmigen' }).click();
      await page
        .getByTestId('decision')
        .filter({ hasText: 'Protokoll der Arbeitsgruppe genehmigt' })
        .waitFor();
      await screenshot(page, 'meeting-room-next');

      await page.goto(`/sitzungen/${groupId}`);
      await page.getByTestId('meeting-status').filter({ hasText: 'Protokoll genehmigt' }).waitFor();
      await page.getByText(new RegExp(`durch Beschluss \\d{4}/\\d{3} der Sitzung „${STEERING}“`)).waitFor();
      await page.getByTestId('minutes-text').getByRole('heading', { name: 'Ergebnis' }).waitFor();
      await expectAccessible(page, 'meeting room (approved by the next meeting)');
      await page.setViewportSize(PHONE);
      await expectAccessible(page, 'meeting room (phone)');
      expect(problems).toEqual([]);
    }, 300_000);
  },
);
