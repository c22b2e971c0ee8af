import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, createSecretKey, type KeyObject, randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  type Actor,
  APP_CONFIG,
  AuditService,
  DomainError,
  ErrorCode,
  isUuid,
  Role,
} from '../../../core/src/index.js';
import type { AppConfig } from '../../../core/src/index.js';
import type { UserEntity } from '../users/user.entity.js';
import { UsersService } from '../users/users.service.js';
import { prepareDummyHash, verifyPassword } from './password.js';
import { type ActiveSessionRow, SessionRepository } from './session.repository.js';

/** Failed sign-ins tolerated per window before RATE_LIMITED. */
export const LOGIN_LIMITS = { perAccount: 5, perAddress: 20, windowMinutes: 15 } as const;

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

export interface IssuedSession {
  accessToken: string;
  refreshToken: string;
  accessTokenExpiresAt: Date;
  /** The session's absolute end (SESSION_MAX_HOURS after sign-in). */
  sessionExpiresAt: Date;
  /** SESSION_IDLE_MINUTES, in seconds: the client warns before it. */
  idleTimeoutSeconds: number;
  familyId: string;
  /** This session may only set up the second factor. */
  secondFactorEnrolmentRequired: boolean;
  user: UserEntity;
}

interface AccessClaims {
  sub: string;
  /** The session family; revoking it ends the access tokens issued under it too. */
  sid: string;
}

