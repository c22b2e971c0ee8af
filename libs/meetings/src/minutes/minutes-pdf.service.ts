import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import PDFDocument from 'pdfkit';
import { DataSource } from 'typeorm';
import { type Actor, DomainError, isMember, isUuid, LoaderRegistry } from '../../../core/src/index.js';
import { AllianceService } from '../../../alliance/src/index.js';
import { TaskService } from '../../../coordination/src/index.js';
import { berlinDate, berlinDateTime, berlinTime } from '../calendar/berlin-vtimezone.js';
import { AttendanceStatus, DecisionOutcome, MeetingKind, MeetingStatus } from '../meetings/meeting.enums.js';

const KIND: Record<MeetingKind, string> = {
  PLENARY: 'Plenum',
  STEERING_GROUP: 'Lenkungsgruppe',
  WORKING_GROUP: 'Arbeitsgruppe',
};
const STATUS: Record<MeetingStatus, string> = {
  SCHEDULED: 'geplant',
  IN_PROGRESS: 'läuft',
  ADJOURNED: 'beendet, Protokoll im Entwurf',
  MINUTES_APPROVED: 'Protokoll genehmigt',
  CANCELLED: 'abgesagt',
};
const ATTENDANCE: Record<AttendanceStatus, string> = {
  PRESENT: 'anwesend',
  EXCUSED: 'entschuldigt',
  ABSENT: 'abwesend',
};
const OUTCOME: Record<DecisionOutcome, string> = {
  ADOPTED: 'angenommen',
  REJECTED: 'abgelehnt',
  DEFERRED: 'vertagt',
};

function formatDay(day: string): string {
  const [y, m, d] = day.split('-');
  return `${d}.${m}.${y}`;
}

/**
 * The printable minutes: title, date, attendance, agenda, each decision with number, outcome,
 * votes and follow-up tasks, the minutes text and the approval note; marked ENTWURF (DRAFT) on
 * every page until approved.
 */
