import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  type Actor,
  APP_CONFIG,
  type AppConfig,
  AuditService,
  DomainError,
  MAIL_OUTBOX,
  type MailOutbox,
} from '../../../core/src/index.js';
import { hashPassword, verifyPassword } from '../auth/password.js';
import { assertPasswordSignIn } from '../auth/password-sign-in.js';
import { UserEntity } from '../users/user.entity.js';
import { AccountRepository } from './account.repository.js';
import { assertStrongPassword, type Language } from './password-policy.js';
import { newLinkToken, sha256 } from './tokens.js';

export const RESET_LINK_MINUTES = 60;
/** Reset requests per account and per address within the window, before RATE_LIMITED. */
export const RESET_LIMITS = { perAccount: 3, perAddress: 10, windowMinutes: 15 } as const;
/**
 * A reset request is answered no sooner than this after it arrived, known address or not: the few
 * statements a known address adds (the link, the mail in the outbox, the audit entry) take far less,
 * so the answer's timing does not tell whether an account exists.
 */
export const RESET_ANSWER_FLOOR_MS = 300;
/** Wrong current passwords per user within the window (changePassword). */
export const CHANGE_LIMITS = { perUser: 5, windowMinutes: 15 } as const;

const INVALID_LINK = 'The link is invalid, was used already or has expired; please request a new one';

