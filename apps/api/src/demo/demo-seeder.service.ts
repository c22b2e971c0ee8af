import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  AllianceEntity,
  OrganisationEntity,
  PartnerEntity,
  PartnerStatus,
} from '../../../../libs/alliance/src/index.js';
import { APP_CONFIG, AuditService, logger, todayInBerlin } from '../../../../libs/core/src/index.js';
import type { AppConfig, DemoExtension, DemoIds } from '../../../../libs/core/src/index.js';
import { MembershipEntity, UsersService } from '../../../../libs/identity/src/index.js';
import { DEMO_ACCOUNTS, DEMO_ALLIANCE, DEMO_ORGANISATIONS, DEMO_PASSWORD } from './demo-data.js';

/** The contexts' demo seeders, in dependency order. */
export const DEMO_EXTENSIONS = Symbol('DEMO_EXTENSIONS');

/**
 * Seeds the Krefeld alliance (DEMO_DATA=true; by default only into an empty embedded database).
 * Runs once: a second start finds the alliance and leaves everything as it is.
 */
@Injectable()
export class DemoSeederService implements OnApplicationBootstrap {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    @Inject(DEMO_EXTENSIONS) private readonly extensions: DemoExtension[],
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.demoData === false) return;
    const seeded = await this.seedIfAbsent(this.config.demoData === undefined);
    if (seeded) logger.info('demo data seeded (Bündnis NRW.integrativ Krefeld)');
  }

  /** Seeds unless the demo alliance exists (or, with `onlyIntoEmpty`, any alliance exists). */
  async seedIfAbsent(onlyIntoEmpty: boolean): Promise<DemoIds | null> {
    return this.dataSource.transaction(async (em) => {
      await em.query('SELECT pg_advisory_xact_lock(4711004)');
      const existing = onlyIntoEmpty
        ? await em.query('SELECT id FROM alliances LIMIT 1')
        : await em.query('SELECT id FROM alliances WHERE name = $1', [DEMO_ALLIANCE.name]);
      if (existing.length) return null;

      const alliance = await em.save(em.create(AllianceEntity, DEMO_ALLIANCE));
      const ids: DemoIds = { allianceId: alliance.id, organisations: {}, partners: {}, users: {} };
      const joinedOn = todayInBerlin();
      for (const o of DEMO_ORGANISATIONS) {
        let org = await em.findOne(OrganisationEntity, { where: { name: o.name } });
        org ??= await em.save(
          em.create(OrganisationEntity, {
            name: o.name,
            shortName: o.shortName,
            kind: o.kind,
            legalDomains: o.legalDomains,
          }),
        );
        ids.organisations[o.key] = org.id;
        const partner = await em.save(
          em.create(PartnerEntity, {
            allianceId: alliance.id,
            organisationId: org.id,
            status: o.status,
            joinedOn: o.status === PartnerStatus.ACTIVE ? joinedOn : null,
          }),
        );
        ids.partners[o.key] = partner.id;
      }
      for (const a of DEMO_ACCOUNTS) {
        const found = await em.query('SELECT id FROM users WHERE lower(email) = lower($1)', [a.email]);
        const userId: string = found.length
          ? found[0].id
          : (
              await this.users.create(em, {
                email: a.email,
                displayName: a.displayName,
                organisationId: ids.organisations[a.organisation],
                password: DEMO_PASSWORD,
                platformAdmin: a.platformAdmin,
              })
            ).id;
        ids.users[a.email] = userId;
        if (a.roles.length)
          await em.save(em.create(MembershipEntity, { allianceId: alliance.id, userId, roles: a.roles }));
      }
      for (const extension of this.extensions) await extension.seed(em, ids);
      await this.audit.append(em, {
        actorId: null,
        action: 'seedDemoData',
        entityType: 'Alliance',
        entityId: alliance.id,
        allianceId: alliance.id,
        changedFields: [],
      });
      return ids;
    });
  }
}
