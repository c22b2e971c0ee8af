import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AuditService, logger } from '../../../core/src/index.js';
import type { AppConfig } from '../../../core/src/index.js';
import { UsersService } from '../../../identity/src/index.js';
import { OrganisationRepository } from '../alliances/organisation.repository.js';
import { OrganisationKind } from '../alliances/alliance.enums.js';

export const PLATFORM_ORGANISATION = 'Plattformbetrieb';

/** Creates the platform administrator from ADMIN_EMAIL/ADMIN_PASSWORD when absent (idempotent). */
@Injectable()
export class AdminBootstrapService implements OnApplicationBootstrap {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly organisations: OrganisationRepository,
    private readonly audit: AuditService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { adminEmail, adminPassword } = this.config;
    if (adminEmail && adminPassword) await this.ensureAdmin(adminEmail, adminPassword);
  }

  async ensureAdmin(email: string, password: string): Promise<string> {
    return this.dataSource.transaction(async (em) => {
      // Two instances starting together must not both create the administrator.
      await this.users.lockAdminCreation(em);
      const existing = await this.users.findByEmail(em, email);
      if (existing) {
        // Never a silent promotion: an account of that address that is no administrator stays as it is.
        if (!existing.platformAdmin)
          logger.warn(
            'ADMIN_EMAIL names an existing account that is not a platform administrator; left unchanged',
          );
        return existing.id;
      }
      const org =
        (await this.organisations.findByName(em, PLATFORM_ORGANISATION)) ??
        (await this.organisations.insert(em, {
          name: PLATFORM_ORGANISATION,
          kind: OrganisationKind.OTHER,
          legalDomains: [],
        }));
      const user = await this.users.create(em, {
        email,
        displayName: 'Plattform-Administration',
        organisationId: org.id,
        password,
        platformAdmin: true,
      });
      await this.audit.append(em, {
        actorId: null,
        action: 'bootstrapAdmin',
        entityType: 'User',
        entityId: user.id,
        changedFields: ['email', 'platformAdmin'],
      });
      logger.info('platform administrator created');
      return user.id;
    });
  }
}