@Injectable()
export class MinutesPdfService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly taskService: TaskService,
    private readonly alliances: AllianceService,
  ) {}

  /** Each decision's follow-up tasks with the lead partner's organisation name. */
  private async followUpTasks(decisionIds: string[]) {
    const loaders = new LoaderRegistry();
    const perDecision = await this.taskService.tasksByDecisionLoader(loaders).loadMany(decisionIds);
    const tasks = perDecision.flatMap((list, i) =>
      Array.isArray(list) ? list.map((t) => ({ decisionId: decisionIds[i], task: t })) : [],
    );
    const partners = await this.alliances
      .partnerLoader(loaders)
      .loadMany(tasks.map((x) => x.task.leadPartnerId));
    const orgs = await this.alliances
      .organisationLoader(loaders)
      .loadMany(
        partners.map((p) =>
          p && !(p instanceof Error) ? p.organisationId : '00000000-0000-0000-0000-000000000000',
        ),
      );
    return tasks.map((x, i) => {
      const org = orgs[i];
      return {
        decisionId: x.decisionId,
        title: x.task.title,
        leadPartner: org && !(org instanceof Error) ? org.name : '–',
        dueOn: x.task.dueOn,
      };
    });
  }

  async render(actor: Actor, meetingId: string): Promise<{ buffer: Buffer; fileName: string }> {
    if (!isUuid(meetingId)) throw DomainError.notFound('Meeting');
    const [meeting] = await this.dataSource.query(
      `SELECT m.*, a.name AS alliance_name, a.quorum_share, f.display_name AS facilitator_name, ap.display_name AS approver_name
         FROM meetings m
         JOIN alliances a ON a.id = m.alliance_id
         JOIN users f ON f.id = m.facilitator_id
         LEFT JOIN users ap ON ap.id = m.minutes_approved_by
        WHERE m.id = $1`,
      [meetingId],
    );
    if (!meeting || !isMember(actor, meeting.alliance_id)) throw DomainError.notFound('Meeting');
    const [invited, agenda, decisions] = await Promise.all([
      this.dataSource.query(
        `SELECT o.name, o.short_name, a.status,
                (SELECT coalesce(array_agg(u.display_name ORDER BY u.display_name), '{}') FROM users u WHERE u.id = ANY(a.attendee_ids)) AS attendees
           FROM meeting_invited_partners i
           JOIN partners p ON p.id = i.partner_id
           JOIN organisations o ON o.id = p.organisation_id
           LEFT JOIN attendances a ON a.meeting_id = i.meeting_id AND a.partner_id = i.partner_id
          WHERE i.meeting_id = $1 AND p.alliance_id = $2
          ORDER BY i.position`,
        [meetingId, meeting.alliance_id],
      ),
      this.dataSource.query(
        `SELECT ai.id, ai.position, ai.title, ai.description, ai.duration_minutes, o.short_name AS presenter
           FROM agenda_items ai
           LEFT JOIN partners p ON p.id = ai.presenter_partner_id
           LEFT JOIN organisations o ON o.id = p.organisation_id
          WHERE ai.meeting_id = $1 ORDER BY ai.position`,
        [meetingId],
      ),
      this.dataSource.query(
        `SELECT d.*, am.number AS amends_number, ai.position AS agenda_position
           FROM decisions d
           LEFT JOIN decisions am ON am.id = d.amends_id
           LEFT JOIN agenda_items ai ON ai.id = d.agenda_item_id
          WHERE d.meeting_id = $1 AND d.alliance_id = $2
          ORDER BY d.year, d.serial`,
        [meetingId, meeting.alliance_id],
      ),
    ]);
    const tasks = decisions.length ? await this.followUpTasks(decisions.map((d: any) => d.id)) : [];
    const approved = meeting.status === MeetingStatus.MINUTES_APPROVED;

    const doc = new PDFDocument({
      size: 'A4',
      margin: 56,
      bufferPages: true,
      info: { Title: `Protokoll: ${meeting.title}`, Producer: 'Bündnisportal' },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise<void>((resolve, reject) => {
      doc.on('end', () => resolve());
      doc.on('error', reject);
    });

    const heading = (text: string) => {
      doc.moveDown(0.8).font('Helvetica-Bold').fontSize(13).fillColor('black').text(text).moveDown(0.3);
      doc.font('Helvetica').fontSize(10);
    };

    if (!approved)
      doc
        .font('Helvetica-Bold')
        .fontSize(12)
        .fillColor('#b00000')
        .text('ENTWURF (DRAFT) – Protokoll noch nicht genehmigt')
        .moveDown(0.4);
    doc.font('Helvetica-Bold').fontSize(18).fillColor('black').text(`Protokoll: ${meeting.title}`);
    doc.font('Helvetica').fontSize(10).moveDown(0.3);
    doc.text(`${meeting.alliance_name} · ${KIND[meeting.kind as MeetingKind]}`);
    doc.text(
      `Datum: ${berlinDateTime(new Date(meeting.starts_at))} bis ${berlinTime(new Date(meeting.ends_at))} Uhr`,
    );
    if (meeting.location) doc.text(`Ort: ${meeting.location}`);
    doc.text(`Sitzungsleitung: ${meeting.facilitator_name}`);
    doc.text(`Status: ${STATUS[meeting.status as MeetingStatus]}`);

    heading('Anwesenheit');
    const present = invited.filter((p: any) => p.status === AttendanceStatus.PRESENT).length;
    const quorate = present > Number(meeting.quorum_share) * invited.length;
    for (const p of invited) {
      const status = p.status ? ATTENDANCE[p.status as AttendanceStatus] : 'nicht erfasst';
      const people = p.attendees?.length ? ` (${p.attendees.join(', ')})` : '';
      doc.text(`• ${p.name}${p.short_name ? ` [${p.short_name}]` : ''}: ${status}${people}`);
    }
    doc
      .moveDown(0.3)
      .text(
        `${present} von ${invited.length} eingeladenen Partnern anwesend – ${quorate ? 'beschlussfähig' : 'nicht beschlussfähig'}.`,
      );

    heading('Tagesordnung');
    if (!agenda.length) doc.text('Keine Tagesordnungspunkte.');
    for (const item of agenda) {
      const extra = [item.presenter, item.duration_minutes ? `${item.duration_minutes} Min.` : null]
        .filter(Boolean)
        .join(', ');
      doc.font('Helvetica-Bold').text(`TOP ${item.position}: ${item.title}${extra ? ` (${extra})` : ''}`);
      doc.font('Helvetica');
      if (item.description) doc.text(item.description, { indent: 14 });
    }

    heading('Beschlüsse');
    if (!decisions.length) doc.text('Keine Beschlüsse.');
    for (const d of decisions) {
      doc.moveDown(0.3).font('Helvetica-Bold').text(`Beschluss ${d.number}: ${d.title}`);
      doc.font('Helvetica');
      const votes = d.consensus
        ? 'einvernehmlich (Konsens)'
        : d.votes_for !== null || d.votes_against !== null || d.abstentions !== null
          ? `Ja ${d.votes_for ?? '–'} · Nein ${d.votes_against ?? '–'} · Enthaltungen ${d.abstentions ?? '–'}`
          : 'ohne Stimmenzählung';
      doc.text(
        `Ergebnis: ${OUTCOME[d.outcome as DecisionOutcome]} – ${votes}${d.agenda_position ? ` – zu TOP ${d.agenda_position}` : ''}`,
      );
      if (d.amends_number) doc.text(`Ändert Beschluss ${d.amends_number}.`);
      doc.text(d.text, { indent: 14 });
      for (const t of tasks.filter((x) => x.decisionId === d.id)) {
        doc.text(
          `Folgeaufgabe: ${t.title} – federführend: ${t.leadPartner}${t.dueOn ? ` – fällig am ${formatDay(t.dueOn)}` : ''}`,
          { indent: 14 },
        );
      }
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

    doc.moveDown(1);
    if (approved) {
      const at = new Date(meeting.minutes_approved_at);
      doc
        .font('Helvetica-Bold')
        .text(
          `Genehmigt am ${berlinDate(at)} um ${berlinTime(at)} Uhr von ${meeting.approver_name ?? 'unbekannt'}.`,
        );
    } else {
      doc
        .font('Helvetica-Bold')
        .fillColor('#b00000')
        .text('ENTWURF (DRAFT): Dieses Protokoll ist noch nicht genehmigt.');
    }

    if (!approved) {
      const range = doc.bufferedPageRange();
      for (let i = range.start; i < range.start + range.count; i++) {
        doc.switchToPage(i);
        doc
          .save()
          .rotate(-35, { origin: [300, 420] })
          .font('Helvetica-Bold')
          .fontSize(80)
          .fillColor('#d00000')
          .opacity(0.12)
          .text('ENTWURF', 90, 380, { lineBreak: false })
          .restore();
      }
    }
    doc.end();
    await done;
    const day = new Date(meeting.starts_at).toISOString().slice(0, 10);
    return { buffer: Buffer.concat(chunks), fileName: `protokoll-${day}${approved ? '' : '-entwurf'}.pdf` };
  }
}
