import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { type Actor, APP_CONFIG, AuditService, DomainError, isUuid, Role } from '../../../core/src/index.js';
import { SessionRepository, type SessionRow } from './session.repository.js';
import type { AppConfig } from '../../../core/src/index.js';
import { UserEntity } from '../users/user.entity.js';
import { UsersService } from '../users/users.service.js';
import { prepareDummyHash, verifyPassword } from './password.js';

/** Failed sign-ins tolerated per window before RATE_LIMITED. */
export const LOGIN_LIMITS = { perAccount: 5, perAddress: 20, windowMinutes: 15 } as const;

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

export interface IssuedSession {
  accessToken: string;
  refreshToken: string;
  accessTokenExpiresAt: Date;
  /** The session's absolute end (SESSION_MAX_HOURS after sign-in). */
  sessionExpiresAt: Date;
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
    private readonly audit: AuditService,
    private readonly sessionRows: SessionRepository,
  ) {}

  /** The caller's sessions that have not ended. */
  sessions(actor: Actor): Promise<SessionRow[]> {
    return this.sessionRows.active(this.dataSource.manager, actor.userId);
  }

  /** Ends one of the caller's sessions; its access tokens stop working on the next request. */
  revokeSession(actor: Actor, id: string): Promise<boolean> {
    if (!isUuid(id)) throw DomainError.notFound('Session');
    return this.dataSource.transaction(async (em) => {
      if (!(await this.sessionRows.revoke(em, actor.userId, id))) throw DomainError.notFound('Session');
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

  onModuleInit(): Promise<void> {
    return prepareDummyHash();
  }

  /** passport-local's check: same answer and similar time for unknown e-mail and wrong password. */
  async validateCredentials(email: string, password: string, address: string): Promise<UserEntity> {
    const accountKey = sha256(`account:${email.trim().toLowerCase()}`);
    const addressKey = sha256(`address:${address}`);
    const [counts] = await this.dataSource.query(
      `SELECT (SELECT count(*) FROM login_failures WHERE account_key = $1 AND at > now() - make_interval(mins => $3))::int AS account,
              (SELECT count(*) FROM login_failures WHERE address_key = $2 AND at > now() - make_interval(mins => $3))::int AS address`,
      [accountKey, addressKey, LOGIN_LIMITS.windowMinutes],
    );
    if (counts.account >= LOGIN_LIMITS.perAccount || counts.address >= LOGIN_LIMITS.perAddress) {
      throw DomainError.rateLimited('Too many failed sign-ins; try again in a few minutes');
    }
    const user = await this.users.findByEmailWithHash(email);
    const ok = await verifyPassword(user?.passwordHash ?? undefined, password);
    if (!user || !ok) {
      await this.dataSource.query(
        `WITH cleanup AS (DELETE FROM login_failures WHERE at < now() - interval '1 day')
         INSERT INTO login_failures (account_key, address_key) VALUES ($1, $2)`,
        [accountKey, addressKey],
      );
      throw DomainError.unauthenticated('E-mail or password is wrong');
    }
    await this.dataSource.query('DELETE FROM login_failures WHERE account_key = $1', [accountKey]);
    // Said only to whoever knows the password.
    if (user.deactivatedAt)
      throw DomainError.unauthenticated(
        'This account is deactivated; please ask your alliance administration',
      );
    return user;
  }

  /** Opens a new session family for a user who has just proved their password. */
  async login(user: UserEntity, device?: string): Promise<IssuedSession> {
    const familyId = randomUUID();
    return this.dataSource.transaction(async (em) => {
      const session = await this.insertSession(em, user.id, familyId, new Date(), device);
      await this.audit.append(em, {
        actorId: user.id,
        action: 'login',
        entityType: 'Session',
        entityId: familyId,
        changedFields: [],
      });
      return this.issue(user, familyId, session.refreshToken, session.endsAt);
    });
  }

  /**
   * Rotates a refresh token. A token that was already rotated is a replay: the whole session
   * family is revoked, and the legitimate holder must sign in again.
   */
  async refresh(refreshToken: string): Promise<IssuedSession> {
    const tokenHash = sha256(refreshToken);
    const outcome = await this.dataSource.transaction(async (em) => {
      const rows = await em.query(
        `SELECT s.id, s.user_id, s.family_id, s.rotated_at, s.revoked_at, s.expires_at < now() AS expired,
                s.family_started_at, s.device
           FROM sessions s WHERE s.token_hash = $1 FOR UPDATE`,
        [tokenHash],
      );
      const s = rows[0];
      if (!s || s.revoked_at || s.expired) return { error: 'invalid' as const };
      if (s.rotated_at) {
        await em.query('UPDATE sessions SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL', [
          s.family_id,
        ]);
        await this.audit.append(em, {
          actorId: s.user_id,
          action: 'revokeSessionFamily',
          entityType: 'Session',
          entityId: s.family_id,
          changedFields: ['revokedAt'],
        });
        return { error: 'reused' as const };
      }
      await em.query('UPDATE sessions SET rotated_at = now() WHERE id = $1', [s.id]);
      const user = await em.getRepository(UserEntity).findOne({ where: { id: s.user_id } });
      if (!user || user.deactivatedAt) return { error: 'invalid' as const };
      const next = await this.insertSession(em, user.id, s.family_id, s.family_started_at, s.device);
      await this.audit.append(em, {
        actorId: user.id,
        action: 'refreshSession',
        entityType: 'Session',
        entityId: s.family_id,
        changedFields: [],
      });
      return { session: this.issue(user, s.family_id, next.refreshToken, next.endsAt) };
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
      const rows = await em.query('SELECT user_id, family_id FROM sessions WHERE token_hash = $1', [
        sha256(refreshToken),
      ]);
      if (!rows.length) return false;
      await em.query('UPDATE sessions SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL', [
        rows[0].family_id,
      ]);
      await this.audit.append(em, {
        actorId: rows[0].user_id,
        action: 'logout',
        entityType: 'Session',
        entityId: rows[0].family_id,
        changedFields: ['revokedAt'],
      });
      return true;
    });
  }

  /** Verifies a bearer token and loads the caller with their roles, in one statement. */
  async actorFromToken(token: string): Promise<Actor | null> {
    let claims: AccessClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessClaims>(token, {
        secret: this.config.jwtSecret,
        algorithms: ['HS256'],
      });
    } catch {
      return null;
    }
    return this.actorOf(claims.sub, claims.sid);
  }

  /** The user with their roles; with a session family, only while that family is not revoked. */
  async actorOf(userId: string, familyId?: string): Promise<Actor | null> {
    const rows = await this.dataSource.query(
      `SELECT u.id, u.organisation_id, u.platform_admin,
              coalesce(json_agg(json_build_array(m.alliance_id, m.roles)) FILTER (WHERE m.id IS NOT NULL), '[]') AS memberships
         FROM users u LEFT JOIN memberships m ON m.user_id = u.id
        WHERE u.id = $1 AND u.deactivated_at IS NULL
          AND ($2::uuid IS NULL OR NOT EXISTS (SELECT 1 FROM sessions s WHERE s.family_id = $2 AND s.revoked_at IS NOT NULL))
        GROUP BY u.id`,
      [userId, familyId ?? null],
    );
    if (!rows.length) return null;
    const r = rows[0];
    return {
      userId: r.id,
      organisationId: r.organisation_id,
      platformAdmin: r.platform_admin,
      roles: new Map((r.memberships as [string, Role[]][]).map(([allianceId, roles]) => [allianceId, roles])),
      sessionId: familyId,
    };
  }

  /**
   * A refresh token of the family: it expires after the idle time, and never later than the
   * family's absolute end (SESSION_IDLE_MINUTES, SESSION_MAX_HOURS).
   */
  private async insertSession(
    em: import('typeorm').EntityManager,
    userId: string,
    familyId: string,
    startedAt: Date,
    device?: string | null,
  ) {
    const refreshToken = randomBytes(32).toString('base64url');
    const { sessionIdleMinutes, sessionMaxHours } = this.config.people;
    const [row] = await em.query(
      `INSERT INTO sessions (user_id, family_id, token_hash, family_started_at, device, expires_at)
       VALUES ($1, $2, $3, $4, $5, least(now() + make_interval(mins => $6), $4::timestamptz + make_interval(hours => $7)))
       RETURNING $4::timestamptz + make_interval(hours => $7) AS ends_at`,
      [
        userId,
        familyId,
        sha256(refreshToken),
        startedAt,
        device?.slice(0, 200) ?? null,
        sessionIdleMinutes,
        sessionMaxHours,
      ],
    );
    return { refreshToken, endsAt: new Date(row.ends_at) };
  }

  private issue(user: UserEntity, familyId: string, refreshToken: string, endsAt: Date): IssuedSession {
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
      user,
    };
  }
}
