import { Injectable } from '@nestjs/common';
import { type Actor, DomainError, isMember, isUuid, LoaderRegistry } from '../../../core/src/index.js';
import { AllianceService } from '../../../alliance/src/index.js';
import { TaskService } from '../../../coordination/src/index.js';
import { UsersService } from '../../../identity/src/index.js';
import { berlinDate, berlinDateTime, berlinTime } from '../calendar/berlin-vtimezone.js';
import { AttendanceStatus, DecisionOutcome, MeetingKind, MeetingStatus } from '../meetings/meeting.enums.js';
import { isQuorate } from '../meetings/meeting-state.js';
import { MEETING_KIND_NAME } from '../meetings/meeting-kind.js';
import { MinutesPdfLayout } from './minutes-pdf-layout.js';
import { MinutesRecordRepository } from './minutes-record.repository.js';

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
 * The printable minutes, in German: title, date, facilitator and minute-taker, attendance, agenda,
 * each decision with number, outcome, votes and follow-up tasks, the minutes text and the approval
 * note (naming the decision when a later meeting approved them); marked ENTWURF on every page until
 * approved.
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
    const [invitedRows, agendaRows, decisions, approval] = await Promise.all([
      this.records.invited(meetingId),
      this.records.agenda(meetingId),
      this.records.decisions(meetingId, entity.allianceId),
      entity.minutesApprovalDecisionId
        ? this.records.approvalDecision(entity.minutesApprovalDecisionId)
        : null,
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
      ...(entity.minutesSavedById ? [entity.minutesSavedById] : []),
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
      minute_taker: entity.minutesSavedById ? users.get(entity.minutesSavedById) : undefined,
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

    const layout = new MinutesPdfLayout(`Protokoll: ${meeting.title}`);
    const { doc } = layout;
    const red = '#b00000';

    if (!approved) {
      layout.p('ENTWURF – Protokoll noch nicht genehmigt', { bold: true, color: red });
      doc.moveDown(0.4);
    }
    layout.title(`Protokoll: ${meeting.title}`);
    layout.p(`${meeting.alliance_name} · ${MEETING_KIND_NAME[meeting.kind as MeetingKind]}`);
    layout.p(
      `Datum: ${berlinDateTime(new Date(meeting.starts_at))} bis ${berlinTime(new Date(meeting.ends_at))} Uhr`,
    );
    if (meeting.location) layout.p(`Ort: ${meeting.location}`);
    layout.p(`Sitzungsleitung: ${meeting.facilitator_name ?? '–'}`);
    if (meeting.minute_taker) layout.p(`Protokoll: ${meeting.minute_taker}`);
    layout.p(`Status: ${STATUS[meeting.status as MeetingStatus]}`);

    layout.heading('Anwesenheit');
    const present = invited.filter((p) => p.status === AttendanceStatus.PRESENT).length;
    const quorate = isQuorate(present, invited.length, Number(meeting.quorum_share));
    layout.list(
      invited.map((p) => {
        const status = p.status ? ATTENDANCE[p.status as AttendanceStatus] : 'nicht erfasst';
        const people = p.attendees?.length ? ` (${p.attendees.join(', ')})` : '';
        return `${p.name}${p.short_name ? ` [${p.short_name}]` : ''}: ${status}${people}`;
      }),
    );
    doc.moveDown(0.3);
    layout.p(
      `${present} von ${invited.length} eingeladenen Partnern anwesend – ${quorate ? 'beschlussfähig' : 'nicht beschlussfähig'}.`,
    );

    layout.heading('Tagesordnung');
    if (!agenda.length) layout.p('Keine Tagesordnungspunkte.');
    for (const item of agenda) {
      const extra = [item.presenter, item.duration_minutes ? `${item.duration_minutes} Min.` : null]
        .filter(Boolean)
        .join(', ');
      layout.p(`TOP ${item.position}: ${item.title}${extra ? ` (${extra})` : ''}`, { bold: true });
      if (item.description) layout.p(item.description, { indent: 14 });
    }

    layout.heading('Beschlüsse');
    if (!decisions.length) layout.p('Keine Beschlüsse.');
    for (const d of decisions) {
      doc.moveDown(0.3);
      layout.p(`Beschluss ${d.number}: ${d.title}`, { bold: true });
      const votes = d.consensus
        ? 'einvernehmlich (Konsens)'
        : d.votes_for !== null || d.votes_against !== null || d.abstentions !== null
          ? `Ja ${d.votes_for ?? '–'} · Nein ${d.votes_against ?? '–'} · Enthaltungen ${d.abstentions ?? '–'}`
          : 'ohne Stimmenzählung';
      layout.p(
        `Ergebnis: ${OUTCOME[d.outcome as DecisionOutcome]} – ${votes}${d.agenda_position ? ` – zu TOP ${d.agenda_position}` : ''}`,
      );
      if (d.amends_number) layout.p(`Ändert Beschluss ${d.amends_number}.`);
      layout.p(d.text, { indent: 14 });
      for (const t of tasks.filter((x) => x.decisionId === d.id)) {
        layout.p(
          `Folgeaufgabe: ${t.title} – federführend: ${t.leadPartner}${t.dueOn ? ` – fällig am ${formatDay(t.dueOn)}` : ''}`,
          { indent: 14 },
        );
      }
    }

    layout.minutesText(meeting.minutes_text);

    doc.moveDown(1);
    if (approved) {
      const at = new Date(meeting.minutes_approved_at!);
      const by = `Genehmigt am ${berlinDate(at)} um ${berlinTime(at)} Uhr von ${meeting.approver_name ?? 'unbekannt'}`;
      layout.p(
        approval
          ? `${by} durch Beschluss ${approval.number} der Sitzung vom ${berlinDate(approval.meetingStartsAt)}.`
          : `${by}.`,
        { bold: true },
      );
    } else {
      layout.p('ENTWURF: Dieses Protokoll ist noch nicht genehmigt.', { bold: true, color: red });
      layout.draftMark();
    }
    const buffer = await layout.finish();
    const day = new Date(meeting.starts_at).toISOString().slice(0, 10);
    return { buffer, fileName: `protokoll-${day}${approved ? '' : '-entwurf'}.pdf` };
  }
}