/** Passwords and account state; every change is audited with field names only. */
@Injectable()
export class AccountService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(MAIL_OUTBOX) private readonly mail: MailOutbox,
    private readonly repo: AccountRepository,
    private readonly audit: AuditService,
  ) {}

  /** The link a mail carries: the token in the fragment, so it reaches neither server logs nor referrers. */
  link(path: string, token: string): string {
    return `${this.config.people.publicUrl}${path}#token=${token}`;
  }

  /** The caller's business phone (blank removes it); audited by field name. */
  updateContact(actor: Actor, phone: string | null): Promise<UserEntity> {
    const value = phone?.trim() || null;
    return this.dataSource.transaction(async (em) => {
      await this.repo.setPhone(em, actor.userId, value);
      await this.audit.append(em, {
        actorId: actor.userId,
        action: 'updateMyContact',
        entityType: 'User',
        entityId: actor.userId,
        changedFields: ['phone'],
      });
      return (await em.findOneBy(UserEntity, { id: actor.userId }))!;
    });
  }

  /** Changes the caller's password after checking the current one; ends their other sessions. */
  async changePassword(actor: Actor, current: string, next: string, language: Language): Promise<boolean> {
    assertPasswordSignIn(this.config);
    const key = sha256(`user:${actor.userId}`);
    const em = this.dataSource.manager;
    if (
      (await this.repo.attempts(em, 'password-change', key, CHANGE_LIMITS.windowMinutes)) >=
      CHANGE_LIMITS.perUser
    )
      throw DomainError.rateLimited('Too many wrong passwords; try again in a few minutes');
    const ok = await verifyPassword(await this.repo.passwordHash(em, actor.userId), current);
    if (!ok) {
      await this.repo.addAttempt(em, 'password-change', key);
      throw DomainError.field('currentPassword', 'is not your current password');
    }
    const account = await this.repo.byId(em, actor.userId);
    if (!account) throw DomainError.unauthenticated();
    if (current === next) throw DomainError.field('newPassword', 'must differ from the current password');
    assertStrongPassword('newPassword', next, language, [account.email, account.displayName]);
    const hash = await hashPassword(next);
    await this.dataSource.transaction(async (tx) => {
      await this.repo.setPassword(tx, actor.userId, hash);
      await this.repo.revokeSessions(tx, actor.userId, actor.sessionId);
      await this.repo.clearAttempts(tx, 'password-change', key);
      await this.mail.enqueue(tx, {
        to: account.email,
        language: account.language,
        template: 'passwordChanged',
        params: { displayName: account.displayName },
      });
      await this.audit.append(tx, {
        actorId: actor.userId,
        action: 'changePassword',
        entityType: 'User',
        entityId: actor.userId,
        changedFields: ['password'],
      });
    });
    return true;
  }

  /**
   * Mails a single-use reset link to an active account with that address. The answer is the same
   * for unknown addresses; the limits count per address asked for and per caller's network address.
   */
  async requestPasswordReset(email: string, address: string): Promise<boolean> {
    const floor = new Promise((resolve) => setTimeout(resolve, RESET_ANSWER_FLOOR_MS));
    const answer = await this.requestPasswordResetNow(email, address);
    await floor;
    return answer;
  }

  private async requestPasswordResetNow(email: string, address: string): Promise<boolean> {
    assertPasswordSignIn(this.config);
    const accountKey = sha256(`account:${email.trim().toLowerCase()}`);
    const addressKey = sha256(`address:${address}`);
    return this.dataSource.transaction(async (em) => {
      const [byAccount, byAddress] = [
        await this.repo.attempts(em, 'reset-account', accountKey, RESET_LIMITS.windowMinutes),
        await this.repo.attempts(em, 'reset-address', addressKey, RESET_LIMITS.windowMinutes),
      ];
      if (byAccount >= RESET_LIMITS.perAccount || byAddress >= RESET_LIMITS.perAddress)
        throw DomainError.rateLimited('Too many requests; try again in a few minutes');
      await this.repo.addAttempt(em, 'reset-account', accountKey);
      await this.repo.addAttempt(em, 'reset-address', addressKey);
      const account = await this.repo.byEmail(em, email);
      // Invited accounts set their first password through the invitation, not here.
      if (!account || account.deactivated || !account.hasPassword) return true;
      const { token, hash } = newLinkToken();
      await this.repo.insertPasswordReset(em, account.id, hash, RESET_LINK_MINUTES);
      await this.mail.enqueue(em, {
        to: account.email,
        language: account.language,
        template: 'passwordReset',
        params: { displayName: account.displayName, link: this.link('/passwort-neu', token) },
      });
      await this.audit.append(em, {
        actorId: null,
        action: 'requestPasswordReset',
        entityType: 'User',
        entityId: account.id,
        changedFields: [],
      });
      return true;
    });
  }

  /** Sets a new password through a reset link and ends all of the user's sessions. */
  async resetPassword(token: string, next: string, language: Language): Promise<boolean> {
    assertPasswordSignIn(this.config);
    const checked = await this.dataSource.transaction(async (em) => {
      const reset = await this.repo.lockPasswordReset(em, sha256(token));
      if (!reset || !reset.usable) throw DomainError.field('token', INVALID_LINK);
      const account = await this.repo.byId(em, reset.userId);
      if (!account || account.deactivated) throw DomainError.field('token', INVALID_LINK);
      assertStrongPassword('newPassword', next, language, [account.email, account.displayName]);
      return { userId: account.id };
    });
    const passwordHash = await hashPassword(next);
    // Hashing takes a moment: the link is checked again under lock in the writing transaction.
    return this.dataSource.transaction(async (em) => {
      const reset = await this.repo.lockPasswordReset(em, sha256(token));
      if (!reset || !reset.usable || reset.userId !== checked.userId)
        throw DomainError.field('token', INVALID_LINK);
      await this.repo.setPassword(em, reset.userId, passwordHash);
      await this.repo.usePasswordResets(em, reset.userId);
      await this.repo.revokeSessions(em, reset.userId);
      await this.audit.append(em, {
        actorId: reset.userId,
        action: 'resetPassword',
        entityType: 'User',
        entityId: reset.userId,
        changedFields: ['password'],
      });
      return true;
    });
  }

  /**
   * Deactivates (sessions end at once, sign-in refused, history kept) or reactivates a user, in the
   * caller's transaction; the caller has checked that the actor may. False when nothing changed.
   */
  async setActive(
    em: EntityManager,
    actor: Actor,
    userId: string,
    active: boolean,
    allianceId: string | null,
  ) {
    const changed = await this.repo.setDeactivated(em, userId, !active);
    if (!changed) return false;
    if (!active) await this.repo.revokeSessions(em, userId);
    await this.audit.append(em, {
      actorId: actor.userId,
      action: active ? 'reactivateUser' : 'deactivateUser',
      entityType: 'User',
      entityId: userId,
      allianceId,
      changedFields: ['deactivatedAt'],
    });
    return true;
  }
}
