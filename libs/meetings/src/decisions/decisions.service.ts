import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  allianceWhere,
  type Actor,
  AuditService,
  byKey,
  countWhenSelected,
  decodeCursor,
  DomainError,
  ErrorCode,
  groupBy,
  isMember,
  isUuid,
  LoaderRegistry,
  type Page,
  pageSize,
  presentFields,
  toPage,
  FieldRule,
} from '../../../core/src/index.js';
import { TaskService } from '../../../coordination/src/index.js';
import { AgendaItemRepository } from '../agenda/agenda-item.repository.js';
import type { AgendaItemEntity, DecisionEntity, MeetingEntity } from '../meetings/meeting.entities.js';
import { DecisionOutcome, MeetingChange, MeetingStatus } from '../meetings/meeting.enums.js';
import type {
  AddFollowUpTasksInput,
  AmendDecisionInput,
  CorrectDecisionInput,
  RecordDecisionInput,
} from '../meetings/meeting.inputs.js';
import { MeetingRepository } from '../meetings/meeting.repository.js';
import { assertState } from '../meetings/meeting-state.js';
import { MeetingsService } from '../meetings/meetings.service.js';
import { MinutesService } from '../minutes/minutes.service.js';
import { decisionYear, formatNumber, parseDecisionSearch } from './decision-number.js';
import { DecisionRepository } from './decision.repository.js';

/** `decisions.totalCount` counts at most this many — a page never counts a whole large list. */
export const MAX_COUNTED = 10_000;

interface DecisionState {
  outcome: DecisionOutcome;
  consensus: boolean;
  votesFor: number | null;
  votesAgainst: number | null;
  abstentions: number | null;
}

/** A decision by consensus is adopted, without a vote. */
function checkConsistency(d: DecisionState): void {
  if (!d.consensus) return;
  if (d.outcome !== DecisionOutcome.ADOPTED)
    throw DomainError.field('input.consensus', 'only an ADOPTED decision can be taken by consensus');
  if (d.votesFor !== null || d.votesAgainst !== null || d.abstentions !== null) {
    throw DomainError.field('input.consensus', 'a decision by consensus carries no votes');
  }
}

function stateOf(input: RecordDecisionInput | AmendDecisionInput): DecisionState {
  return {
    outcome: input.outcome,
    consensus: input.consensus ?? false,
    votesFor: input.votesFor ?? null,
    votesAgainst: input.votesAgainst ?? null,
    abstentions: input.abstentions ?? null,
  };
}

