import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  type Actor,
  AuditService,
  DomainError,
  ErrorCode,
  type FieldError,
  isUuid,
} from '../../../core/src/index.js';

/** A refusal with a stable `extensions.reason`, so the interface can say how to put it right. */
const refusal = (code: ErrorCode, reason: string, message: string) =>
  new DomainError(code, message, undefined, { reason });
import { CaseService } from '../case.service.js';
import { DataCategory, HandoverChange, HandoverStatus } from '../casework.enums.js';
import type { RequestHandoverInput } from '../casework.inputs.js';
import type { HandoverModel } from '../casework.models.js';
import { isCaseWorker, text } from '../casework.rules.js';
import { ConsentRepository } from '../consent.repository.js';
import { HandoverEventsService } from '../handover-events.service.js';
import { HandoverRepository, type HandoverRecord } from '../handover.repository.js';
import { CaseworkNotices } from '../notices/casework-notices.service.js';
import { legalBasis } from './legal-bases.js';

/**
 * Handovers on a statutory basis instead of a consent. The basis is recorded as the handover's
 * grant (a `consents` row of form STATUTORY), so access follows the consent rules (categories,
 * period, ends on revocation = withdrawConsent); it grants nothing until a second case worker of
 * the owning organisation approved it — never the one who requested it (four eyes) — and until
 * then the receiving organisation does not see the handover at all.
 */
@Injectable()
export class HandoverBasisService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly cases: CaseService,
    private readonly consents: ConsentRepository,
    private readonly handovers: HandoverRepository,
    private readonly notices: CaseworkNotices,
    private readonly events: HandoverEventsService,
  ) {}

  /** What is wrong with a request on a legal basis (nothing is written here). */
  check(input: RequestHandoverInput, categories: DataCategory[]): FieldError[] {
    const errors: FieldError[] = [];
    const basis = legalBasis(input.legalBasis);
    if (!basis || basis.retired)
      errors.push({
        path: 'input.legalBasis',
        message: 'must be one of the legal bases of Query.legalBases',
      });
    if (!text(input.justification))
      errors.push({
        path: 'input.justification',
        message: 'is required with a legal basis: say why the transfer is necessary without consent',
      });
    if (!input.informedInLanguage)
      errors.push({
        path: 'input.informedInLanguage',
        message: 'is required with a legal basis: the language in which the client was told of the transfer',
      });
    if (input.validUntil && input.validUntil.getTime() <= Date.now())
      errors.push({ path: 'input.validUntil', message: 'must be in the future' });
    if (basis && !basis.permitsHealth && categories.includes(DataCategory.HEALTH))
      errors.push({
        path: 'input.categories',
        message: `HEALTH needs the client's written or electronic consent: ${basis.citation} does not permit health data`,
      });
    return errors;
  }

  /** Records the basis as the handover's grant (checked before); returns its id. */
  record(
    em: EntityManager,
    actor: Actor,
    caseId: string,
    input: RequestHandoverInput,
    categories: DataCategory[],
  ): Promise<string> {
    return this.consents.insert(em, {
      caseId,
      recipientIds: [input.toOrganisationId],
      categories,
      purpose: text(input.justification)!,
      form: 'STATUTORY',
      evidenceReference: null,
      informedInLanguage: input.informedInLanguage!,
      interpreterUsed: false,
      validFrom: new Date(),
      validUntil: input.validUntil ?? null,
      recordedBy: actor.userId,
      legalBasis: input.legalBasis!,
    });
  }

  /**
   * Locks case, handover and basis in that order (the order of erasure and withdrawal). A case
   * worker of the receiving organisation gets FORBIDDEN once it sees the handover, NOT_FOUND while
   * it waits; everyone else NOT_FOUND. Then the four-eyes and state rules.
   */
  private async lockForDecision(
    em: EntityManager,
    actor: Actor,
    id: string,
  ): Promise<{ h: HandoverRecord; reference: string }> {
    if (!isCaseWorker(actor) || !isUuid(id)) throw DomainError.notFound('Handover');
    const [seen] = await this.handovers.findVisible([id], actor.organisationId);
    if (!seen) throw DomainError.notFound('Handover');
    if (seen.fromOrganisationId !== actor.organisationId)
      throw DomainError.forbidden(
        "Only a second case worker of the sending organisation may decide on a handover's legal basis",
      );
    const c = await this.cases.lockOwned(em, actor, seen.caseId);
    const h = (await this.handovers.lockVisible(em, id, actor.organisationId))!;
    const k = await this.consents.lockBasis(em, h.consentId);
    if (!k?.legalBasis)
      throw DomainError.conflict(
        "The handover rests on the client's consent: there is no legal basis to decide on",
      );
    if (k.withdrawn)
      throw refusal(
        ErrorCode.CONFLICT,
        'BASIS_REVOKED',
        'The legal basis was revoked: it can no longer be approved',
      );
    if (k.rejected)
      throw refusal(ErrorCode.CONFLICT, 'BASIS_DECIDED', 'The legal basis was rejected already');
    if (k.approved)
      throw refusal(ErrorCode.CONFLICT, 'BASIS_DECIDED', 'The legal basis was approved already');
    if (h.status !== HandoverStatus.REQUESTED)
      throw DomainError.conflict(`A ${h.status} handover can no longer be approved`);
    if (k.recordedBy === actor.userId || h.requestedBy === actor.userId)
      throw refusal(
        ErrorCode.FORBIDDEN,
        'FOUR_EYES',
        'Four eyes: a second case worker of your organisation must approve or reject the legal basis, not the one who requested the handover',
      );
    return { h, reference: c.reference };
  }

  approve(actor: Actor, id: string): Promise<HandoverModel> {
    return this.dataSource.transaction(async (em) => {
      const { h, reference } = await this.lockForDecision(em, actor, id);
      await this.consents.approveBasis(em, h.consentId, actor.userId);
      await this.handovers.releaseAfterApproval(em, h.id);
      await this.audit.append(em, {
        actorId: actor.userId,
        action: 'approveHandoverBasis',
        entityType: 'Handover',
        entityId: h.id,
        changedFields: ['approvedBy', 'approvedAt'],
      });
      this.events.schedule(em, HandoverChange.BASIS_APPROVED, [h], 'sender');
      this.events.schedule(em, HandoverChange.REQUESTED, [h], 'receiver');
      const handover = (await this.handovers.find(em, h.id))!;
      await this.notices.requested(em, actor, handover, reference);
      return handover;
    });
  }

  reject(actor: Actor, id: string, reason: string): Promise<HandoverModel> {
    const r = text(reason);
    if (!r) throw DomainError.field('reason', 'is required: say why the transfer may not happen');
    if (r.length > 2000) throw DomainError.field('reason', 'must be at most 2000 characters');
    return this.dataSource.transaction(async (em) => {
      const { h } = await this.lockForDecision(em, actor, id);
      await this.consents.rejectBasis(em, h.consentId, actor.userId, r);
      await this.handovers.cancel(em, h.id, actor.userId, r);
      await this.audit.append(em, {
        actorId: actor.userId,
        action: 'rejectHandoverBasis',
        entityType: 'Handover',
        entityId: h.id,
        changedFields: ['rejectedBy', 'rejectedAt', 'rejectionReason', 'status'],
      });
      this.events.schedule(em, HandoverChange.BASIS_REJECTED, [h], 'sender');
      return (await this.handovers.find(em, h.id))!;
    });
  }
}
