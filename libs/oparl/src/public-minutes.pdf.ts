import PDFDocument from 'pdfkit';
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
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: { Title: `Protokoll: ${meeting.title}`, Producer: 'Bündnisportal' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });
  const heading = (text: string) => {
    doc.moveDown(0.8).font('Helvetica-Bold').fontSize(13).text(text).moveDown(0.3);
    doc.font('Helvetica').fontSize(10);
  };
  const starts = new Date(meeting.starts_at);
  doc.font('Helvetica-Bold').fontSize(18).text(`Protokoll: ${meeting.title}`);
  doc.font('Helvetica').fontSize(10).moveDown(0.3);
  doc.text(meeting.alliance_name);
  doc.text(
    `Datum: ${berlin(starts, { dateStyle: 'medium', timeStyle: 'short' })} bis ${berlin(new Date(meeting.ends_at), { timeStyle: 'short' })} Uhr`,
  );
  if (meeting.location) doc.text(`Ort: ${meeting.location}`);

  heading('Anwesende Partner');
  doc.text(present.length ? present.join(', ') : 'Nicht erfasst.');

  heading('Tagesordnung');
  if (!agenda.length) doc.text('Keine Tagesordnungspunkte.');
  for (const item of agenda) doc.text(`TOP ${item.position}: ${item.title}`);

  heading('Beschlüsse');
  if (!papers.length) doc.text('Keine Beschlüsse.');
  for (const p of papers) {
    doc.moveDown(0.3).font('Helvetica-Bold').text(`Beschluss ${p.number}: ${p.title}`);
    doc.font('Helvetica').text(`Ergebnis: ${OUTCOME[p.outcome] ?? p.outcome}`);
    doc.text(p.text, { indent: 14 });
  }

  if (meeting.minutes_text) {
    heading('Protokoll');
    for (const line of String(meeting.minutes_text).split(/\r?\n/)) {
      const h = /^(#{1,6})\s+(.*)$/.exec(line);
      if (h) doc.font('Helvetica-Bold').text(h[2].replace(/[*_`]/g, '')).font('Helvetica');
      else if (!line.trim()) doc.moveDown(0.4);
      else doc.text(line.replace(/^\s*[-*]\s+/, '• ').replace(/\*\*|__|`/g, ''));
    }
  }
  const approved = new Date(meeting.minutes_approved_at);
  doc
    .moveDown(1)
    .font('Helvetica-Bold')
    .text(`Genehmigt am ${berlin(approved, { dateStyle: 'medium' })}.`);
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
