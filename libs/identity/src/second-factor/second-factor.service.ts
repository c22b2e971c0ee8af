import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { generateSecret, generateURI, verifySync } from 'otplib';
import QRCode from 'qrcode';
import { randomBytes } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import {
  type Actor,
  APP_CONFIG,
  type AppConfig,
  AuditService,
  DomainError,
  ErrorCode,
} from '../../../core/src/index.js';
import { AccountRepository } from '../account/account.repository.js';
import { sha256 } from '../account/tokens.js';
import { SecondFactorRepository } from './second-factor.repository.js';
import { TotpCrypto } from './totp-crypto.js';

/** Wrong codes per user within the window before RATE_LIMITED (like passwords). */
export const CODE_LIMITS = { perUser: 5, windowMinutes: 15 } as const;
export const RECOVERY_CODES = 10;
const STEP_SECONDS = 30;

export interface Enrolment {
  secret: string;
  otpauthUri: string;
  qrCodeDataUrl: string;
}

const normalise = (code: string) => code.replace(/[\s-]/g, '').toUpperCase();

/** TOTP (RFC 6238) with otplib: enrolment by QR code, ten single-use recovery codes stored hashed. */
@Injectable()
export class SecondFactorService {
  private readonly crypto: TotpCrypto;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repo: SecondFactorRepository,
    private readonly attempts: AccountRepository,
    private readonly audit: AuditService,
  ) {
    this.crypto = new TotpCrypto(config.jwtSecret);
  }

  /** Whether any of the roles requires a second factor (REQUIRE_SECOND_FACTOR_ROLES). */
  requiredFor(actor: Actor | null): boolean {
    if (!actor) return false;
    const required = this.config.people.requireSecondFactorRoles;
    return [...actor.roles.values()].some((roles) => roles.some((r) => required.includes(r)));
  }

  async enabled(userId: string): Promise<boolean> {
    return !!(await this.repo.state(this.dataSource.manager, userId))?.enabled;
  }

  /** A new secret, not yet active: the user scans the QR code and confirms with a first code. */
  async begin(actor: Actor, email: string): Promise<Enrolment> {
    const state = await this.repo.state(this.dataSource.manager, actor.userId);
    if (state?.enabled) throw DomainError.conflict('The second factor is set up already');
    const secret = generateSecret();
    const otpauthUri = generateURI({ issuer: 'Bündnisportal', label: email, secret });
    await this.repo.setPendingSecret(this.dataSource.manager, actor.userId, this.crypto.encrypt(secret));
    return {
      secret,
      otpauthUri,
      qrCodeDataUrl: await QRCode.toDataURL(otpauthUri, { margin: 1, width: 240 }),
    };
  }

  /** Activates the secret with a first valid code; answers the ten recovery codes, shown once. */
  confirm(actor: Actor, code: string): Promise<string[]> {
    return this.dataSource.transaction(async (em) => {
      const state = await this.repo.state(em, actor.userId, true);
      if (!state?.secret || state.enabled)
        throw DomainError.conflict('Start the set-up of the second factor first');
      const step = this.check(this.crypto.decrypt(state.secret), code, null);
      if (step === null)
        throw DomainError.field('code', 'The code is wrong; enter the current code of your app');
      const codes = Array.from({ length: RECOVERY_CODES }, () => {
        const raw = randomBytes(5).toString('hex').toUpperCase();
        return `${raw.slice(0, 5)}-${raw.slice(5)}`;
      });
      await this.repo.enable(
        em,
        actor.userId,
        step,
        codes.map((c) => sha256(normalise(c))),
      );
      await this.repo.completeEnrolment(em, actor.userId);
      await this.audit.append(em, {
        actorId: actor.userId,
        action: 'enableSecondFactor',
        entityType: 'User',
        entityId: actor.userId,
        changedFields: ['totpSecret', 'recoveryCodes'],
      });
      return codes;
    });
  }

  /**
   * At sign-in: a current TOTP code (not one used before) or an unused recovery code. Wrong codes
   * count towards a limit per user; beyond it RATE_LIMITED.
   */
  async verifyAtSignIn(userId: string, code: string | undefined | null): Promise<void> {
    if (!code)
      throw new DomainError(ErrorCode.SECOND_FACTOR_REQUIRED, 'Enter the code of your authenticator app');
    const key = sha256(`totp:${userId}`);
    await this.dataSource
      .transaction(async (em) => {
        if ((await this.attempts.attempts(em, 'totp', key, CODE_LIMITS.windowMinutes)) >= CODE_LIMITS.perUser)
          throw DomainError.rateLimited('Too many wrong codes; try again in a few minutes');
        const state = await this.repo.state(em, userId, true);
        if (!state?.secret || !state.enabled) return;
        const step = /^\d{6}$/.test(code.trim())
          ? this.check(this.crypto.decrypt(state.secret), code, state.lastStep)
          : null;
        if (step !== null) {
          await this.repo.useStep(em, userId, step);
          await this.attempts.clearAttempts(em, 'totp', key);
          return;
        }
        if (await this.repo.useRecoveryCode(em, userId, sha256(normalise(code)))) {
          await this.audit.append(em, {
            actorId: userId,
            action: 'useRecoveryCode',
            entityType: 'User',
            entityId: userId,
            changedFields: ['recoveryCodes'],
          });
          return;
        }
        throw new WrongCode();
      })
      .catch(async (e) => {
        if (!(e instanceof WrongCode)) throw e;
        // Recorded outside the refused transaction, so the attempt counts.
        await this.attempts.addAttempt(this.dataSource.manager, 'totp', key);
        throw DomainError.unauthenticated('The code is wrong');
      });
  }

  /**
   * The user turns their own second factor off, proving it with a current code or an unused
   * recovery code (wrong codes count as at sign-in). Their other sessions end; when a role requires
   * a second factor, this session may only set it up again.
   */
  async resetOwn(actor: Actor, code: string): Promise<boolean> {
    if (!(await this.enabled(actor.userId)))
      throw DomainError.conflict('There is no second factor to reset; set one up instead');
    try {
      await this.verifyAtSignIn(actor.userId, code);
    } catch (e) {
      // Not UNAUTHENTICATED: the caller is signed in, only the code is wrong.
      if (
        e instanceof DomainError &&
        (e.code === ErrorCode.UNAUTHENTICATED || e.code === ErrorCode.SECOND_FACTOR_REQUIRED)
      )
        throw DomainError.field(
          'code',
          'is wrong; enter the current code of your app or an unused recovery code',
        );
      throw e;
    }
    return this.dataSource.transaction(async (em) => {
      await this.clear(em, actor.userId, actor.sessionId);
      if (actor.sessionId && this.requiredFor(actor))
        await this.repo.requireEnrolment(em, actor.userId, actor.sessionId);
      await this.audit.append(em, {
        actorId: actor.userId,
        action: 'resetSecondFactor',
        entityType: 'User',
        entityId: actor.userId,
        changedFields: ['totpSecret', 'recoveryCodes'],
      });
      return true;
    });
  }

  /**
   * An administrator resets another user's second factor, in the caller's transaction (the caller
   * has checked that the actor may): every session of that user ends, and the user sets it up again
   * at the next sign-in when a role requires it. False when there was none.
   */
  async resetFor(
    em: EntityManager,
    actor: Actor,
    userId: string,
    allianceId: string | null,
  ): Promise<boolean> {
    const changed = await this.clear(em, userId);
    if (!changed) return false;
    await this.audit.append(em, {
      actorId: actor.userId,
      action: 'resetSecondFactor',
      entityType: 'User',
      entityId: userId,
      allianceId,
      changedFields: ['totpSecret', 'recoveryCodes'],
    });
    return true;
  }

  private async clear(em: EntityManager, userId: string, keepFamilyId?: string): Promise<boolean> {
    const changed = await this.repo.clear(em, userId);
    await this.attempts.revokeSessions(em, userId, keepFamilyId);
    return changed;
  }

  /** The time step of a valid code (±1 step for clock drift), never one at or before `after`. */
  private check(secret: string, code: string, after: number | null): number | null {
    if (!/^\d{6}$/.test(code.trim())) return null;
    const result = verifySync({
      secret,
      token: code.trim(),
      epochTolerance: STEP_SECONDS,
      ...(after !== null ? { afterTimeStep: after } : {}),
    });
    return result.valid ? (result as { timeStep: number }).timeStep : null;
  }
}

class WrongCode extends Error {}
