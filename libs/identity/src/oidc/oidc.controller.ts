import { Controller, Get, Req, Res } from '@nestjs/common';
import { Allow, APP_CONFIG, type AppConfig, DomainError, logger } from '../../../core/src/index.js';
import { Inject } from '@nestjs/common';
import { deviceOf } from '../auth/auth.resolver.js';
import { setRefreshCookie } from '../auth/session-cookie.js';
import { OidcClientService, ProviderUnavailable } from './oidc-client.service.js';
import { clearFlowCookie, FLOW_COOKIE, readCookie, setFlowCookie, setPendingCookie } from './oidc-cookies.js';
import { OidcSignInService } from './oidc-sign-in.service.js';

/**
 * What the sign-in page is told after the provider's redirect (`/?oidc=<result>`): `signed-in`,
 * `second-factor` (enter the TOTP code), or why not.
 */
export type OidcResult =
  | 'signed-in'
  | 'second-factor'
  | 'unknown'
  | 'unverified'
  | 'deactivated'
  | 'invitation'
  | 'expired'
  | 'state'
  | 'cancelled'
  | 'failed'
  | 'unavailable';

/** The browser's way through the identity provider: authorization code flow with PKCE. */
@Controller('auth/oidc')
export class OidcController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly provider: OidcClientService,
    private readonly signIns: OidcSignInService,
  ) {}

  @Get('start')
  @Allow.public('anyone, when an identity provider is configured; no self-registration follows from it')
  async start(@Req() req: any, @Res() res: any): Promise<void> {
    if (!this.provider.config) throw DomainError.notFound('Identity provider');
    res.setHeader('cache-control', 'no-store');
    try {
      const { url, flow } = await this.provider.start();
      setFlowCookie(req, res, this.signIns.signFlow(flow));
      res.redirect(303, url);
    } catch (e) {
      if (!(e instanceof ProviderUnavailable)) throw e;
      logger.warn({ reason: e.message }, 'identity provider unreachable');
      this.back(res, 'unavailable');
    }
  }

  @Get('callback')
  @Allow.public('the browser that started the sign-in (state, nonce and PKCE verifier in its flow cookie)')
  async callback(@Req() req: any, @Res() res: any): Promise<void> {
    if (!this.provider.config) throw DomainError.notFound('Identity provider');
    res.setHeader('cache-control', 'no-store');
    clearFlowCookie(req, res);
    const flow = this.signIns.readFlow(readCookie(req, FLOW_COOKIE));
    const query = new URLSearchParams(String(req.originalUrl ?? req.url).split('?')[1] ?? '');
    if (!flow) return this.back(res, 'expired');
    if (query.get('state') !== flow.state) return this.back(res, 'state');
    if (query.has('error'))
      return this.back(res, query.get('error') === 'access_denied' ? 'cancelled' : 'failed');

    let identity;
    try {
      identity = await this.provider.finish(new URL(`${this.provider.config.redirectUri}?${query}`), flow);
    } catch (e: any) {
      const unavailable = e instanceof ProviderUnavailable;
      // The error's kind only: the provider's answer may carry personal data.
      logger.warn({ error: e?.code ?? e?.name }, 'sign-in through the identity provider failed');
      return this.back(res, unavailable ? 'unavailable' : 'failed');
    }
    const outcome = await this.signIns.signIn(identity, deviceOf(req));
    if (outcome.kind === 'refused') return this.back(res, outcome.reason);
    if (outcome.kind === 'secondFactor') {
      setPendingCookie(req, res, outcome.pending);
      return this.back(res, 'second-factor');
    }
    setRefreshCookie(req, outcome.session.refreshToken, outcome.session.sessionExpiresAt);
    this.back(res, 'signed-in');
  }

  /** Back to the web app, which says what happened. */
  private back(res: any, result: OidcResult): void {
    res.redirect(303, `${this.config.publicUrl}/?oidc=${result}`);
  }
}
