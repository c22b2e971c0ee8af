import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In } from 'typeorm';
import { OrganisationEntity, PartnerEntity } from './alliance.entities.js';

/** The SQL of partners: an organisation's place in an alliance. */
@Injectable()
export class PartnerRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findOfOrganisation(
    em: EntityManager,
    allianceId: string,
    organisationId: string,
  ): Promise<PartnerEntity | null> {
    return em.findOne(PartnerEntity, { where: { allianceId, organisationId } });
  }

  /** Every partnership of the organisation, in any alliance. */
  ofOrganisation(em: EntityManager, organisationId: string): Promise<PartnerEntity[]> {
    return em.find(PartnerEntity, { where: { organisationId } });
  }

  /** Those of `ids` that are partners of the alliance. */
  inAlliance(em: EntityManager, allianceId: string, ids: string[]): Promise<PartnerEntity[]> {
    return em.find(PartnerEntity, { where: { id: In(ids), allianceId } });
  }

  lock(em: EntityManager, id: string): Promise<PartnerEntity | null> {
    return em.findOne(PartnerEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  insert(em: EntityManager, fields: Partial<PartnerEntity>): Promise<PartnerEntity> {
    return em.save(em.create(PartnerEntity, fields));
  }

  save(em: EntityManager, partner: PartnerEntity): Promise<PartnerEntity> {
    return em.save(partner);
  }

  byIds(ids: readonly string[]): Promise<PartnerEntity[]> {
    return this.dataSource.getRepository(PartnerEntity).find({ where: { id: In([...ids]) } });
  }

  /** The partners with their organisations, in one statement (a partner is rarely shown without its organisation). */
  async byIdsWithOrganisations(
    ids: readonly string[],
  ): Promise<{ partner: PartnerEntity; organisation: OrganisationEntity }[]> {
    const rows = await this.dataSource
      .getRepository(PartnerEntity)
      .createQueryBuilder('p')
      .innerJoinAndMapOne('p.organisation', OrganisationEntity, 'o', 'o.id = p.organisationId')
      .where('p.id IN (:...ids)', { ids: [...ids] })
      .getMany();
    return rows.map((partner) => {
      const { organisation } = partner as PartnerEntity & { organisation: OrganisationEntity };
      delete (partner as Partial<{ organisation: OrganisationEntity }>).organisation;
      return { partner, organisation };
    });
  }

  ofAlliances(allianceIds: readonly string[]): Promise<PartnerEntity[]> {
    return this.dataSource
      .getRepository(PartnerEntity)
      .find({ where: { allianceId: In([...allianceIds]) }, order: { createdAt: 'ASC', id: 'ASC' } });
  }
}
