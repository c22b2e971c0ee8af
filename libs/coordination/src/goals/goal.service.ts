import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  allianceWhere,
  type Actor,
  assertRole,
  AuditService,
  byKey,
  DomainError,
  groupBy,
  hasRole,
  isMember,
  isUuid,
  LoaderRegistry,
  presentFields,
  Role,
  todayInBerlin,
  FieldRule,
} from '../../../core/src/index.js';
import { AllianceService, PartnerEntity } from '../../../alliance/src/index.js';
import { GoalStatus } from '../coordination.enums.js';
import type { GoalEntity, IndicatorEntity, MeasurementEntity } from './goal.entities.js';
import { GoalRepository } from './goal.repository.js';
import type {
  AddIndicatorInput,
  CreateGoalInput,
  RecordMeasurementInput,
  UpdateGoalInput,
} from './goal.inputs.js';

const GOAL_WRITERS = [Role.COORDINATOR, Role.ALLIANCE_ADMIN];

@Injectable()
export class GoalService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly alliances: AllianceService,
    private readonly repo: GoalRepository,
  ) {}

  // ── goals ──────────────────────────────────────────────────

  /** null when it does not exist or the caller is not a member of its alliance. */
  async get(actor: Actor, id: string): Promise<GoalEntity | null> {
    const scope = allianceWhere(actor);
    if (!isUuid(id) || !scope) return null;
    return this.repo.findInScope(id, scope);
  }

  create(actor: Actor, input: CreateGoalInput): Promise<GoalEntity> {
    assertRole(actor, input.allianceId, GOAL_WRITERS);
    checkDates(input.startsOn, input.dueOn);
    return this.dataSource.transaction(async (em) => {
      if (input.parentId) await this.requireGoal(em, input.allianceId, input.parentId, 'input.parentId');
      const owners = await this.alliances.requirePartners(
        em,
        input.allianceId,
        input.ownerPartnerIds ?? [],
        'input.ownerPartnerIds',
      );
      const goal = await this.repo.insert(em, {
        allianceId: input.allianceId,
        parentId: input.parentId ?? null,
        title: input.title.trim(),
        description: input.description?.trim() || null,
        status: input.status ?? GoalStatus.DRAFT,
        startsOn: input.startsOn ?? null,
        dueOn: input.dueOn ?? null,
        createdBy: actor.userId,
      });
      await this.repo.setOwners(
        em,
        goal.id,
        owners.map((p) => p.id),
      );
      await this.audit.append(em, {
        actorId: actor.userId,
        action: 'createGoal',
        entityType: 'Goal',
        entityId: goal.id,
        allianceId: goal.allianceId,
        changedFields: presentFields(input).filter((f) => f !== 'allianceId'),
      });
      return goal;
    });
  }

  update(actor: Actor, id: string, input: UpdateGoalInput): Promise<GoalEntity> {
    if (!isUuid(id)) throw DomainError.notFound('Goal');
    return this.dataSource.transaction(async (em) => {
      const found = await this.repo.find(em, id);
      if (!found || !isMember(actor, found.allianceId)) throw DomainError.notFound('Goal');
      assertRole(actor, found.allianceId, GOAL_WRITERS, 'Goal');
      if (input.parentId !== undefined) await this.repo.lockTree(em, found.allianceId);
      const goal = (await this.repo.lock(em, found.allianceId, id))!;
      const fields = presentFields(input);
      if (input.title !== undefined) goal.title = input.title.trim();
      if (input.description !== undefined) goal.description = input.description?.trim() || null;
      if (input.status !== undefined) goal.status = input.status;
      if (input.startsOn !== undefined) goal.startsOn = input.startsOn;
      if (input.dueOn !== undefined) goal.dueOn = input.dueOn;
      checkDates(goal.startsOn, goal.dueOn, input.dueOn !== undefined ? 'input.dueOn' : 'input.startsOn');
      if (input.parentId !== undefined && input.parentId !== goal.parentId) {
        if (input.parentId !== null) {
          await this.requireGoal(em, goal.allianceId, input.parentId, 'input.parentId');
          if (await this.repo.isAncestorOrSelf(em, goal.allianceId, input.parentId, id))
            throw DomainError.field(
              'input.parentId',
              'would make the goal its own ancestor',
              FieldRule.CYCLE,
            );
        }
        goal.parentId = input.parentId;
      }
      if (input.ownerPartnerIds !== undefined) {
        const owners = await this.alliances.requirePartners(
          em,
          goal.allianceId,
          input.ownerPartnerIds,
          'input.ownerPartnerIds',
        );
        await this.repo.setOwners(
          em,
          goal.id,
          owners.map((p) => p.id),
        );
      }
      const saved = await this.repo.save(em, goal);
      await this.audit.append(em, {
        actorId: actor.userId,
        action: 'updateGoal',
        entityType: 'Goal',
        entityId: id,
        allianceId: goal.allianceId,
        changedFields: fields,
      });
      return saved;
    });
  }

  private async requireGoal(em: EntityManager, allianceId: string, id: string, path: string): Promise<void> {
    if (!(await this.repo.existsIn(em, allianceId, id)))
      throw DomainError.field(path, 'must be a goal of the same alliance', FieldRule.NOT_IN_ALLIANCE);
  }

  // ── indicators and measurements ────────────────────────────

  addIndicator(actor: Actor, input: AddIndicatorInput): Promise<IndicatorEntity> {
    return this.dataSource.transaction(async (em) => {
      const goal = await this.repo.find(em, input.goalId);
      if (!goal || !isMember(actor, goal.allianceId)) throw DomainError.notFound('Goal');
      assertRole(actor, goal.allianceId, GOAL_WRITERS, 'Goal');
      const indicator = await this.repo.insertIndicator(em, {
        allianceId: goal.allianceId,
        goalId: goal.id,
        name: input.name.trim(),
        unit: input.unit.trim(),
        baseline: input.baseline,
        target: input.target,
      });
      await this.audit.append(em, {
        actorId: actor.userId,
        action: 'addIndicator',
        entityType: 'Indicator',
        entityId: indicator.id,
        allianceId: goal.allianceId,
        changedFields: ['name', 'unit', 'baseline', 'target'],
      });
      return indicator;
    });
  }

  /** COORDINATOR, or a MEMBER whose organisation is an owner partner of the indicator's goal. */
  recordMeasurement(actor: Actor, input: RecordMeasurementInput): Promise<MeasurementEntity> {
    return this.dataSource.transaction(async (em) => {
      const indicator = await this.repo.findIndicator(em, input.indicatorId);
      if (!indicator || !isMember(actor, indicator.allianceId)) throw DomainError.notFound('Indicator');
      if (!hasRole(actor, indicator.allianceId, Role.COORDINATOR)) {
        // The owner partners' organisations come from the alliance context.
        const owners = hasRole(actor, indicator.allianceId, Role.MEMBER)
          ? await this.alliances.partnersIn(
              em,
              indicator.allianceId,
              await this.repo.ownerPartnerIds(em, indicator.goalId),
            )
          : [];
        if (!owners.some((p) => p.organisationId === actor.organisationId))
          throw DomainError.forbidden(
            'Only the coordination or members of an owner partner record measurements',
          );
      }
      if (input.observedOn > todayInBerlin())
        throw DomainError.field('input.observedOn', 'must not be in the future', FieldRule.DATE_IN_FUTURE);
      const measurement = await this.repo.insertMeasurement(em, {
        allianceId: indicator.allianceId,
        indicatorId: indicator.id,
        value: input.value,
        observedOn: input.observedOn,
        note: input.note?.trim() || null,
        recordedBy: actor.userId,
      });
      await this.audit.append(em, {
        actorId: actor.userId,
        action: 'recordMeasurement',
        entityType: 'Measurement',
        entityId: measurement.id,
        allianceId: indicator.allianceId,
        changedFields: presentFields(input).filter((f) => f !== 'indicatorId'),
      });
      return measurement;
    });
  }

  // ── loaders ────────────────────────────────────────────────

  goalLoader(loaders: LoaderRegistry) {
    return loaders.get<string, GoalEntity | null>('goal.byId', async (ids) =>
      byKey(ids, await this.repo.byIds(ids), (g) => g.id),
    );
  }

  goalsOfAllianceLoader(loaders: LoaderRegistry) {
    return loaders.get<string, GoalEntity[]>('goals.byAlliance', async (ids) =>
      groupBy(ids, await this.repo.ofAlliances(ids), (g) => g.allianceId),
    );
  }

  childrenLoader(loaders: LoaderRegistry) {
    return loaders.get<string, GoalEntity[]>('goals.byParent', async (ids) =>
      groupBy(ids, await this.repo.childrenOf(ids), (g) => g.parentId!),
    );
  }

  ownerPartnersLoader(loaders: LoaderRegistry) {
    return loaders.get<string, PartnerEntity[]>('goal.ownerPartners', async (ids) => {
      const rows = await this.repo.ownersOf(ids);
      const found = await this.alliances
        .partnerLoader(loaders)
        .loadMany([...new Set(rows.map((r) => r.partner_id))]);
      const partners = found.filter((p): p is PartnerEntity => !!p && !(p instanceof Error));
      const byId = new Map(partners.map((p) => [p.id, p]));
      return groupBy(ids, rows, (r) => r.goal_id).map((list) =>
        list.map((r) => byId.get(r.partner_id)!).filter(Boolean),
      );
    });
  }

  indicatorsLoader(loaders: LoaderRegistry) {
    return loaders.get<string, IndicatorEntity[]>('goal.indicators', async (ids) =>
      groupBy(ids, await this.repo.indicatorsOf(ids), (i) => i.goalId),
    );
  }

  /** The latest measurement's value per indicator (by observedOn, ties: the later recorded); null before any. */
  currentValueLoader(loaders: LoaderRegistry) {
    return loaders.get<string, number | null>('indicator.current', async (ids) => {
      const rows = await this.repo.currentValues(ids);
      const map = new Map(rows.map((r) => [r.indicator_id, Number(r.value)]));
      return ids.map((id) => map.get(id) ?? null);
    });
  }

  measurementsLoader(loaders: LoaderRegistry) {
    return loaders.get<string, MeasurementEntity[]>('indicator.measurements', async (ids) =>
      groupBy(ids, await this.repo.measurementsOf(ids), (m) => m.indicatorId),
    );
  }

  /** done / (all − cancelled) over each goal's own tasks; null without (uncancelled) tasks. */
  taskProgressLoader(loaders: LoaderRegistry) {
    return loaders.get<string, number | null>('goal.taskProgress', async (ids) => {
      const rows = await this.repo.taskCounts(ids);
      const map = new Map(rows.map((r) => [r.goal_id, r.counted > 0 ? r.done / r.counted : null]));
      return ids.map((id) => map.get(id) ?? null);
    });
  }
}

function checkDates(
  startsOn: string | null | undefined,
  dueOn: string | null | undefined,
  path = 'input.dueOn',
): void {
  if (startsOn && dueOn && dueOn < startsOn)
    throw DomainError.field(path, 'dueOn must not be before startsOn', FieldRule.END_BEFORE_START);
}
