import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  type Actor,
  AuditService,
  DomainError,
  isUuid,
  LoaderRegistry,
  presentFields,
  FieldRule,
} from '../../core/src/index.js';
import { AllianceService } from '../../alliance/src/index.js';
import { CaseService } from './case.service.js';
import { CaseStatus, ConsentForm, DataCategory, HandoverChange, HandoverStatus } from './casework.enums.js';
import type { RecordConsentInput, RequestHandoverInput } from './casework.inputs.js';
import type { ConsentModel, HandoverModel } from './casework.models.js';
import { isCaseWorker, text } from './casework.rules.js';
import { ConsentRepository } from './consent.repository.js';
import { HandoverRepository, type HandoverRecord } from './handover.repository.js';
import { CaseworkNotices } from './notices/casework-notices.service.js';
import { HandoverEventsService } from './handover-events.service.js';
import { HandoverBasisService } from './statutory/handover-basis.service.js';

/** The live event each handover transition announces. */
const CHANGE_OF: Record<string, HandoverChange> = {
  acceptHandover: HandoverChange.ACCEPTED,
  declineHandover: HandoverChange.DECLINED,
  cancelHandover: HandoverChange.CANCELLED,
  completeHandover: HandoverChange.COMPLETED,
};

const SPECIAL_FORMS = [ConsentForm.WRITTEN, ConsentForm.ELECTRONIC];

