import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  type Actor,
  AuditService,
  byKey,
  DomainError,
  isUuid,
  LoaderRegistry,
} from '../../../core/src/index.js';
import { CaseRepository } from '../case.repository.js';
import { CaseService } from '../case.service.js';
import { CaseStatus, ConsentForm } from '../casework.enums.js';
import { isCaseWorker } from '../casework.rules.js';
import { ConsentRepository } from '../consent.repository.js';
import { CaseCrypto } from '../crypto/case-crypto.service.js';
import { ConsentEvidenceRepository, type EvidenceFacts } from './consent-evidence.repository.js';
import { EVIDENCE_EXTENSION, EVIDENCE_MAX_BYTES, evidenceMediaType } from './evidence-type.js';

/** An uploaded file as multer hands it over (memory storage). */
export interface UploadedScan {
  buffer: Buffer;
  size: number;
}

/** The additional authenticated data's label: the file belongs to this consent of this case. */
const label = (consentId: string) => `EVIDENCE:${consentId}`;

/**
 * The signed consent sheet as a file (Art. 7(1): the organisation can demonstrate the consent):
 * checked by content, sealed like case data, readable by the owner's case workers only, erased
 * with the case, listed in the Art. 15 export.
 */
@Injectable()
export class ConsentEvidenceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly crypto: CaseCrypto,
    private readonly cases: CaseService,
    private readonly caseRepo: CaseRepository,
    private readonly consents: ConsentRepository,
    private readonly evidence: ConsentEvidenceRepository,
  ) {}

  /** Stores (or replaces) the consent's evidence. Everything is checked before anything is written. */
  upload(
    actor: Actor,
    caseId: string,
    consentId: string,
    file: UploadedScan | undefined,
  ): Promise<EvidenceFacts> {
    if (!isCaseWorker(actor) || !isUuid(caseId) || !isUuid(consentId)) throw DomainError.notFound('Consent');
    if (!file?.size)
      throw DomainError.field('file', 'is required: the signed consent sheet as PDF, JPEG or PNG');
    if (file.size > EVIDENCE_MAX_BYTES) throw DomainError.field('file', 'must be at most 10 MB');
    const mediaType = evidenceMediaType(file.buffer);
    if (!mediaType)
      throw DomainError.field('file', 'must be a PDF, JPEG or PNG file (checked by its content)');
    return this.dataSource.transaction(async (em) => {
      const c = await this.cases.lockOwned(em, actor, caseId);
      const k = await this.consents.find(em, consentId);
      if (!k || k.caseId !== c.id) throw DomainError.notFound('Consent');
      if (c.status === CaseStatus.ERASED) throw DomainError.conflict('The case is erased');
      if (k.form === ConsentForm.STATUTORY)
        throw DomainError.conflict('A transfer on a legal basis has no signed consent to upload');
      const replaced = !!(await this.evidence.facts(em, k.id));
      await this.evidence.put(
        em,
        { consentId: k.id, caseId: c.id, mediaType, byteSize: file.size, uploadedBy: actor.userId },
        this.crypto.sealBytes(c.id, label(k.id), file.buffer),
      );
      await this.audit.append(em, {
        actorId: actor.userId,
        action: replaced ? 'replaceConsentEvidence' : 'uploadConsentEvidence',
        entityType: 'Consent',
        entityId: k.id,
        changedFields: ['evidence'],
      });
      return (await this.evidence.facts(em, k.id))!;
    });
  }

  /** The file, for the owner's case workers only (NOT_FOUND for everyone else); audited. */
  download(
    actor: Actor,
    caseId: string,
    consentId: string,
  ): Promise<{ buffer: Buffer; mediaType: string; fileName: string }> {
    if (!isCaseWorker(actor) || !isUuid(caseId) || !isUuid(consentId)) throw DomainError.notFound('Evidence');
    return this.dataSource.transaction(async (em) => {
      const c = await this.caseRepo.findOwned(em, caseId, actor.organisationId);
      const e = c ? await this.evidence.sealed(em, consentId) : null;
      if (!c || !e || e.caseId !== c.id) throw DomainError.notFound('Evidence');
      await this.audit.append(em, {
        actorId: actor.userId,
        action: 'readConsentEvidence',
        entityType: 'Consent',
        entityId: consentId,
        changedFields: [],
      });
      return {
        buffer: this.crypto.openBytes(c.id, label(consentId), e),
        mediaType: e.mediaType,
        fileName: `einwilligung-${c.reference}.${EVIDENCE_EXTENSION[e.mediaType]}`,
      };
    });
  }

  /** Per request: the evidence facts of consents, for the owner's case workers (null for others). */
  evidenceLoader(loaders: LoaderRegistry, actor: Actor) {
    return loaders.get<string, EvidenceFacts | null>('casework.consentEvidence', async (ids) => {
      if (!isCaseWorker(actor)) return ids.map(() => null);
      return byKey(ids, await this.evidence.factsOwnedBy(ids, actor.organisationId), (e) => e.consentId);
    });
  }
}