@Injectable()
export class AuthService implements OnModuleInit {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    private readonly users: UsersService,
    private readonly sessions: SessionRepository,
    private readonly audit: AuditService,
  ) {}

  /**
   * The HMAC key as a key object, made once: given the secret as text, jsonwebtoken first tries to
   * read it as a public key on every verification, throws, and only then makes a secret key.
   */
  private verifyKey: KeyObject;

  onModuleInit(): Promise<void> {
    this.verifyKey = createSecretKey(Buffer.from(this.config.jwtSecret, 'utf8'));
    return prepareDummyHash();
  }

  /** passport-local's check: same answer and similar time for unknown e-mail and wrong password. */
  async validateCredentials(email: string, password: string, address: string): Promise<UserEntity> {
    const accountKey = sha256(`account:${email.trim().toLowerCase()}`);
    const addressKey = sha256(`address:${address}`);
    const counts = await this.sessions.recentFailures(accountKey, addressKey, LOGIN_LIMITS.windowMinutes);
    if (counts.account >= LOGIN_LIMITS.perAccount || counts.address >= LOGIN_LIMITS.perAddress) {
      throw DomainError.rateLimited('Too many failed sign-ins; try again in a few minutes');
    }
    const user = await this.users.findByEmailWithHash(email);
    const ok = await verifyPassword(user?.passwordHash ?? undefined, password);
    if (!user || !ok) {
      await this.sessions.recordFailure(accountKey, addressKey);
      throw DomainError.unauthenticated('E-mail or password is wrong');
    }
    await this.sessions.clearFailures(accountKey);
    // Said only to whoever knows the password.
    // `reason` lets the sign-in page say what to do instead of "wrong password".
    if (user.deactivatedAt)
      throw new DomainError(
        ErrorCode.UNAUTHENTICATED,
        'This account is deactivated; please ask your alliance administration',
        undefined,
        { reason: 'ACCOUNT_DEACTIVATED' },
      );
    return user;
  }

  /**
   * Opens a new session family for a user who has just proved their password. With
   * `secondFactorPending` the session may only set up the second factor (see AccessGuard).
   * `action` names the way in for the audit log (`loginWithIdentityProvider`).
   */
  async login(
    user: UserEntity,
    device?: string,
    secondFactorPending = false,
    action = 'login',
  ): Promise<IssuedSession> {
    const familyId = randomUUID();
    return this.dataSource.transaction(async (em) => {
      const session = await this.insertSession(
        em,
        user.id,
        familyId,
        new Date(),
        device ?? null,
        secondFactorPending,
      );
      await this.audit.append(em, {
        actorId: user.id,
        action,
        entityType: 'Session',
        entityId: familyId,
        changedFields: [],
      });
      return this.issue(user, familyId, session.refreshToken, session.endsAt, secondFactorPending);
    });
  }

  /**
   * Rotates a refresh token. A token that was already rotated is a replay: the whole session
   * family is revoked, and the legitimate holder must sign in again.
   */
  async refresh(refreshToken: string): Promise<IssuedSession> {
    const tokenHash = sha256(refreshToken);
    const outcome = await this.dataSource.transaction(async (em) => {
      const s = await this.sessions.lockByTokenHash(em, tokenHash);
      if (!s || s.revoked || s.expired) return { error: 'invalid' as const };
      if (s.rotated) {
        await this.sessions.revokeFamily(em, s.familyId);
        await this.audit.append(em, {
          actorId: s.userId,
          action: 'revokeSessionFamily',
          entityType: 'Session',
          entityId: s.familyId,
          changedFields: ['revokedAt'],
        });
        return { error: 'reused' as const };
      }
      await this.sessions.markRotated(em, s.id);
      const user = await this.users.find(em, s.userId);
      if (!user || user.deactivatedAt) return { error: 'invalid' as const };
      const next = await this.insertSession(
        em,
        user.id,
        s.familyId,
        s.familyStartedAt,
        s.device,
        s.secondFactorPending,
      );
      await this.audit.append(em, {
        actorId: user.id,
        action: 'refreshSession',
        entityType: 'Session',
        entityId: s.familyId,
        changedFields: [],
      });
      return { session: this.issue(user, s.familyId, next.refreshToken, next.endsAt, s.secondFactorPending) };
    });
    if ('error' in outcome) {
      throw DomainError.unauthenticated(
        outcome.error === 'reused'
          ? 'Session ended; please sign in again'
          : 'Session expired; please sign in again',
      );
    }
    return outcome.session;
  }

  /** Ends the session family of this refresh token. */
  async logout(refreshToken: string): Promise<boolean> {
    return this.dataSource.transaction(async (em) => {
      const session = await this.sessions.findByTokenHash(em, sha256(refreshToken));
      if (!session) return false;
      await this.sessions.revokeFamily(em, session.familyId);
      await this.audit.append(em, {
        actorId: session.userId,
        action: 'logout',
        entityType: 'Session',
        entityId: session.familyId,
        changedFields: ['revokedAt'],
      });
      return true;
    });
  }

  /** Verifies a bearer token and loads the caller with their roles, in one statement. */
  async actorFromToken(token: string): Promise<Actor | null> {
    let claims: AccessClaims;
    try {
      // Synchronous: HS256 verification is a hash, and the async variant only adds promise hops.
      claims = this.jwt.verify<AccessClaims>(token, {
        secret: this.verifyKey as unknown as Buffer,
        algorithms: ['HS256'],
      });
    } catch {
      return null;
    }
    return this.actorOf(claims.sub, claims.sid);
  }

  /** The user with their roles; with a session family, only while that family is not revoked. */
  async actorOf(userId: string, familyId?: string): Promise<Actor | null> {
    const r = await this.sessions.actor(userId, familyId ?? null);
    if (!r) return null;
    return {
      userId: r.id,
      organisationId: r.organisationId,
      platformAdmin: r.platformAdmin,
      roles: new Map(r.memberships.map(([allianceId, roles]) => [allianceId, roles as Role[]])),
      sessionId: familyId,
      secondFactorPending: r.secondFactorPending,
    };
  }

  /** The caller's sessions that have not ended. */
  listSessions(actor: Actor): Promise<ActiveSessionRow[]> {
    return this.sessions.active(actor.userId);
  }

  /** Ends one of the caller's sessions; its access tokens stop working on the next request. */
  revokeSession(actor: Actor, id: string): Promise<boolean> {
    if (!isUuid(id)) throw DomainError.notFound('Session');
    return this.dataSource.transaction(async (em) => {
      if (!(await this.sessions.revokeOwn(em, actor.userId, id))) throw DomainError.notFound('Session');
      await this.audit.append(em, {
        actorId: actor.userId,
        action: 'revokeSession',
        entityType: 'Session',
        entityId: id,
        changedFields: ['revokedAt'],
      });
      return true;
    });
  }

  /**
   * For other contexts (e.g. a subscription re-checking its caller): whether a session family is
   * still valid, i.e. not revoked. `actorOf(userId, familyId)` answers the same with the roles.
   */
  async isSessionValid(familyId: string): Promise<boolean> {
    return !(await this.sessions.familyRevoked(familyId));
  }

  /** Idle timeout and absolute lifetime: SESSION_IDLE_MINUTES, SESSION_MAX_HOURS. */
  private async insertSession(
    em: import('typeorm').EntityManager,
    userId: string,
    familyId: string,
    startedAt: Date,
    device: string | null,
    secondFactorPending: boolean,
  ) {
    const refreshToken = randomBytes(32).toString('base64url');
    const endsAt = await this.sessions.insert(em, {
      userId,
      familyId,
      tokenHash: sha256(refreshToken),
      startedAt,
      device: device?.slice(0, 200) ?? null,
      idleMinutes: this.config.people.sessionIdleMinutes,
      maxHours: this.config.people.sessionMaxHours,
      secondFactorPending,
    });
    return { refreshToken, endsAt };
  }

  private issue(
    user: UserEntity,
    familyId: string,
    refreshToken: string,
    endsAt: Date,
    secondFactorPending: boolean,
  ): IssuedSession {
    // An access token never outlives its session's absolute end.
    const ttl = Math.max(
      1,
      Math.min(this.config.accessTokenTtlSeconds, Math.floor((endsAt.getTime() - Date.now()) / 1000)),
    );
    const accessToken = this.jwt.sign({ sub: user.id, sid: familyId } satisfies AccessClaims, {
      secret: this.config.jwtSecret,
      expiresIn: ttl,
      algorithm: 'HS256',
    });
    return {
      accessToken,
      refreshToken,
      accessTokenExpiresAt: new Date(Date.now() + ttl * 1000),
      sessionExpiresAt: endsAt,
      idleTimeoutSeconds: this.config.people.sessionIdleMinutes * 60,
      familyId,
      secondFactorEnrolmentRequired: secondFactorPending,
      user,
    };
  }
}
