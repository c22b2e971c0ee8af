import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In } from 'typeorm';
import { AllianceEntity } from './alliance.entities.js';

const OLDEST_FIRST = { createdAt: 'ASC', id: 'ASC' } as const;

/** The SQL of alliances. */
@Injectable()
export class AllianceRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  all(): Promise<AllianceEntity[]> {
    return this.dataSource.getRepository(AllianceEntity).find({ order: OLDEST_FIRST });
  }

  byIds(ids: readonly string[]): Promise<AllianceEntity[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.dataSource
      .getRepository(AllianceEntity)
      .find({ where: { id: In([...ids]) }, order: OLDEST_FIRST });
  }

  findById(id: string): Promise<AllianceEntity | null> {
    return this.dataSource.getRepository(AllianceEntity).findOne({ where: { id } });
  }

  find(em: EntityManager, id: string): Promise<AllianceEntity | null> {
    return em.findOne(AllianceEntity, { where: { id } });
  }

  lock(em: EntityManager, id: string): Promise<AllianceEntity | null> {
    return em.findOne(AllianceEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async exists(em: EntityManager, id: string): Promise<boolean> {
    return (await em.query('SELECT 1 FROM alliances WHERE id = $1', [id])).length > 0;
  }

  insert(em: EntityManager, fields: Partial<AllianceEntity>): Promise<AllianceEntity> {
    return em.save(em.create(AllianceEntity, fields));
  }

  save(em: EntityManager, alliance: AllianceEntity): Promise<AllianceEntity> {
    return em.save(alliance);
  }
}