/** Numbered decisions: recorded and corrected until the minutes are approved, amended afterwards. */
@Injectable()
export class DecisionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repo: DecisionRepository,
    private readonly meetingRepo: MeetingRepository,
    private readonly agenda: AgendaItemRepository,
    private readonly audit: AuditService,
    private readonly meetings: MeetingsService,
    private readonly tasks: TaskService,
    private readonly minutes: MinutesService,
  ) {}

  // ── reading ────────────────────────────────────────────────

  async get(actor: Actor, id: string): Promise<DecisionEntity | null> {
    const scope = allianceWhere(actor);
    if (!isUuid(id) || !scope) return null;
    return this.repo.findById(id, scope);
  }

  /**
   * The alliance's decisions in number order. `search` finds a number ("2026/7" or "2026/007") or
   * words of title and text (German stemming, prefixes: "Sprach" finds "Sprachkurse").
   */
  async list(
    actor: Actor,
    allianceId: string,
    search: string | null | undefined,
    first?: number | null,
    after?: string | null,
  ): Promise<Page<DecisionEntity>> {
    const limit = pageSize(first);
    const cursor = decodeCursor(after, 2);
    if (cursor && !cursor.every((v) => Number.isInteger(v)))
      throw DomainError.field('after', 'is not a valid cursor', FieldRule.INVALID_CURSOR);
    if (!isUuid(allianceId) || !isMember(actor, allianceId)) return toPage([], limit, 0, () => []);
    const parsed = parseDecisionSearch(search);
    if (parsed === undefined) return toPage([], limit, 0, () => []);
    const rows = await this.repo.page(
      allianceId,
      parsed,
      cursor ? [cursor[0] as number, cursor[1] as number] : null,
      limit,
    );
    const count = countWhenSelected((cap) => this.repo.countUpTo(allianceId, parsed, cap), {
      cap: MAX_COUNTED,
    });
    return toPage(rows, limit, count, (d) => [d.year, d.serial]);
  }

  // ── recording ──────────────────────────────────────────────

  async record(actor: Actor, input: RecordDecisionInput): Promise<DecisionEntity> {
    const state = stateOf(input);
    const tasks = input.followUpTasks ?? [];
    return this.dataSource.transaction(async (em) => {
      // FOR SHARE: decisions of one meeting are recorded in parallel (the counter serialises their
      // numbers), while approveMinutes (FOR UPDATE) waits for them.
      const meeting = await this.meetings.lockForRunning(em, actor, input.meetingId, 'pessimistic_read');
      assertState(meeting, 'recordDecision');
      checkConsistency(state);
      const item = input.agendaItemId
        ? await this.requireAgendaItem(em, meeting.id, input.agendaItemId, 'input.agendaItemId')
        : null;
      const decision = await this.insert(em, actor, meeting, {
        ...state,
        title: input.title,
        text: input.text,
        agendaItemId: input.agendaItemId ?? null,
        amendsId: null,
      });
      await this.approvesMinutes(em, actor, decision, item);
      // Same transaction: an invalid task leaves neither the decision nor any task (nor a used number).
      await this.tasks.createTasks(em, actor, meeting.allianceId, tasks, {
        decisionId: decision.id,
        pathPrefix: 'input.followUpTasks',
      });
      await this.audit.append(em, {
        actorId: actor.userId,
        action: 'recordDecision',
        entityType: 'Decision',
        entityId: decision.id,
        allianceId: meeting.allianceId,
        changedFields: presentFields(input),
      });
      this.meetings.announce(em, MeetingChange.DECISIONS_CHANGED, meeting);
      return decision;
    });
  }

  /**
   * Follow-up tasks decided on later for an existing decision, until the minutes are approved
   * (afterwards the decision is final: CONFLICT; plain tasks remain possible with createTask).
   */
  addFollowUpTasks(actor: Actor, input: AddFollowUpTasksInput): Promise<DecisionEntity> {
    const { decisionId, tasks } = input;
    return this.dataSource.transaction(async (em) => {
      const decision = isUuid(decisionId) ? await this.repo.find(em, decisionId) : null;
      if (!decision || !isMember(actor, decision.allianceId)) throw DomainError.notFound('Decision');
      const meeting = await this.meetings.lockForRunning(em, actor, decision.meetingId, 'pessimistic_read');
      assertState(meeting, 'addFollowUpTasks');
      const created = await this.tasks.createTasks(em, actor, decision.allianceId, tasks, {
        decisionId: decision.id,
        pathPrefix: 'input.tasks',
        action: 'addFollowUpTasks',
      });
      this.meetings.announce(em, MeetingChange.DECISIONS_CHANGED, meeting);
      await this.audit.append(em, {
        actorId: actor.userId,
        action: 'addFollowUpTasks',
        entityType: 'Decision',
        entityId: decision.id,
        allianceId: decision.allianceId,
        changedFields: created.length ? ['followUpTasks'] : [],
      });
      this.meetings.announce(em, MeetingChange.DECISIONS_CHANGED, meeting);
      return decision;
    });
  }

  correct(actor: Actor, id: string, input: CorrectDecisionInput): Promise<DecisionEntity> {
    return this.dataSource.transaction(async (em) => {
      const found = isUuid(id) ? await this.repo.find(em, id) : null;
      if (!found || !isMember(actor, found.allianceId)) throw DomainError.notFound('Decision');
      const meeting = await this.meetings.lockForRunning(em, actor, found.meetingId, 'pessimistic_read');
      if (meeting.status === MeetingStatus.MINUTES_APPROVED) {
        throw DomainError.conflict(
          'correctDecision is not possible: the minutes are approved and the decision is final; use amendDecision',
        );
      }
      assertState(meeting, 'correctDecision');
      const decision = (await this.repo.lock(em, id))!;
      const fields = presentFields(input);
      const approvedMinutes = await this.meetingRepo.approvedByDecision(em, id);
      if (approvedMinutes && (input.outcome !== undefined || input.agendaItemId !== undefined)) {
        throw new DomainError(
          ErrorCode.CONFLICT,
          'correctDecision is not possible: this decision approved the minutes of an earlier meeting; its outcome and agenda item are final',
          undefined,
          { reason: 'DECISION_APPROVED_MINUTES' },
        );
      }
      if (input.title !== undefined) decision.title = input.title.trim();
      if (input.text !== undefined) decision.text = input.text;
      if (input.outcome !== undefined) decision.outcome = input.outcome;
      if (input.consensus !== undefined) decision.consensus = input.consensus;
      if (input.votesFor !== undefined) decision.votesFor = input.votesFor;
      if (input.votesAgainst !== undefined) decision.votesAgainst = input.votesAgainst;
      if (input.abstentions !== undefined) decision.abstentions = input.abstentions;
      let item: AgendaItemEntity | null = null;
      if (input.agendaItemId !== undefined) {
        if (input.agendaItemId)
          item = await this.requireAgendaItem(em, meeting.id, input.agendaItemId, 'input.agendaItemId');
        decision.agendaItemId = input.agendaItemId;
      } else if (input.outcome !== undefined && decision.agendaItemId) {
        item = await this.agenda.find(em, decision.agendaItemId);
      }
      checkConsistency(decision);
      // Corrected into an adopted decision under an item that approves minutes: it approves them now.
      await this.approvesMinutes(em, actor, decision, item);
      decision.correctedAt = new Date();
      const saved = await this.repo.save(em, decision);
      await this.audit.append(em, {
        actorId: actor.userId,
        action: 'correctDecision',
        entityType: 'Decision',
        entityId: id,
        allianceId: decision.allianceId,
        changedFields: fields,
      });
      this.meetings.announce(em, MeetingChange.DECISIONS_CHANGED, meeting);
      return saved;
    });
  }

  /** A new, numbered decision in a later meeting that amends a final one. */
  amend(actor: Actor, input: AmendDecisionInput): Promise<DecisionEntity> {
    const state = stateOf(input);
    return this.dataSource.transaction(async (em) => {
      const meeting = await this.meetings.lockForRunning(em, actor, input.meetingId, 'pessimistic_read');
      assertState(meeting, 'amendDecision');
      checkConsistency(state);
      const amended = await this.repo.findInAlliance(em, input.amendsId, meeting.allianceId);
      if (!amended) throw DomainError.field('input.amendsId', 'no such decision in this alliance');
      const origin = (await this.meetingRepo.find(em, amended.meetingId))!;
      if (origin.status !== MeetingStatus.MINUTES_APPROVED) {
        throw DomainError.conflict(
          'amendDecision is not possible: the decision is not final yet (its minutes are not approved); use correctDecision',
        );
      }
      if (meeting.startsAt.getTime() <= new Date(origin.startsAt).getTime()) {
        throw DomainError.field(
          'input.meetingId',
          'must be a meeting later than the one of the amended decision',
        );
      }
      if (input.agendaItemId)
        await this.requireAgendaItem(em, meeting.id, input.agendaItemId, 'input.agendaItemId');
      const decision = await this.insert(em, actor, meeting, {
        ...state,
        title: input.title,
        text: input.text,
        agendaItemId: input.agendaItemId ?? null,
        amendsId: amended.id,
      });
      await this.audit.append(em, {
        actorId: actor.userId,
        action: 'amendDecision',
        entityType: 'Decision',
        entityId: decision.id,
        allianceId: meeting.allianceId,
        changedFields: presentFields(input),
      });
      this.meetings.announce(em, MeetingChange.DECISIONS_CHANGED, meeting);
      return decision;
    });
  }

  /** Inserts a decision under the next number of the alliance's current (Europe/Berlin) year. */
  private async insert(
    em: EntityManager,
    actor: Actor,
    meeting: MeetingEntity,
    d: DecisionState & { title: string; text: string; agendaItemId: string | null; amendsId: string | null },
  ): Promise<DecisionEntity> {
    const year = decisionYear();
    const serial = await this.repo.nextSerial(em, meeting.allianceId, year);
    return this.repo.insert(em, {
      allianceId: meeting.allianceId,
      meetingId: meeting.id,
      agendaItemId: d.agendaItemId,
      year,
      serial,
      number: formatNumber(year, serial),
      title: d.title.trim(),
      text: d.text,
      outcome: d.outcome,
      votesFor: d.votesFor,
      votesAgainst: d.votesAgainst,
      abstentions: d.abstentions,
      consensus: d.consensus,
      amendsId: d.amendsId,
      recordedById: actor.userId,
      recordedAt: new Date(),
    });
  }

  private async requireAgendaItem(
    em: EntityManager,
    meetingId: string,
    id: string,
    path: string,
  ): Promise<AgendaItemEntity> {
    const item = await this.agenda.find(em, id);
    if (!item || item.meetingId !== meetingId)
      throw DomainError.field(path, 'must be an agenda item of this meeting');
    return item;
  }

  /** An ADOPTED decision under an item that puts earlier minutes to the vote approves them. */
  private async approvesMinutes(
    em: EntityManager,
    actor: Actor,
    decision: DecisionEntity,
    item: AgendaItemEntity | null,
  ): Promise<void> {
    if (item?.approvesMinutesOfId && decision.outcome === DecisionOutcome.ADOPTED)
      await this.minutes.approveByDecision(em, actor, item.approvesMinutesOfId, decision);
  }

  // ── loaders ────────────────────────────────────────────────

  decisionLoader(loaders: LoaderRegistry) {
    return loaders.get<string, DecisionEntity | null>('decision.byId', async (ids) =>
      byKey(ids, await this.repo.byIds(ids), (d) => d.id),
    );
  }

  /** The meetings' decisions in order; each also fills the decision loader (an amendment's `amends`). */
  decisionsOfMeetingLoader(loaders: LoaderRegistry) {
    return loaders.get<string, DecisionEntity[]>('decisions.byMeeting', async (ids) => {
      const rows = await this.repo.ofMeetings(ids);
      const byId = this.decisionLoader(loaders);
      for (const d of rows) byId.prime(d.id, d);
      return groupBy(ids, rows, (d) => d.meetingId);
    });
  }

  amendedByLoader(loaders: LoaderRegistry) {
    return loaders.get<string, DecisionEntity[]>('decisions.amendedBy', async (ids) =>
      groupBy(ids, await this.repo.amending(ids), (d) => d.amendsId!),
    );
  }
}
