import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHmac } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import {
  type Actor,
  APP_CONFIG,
  type AppConfig,
  AuditService,
  isUuid,
  Role,
} from '../../../core/src/index.js';
import { CODE_SYSTEM_IDS, codeSystemResource, type PortalCodeSystemId } from './fhir.code-systems.js';
import { FhirMapper, type Resource } from './fhir.mapper.js';
import { type FhirCaseRow, FhirRepository } from './fhir.repository.js';
import { FhirError } from './fhir-error.js';

/**
 * The FHIR R5 export of a case's consents (Consent) and handovers (Task), for the case workers of
 * the owning organisation only, each export audited. The client is a pseudonymous Patient id: an
 * HMAC of the case id, stable per deployment, that no one can turn back into the case without the key.
 */
@Injectable()
export class FhirService {
  readonly base: string;
  private readonly mapper: FhirMapper;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {
    this.base = `${config.publicUrl}/fhir/r5`;
    this.mapper = new FhirMapper(this.base);
  }

  pseudonym(caseId: string): string {
    return createHmac('sha256', this.config.caseDataKey)
      .update(`fhir-patient:${caseId}`)
      .digest('hex')
      .slice(0, 32);
  }

  /** The owner's case inside the export transaction, audited; NOT_FOUND for everyone else. */
  private async ownedCase(
    em: EntityManager,
    actor: Actor,
    caseId: unknown,
    action: string,
  ): Promise<FhirCaseRow> {
    if (typeof caseId !== 'string' || !isUuid(caseId)) throw FhirError.badRequest('case');
    const caseWorker = [...actor.roles.values()].some((roles) => roles.includes(Role.CASE_WORKER));
    const kase = caseWorker ? await FhirRepository.ownedCase(em, caseId, actor.organisationId) : null;
    if (!kase) throw FhirError.notFound();
    await this.audit.append(em, {
      actorId: actor.userId,
      action,
      entityType: 'Case',
      entityId: kase.id,
      changedFields: [],
    });
    return kase;
  }

  private async withOrganisations(em: EntityManager, self: string, matches: Resource[], ids: string[]) {
    const orgs = await FhirRepository.organisations(em, [...new Set(ids)]);
    return this.mapper.searchset(
      self,
      matches,
      orgs.map((o) => this.mapper.organization(o)),
    );
  }

  consents(actor: Actor, caseId: unknown): Promise<Resource> {
    return this.dataSource.transaction(async (em) => {
      const kase = await this.ownedCase(em, actor, caseId, 'exportFhirConsents');
      const rows = await FhirRepository.consents(em, kase.id);
      const patient = this.pseudonym(kase.id);
      const consents = rows.map((k) => this.mapper.consent(k, kase.owner_organisation_id, patient));
      const orgIds = [kase.owner_organisation_id, ...rows.flatMap((k) => k.recipient_ids)];
      return this.withOrganisations(em, `${this.base}/Consent?case=${kase.id}`, consents, orgIds);
    });
  }

  tasks(actor: Actor, caseId: unknown): Promise<Resource> {
    return this.dataSource.transaction(async (em) => {
      const kase = await this.ownedCase(em, actor, caseId, 'exportFhirTasks');
      const rows = await FhirRepository.handovers(em, kase.id);
      const patient = this.pseudonym(kase.id);
      const tasks = rows.map((h) => this.mapper.task(h, patient));
      const orgIds = rows.flatMap((h) => [h.from_organisation_id, h.to_organisation_id]);
      return this.withOrganisations(em, `${this.base}/Task?case=${kase.id}`, tasks, orgIds);
    });
  }

  /** Organisations are a directory any signed-in user may read. */
  async organization(id: string): Promise<Resource> {
    const [org] = isUuid(id) ? await FhirRepository.organisations(this.dataSource.manager, [id]) : [];
    if (!org) throw FhirError.notFound();
    return this.mapper.organization(org);
  }

  codeSystem(id: string): Resource {
    if (!CODE_SYSTEM_IDS.includes(id as PortalCodeSystemId)) throw FhirError.notFound();
    return codeSystemResource(this.base, id as PortalCodeSystemId) as Resource;
  }
}