/** Consents (Art. 7) and handovers between organisations (invariants 4–6). */
@Injectable()
export class ConsentHandoverService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly cases: CaseService,
    private readonly consents: ConsentRepository,
    private readonly handovers: HandoverRepository,
    private readonly alliances: AllianceService,
    private readonly notices: CaseworkNotices,
    private readonly events: HandoverEventsService,
    private readonly bases: HandoverBasisService,
  ) {}

  private async consent(em: EntityManager, id: string): Promise<ConsentModel> {
    return (await this.consents.find(em, id))!;
  }

  private async handover(em: EntityManager, id: string): Promise<HandoverModel> {
    return (await this.handovers.find(em, id))!;
  }

  /** The organisations among `ids` that exist (alliance owns the directory). */
  private async knownOrganisations(ids: string[]): Promise<Set<string>> {
    const orgs = await this.alliances.organisationLoader(new LoaderRegistry()).loadMany(ids);
    return new Set(orgs.flatMap((o) => (o && !(o instanceof Error) ? [o.id] : [])));
  }

  // ── consents ───────────────────────────────────────────────

  recordConsent(actor: Actor, input: RecordConsentInput): Promise<ConsentModel> {
    return this.dataSource.transaction(async (em) => {
      const c = await this.cases.lockOwned(em, actor, input.caseId);
      if (c.status !== CaseStatus.OPEN)
        throw DomainError.conflict('Consent can only be recorded for an open case');
      const recipients = [...new Set(input.recipientIds)];
      const categories = [...new Set(input.categories)];
      const errors: { path: string; message: string; rule?: FieldRule }[] = [];
      const known = await this.knownOrganisations(recipients);
      if (known.size !== recipients.length)
        errors.push({ path: 'input.recipientIds', message: 'must all be organisations' });
      if (recipients.includes(c.ownerOrganisationId))
        errors.push({ path: 'input.recipientIds', message: 'must not include the owning organisation' });
      if (input.form === ConsentForm.STATUTORY)
        errors.push({
          path: 'input.form',
          message: 'STATUTORY is not a consent: request the handover with a legal basis instead',
        });
      else if (categories.includes(DataCategory.HEALTH) && !SPECIAL_FORMS.includes(input.form)) {
        errors.push({
          path: 'input.form',
          message: 'consent to share HEALTH data must be WRITTEN or ELECTRONIC (GDPR Art. 9, §67b (2) SGB X)',
          rule: FieldRule.HEALTH_NEEDS_WRITTEN_CONSENT,
        });
      }
      const validFrom = input.validFrom ?? new Date();
      if (input.validUntil && input.validUntil.getTime() <= validFrom.getTime())
        errors.push({
          path: 'input.validUntil',
          message: 'must be after validFrom',
          rule: FieldRule.END_BEFORE_START,
        });
      if (!text(input.purpose))
        errors.push({ path: 'input.purpose', message: 'must not be blank', rule: FieldRule.REQUIRED });
      if (errors.length) throw DomainError.badInput(errors);
      const id = await this.consents.insert(em, {
        caseId: c.id,
        recipientIds: recipients,
        categories,
        purpose: text(input.purpose)!,
        form: input.form,
        evidenceReference: text(input.evidenceReference),
        informedInLanguage: input.informedInLanguage,
        interpreterUsed: input.interpreterUsed ?? false,
        validFrom,
        validUntil: input.validUntil ?? null,
        recordedBy: actor.userId,
      });
      await this.audit.append(em, {
        actorId: actor.userId,
        action: 'recordConsent',
        entityType: 'Consent',
        entityId: id,
        changedFields: presentFields(input),
      });
      return this.consent(em, id);
    });
  }

  /** Art. 7(3): one call, effective for the very next request (access is evaluated on every read). */
  withdrawConsent(actor: Actor, id: string, note?: string | null): Promise<ConsentModel> {
    if (!isCaseWorker(actor) || !isUuid(id)) throw DomainError.notFound('Consent');
    return this.dataSource.transaction(async (em) => {
      const caseId = await this.consents.caseOfVisible(em, id, actor.organisationId);
      if (!caseId) throw DomainError.notFound('Consent');
      await this.cases.lockOwned(em, actor, caseId);
      // Waits for reads that are recording a disclosure under this consent (they hold it FOR SHARE).
      if ((await this.consents.lockForWithdrawal(em, id)).withdrawn)
        throw DomainError.conflict('The consent has been withdrawn already');
      if (note !== undefined && note !== null && note.length > 2000)
        throw DomainError.field('note', 'must be at most 2000 characters');
      const ending = await this.notices.endingWith(em, id);
      await this.consents.withdraw(em, id, actor.userId, text(note));
      await this.audit.append(em, {
        actorId: actor.userId,
        action: 'withdrawConsent',
        entityType: 'Consent',
        entityId: id,
        changedFields: ['withdrawnAt', ...(text(note) ? ['withdrawalNote'] : [])],
      });
      await this.notices.accessEnded(em, actor, ending, 'WITHDRAWN');
      // A legal basis revoked before its approval: the handover waiting for it ends with it.
      const waiting = await this.handovers.awaitingApprovalOf(em, id);
      const open = await this.handovers.openOfConsent(em, id);
      for (const hid of waiting) await this.handovers.cancel(em, hid, actor.userId, null);
      this.events.schedule(
        em,
        HandoverChange.CONSENT_WITHDRAWN,
        open.filter((h) => !waiting.includes(h.id)),
      );
      this.events.schedule(
        em,
        HandoverChange.CONSENT_WITHDRAWN,
        open.filter((h) => waiting.includes(h.id)),
        'sender',
      );
      return this.consent(em, id);
    });
  }

  // ── handovers ──────────────────────────────────────────────

  /**
   * Invariant 4: by the owner, to an organisation named in an active consent, for categories it
   * covers, between active partners of a common alliance. Everything is checked before anything is written.
   */
  requestHandover(actor: Actor, input: RequestHandoverInput): Promise<HandoverModel> {
    return this.dataSource.transaction(async (em) => {
      const c = await this.cases.lockOwned(em, actor, input.caseId);
      if (c.status !== CaseStatus.OPEN) throw DomainError.conflict('Only an open case can be handed over');
      const categories = [...new Set(input.categories)];
      const byBasis = input.legalBasis !== undefined && input.legalBasis !== null;
      if (byBasis === !!input.consentId)
        throw DomainError.badInput([
          { path: 'input.consentId', message: 'give either a consent or a legal basis (exactly one)' },
          { path: 'input.legalBasis', message: 'give either a consent or a legal basis (exactly one)' },
        ]);
      if (!(await this.knownOrganisations([input.toOrganisationId])).size)
        throw DomainError.field('input.toOrganisationId', 'no such organisation');
      if (input.toOrganisationId === c.ownerOrganisationId)
        throw DomainError.field('input.toOrganisationId', 'must be another organisation');
      if (!(await this.alliances.shareActiveAlliance(em, c.ownerOrganisationId, input.toOrganisationId)))
        throw DomainError.field(
          'input.toOrganisationId',
          'must be an active partner of an alliance in which the owner is an active partner',
        );
      if (byBasis) {
        const errors = this.bases.check(input, categories);
        if (errors.length) throw DomainError.badInput(errors);
      } else await this.checkConsent(em, input.consentId!, c.id, input.toOrganisationId, categories);
      const consentId = byBasis
        ? await this.bases.record(em, actor, c.id, input, categories)
        : input.consentId!;
      const id = await this.handovers.insert(em, {
        caseId: c.id,
        fromOrganisationId: c.ownerOrganisationId,
        toOrganisationId: input.toOrganisationId,
        consentId,
        categories,
        message: text(input.message),
        requestedBy: actor.userId,
        awaitingApproval: byBasis,
      });
      await this.audit.append(em, {
        actorId: actor.userId,
        action: 'requestHandover',
        entityType: 'Handover',
        entityId: id,
        changedFields: presentFields(input),
      });
      const parties = {
        id,
        caseId: c.id,
        fromOrganisationId: c.ownerOrganisationId,
        toOrganisationId: input.toOrganisationId,
      };
      // On a legal basis the receiver hears of it only after the second case worker's approval.
      this.events.schedule(em, HandoverChange.REQUESTED, [parties], byBasis ? 'sender' : 'both');
      const handover = await this.handover(em, id);
      if (!byBasis) await this.notices.requested(em, actor, handover, c.reference);
      return handover;
    });
  }

  /** Invariant 4 for a consent: active, naming the recipient and every category; CONSENT_REQUIRED otherwise. */
  private async checkConsent(
    em: EntityManager,
    consentId: string,
    caseId: string,
    toOrganisationId: string,
    categories: string[],
  ): Promise<void> {
    const k = isUuid(consentId) ? await this.consents.coverage(em, consentId, caseId) : null;
    if (!k) throw DomainError.field('input.consentId', 'no such consent for this case');
    // A legal basis is approved for its own handover: another one needs its own second pair of eyes.
    if (k.statutory)
      throw DomainError.field(
        'input.consentId',
        'is the legal basis of another handover: request this one with a legal basis of its own',
      );
    if (!k.active)
      throw DomainError.consentRequired('The consent is not active (withdrawn, expired or not yet valid)');
    if (!k.recipientIds.includes(toOrganisationId))
      throw DomainError.consentRequired('The consent does not name the receiving organisation');
    if (!categories.every((cat) => k.categories.includes(cat)))
      throw DomainError.consentRequired('The consent does not cover every requested category');
  }

  /**
   * Locks a handover the caller can see; `side` says who may act: the receiving organisation's or
   * the sending organisation's case workers. The other side gets FORBIDDEN, everyone else NOT_FOUND.
   */
  private async lockHandover(
    em: EntityManager,
    actor: Actor,
    id: string,
    side: 'receiver' | 'sender',
  ): Promise<HandoverRecord> {
    if (!isCaseWorker(actor) || !isUuid(id)) throw DomainError.notFound('Handover');
    const h = await this.handovers.lockVisible(em, id, actor.organisationId);
    if (!h) throw DomainError.notFound('Handover');
    const org = side === 'receiver' ? h.toOrganisationId : h.fromOrganisationId;
    if (org !== actor.organisationId)
      throw DomainError.forbidden(
        side === 'receiver'
          ? 'Only the receiving organisation may do this'
          : 'Only the sending organisation may do this',
      );
    return h;
  }

  private async transition(
    actor: Actor,
    id: string,
    side: 'receiver' | 'sender',
    from: HandoverStatus[],
    action: string,
    apply: (em: EntityManager, h: HandoverRecord) => Promise<string[]>,
    notify?: 'HANDOVER_ACCEPTED' | 'HANDOVER_DECLINED' | 'HANDOVER_COMPLETED',
  ): Promise<HandoverModel> {
    return this.dataSource.transaction(async (em) => {
      const h = await this.lockHandover(em, actor, id, side);
      if (!from.includes(h.status))
        throw DomainError.conflict(`A ${h.status} handover cannot be changed this way`);
      const fields = await apply(em, h);
      await this.audit.append(em, {
        actorId: actor.userId,
        action,
        entityType: 'Handover',
        entityId: id,
        changedFields: fields,
      });
      this.events.schedule(em, CHANGE_OF[action], [h]);
      const handover = await this.handover(em, id);
      if (notify) await this.notices.answered(em, actor, handover, notify);
      return handover;
    });
  }

  acceptHandover(actor: Actor, id: string): Promise<HandoverModel> {
    return this.transition(
      actor,
      id,
      'receiver',
      [HandoverStatus.REQUESTED],
      'acceptHandover',
      async (em, h) => {
        const k = await this.consents.coverage(em, h.consentId, null);
        const covers =
          !!k?.active &&
          k.recipientIds.includes(h.toOrganisationId) &&
          h.categories.every((cat) => k.categories.includes(cat));
        if (!covers)
          throw DomainError.consentRequired(
            'The consent no longer covers this handover (withdrawn or expired)',
          );
        await this.handovers.accept(em, id, actor.userId);
        return ['status', 'respondedBy', 'respondedAt'];
      },
      'HANDOVER_ACCEPTED',
    );
  }

  declineHandover(actor: Actor, id: string, reason: string): Promise<HandoverModel> {
    const r = text(reason);
    if (!r) throw DomainError.field('reason', 'is required');
    if (r.length > 2000) throw DomainError.field('reason', 'must be at most 2000 characters');
    return this.transition(
      actor,
      id,
      'receiver',
      [HandoverStatus.REQUESTED],
      'declineHandover',
      async (em) => {
        await this.handovers.decline(em, id, actor.userId, r);
        return ['status', 'respondedBy', 'respondedAt', 'declineReason'];
      },
      'HANDOVER_DECLINED',
    );
  }

  cancelHandover(actor: Actor, id: string, reason?: string | null): Promise<HandoverModel> {
    const r = text(reason);
    if (r && r.length > 2000) throw DomainError.field('reason', 'must be at most 2000 characters');
    return this.transition(
      actor,
      id,
      'sender',
      [HandoverStatus.REQUESTED, HandoverStatus.ACCEPTED],
      'cancelHandover',
      async (em) => {
        await this.handovers.cancel(em, id, actor.userId, r);
        return ['status', 'cancelledAt', ...(r ? ['cancelReason'] : [])];
      },
    );
  }

  completeHandover(actor: Actor, id: string, outcome: string): Promise<HandoverModel> {
    const o = text(outcome);
    if (!o) throw DomainError.field('outcome', 'is required');
    if (o.length > 2000) throw DomainError.field('outcome', 'must be at most 2000 characters');
    return this.transition(
      actor,
      id,
      'receiver',
      [HandoverStatus.ACCEPTED],
      'completeHandover',
      async (em) => {
        await this.handovers.complete(em, id, actor.userId, o);
        return ['status', 'outcome', 'completedBy'];
      },
      'HANDOVER_COMPLETED',
    );
  }

  /** Handovers to or from the caller's organisation; `incoming` narrows to one direction. */
  async list(
    actor: Actor,
    status?: HandoverStatus[] | null,
    incoming?: boolean | null,
  ): Promise<HandoverModel[]> {
    if (!isCaseWorker(actor)) return [];
    const direction = incoming === true ? 'incoming' : incoming === false ? 'outgoing' : 'both';
    return this.handovers.list(actor.organisationId, direction, status ?? null);
  }
}
