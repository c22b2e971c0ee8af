import { Injectable } from '@nestjs/common';
import { type Actor, DomainError, isMember, isUuid, LoaderRegistry } from '../../../core/src/index.js';
import { AllianceService } from '../../../alliance/src/index.js';
import { TaskService } from '../../../coordination/src/index.js';
import { UsersService } from '../../../identity/src/index.js';
import { berlinDate, berlinDateTime, berlinTime } from '../calendar/berlin-vtimezone.js';
import { AttendanceStatus, DecisionOutcome, MeetingKind, MeetingStatus } from '../meetings/meeting.enums.js';
import { isQuorate } from '../meetings/meeting-state.js';
import { MinutesPdfLayout } from './minutes-pdf-layout.js';
import { MinutesRecordRepository } from './minutes-record.repository.js';

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
    private readonly records: MinutesRecordRepository,
    private readonly taskService: TaskService,
    private readonly alliances: AllianceService,
    private readonly users: UsersService,
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
    const entity = isUuid(meetingId) ? await this.records.meeting(meetingId) : null;
    if (!entity || !isMember(actor, entity.allianceId)) throw DomainError.notFound('Meeting');
    const [invitedRows, agendaRows, decisions] = await Promise.all([
      this.records.invited(meetingId),
      this.records.agenda(meetingId),
      this.records.decisions(meetingId, entity.allianceId),
    ]);
    // Names belong to the alliance and identity contexts: asked through their loaders.
    const loaders = new LoaderRegistry();
    const alliance = await this.alliances.allianceLoader(loaders).load(entity.allianceId);
    const partnerIds = [
      ...invitedRows.map((r) => r.partnerId),
      ...agendaRows.flatMap((a) => (a.presenterPartnerId ? [a.presenterPartnerId] : [])),
    ];
    const partners = new Map(
      (await this.alliances.partnerLoader(loaders).loadMany(partnerIds)).flatMap((p) =>
        p && !(p instanceof Error) ? [[p.id, p] as const] : [],
      ),
    );
    const organisations = new Map(
      (
        await this.alliances
          .organisationLoader(loaders)
          .loadMany([...new Set([...partners.values()].map((p) => p.organisationId))])
      ).flatMap((o) => (o && !(o instanceof Error) ? [[o.id, o] as const] : [])),
    );
    const userIds = [
      entity.facilitatorId,
      ...(entity.minutesApprovedById ? [entity.minutesApprovedById] : []),
      ...invitedRows.flatMap((r) => r.attendeeIds),
    ];
    const users = new Map(
      (await this.users.userLoader(loaders).loadMany([...new Set(userIds)])).flatMap((u) =>
        u && !(u instanceof Error) ? [[u.id, u.displayName] as const] : [],
      ),
    );
    const organisationOf = (partnerId: string | null) => {
      const p = partnerId ? partners.get(partnerId) : undefined;
      return p ? organisations.get(p.organisationId) : undefined;
    };
    const meeting = {
      ...entity,
      alliance_name: alliance?.name ?? '',
      quorum_share: alliance?.quorumShare ?? 0.5,
      facilitator_name: users.get(entity.facilitatorId),
      approver_name: entity.minutesApprovedById ? users.get(entity.minutesApprovedById) : undefined,
      starts_at: entity.startsAt,
      ends_at: entity.endsAt,
      minutes_text: entity.minutesText,
      minutes_approved_at: entity.minutesApprovedAt,
    };
    const invited = invitedRows
      .filter((r) => partners.get(r.partnerId)?.allianceId === entity.allianceId)
      .map((r) => ({
        name: organisationOf(r.partnerId)?.name,
        short_name: organisationOf(r.partnerId)?.shortName,
        status: r.status,
        attendees: r.attendeeIds
          .flatMap((id) => (users.has(id) ? [users.get(id)!] : []))
          .sort((a, b) => a.localeCompare(b, 'de')),
      }));
    const agenda = agendaRows.map((a) => ({
      position: a.position,
      title: a.title,
      description: a.description,
      duration_minutes: a.durationMinutes,
      presenter: organisationOf(a.presenterPartnerId)?.shortName ?? null,
    }));
    const tasks = decisions.length ? await this.followUpTasks(decisions.map((d) => d.id)) : [];
    const approved = meeting.status === MeetingStatus.MINUTES_APPROVED;

    const layout = new MinutesPdfLayout(`Protokoll: ${meeting.title}`, { bufferPages: true });
    const { doc } = layout;

    if (!approved)
      layout
        .bold()
        .fontSize(12)
        .fillColor('#b00000')
        .text('ENTWURF (DRAFT) – Protokoll noch nicht genehmigt')
        .moveDown(0.4);
    layout.title(`Protokoll: ${meeting.title}`);
    doc.text(`${meeting.alliance_name} · ${KIND[meeting.kind as MeetingKind]}`);
    doc.text(
      `Datum: ${berlinDateTime(new Date(meeting.starts_at))} bis ${berlinTime(new Date(meeting.ends_at))} Uhr`,
    );
    if (meeting.location) doc.text(`Ort: ${meeting.location}`);
    doc.text(`Sitzungsleitung: ${meeting.facilitator_name}`);
    doc.text(`Status: ${STATUS[meeting.status as MeetingStatus]}`);

    layout.heading('Anwesenheit');
    const present = invited.filter((p: any) => p.status === AttendanceStatus.PRESENT).length;
    const quorate = isQuorate(present, invited.length, Number(meeting.quorum_share));
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

    layout.heading('Tagesordnung');
    if (!agenda.length) doc.text('Keine Tagesordnungspunkte.');
    for (const item of agenda) {
      const extra = [item.presenter, item.duration_minutes ? `${item.duration_minutes} Min.` : null]
        .filter(Boolean)
        .join(', ');
      layout.bold().text(`TOP ${item.position}: ${item.title}${extra ? ` (${extra})` : ''}`);
      layout.body();
      if (item.description) doc.text(item.description, { indent: 14 });
    }

    layout.heading('Beschlüsse');
    if (!decisions.length) doc.text('Keine Beschlüsse.');
    for (const d of decisions) {
      doc.moveDown(0.3);
      layout.bold().text(`Beschluss ${d.number}: ${d.title}`);
      layout.body();
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

    layout.minutesText(meeting.minutes_text);

    doc.moveDown(1);
    if (approved) {
      const at = new Date(meeting.minutes_approved_at!);
      layout
        .bold()
        .text(
          `Genehmigt am ${berlinDate(at)} um ${berlinTime(at)} Uhr von ${meeting.approver_name ?? 'unbekannt'}.`,
        );
    } else {
      layout.bold().fillColor('#b00000').text('ENTWURF (DRAFT): Dieses Protokoll ist noch nicht genehmigt.');
    }

    if (!approved) {
      const range = doc.bufferedPageRange();
      for (let i = range.start; i < range.start + range.count; i++) {
        doc.switchToPage(i);
        doc.save().rotate(-35, { origin: [300, 420] });
        layout
          .bold()
          .fontSize(80)
          .fillColor('#d00000')
          .opacity(0.12)
          .text('ENTWURF', 90, 380, { lineBreak: false })
          .restore();
      }
    }
    const buffer = await layout.finish();
    const day = new Date(meeting.starts_at).toISOString().slice(0, 10);
    return { buffer, fileName: `protokoll-${day}${approved ? '' : '-entwurf'}.pdf` };
  }
}
