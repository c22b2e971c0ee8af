import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig, AuditService, DomainError, logger } from '../../../core/src/index.js';
import { AuthService, type IssuedSession } from '../auth/auth.service.js';
import { SecondFactorService } from '../second-factor/second-factor.service.js';
import { UsersService } from '../users/users.service.js';
import { OidcClientService, type ProviderIdentity } from './oidc-client.service.js';
import {
  FLOW_AUDIENCE,
  FLOW_SECONDS,
  type FlowClaims,
  PENDING_AUDIENCE,
  PENDING_SECONDS,
  type PendingClaims,
} from './oidc-cookies.js';
import { OidcRepository } from './oidc.repository.js';

/** Why the provider's person may not sign in; the sign-in page says each as a sentence. */
export type OidcRefusal = 'unknown' | 'unverified' | 'deactivated' | 'invitation';

export type OidcOutcome =
  | { kind: 'signedIn'; session: IssuedSession }
  | { kind: 'secondFactor'; pending: string }
  | { kind: 'refused'; reason: OidcRefusal };

/**
 * Sign-in through the identity provider: its verified e-mail signs in an active account or accepts
 * that account's open invitation; nobody is created here. A TOTP code is asked for unless the
 * provider's `amr`/`acr` vouch for a second factor.
 */
@Injectable()
export class OidcSignInService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    private readonly provider: OidcClientService,
    private readonly repo: OidcRepository,
    private readonly auth: AuthService,
    private readonly secondFactor: SecondFactorService,
    private readonly users: UsersService,
    private readonly audit: AuditService,
  ) {}

  signFlow(flow: FlowClaims): string {
    return this.sign(flow, FLOW_AUDIENCE, FLOW_SECONDS);
  }

  /** The flow of this browser, or null when the cookie is missing, altered or expired. */
  readFlow(token: string | undefined): FlowClaims | null {
    const claims = this.verify<FlowClaims>(token, FLOW_AUDIENCE);
    return claims && typeof claims.state === 'string' && typeof claims.verifier === 'string' ? claims : null;
  }

  async signIn(identity: ProviderIdentity, device?: string): Promise<OidcOutcome> {
    if (!identity.email || !identity.emailVerified) return this.refuse('unverified');
    const email = identity.email;
    const account = await this.dataSource.transaction(
      async (em): Promise<{ id: string } | { refused: OidcRefusal }> => {
        const row = await this.repo.accountByEmail(em, email);
        if (!row) return { refused: 'unknown' };
        if (row.deactivated) return { refused: 'deactivated' };
        if (!row.established) {
          if (!row.openInvitations.length) return { refused: 'invitation' };
          for (const invitation of row.openInvitations) {
            await this.repo.markAccepted(em, invitation.id);
            await this.audit.append(em, {
              actorId: row.id,
              action: 'acceptInvitation',
              entityType: 'Invitation',
              entityId: invitation.id,
              allianceId: invitation.allianceId,
              changedFields: ['acceptedAt'],
            });
          }
        }
        return { id: row.id };
      },
    );
    if ('refused' in account) return this.refuse(account.refused);

    const user = (await this.users.findById(account.id))!;
    if (!this.provider.vouchesForSecondFactor(identity)) {
      // As after a password: a code when the second factor is set up, else its set-up when required.
      if (await this.secondFactor.enabled(user.id))
        return {
          kind: 'secondFactor',
          pending: this.sign({ sub: user.id }, PENDING_AUDIENCE, PENDING_SECONDS),
        };
      const required = this.secondFactor.requiredFor(await this.auth.actorOf(user.id));
      return {
        kind: 'signedIn',
        session: await this.auth.login(user, device, required, 'loginWithIdentityProvider'),
      };
    }
    return {
      kind: 'signedIn',
      session: await this.auth.login(user, device, false, 'loginWithIdentityProvider'),
    };
  }

  /** The TOTP or recovery code after a sign-in at the provider that did not vouch for a second factor. */
  async complete(pending: string | undefined, code: string, device?: string): Promise<IssuedSession> {
    const claims = this.verify<PendingClaims>(pending, PENDING_AUDIENCE);
    if (!claims?.sub) throw DomainError.unauthenticated('The sign-in has expired; please sign in again');
    const user = await this.users.findById(claims.sub);
    if (!user || user.deactivatedAt)
      throw DomainError.unauthenticated('The sign-in has expired; please sign in again');
    // Reset in the meantime: then, as after a password, its set-up when a role requires it.
    const enabled = await this.secondFactor.enabled(user.id);
    if (enabled) await this.secondFactor.verifyAtSignIn(user.id, code);
    const pendingSetUp = !enabled && this.secondFactor.requiredFor(await this.auth.actorOf(user.id));
    return this.auth.login(user, device, pendingSetUp, 'loginWithIdentityProvider');
  }

  private refuse(reason: OidcRefusal): OidcOutcome {
    // No e-mail address or subject in the log: the reason is enough to help.
    logger.info({ reason }, 'sign-in through the identity provider refused');
    return { kind: 'refused', reason };
  }

  private sign(claims: object, audience: string, seconds: number): string {
    return this.jwt.sign(claims, {
      secret: this.config.jwtSecret,
      audience,
      expiresIn: seconds,
      algorithm: 'HS256',
    });
  }

  private verify<T extends object>(token: string | undefined, audience: string): T | null {
    if (!token) return null;
    try {
      return this.jwt.verify<T>(token, { secret: this.config.jwtSecret, audience, algorithms: ['HS256'] });
    } catch {
      return null;
    }
  }
}
