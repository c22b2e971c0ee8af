import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { type Actor, AuditService, DomainError, isUuid, presentFields } from '../../core/src/index.js';
import { CaseService } from './case.service.js';
import { CaseStatus, ConsentForm, DataCategory, HandoverStatus } from './casework.enums.js';
import type { RecordConsentInput, RequestHandoverInput } from './casework.inputs.js';
import type { ConsentModel, HandoverModel } from './casework.models.js';
import {
  CONSENT_ACTIVE,
  CONSENT_SELECT,
  consentVisible,
  HANDOVER_SELECT,
  handoverVisible,
  isCaseWorker,
  toConsent,
  toHandover,
} from './casework.sql.js';

const SPECIAL_FORMS = [ConsentForm.WRITTEN, ConsentForm.ELECTRONIC];

function text(value: string | null | undefined): string | null {
  const t = value?.trim();
  return t ? t : null;
}

/** Consents (Art. 7) and handovers between organisations (invariants 4–6). */
@Injectable()
export class ConsentHandoverService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly cases: CaseService,
  ) {}

  private async consent(em: EntityManager | DataSource, id: string): Promise<ConsentModel> {
    const rows = await em.query(`${CONSENT_SELECT} WHERE k.id = $1`, [id]);
    return toConsent(rows[0]);
  }

  private async handover(em: EntityManager | DataSource, id: string): Promise<HandoverModel> {
    const rows = await em.query(`${HANDOVER_SELECT} WHERE h.id = $1`, [id]);
    return toHandover(rows[0]);
  }

  // ── consents ───────────────────────────────────────────────

  recordConsent(actor: Actor, input: RecordConsentInput): Promise<ConsentModel> {
    return this.dataSource.transaction(async (em) => {
      const c = await this.cases.lockOwned(em, actor, input.caseId);
      if (c.status !== CaseStatus.OPEN)
        throw DomainError.conflict('Consent can only be recorded for an open case');
      const recipients = [...new Set(input.recipientIds)];
      const categories = [...new Set(input.categories)];
      const errors: { path: string; message: string }[] = [];
      const known: any[] = await em.query('SELECT id FROM organisations WHERE id = ANY($1::uuid[])', [
        recipients,
      ]);
      if (known.length !== recipients.length)
        errors.push({ path: 'input.recipientIds', message: 'must all be organisations' });
      if (recipients.includes(c.ownerOrganisationId))
        errors.push({ path: 'input.recipientIds', message: 'must not include the owning organisation' });
      if (categories.includes(DataCategory.HEALTH) && !SPECIAL_FORMS.includes(input.form)) {
        errors.push({
          path: 'input.form',
          message: 'consent to share HEALTH data must be WRITTEN or ELECTRONIC (GDPR Art. 9, §67b (2) SGB X)',
        });
      }
      const validFrom = input.validFrom ?? new Date();
      if (input.validUntil && input.validUntil.getTime() <= validFrom.getTime())
        errors.push({ path: 'input.validUntil', message: 'must be after validFrom' });
      if (!text(input.purpose)) errors.push({ path: 'input.purpose', message: 'must not be blank' });
      if (errors.length) throw DomainError.badInput(errors);
      const [row] = await em.query(
        `INSERT INTO consents (case_id, recipient_ids, categories, purpose, form, evidence_reference, informed_in_language, interpreter_used, valid_from, valid_until, recorded_by)
         VALUES ($1, $2::uuid[], $3::text[], $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
        [
          c.id,
          recipients,
          categories,
          text(input.purpose),
          input.form,
          text(input.evidenceReference),
          input.informedInLanguage,
          input.interpreterUsed ?? false,
          validFrom,
          input.validUntil ?? null,
          actor.userId,
        ],
      );
      await this.audit.append(em, {
        actorId: actor.userId,
        action: 'recordConsent',
        entityType: 'Consent',
        entityId: row.id,
        changedFields: presentFields(input),
      });
      return this.consent(em, row.id);
    });
  }

  /** Art. 7(3): one call, effective for the very next request (access is evaluated on every read). */
  withdrawConsent(actor: Actor, id: string, note?: string | null): Promise<ConsentModel> {
    if (!isCaseWorker(actor) || !isUuid(id)) throw DomainError.notFound('Consent');
    return this.dataSource.transaction(async (em) => {
      const rows: any[] = await em.query(
        `SELECT k.case_id FROM consents k JOIN cases c ON c.id = k.case_id WHERE k.id = $1 AND ${consentVisible('$2::uuid')}`,
        [id, actor.organisationId],
      );
      if (!rows.length) throw DomainError.notFound('Consent');
      await this.cases.lockOwned(em, actor, rows[0].case_id);
      const [current] = await em.query('SELECT withdrawn_at FROM consents WHERE id = $1 FOR NO KEY UPDATE', [
        id,
      ]);
      if (current.withdrawn_at) throw DomainError.conflict('The consent has been withdrawn already');
      if (note !== undefined && note !== null && note.length > 2000)
        throw DomainError.field('note', 'must be at most 2000 characters');
      await em.query(
        // clock_timestamp(), not now(): the moment after the lock, when every read that disclosed under this consent has committed.
        'UPDATE consents SET withdrawn_at = clock_timestamp(), withdrawn_by = $2, withdrawal_note = $3 WHERE id = $1',
        [id, actor.userId, text(note)],
      );
      await this.audit.append(em, {
        actorId: actor.userId,
        action: 'withdrawConsent',
        entityType: 'Consent',
        entityId: id,
        changedFields: ['withdrawnAt', ...(text(note) ? ['withdrawalNote'] : [])],
      });
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
      const [org] = await em.query('SELECT id FROM organisations WHERE id = $1', [input.toOrganisationId]);
      if (!org) throw DomainError.field('input.toOrganisationId', 'no such organisation');
      if (input.toOrganisationId === c.ownerOrganisationId)
        throw DomainError.field('input.toOrganisationId', 'must be another organisation');
      const common = await em.query(
        `SELECT 1 FROM partners a JOIN partners b ON b.alliance_id = a.alliance_id
          WHERE a.organisation_id = $1 AND b.organisation_id = $2 AND a.status = 'ACTIVE' AND b.status = 'ACTIVE' LIMIT 1`,
        [c.ownerOrganisationId, input.toOrganisationId],
      );
      if (!common.length)
        throw DomainError.field(
          'input.toOrganisationId',
          'must be an active partner of an alliance in which the owner is an active partner',
        );
      const consents: any[] = await em.query(
        `SELECT k.recipient_ids, k.categories, ${CONSENT_ACTIVE} AS active FROM consents k WHERE k.id = $1 AND k.case_id = $2 FOR SHARE`,
        [input.consentId, c.id],
      );
      if (!consents.length) throw DomainError.field('input.consentId', 'no such consent for this case');
      const k = consents[0];
      if (!k.active)
        throw DomainError.consentRequired('The consent is not active (withdrawn, expired or not yet valid)');
      if (!k.recipient_ids.includes(input.toOrganisationId))
        throw DomainError.consentRequired('The consent does not name the receiving organisation');
      if (!categories.every((cat) => k.categories.includes(cat)))
        throw DomainError.consentRequired('The consent does not cover every requested category');
      const [row] = await em.query(
        `INSERT INTO handovers (case_id, from_organisation_id, to_organisation_id, consent_id, categories, message, requested_by)
         VALUES ($1, $2, $3, $4, $5::text[], $6, $7) RETURNING id`,
        [
          c.id,
          c.ownerOrganisationId,
          input.toOrganisationId,
          input.consentId,
          categories,
          text(input.message),
          actor.userId,
        ],
      );
      await this.audit.append(em, {
        actorId: actor.userId,
        action: 'requestHandover',
        entityType: 'Handover',
        entityId: row.id,
        changedFields: presentFields(input),
      });
      return this.handover(em, row.id);
    });
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
  ): Promise<any> {
    if (!isCaseWorker(actor) || !isUuid(id)) throw DomainError.notFound('Handover');
    const rows: any[] = await em.query(
      `SELECT h.* FROM handovers h WHERE h.id = $1 AND ${handoverVisible('$2::uuid')} FOR NO KEY UPDATE`,
      [id, actor.organisationId],
    );
    if (!rows.length) throw DomainError.notFound('Handover');
    const h = rows[0];
    const org = side === 'receiver' ? h.to_organisation_id : h.from_organisation_id;
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
    apply: (em: EntityManager, h: any) => Promise<string[]>,
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
      return this.handover(em, id);
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
        const [k] = await em.query(
          `SELECT ${CONSENT_ACTIVE} AND $2 = ANY(k.recipient_ids) AND $3::text[] <@ k.categories AS covers FROM consents k WHERE k.id = $1 FOR SHARE`,
          [h.consent_id, h.to_organisation_id, h.categories],
        );
        if (!k?.covers)
          throw DomainError.consentRequired(
            'The consent no longer covers this handover (withdrawn or expired)',
          );
        await em.query(
          `UPDATE handovers SET status = 'ACCEPTED', responded_by = $2, responded_at = now() WHERE id = $1`,
          [id, actor.userId],
        );
        return ['status', 'respondedBy', 'respondedAt'];
      },
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
        await em.query(
          `UPDATE handovers SET status = 'DECLINED', responded_by = $2, responded_at = now(), decline_reason = $3 WHERE id = $1`,
          [id, actor.userId, r],
        );
        return ['status', 'respondedBy', 'respondedAt', 'declineReason'];
      },
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
        await em.query(
          `UPDATE handovers SET status = 'CANCELLED', cancelled_by = $2, cancelled_at = clock_timestamp(), cancel_reason = $3 WHERE id = $1`,
          [id, actor.userId, r],
        );
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
        await em.query(`UPDATE handovers SET status = 'COMPLETED', outcome = $2 WHERE id = $1`, [id, o]);
        return ['status', 'outcome'];
      },
    );
  }

  /** Handovers to or from the caller's organisation; `incoming` narrows to one direction. */
  async list(
    actor: Actor,
    status?: HandoverStatus[] | null,
    incoming?: boolean | null,
  ): Promise<HandoverModel[]> {
    if (!isCaseWorker(actor)) return [];
    const params: unknown[] = [actor.organisationId];
    const where = [handoverVisible('$1::uuid')];
    if (incoming === true) where.push('h.to_organisation_id = $1::uuid');
    if (incoming === false) where.push('h.from_organisation_id = $1::uuid');
    if (status?.length) {
      params.push(status);
      where.push(`h.status = ANY($2::text[])`);
    }
    const rows: any[] = await this.dataSource.query(
      `${HANDOVER_SELECT} WHERE ${where.join(' AND ')} ORDER BY h.requested_at, h.id`,
      params,
    );
    return rows.map(toHandover);
  }
}
