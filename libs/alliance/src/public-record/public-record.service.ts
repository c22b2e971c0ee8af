import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  type Actor,
  APP_CONFIG,
  type AppConfig,
  assertRole,
  AuditService,
  byKey,
  DomainError,
  LoaderRegistry,
  presentFields,
  Role,
  FieldRule,
} from '../../../core/src/index.js';
import type { AlliancePublicRecordModel, SetAlliancePublicRecordInput } from './public-record.models.js';
import { PublicRecordRepository, type PublicRecordRow } from './public-record.repository.js';

/** The alliance's opt-in to the public OParl view: set by its ALLIANCE_ADMIN, read by its members. */
@Injectable()
export class AlliancePublicRecordService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  toModel(row: PublicRecordRow): AlliancePublicRecordModel {
    return {
      ...row,
      oparlUrl: row.published ? `${this.config.publicUrl}/oparl/v1.1/bodies/${row.allianceId}` : null,
    };
  }

  loader(loaders: LoaderRegistry) {
    return loaders.get<string, PublicRecordRow | null>('alliance.publicRecord', async (ids) =>
      byKey(
        ids,
        await PublicRecordRepository.byAllianceIds(this.dataSource.manager, ids),
        (r) => r.allianceId,
      ),
    );
  }

  /** Returns the alliance id; the resolver answers the alliance itself. */
  set(actor: Actor, input: SetAlliancePublicRecordInput): Promise<string> {
    assertRole(actor, input.allianceId, [Role.ALLIANCE_ADMIN]);
    return this.dataSource.transaction(async (em) => {
      const row = await PublicRecordRepository.lock(em, input.allianceId);
      if (!row) throw DomainError.notFound('Alliance');
      const before = row.published;
      if (input.published !== undefined) row.published = input.published;
      if (input.contactEmail !== undefined) row.contactEmail = input.contactEmail?.trim() || null;
      if (input.fundingPeriodStart !== undefined) row.fundingPeriodStart = input.fundingPeriodStart;
      if (input.fundingPeriodEnd !== undefined) row.fundingPeriodEnd = input.fundingPeriodEnd;
      if (row.fundingPeriodStart && row.fundingPeriodEnd && row.fundingPeriodEnd < row.fundingPeriodStart) {
        throw DomainError.field(
          input.fundingPeriodEnd !== undefined ? 'input.fundingPeriodEnd' : 'input.fundingPeriodStart',
          'the funding period must not end before it starts',
          FieldRule.END_BEFORE_START,
        );
      }
      await PublicRecordRepository.save(em, row, before !== row.published);
      await this.audit.append(em, {
        actorId: actor.userId,
        action: 'setAlliancePublicRecord',
        entityType: 'Alliance',
        entityId: input.allianceId,
        allianceId: input.allianceId,
        changedFields: presentFields(input).filter((f) => f !== 'allianceId'),
      });
      return input.allianceId;
    });
  }
}
