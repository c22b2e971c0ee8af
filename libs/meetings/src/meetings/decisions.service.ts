import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import {
  type Actor,
  AuditService,
  byKey,
  decodeCursor,
  DomainError,
  groupBy,
  isMember,
  isUuid,
  LoaderRegistry,
  type Page,
  pageSize,
  presentFields,
  todayInBerlin,
  toPage,
  visibleTo,
} from '../../../core/src/index.js';
import { TaskService } from '../../../coordination/src/index.js';
import { DecisionEntity, type MeetingEntity } from './meeting.entities.js';
import { DecisionOutcome, MeetingStatus } from './meeting.enums.js';
import {
  AddFollowUpTasksInput,
  AmendDecisionInput,
  CorrectDecisionInput,
  RecordDecisionInput,
} from './meeting.inputs.js';
import { assertState, MeetingsService } from './meetings.service.js';

/** Decisions can be recorded and corrected while the meeting runs and until its minutes are approved. */
const DECIDING = [MeetingStatus.IN_PROGRESS, MeetingStatus.ADJOURNED];

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

/** The calendar year in Europe/Berlin in which a decision recorded at `at` is numbered. */
export function decisionYear(at = new Date()): number {
  return Number(todayInBerlin(at).slice(0, 4));
}

export function formatNumber(year: number, serial: number): string {
  return `${year}/${String(serial).padStart(3, '0')}`;
}

/**
 * Takes the next number of the alliance's year: the counter row is incremented under its row lock,
 * held until commit, so concurrent recordings get consecutive numbers and a rollback leaves no gap.
 */
export async function nextDecisionNumber(
  em: EntityManager,
  allianceId: string,
  year: number,
): Promise<{ serial: number; number: string }> {
  const [{ last_serial: serial }] = await em.query(
    `INSERT INTO decision_counters (alliance_id, year, last_serial) VALUES ($1, $2, 1)
     ON CONFLICT (alliance_id, year) DO UPDATE SET last_serial = decision_counters.last_serial + 1
     RETURNING last_serial`,
    [allianceId, year],
  );
  return { serial, number: formatNumber(year, serial) };
}

