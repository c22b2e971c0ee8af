import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In } from 'typeorm';
import { OrganisationEntity } from './alliance.entities.js';

/** The SQL of the organisation directory. */
@Injectable()
export class OrganisationRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** By name, at most `limit`; `term` matches name and short name case-insensitively (LIKE-escaped). */
  search(term: string | null, limit: number): Promise<OrganisationEntity[]> {
    const qb = this.dataSource
      .getRepository(OrganisationEntity)
      .createQueryBuilder('o')
      .orderBy('o.name', 'ASC')
      .limit(limit);
    if (term) {
      const like = `%${term.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.where('(lower(o.name) LIKE :like OR lower(o.short_name) LIKE :like)', { like });
    }
    return qb.getMany();
  }

  find(em: EntityManager, id: string): Promise<OrganisationEntity | null> {
    return em.findOne(OrganisationEntity, { where: { id } });
  }

  lock(em: EntityManager, id: string): Promise<OrganisationEntity | null> {
    return em.findOne(OrganisationEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Another organisation has this name (case-insensitive). */
  async nameTakenByOther(em: EntityManager, name: string, id: string): Promise<boolean> {
    const rows = await em.query('SELECT 1 FROM organisations WHERE lower(name) = lower($1) AND id <> $2', [
      name,
      id,
    ]);
    return rows.length > 0;
  }

  save(em: EntityManager, org: OrganisationEntity): Promise<OrganisationEntity> {
    return em.save(org);
  }

  findByName(em: EntityManager, name: string): Promise<OrganisationEntity | null> {
    return em.findOne(OrganisationEntity, { where: { name } });
  }

  async nameTaken(em: EntityManager, name: string): Promise<boolean> {
    return (await em.query('SELECT 1 FROM organisations WHERE lower(name) = lower($1)', [name])).length > 0;
  }

  insert(em: EntityManager, fields: Partial<OrganisationEntity>): Promise<OrganisationEntity> {
    return em.save(em.create(OrganisationEntity, fields));
  }

  /** By id; with `em`, inside its transaction (rows it wrote included). */
  byIds(ids: readonly string[], em?: EntityManager): Promise<OrganisationEntity[]> {
    return (em ?? this.dataSource.manager)
      .getRepository(OrganisationEntity)
      .find({ where: { id: In([...ids]) } });
  }
}
