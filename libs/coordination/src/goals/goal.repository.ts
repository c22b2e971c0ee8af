import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, type FindOperator, In } from 'typeorm';
import { GoalEntity, IndicatorEntity, MeasurementEntity } from './goal.entities.js';

/** Serialises changes of an alliance's goal tree, so two moves cannot close a cycle together. */
const GOAL_TREE_LOCK = 4_711_301;

/** The SQL of goals, their owner partners, indicators and measurements. */
@Injectable()
export class GoalRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  // ── goals ──────────────────────────────────────────────────

  /** The goal, within the given alliances (`scope` is core's `allianceWhere`). */
  findInScope(id: string, scope: { allianceId?: FindOperator<string> }): Promise<GoalEntity | null> {
    return this.dataSource.getRepository(GoalEntity).findOne({ where: { id, ...scope } });
  }

  find(em: EntityManager, id: string): Promise<GoalEntity | null> {
    return em.findOne(GoalEntity, { where: { id } });
  }

  lock(em: EntityManager, allianceId: string, id: string): Promise<GoalEntity | null> {
    return em.findOne(GoalEntity, { where: { id, allianceId }, lock: { mode: 'pessimistic_write' } });
  }

  save(em: EntityManager, goal: GoalEntity): Promise<GoalEntity> {
    return em.save(goal);
  }

  insert(em: EntityManager, fields: Partial<GoalEntity>): Promise<GoalEntity> {
    return em.save(em.create(GoalEntity, fields));
  }

  /** Until commit: no other change of this alliance's goal tree. */
  async lockTree(em: EntityManager, allianceId: string): Promise<void> {
    await em.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [GOAL_TREE_LOCK, allianceId]);
  }

  async existsIn(em: EntityManager, allianceId: string, id: string): Promise<boolean> {
    const rows = await em.query('SELECT 1 FROM goals WHERE id = $1 AND alliance_id = $2', [id, allianceId]);
    return rows.length > 0;
  }

  /** Whether `goalId` is `parentId` or one of its ancestors (in the alliance). */
  async isAncestorOrSelf(
    em: EntityManager,
    allianceId: string,
    parentId: string,
    goalId: string,
  ): Promise<boolean> {
    const rows = await em.query(
      `WITH RECURSIVE ancestors(id, parent_id) AS (
         SELECT id, parent_id FROM goals WHERE id = $1 AND alliance_id = $3
         UNION
         SELECT g.id, g.parent_id FROM goals g JOIN ancestors a ON g.id = a.parent_id
       )
       SELECT 1 FROM ancestors WHERE id = $2 LIMIT 1`,
      [parentId, goalId, allianceId],
    );
    return rows.length > 0;
  }

  async setOwners(em: EntityManager, goalId: string, partnerIds: string[]): Promise<void> {
    await em.query('DELETE FROM goal_owner_partners WHERE goal_id = $1', [goalId]);
    if (partnerIds.length)
      await em.query('INSERT INTO goal_owner_partners (goal_id, partner_id) SELECT $1, unnest($2::uuid[])', [
        goalId,
        partnerIds,
      ]);
  }

  async ownerPartnerIds(em: EntityManager, goalId: string): Promise<string[]> {
    const rows: { partner_id: string }[] = await em.query(
      'SELECT partner_id FROM goal_owner_partners WHERE goal_id = $1',
      [goalId],
    );
    return rows.map((r) => r.partner_id);
  }

  byIds(ids: readonly string[]): Promise<GoalEntity[]> {
    return this.dataSource.getRepository(GoalEntity).find({ where: { id: In([...ids]) } });
  }

  ofAlliances(allianceIds: readonly string[]): Promise<GoalEntity[]> {
    return this.dataSource
      .getRepository(GoalEntity)
      .find({ where: { allianceId: In([...allianceIds]) }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  childrenOf(parentIds: readonly string[]): Promise<GoalEntity[]> {
    return this.dataSource
      .getRepository(GoalEntity)
      .find({ where: { parentId: In([...parentIds]) }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  ownersOf(goalIds: readonly string[]): Promise<{ goal_id: string; partner_id: string }[]> {
    return this.dataSource.query(
      'SELECT goal_id, partner_id FROM goal_owner_partners WHERE goal_id = ANY($1::uuid[])',
      [goalIds],
    );
  }

  /** Per goal with tasks: its done tasks and its tasks that count (all but the cancelled). */
  taskCounts(goalIds: readonly string[]): Promise<{ goal_id: string; done: number; counted: number }[]> {
    return this.dataSource.query(
      `SELECT goal_id, count(*) FILTER (WHERE status = 'DONE')::int AS done, count(*) FILTER (WHERE status <> 'CANCELLED')::int AS counted
         FROM tasks WHERE goal_id = ANY($1::uuid[]) GROUP BY goal_id`,
      [goalIds],
    );
  }

  // ── indicators and measurements ────────────────────────────

  findIndicator(em: EntityManager, id: string): Promise<IndicatorEntity | null> {
    return em.findOne(IndicatorEntity, { where: { id } });
  }

  insertIndicator(em: EntityManager, fields: Partial<IndicatorEntity>): Promise<IndicatorEntity> {
    return em.save(em.create(IndicatorEntity, fields));
  }

  insertMeasurement(em: EntityManager, fields: Partial<MeasurementEntity>): Promise<MeasurementEntity> {
    return em.save(em.create(MeasurementEntity, fields));
  }

  indicatorsOf(goalIds: readonly string[]): Promise<IndicatorEntity[]> {
    return this.dataSource
      .getRepository(IndicatorEntity)
      .find({ where: { goalId: In([...goalIds]) }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** The latest measurement's value per indicator (by observedOn, ties: the later recorded). */
  currentValues(indicatorIds: readonly string[]): Promise<{ indicator_id: string; value: number }[]> {
    return this.dataSource.query(
      `SELECT DISTINCT ON (indicator_id) indicator_id, value FROM measurements
        WHERE indicator_id = ANY($1::uuid[]) ORDER BY indicator_id, observed_on DESC, recorded_at DESC, id DESC`,
      [indicatorIds],
    );
  }

  measurementsOf(indicatorIds: readonly string[]): Promise<MeasurementEntity[]> {
    return this.dataSource.getRepository(MeasurementEntity).find({
      where: { indicatorId: In([...indicatorIds]) },
      order: { observedOn: 'ASC', recordedAt: 'ASC', id: 'ASC' },
    });
  }
}
