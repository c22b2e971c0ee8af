import type { allianceWhere } from '../../../core/src/index.js';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In } from 'typeorm';
import { DecisionEntity } from '../meetings/meeting.entities.js';

/** How `decisions(search)` narrows the list: a number, or prefix words of title and text. */
export type DecisionSearch = { number: string } | { words: string[] } | null;

const ORDERED = { year: 'ASC', serial: 'ASC' } as const;

/** The SQL of decisions and their per-alliance, per-year counter. */
/** Where a lookup is limited to the caller's alliances (core's allianceWhere, never null here). */
type AllianceWhere = NonNullable<ReturnType<typeof allianceWhere>>;

@Injectable()
export class DecisionRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The decision if it belongs to one of the alliances in `scope` (allianceWhere). */
  findById(id: string, scope: AllianceWhere = {}): Promise<DecisionEntity | null> {
    return this.dataSource.getRepository(DecisionEntity).findOne({ where: { id, ...scope } });
  }

  find(em: EntityManager, id: string): Promise<DecisionEntity | null> {
    return em.findOne(DecisionEntity, { where: { id } });
  }

  findInAlliance(em: EntityManager, id: string, allianceId: string): Promise<DecisionEntity | null> {
    return em.findOne(DecisionEntity, { where: { id, allianceId } });
  }

  lock(em: EntityManager, id: string): Promise<DecisionEntity | null> {
    return em.findOne(DecisionEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** One page of the alliance's decisions in number order after the cursor (year, serial). */
  async page(
    allianceId: string,
    search: DecisionSearch,
    after: [number, number] | null,
    limit: number,
  ): Promise<DecisionEntity[]> {
    const qb = this.matching(allianceId, search);
    if (after) qb.andWhere('(d.year, d.serial) > (:y, :s)', { y: after[0], s: after[1] });
    return qb
      .orderBy('d.year', 'ASC')
      .addOrderBy('d.serial', 'ASC')
      .limit(limit + 1)
      .getMany();
  }

  /** How many of the alliance's decisions match, counting at most `cap` (the scan stops there). */
  async countUpTo(allianceId: string, search: DecisionSearch, cap: number): Promise<number> {
    const [sql, params] = this.matching(allianceId, search).select('1').limit(cap).getQueryAndParameters();
    const [{ count }] = await this.dataSource.query(
      `SELECT count(*)::int AS count FROM (${sql}) capped`,
      params,
    );
    return count;
  }

  private matching(allianceId: string, search: DecisionSearch) {
    const qb = this.dataSource
      .getRepository(DecisionEntity)
      .createQueryBuilder('d')
      .where('d.alliance_id = :allianceId', { allianceId });
    if (search && 'number' in search) qb.andWhere('d.number = :number', { number: search.number });
    if (search && 'words' in search) {
      const query = search.words.map((w) => `${w}:*`).join(' & ');
      qb.andWhere(`to_tsvector('german', d.title || ' ' || d.text) @@ to_tsquery('german', :query)`, {
        query,
      });
    }
    return qb;
  }

  /**
   * Takes the next serial of the alliance's year: the counter row is incremented under its row lock,
   * held until commit, so concurrent recordings get consecutive numbers and a rollback leaves no gap.
   */
  async nextSerial(em: EntityManager, allianceId: string, year: number): Promise<number> {
    const [{ last_serial: serial }] = await em.query(
      `INSERT INTO decision_counters (alliance_id, year, last_serial) VALUES ($1, $2, 1)
       ON CONFLICT (alliance_id, year) DO UPDATE SET last_serial = decision_counters.last_serial + 1
       RETURNING last_serial`,
      [allianceId, year],
    );
    return serial;
  }

  insert(em: EntityManager, fields: Partial<DecisionEntity>): Promise<DecisionEntity> {
    return em.save(em.create(DecisionEntity, fields));
  }

  save(em: EntityManager, decision: DecisionEntity): Promise<DecisionEntity> {
    return em.save(decision);
  }

  async existsUnderAgendaItem(em: EntityManager, agendaItemId: string): Promise<boolean> {
    const rows = await em.query('SELECT 1 FROM decisions WHERE agenda_item_id = $1 LIMIT 1', [agendaItemId]);
    return rows.length > 0;
  }

  byIds(ids: readonly string[]): Promise<DecisionEntity[]> {
    return this.dataSource.getRepository(DecisionEntity).find({ where: { id: In([...ids]) } });
  }

  ofMeetings(meetingIds: readonly string[]): Promise<DecisionEntity[]> {
    return this.dataSource
      .getRepository(DecisionEntity)
      .find({ where: { meetingId: In([...meetingIds]) }, order: ORDERED });
  }

  amending(decisionIds: readonly string[]): Promise<DecisionEntity[]> {
    return this.dataSource
      .getRepository(DecisionEntity)
      .find({ where: { amendsId: In([...decisionIds]) }, order: ORDERED });
  }
}
