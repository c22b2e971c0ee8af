import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  type Actor,
  AuditService,
  byKey,
  DomainError,
  groupBy,
  isUuid,
  LoaderRegistry,
  presentFields,
} from '../../../core/src/index.js';
import { AllianceService } from '../../../alliance/src/index.js';
import { DecisionRepository } from '../decisions/decision.repository.js';
import type { AgendaItemEntity, MeetingEntity } from '../meetings/meeting.entities.js';
import { MeetingChange } from '../meetings/meeting.enums.js';
import type { AddAgendaItemInput, UpdateAgendaItemInput } from '../meetings/meeting.inputs.js';
import { assertState } from '../meetings/meeting-state.js';
import { MeetingsService } from '../meetings/meetings.service.js';
import { MinutesService } from '../minutes/minutes.service.js';
import { AgendaItemRepository } from './agenda-item.repository.js';

/**
 * The agenda of a meeting: items at positions 1…n without gaps, added and removed until the meeting
 * closes, their wording corrected until the minutes are approved.
 */
@Injectable()
export class AgendaService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repo: AgendaItemRepository,
    private readonly decisions: DecisionRepository,
    private readonly meetings: MeetingsService,
    private readonly audit: AuditService,
    private readonly alliances: AllianceService,
    private readonly minutes: MinutesService,
  ) {}

  add(actor: Actor, input: AddAgendaItemInput): Promise<AgendaItemEntity> {
    return this.dataSource.transaction(async (em) => {
      const meeting = await this.meetings.lockForRunning(em, actor, input.meetingId);
      assertState(meeting, 'addAgendaItem');
      const count = await this.repo.count(em, meeting.id);
      const position = input.position ?? count + 1;
      if (position > count + 1)
        throw DomainError.field('input.position', `must be between 1 and ${count + 1}`);
      if (input.presenterPartnerId)
        await this.alliances.requirePartners(
          em,
          meeting.allianceId,
          [input.presenterPartnerId],
          'input.presenterPartnerId',
        );
      if (input.approvesMinutesOfId)
        await this.minutes.requireApprovable(
          em,
          meeting,
          input.approvesMinutesOfId,
          'input.approvesMinutesOfId',
        );
      if (position <= count) await this.repo.shiftDown(em, meeting.id, position);
      const item = await this.repo.insert(em, {
        meetingId: meeting.id,
        position,
        title: input.title.trim(),
        description: input.description ?? null,
        presenterPartnerId: input.presenterPartnerId ?? null,
        durationMinutes: input.durationMinutes ?? null,
        approvesMinutesOfId: input.approvesMinutesOfId ?? null,
      });
      await this.audit.append(em, {
        actorId: actor.userId,
        action: 'addAgendaItem',
        entityType: 'AgendaItem',
        entityId: item.id,
        allianceId: meeting.allianceId,
        changedFields: presentFields(input),
      });
      this.meetings.announce(em, MeetingChange.AGENDA_CHANGED, meeting);
      await this.meetings.notice(em, 'AGENDA_CHANGED', meeting, actor);
      return item;
    });
  }

  update(actor: Actor, id: string, input: UpdateAgendaItemInput): Promise<AgendaItemEntity> {
    return this.dataSource.transaction(async (em) => {
      const { meeting, item } = await this.lock(em, actor, id);
      assertState(meeting, 'updateAgendaItem');
      const fields = presentFields(input);
      if (input.title !== undefined) item.title = input.title.trim();
      if (input.description !== undefined) item.description = input.description;
      if (input.durationMinutes !== undefined) item.durationMinutes = input.durationMinutes;
      if (input.presenterPartnerId !== undefined) {
        if (input.presenterPartnerId)
          await this.alliances.requirePartners(
            em,
            meeting.allianceId,
            [input.presenterPartnerId],
            'input.presenterPartnerId',
          );
        item.presenterPartnerId = input.presenterPartnerId;
      }
      if (input.position !== undefined && input.position !== item.position) {
        const count = await this.repo.count(em, meeting.id);
        if (input.position > count)
          throw DomainError.field('input.position', `must be between 1 and ${count}`);
        if (input.position < item.position) {
          await this.repo.shiftDown(em, meeting.id, input.position, item.position);
        } else {
          await this.repo.shiftUp(em, meeting.id, item.position, input.position);
        }
        item.position = input.position;
      }
      const saved = await this.repo.save(em, item);
      await this.audit.append(em, {
        actorId: actor.userId,
        action: 'updateAgendaItem',
        entityType: 'AgendaItem',
        entityId: id,
        allianceId: meeting.allianceId,
        changedFields: fields,
      });
      this.meetings.announce(em, MeetingChange.AGENDA_CHANGED, meeting);
      await this.meetings.notice(em, 'AGENDA_CHANGED', meeting, actor);
      return saved;
    });
  }

  /** Removes an item and closes the gap; an item with decisions stays (CONFLICT). */
  remove(actor: Actor, id: string): Promise<MeetingEntity> {
    return this.dataSource.transaction(async (em) => {
      const { meeting, item } = await this.lock(em, actor, id);
      assertState(meeting, 'removeAgendaItem');
      if (await this.decisions.existsUnderAgendaItem(em, id))
        throw DomainError.conflict(
          'removeAgendaItem is not possible: decisions were recorded under this item',
        );
      await this.repo.delete(em, id);
      await this.repo.shiftUp(em, meeting.id, item.position);
      await this.audit.append(em, {
        actorId: actor.userId,
        action: 'removeAgendaItem',
        entityType: 'AgendaItem',
        entityId: id,
        allianceId: meeting.allianceId,
        changedFields: [],
      });
      this.meetings.announce(em, MeetingChange.AGENDA_CHANGED, meeting);
      await this.meetings.notice(em, 'AGENDA_CHANGED', meeting, actor);
      return meeting;
    });
  }

  /** The item and its meeting, the meeting locked for running; NOT_FOUND as for the item. */
  private async lock(em: EntityManager, actor: Actor, id: string) {
    if (!isUuid(id)) throw DomainError.notFound('AgendaItem');
    const found = await this.repo.find(em, id);
    if (!found) throw DomainError.notFound('AgendaItem');
    const meeting = await this.meetings.lockForRunning(em, actor, found.meetingId).catch((e) => {
      throw e instanceof DomainError && e.code === 'NOT_FOUND' ? DomainError.notFound('AgendaItem') : e;
    });
    // Re-read under the meeting's lock: a concurrent move may have shifted it.
    const item = (await this.repo.find(em, id))!;
    return { meeting, item };
  }

  // ── loaders ────────────────────────────────────────────────

  /** The meetings' agendas; each item also fills the agenda item loader (a decision's `agendaItem`). */
  agendaLoader(loaders: LoaderRegistry) {
    return loaders.get<string, AgendaItemEntity[]>('meeting.agenda', async (ids) => {
      const rows = await this.repo.ofMeetings(ids);
      const byId = this.agendaItemLoader(loaders);
      for (const a of rows) byId.prime(a.id, a);
      return groupBy(ids, rows, (a) => a.meetingId);
    });
  }

  agendaItemLoader(loaders: LoaderRegistry) {
    return loaders.get<string, AgendaItemEntity | null>('agendaItem.byId', async (ids) =>
      byKey(ids, await this.repo.byIds(ids), (a) => a.id),
    );
  }
}
