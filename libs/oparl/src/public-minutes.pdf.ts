import { MinutesPdfLayout } from '../../meetings/src/index.js';
import { OUTCOME } from './oparl.mapper.js';
import type { RecordRow } from './oparl.repository.js';

const berlin = (d: Date, opts: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', ...opts }).format(d);

/**
 * The public rendition of approved minutes: meeting, organisations present, agenda, decisions and
 * the minutes text. Unlike the members' printout it names no person (no facilitator, approver or
 * attendee) and lists no follow-up tasks.
 */
export async function renderPublicMinutes(
  meeting: RecordRow,
  present: string[],
  agenda: { position: number; title: string }[],
  papers: RecordRow[],
): Promise<Buffer> {
  const layout = new MinutesPdfLayout(`Protokoll: ${meeting.title}`);
  const { doc } = layout;
  const starts = new Date(meeting.starts_at);
  layout.title(`Protokoll: ${meeting.title}`);
  doc.text(meeting.alliance_name);
  doc.text(
    `Datum: ${berlin(starts, { dateStyle: 'medium', timeStyle: 'short' })} bis ${berlin(new Date(meeting.ends_at), { timeStyle: 'short' })} Uhr`,
  );
  if (meeting.location) doc.text(`Ort: ${meeting.location}`);

  layout.heading('Anwesende Partner');
  doc.text(present.length ? present.join(', ') : 'Nicht erfasst.');

  layout.heading('Tagesordnung');
  if (!agenda.length) doc.text('Keine Tagesordnungspunkte.');
  for (const item of agenda) doc.text(`TOP ${item.position}: ${item.title}`);

  layout.heading('Beschlüsse');
  if (!papers.length) doc.text('Keine Beschlüsse.');
  for (const p of papers) {
    doc.moveDown(0.3);
    layout.bold().text(`Beschluss ${p.number}: ${p.title}`);
    layout.body().text(`Ergebnis: ${OUTCOME[p.outcome] ?? p.outcome}`);
    doc.text(p.text, { indent: 14 });
  }

  layout.minutesText(meeting.minutes_text);
  const approved = new Date(meeting.minutes_approved_at);
  doc.moveDown(1);
  layout.bold().text(`Genehmigt am ${berlin(approved, { dateStyle: 'medium' })}.`);
  return layout.finish();
}
