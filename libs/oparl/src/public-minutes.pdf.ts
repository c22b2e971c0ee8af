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
  layout.p(meeting.alliance_name);
  layout.p(
    `Datum: ${berlin(starts, { dateStyle: 'medium', timeStyle: 'short' })} bis ${berlin(new Date(meeting.ends_at), { timeStyle: 'short' })} Uhr`,
  );
  if (meeting.location) layout.p(`Ort: ${meeting.location}`);

  layout.heading('Anwesende Partner');
  layout.p(present.length ? present.join(', ') : 'Nicht erfasst.');

  layout.heading('Tagesordnung');
  if (!agenda.length) layout.p('Keine Tagesordnungspunkte.');
  for (const item of agenda) layout.p(`TOP ${item.position}: ${item.title}`);

  layout.heading('Beschlüsse');
  if (!papers.length) layout.p('Keine Beschlüsse.');
  for (const p of papers) {
    doc.moveDown(0.3);
    layout.p(`Beschluss ${p.number}: ${p.title}`, { bold: true });
    layout.p(`Ergebnis: ${OUTCOME[p.outcome] ?? p.outcome}`);
    layout.p(p.text, { indent: 14 });
  }

  layout.minutesText(meeting.minutes_text);
  const approved = new Date(meeting.minutes_approved_at);
  doc.moveDown(1);
  layout.p(`Genehmigt am ${berlin(approved, { dateStyle: 'medium' })}.`, { bold: true });
  return layout.finish();
}