@Injectable()
export class DecisionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly meetings: MeetingsService,
    private readonly tasks: TaskService,
  ) {}

  // ── reading ────────────────────────────────────────────────

  async get(actor: Actor, id: string): Promise<DecisionEntity | null> {
    if (!isUuid(id)) return null;
    const d = await this.dataSource.getRepository(DecisionEntity).findOne({ where: { id } });
    return visibleTo(actor, d);
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
      throw DomainError.field('after', 'is not a valid cursor');
    if (!isUuid(allianceId) || !isMember(actor, allianceId)) return toPage([], limit, 0, () => []);
    const qb = this.dataSource
      .getRepository(DecisionEntity)
      .createQueryBuilder('d')
      .where('d.alliance_id = :allianceId', { allianceId });
    const term = search?.trim();
    if (term) {
      const num = /^(\d{4})\/(\d{1,6})$/.exec(term);
      if (num) {
        qb.andWhere('d.number = :number', { number: formatNumber(Number(num[1]), Number(num[2])) });
      } else {
        const words = term
          .toLowerCase()
          .split(/[^\p{L}\p{N}]+/u)
          .filter(Boolean)
          .slice(0, 8);
        if (!words.length) return toPage([], limit, 0, () => []);
        const query = words.map((w) => `${w}:*`).join(' & ');
        qb.andWhere(`to_tsvector('german', d.title || ' ' || d.text) @@ to_tsquery('german', :query)`, {
          query,
        });
      }
    }
    const totalCount = await qb.getCount();
    if (cursor) qb.andWhere('(d.year, d.serial) > (:y, :s)', { y: cursor[0], s: cursor[1] });
    const rows = await qb
      .orderBy('d.year', 'ASC')
      .addOrderBy('d.serial', 'ASC')
      .limit(limit + 1)
      .getMany();
    return toPage(rows, limit, totalCount, (d) => [d.year, d.serial]);
  }

  // ── recording ──────────────────────────────────────────────

  async record(actor: Actor, input: RecordDecisionInput): Promise<DecisionEntity> {
    const state: DecisionState = {
      outcome: input.outcome,
      consensus: input.consensus ?? false,
      votesFor: input.votesFor ?? null,
      votesAgainst: input.votesAgainst ?? null,
      abstentions: input.abstentions ?? null,
    };
    const tasks = input.followUpTasks ?? [];
    return this.dataSource.transaction(async (em) => {
      // FOR SHARE: decisions of one meeting are recorded in parallel (the counter serialises their
      // numbers), while approveMinutes (FOR UPDATE) waits for them.
      const meeting = await this.meetings.lockForRunning(em, actor, input.meetingId, 'pessimistic_read');
      assertState(meeting, DECIDING, 'recordDecision');
      checkConsistency(state);
      if (input.agendaItemId)
        await this.requireAgendaItem(em, meeting.id, input.agendaItemId, 'input.agendaItemId');
      const decision = await this.insert(em, actor, meeting, {
        ...state,
        title: input.title,
        text: input.text,
        agendaItemId: input.agendaItemId ?? null,
        amendsId: null,
      });
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
      const decision = isUuid(decisionId)
        ? await em.findOne(DecisionEntity, { where: { id: decisionId } })
        : null;
      if (!decision || !isMember(actor, decision.allianceId)) throw DomainError.notFound('Decision');
      const meeting = await this.meetings.lockForRunning(em, actor, decision.meetingId, 'pessimistic_read');
      assertState(meeting, DECIDING, 'addFollowUpTasks');
      const created = await this.tasks.createTasks(em, actor, decision.allianceId, tasks, {
        decisionId: decision.id,
        pathPrefix: 'input.tasks',
        action: 'addFollowUpTasks',
      });
      await this.audit.append(em, {
        actorId: actor.userId,
        action: 'addFollowUpTasks',
        entityType: 'Decision',
        entityId: decision.id,
        allianceId: decision.allianceId,
        changedFields: created.length ? ['followUpTasks'] : [],
      });
      return decision;
    });
  }

  correct(actor: Actor, id: string, input: CorrectDecisionInput): Promise<DecisionEntity> {
    return this.dataSource.transaction(async (em) => {
      const found = isUuid(id) ? await em.findOne(DecisionEntity, { where: { id } }) : null;
      if (!found || !isMember(actor, found.allianceId)) throw DomainError.notFound('Decision');
      const meeting = await this.meetings.lockForRunning(em, actor, found.meetingId, 'pessimistic_read');
      if (meeting.status === MeetingStatus.MINUTES_APPROVED) {
        throw DomainError.conflict(
          'correctDecision is not possible: the minutes are approved and the decision is final; use amendDecision',
        );
      }
      assertState(meeting, DECIDING, 'correctDecision');
      const decision = (await em.findOne(DecisionEntity, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      }))!;
      const fields = presentFields(input);
      if (input.title !== undefined) decision.title = input.title.trim();
      if (input.text !== undefined) decision.text = input.text;
      if (input.outcome !== undefined) decision.outcome = input.outcome;
      if (input.consensus !== undefined) decision.consensus = input.consensus;
      if (input.votesFor !== undefined) decision.votesFor = input.votesFor;
      if (input.votesAgainst !== undefined) decision.votesAgainst = input.votesAgainst;
      if (input.abstentions !== undefined) decision.abstentions = input.abstentions;
      if (input.agendaItemId !== undefined) {
        if (input.agendaItemId)
          await this.requireAgendaItem(em, meeting.id, input.agendaItemId, 'input.agendaItemId');
        decision.agendaItemId = input.agendaItemId;
      }
      checkConsistency(decision);
      decision.correctedAt = new Date();
      const saved = await em.save(decision);
      await this.audit.append(em, {
        actorId: actor.userId,
        action: 'correctDecision',
        entityType: 'Decision',
        entityId: id,
        allianceId: decision.allianceId,
        changedFields: fields,
      });
      return saved;
    });
  }

  /** A new, numbered decision in a later meeting that amends a final one. */
  amend(actor: Actor, input: AmendDecisionInput): Promise<DecisionEntity> {
    const state: DecisionState = {
      outcome: input.outcome,
      consensus: input.consensus ?? false,
      votesFor: input.votesFor ?? null,
      votesAgainst: input.votesAgainst ?? null,
      abstentions: input.abstentions ?? null,
    };
    return this.dataSource.transaction(async (em) => {
      const meeting = await this.meetings.lockForRunning(em, actor, input.meetingId, 'pessimistic_read');
      assertState(meeting, DECIDING, 'amendDecision');
      checkConsistency(state);
      const amended = await em.findOne(DecisionEntity, {
        where: { id: input.amendsId, allianceId: meeting.allianceId },
      });
      if (!amended) throw DomainError.field('input.amendsId', 'no such decision in this alliance');
      const origin: { status: MeetingStatus; starts_at: Date }[] = await em.query(
        'SELECT status, starts_at FROM meetings WHERE id = $1',
        [amended.meetingId],
      );
      if (origin[0].status !== MeetingStatus.MINUTES_APPROVED) {
        throw DomainError.conflict(
          'amendDecision is not possible: the decision is not final yet (its minutes are not approved); use correctDecision',
        );
      }
      if (meeting.startsAt.getTime() <= new Date(origin[0].starts_at).getTime()) {
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
    const { serial, number } = await nextDecisionNumber(em, meeting.allianceId, year);
    return em.save(
      em.create(DecisionEntity, {
        allianceId: meeting.allianceId,
        meetingId: meeting.id,
        agendaItemId: d.agendaItemId,
        year,
        serial,
        number,
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
      }),
    );
  }

  private async requireAgendaItem(
    em: EntityManager,
    meetingId: string,
    id: string,
    path: string,
  ): Promise<void> {
    const rows = await em.query('SELECT 1 FROM agenda_items WHERE id = $1 AND meeting_id = $2', [
      id,
      meetingId,
    ]);
    if (!rows.length) throw DomainError.field(path, 'must be an agenda item of this meeting');
  }

  // ── loaders ────────────────────────────────────────────────

  private ordered = { year: 'ASC', serial: 'ASC' } as const;

  decisionLoader(loaders: LoaderRegistry) {
    return loaders.get<string, DecisionEntity | null>('decision.byId', async (ids) =>
      byKey(
        ids,
        await this.dataSource.getRepository(DecisionEntity).find({ where: { id: In([...ids]) } }),
        (d) => d.id,
      ),
    );
  }

  decisionsOfMeetingLoader(loaders: LoaderRegistry) {
    return loaders.get<string, DecisionEntity[]>('decisions.byMeeting', async (ids) =>
      groupBy(
        ids,
        await this.dataSource
          .getRepository(DecisionEntity)
          .find({ where: { meetingId: In([...ids]) }, order: this.ordered }),
        (d) => d.meetingId,
      ),
    );
  }

  decisionsOfAgendaItemLoader(loaders: LoaderRegistry) {
    return loaders.get<string, DecisionEntity[]>('decisions.byAgendaItem', async (ids) =>
      groupBy(
        ids,
        await this.dataSource
          .getRepository(DecisionEntity)
          .find({ where: { agendaItemId: In([...ids]) }, order: this.ordered }),
        (d) => d.agendaItemId!,
      ),
    );
  }

  amendedByLoader(loaders: LoaderRegistry) {
    return loaders.get<string, DecisionEntity[]>('decisions.amendedBy', async (ids) =>
      groupBy(
        ids,
        await this.dataSource
          .getRepository(DecisionEntity)
          .find({ where: { amendsId: In([...ids]) }, order: this.ordered }),
        (d) => d.amendsId!,
      ),
    );
  }
}
