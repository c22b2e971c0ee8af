import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type Actor, AuditService, isUuid, LoaderRegistry } from '../../core/src/index.js';
import { AllianceService } from '../../alliance/src/index.js';
import { UsersService } from '../../identity/src/index.js';
import { CaseRepository } from './case.repository.js';
import { CASE_FIELDS_OF, CaseDataService } from './case-data.service.js';
import type { DataCategory } from './casework.enums.js';
import { isCaseWorker } from './casework.rules.js';
import { ConsentRepository } from './consent.repository.js';
import {
  ConsentEvidenceRepository,
  type EvidenceFacts,
} from './consent-evidence/consent-evidence.repository.js';
import { DisclosureRepository } from './disclosure.repository.js';
import { HandoverRepository } from './handover.repository.js';
import { legalBasis } from './statutory/legal-bases.js';

/** A legal basis as the export cites it. */
function cited(code: string | null) {
  const b = legalBasis(code);
  return b ? { code: b.code, citation: b.citation, title: b.title.de } : null;
}

/** The signed scan of a consent as the export lists it: what it is and where the owner downloads it. */
function evidenceEntry(caseId: string, consentId: string, e: EvidenceFacts | undefined) {
  if (!e) return null;
  return {
    mediaType: e.mediaType,
    byteSize: e.byteSize,
    uploadedAt: e.uploadedAt.toISOString(),
    download: `/cases/${caseId}/consents/${consentId}/evidence`,
  };
}

/** GDPR Art. 15: the whole record of one case as a JSON document, for its owner only. */
@Injectable()
export class CaseExportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly data: CaseDataService,
    private readonly cases: CaseRepository,
    private readonly consents: ConsentRepository,
    private readonly handovers: HandoverRepository,
    private readonly disclosures: DisclosureRepository,
    private readonly alliances: AllianceService,
    private readonly users: UsersService,
    private readonly evidence: ConsentEvidenceRepository,
  ) {}

  /** null when the case does not exist or the caller is not a case worker of its owner. */
  async export(actor: Actor, id: string): Promise<string | null> {
    if (!isCaseWorker(actor) || !isUuid(id)) return null;
    return this.dataSource.transaction(async (em) => {
      const c = await this.cases.findOwned(em, id, actor.organisationId);
      if (!c) return null;
      const data = await this.data.readAllForOwner(em, c.id);
      const consents = await this.consents.ofCase(em, c.id);
      const evidence = new Map((await this.evidence.ofCase(em, c.id)).map((e) => [e.consentId, e]));
      const handovers = await this.handovers.ofCase(em, c.id);
      const disclosures = await this.disclosures.allOfCase(em, c.id);
      // Names from the contexts that own them.
      const loaders = new LoaderRegistry();
      const orgIds = new Set([
        c.ownerOrganisationId,
        ...consents.flatMap((k) => k.recipientIds),
        ...handovers.map((h) => h.toOrganisationId),
        ...disclosures.map((d) => d.organisationId),
      ]);
      const orgs = await this.alliances.organisationLoader(loaders).loadMany([...orgIds]);
      const orgName = new Map(
        orgs.flatMap((o) => (o && !(o instanceof Error) ? [[o.id, o.name] as const] : [])),
      );
      const readers = await this.users
        .userLoader(loaders)
        .loadMany([...new Set(disclosures.map((d) => d.readerId))]);
      const readerName = new Map(
        readers.flatMap((u) => (u && !(u instanceof Error) ? [[u.id, u.displayName] as const] : [])),
      );
      const org = (oid: string) => ({ id: oid, name: orgName.get(oid) ?? null });
      await this.audit.append(em, {
        actorId: actor.userId,
        action: 'exportCase',
        entityType: 'Case',
        entityId: c.id,
        changedFields: [],
      });
      const document = {
        format: 'buendnisportal.case-export/1',
        exportedAt: new Date().toISOString(),
        case: {
          id: c.id,
          reference: c.reference,
          owner: org(c.ownerOrganisationId),
          status: c.status,
          supportAreas: c.supportAreasStored,
          openedAt: c.openedAt.toISOString(),
          closedAt: c.closedAt?.toISOString() ?? null,
          closingReason: c.closingReason,
        },
        data: Object.fromEntries(
          Object.entries(CASE_FIELDS_OF).map(([category, field]) => [
            field,
            data[category as DataCategory] ?? null,
          ]),
        ),
        consents: consents.map((k) => ({
          id: k.id,
          recipients: k.recipientIds.map(org),
          categories: k.categories,
          purpose: k.purpose,
          form: k.form,
          evidenceReference: k.evidenceReference,
          informedInLanguage: k.informedInLanguage,
          interpreterUsed: k.interpreterUsed,
          validFrom: k.validFrom.toISOString(),
          validUntil: k.validUntil?.toISOString() ?? null,
          status: k.status,
          recordedAt: k.recordedAt.toISOString(),
          withdrawnAt: k.withdrawnAt?.toISOString() ?? null,
          withdrawalNote: k.withdrawalNote,
          evidence: evidenceEntry(c.id, k.id, evidence.get(k.id)),
          legalBasis: cited(k.legalBasisCode),
          approvedAt: k.approvedAt?.toISOString() ?? null,
          rejectedAt: k.rejectedAt?.toISOString() ?? null,
          rejectionReason: k.rejectionReason,
        })),
        handovers: handovers.map((h) => ({
          id: h.id,
          to: org(h.toOrganisationId),
          consentId: h.consentId,
          categories: h.categories,
          status: h.status,
          message: h.message,
          requestedAt: h.requestedAt.toISOString(),
          respondedAt: h.respondedAt?.toISOString() ?? null,
          declineReason: h.declineReason,
          outcome: h.outcome,
          cancelledAt: h.cancelledAt?.toISOString() ?? null,
          completedAt: h.completedAt?.toISOString() ?? null,
          accessActive: h.accessActive,
          accessEndedAt: h.accessEndedAt?.toISOString() ?? null,
          accessEndReason: h.accessEndReason,
          legalBasis: cited(h.legalBasisCode),
        })),
        disclosures: disclosures.map((d) => ({
          id: d.id,
          at: d.at.toISOString(),
          reader: readerName.get(d.readerId) ?? null,
          organisation: org(d.organisationId),
          categories: d.categories,
          handoverId: d.handoverId,
          consentId: d.consentId,
          legalBasis: cited(d.legalBasisCode),
        })),
      };
      return JSON.stringify(document);
    });
  }
}
