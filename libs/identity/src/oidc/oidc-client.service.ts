import { Inject, Injectable } from '@nestjs/common';
import * as client from 'openid-client';
import { APP_CONFIG, type AppConfig, type OidcConfig } from '../../../core/src/index.js';
import type { FlowClaims } from './oidc-cookies.js';

/** What the provider says about the person, from the ID token (and UserInfo for a missing e-mail). */
export interface ProviderIdentity {
  subject: string;
  email?: string;
  emailVerified: boolean;
  amr: string[];
  acr?: string;
}

/** The provider could not be reached or answered nonsense: the person may try again later. */
export class ProviderUnavailable extends Error {}

/**
 * openid-client 6: discovery (once, retried after a failure), the authorization code flow with
 * PKCE (S256), state and nonce, and the checks of the ID token.
 */
@Injectable()
export class OidcClientService {
  private discovered?: Promise<client.Configuration>;

  constructor(@Inject(APP_CONFIG) private readonly appConfig: AppConfig) {}

  get config(): OidcConfig | undefined {
    return this.appConfig.people.oidc;
  }

  private configuration(): Promise<client.Configuration> {
    const c = this.config!;
    this.discovered ??= client
      .discovery(
        new URL(c.issuer),
        c.clientId,
        c.clientSecret,
        c.clientSecret ? client.ClientSecretPost(c.clientSecret) : client.None(),
        {
          ...(c.allowInsecureRequests ? { execute: [client.allowInsecureRequests] } : {}),
          timeout: 10,
        },
      )
      .catch((e) => {
        this.discovered = undefined;
        throw new ProviderUnavailable(String(e?.code ?? e?.name ?? 'discovery failed'));
      });
    return this.discovered;
  }

  /** A fresh state, nonce and verifier, and the provider's URL to send the browser to. */
  async start(): Promise<{ url: string; flow: FlowClaims }> {
    const configuration = await this.configuration();
    const flow: FlowClaims = {
      state: client.randomState(),
      nonce: client.randomNonce(),
      verifier: client.randomPKCECodeVerifier(),
    };
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: this.config!.redirectUri,
      scope: 'openid email profile',
      code_challenge: await client.calculatePKCECodeChallenge(flow.verifier),
      code_challenge_method: 'S256',
      state: flow.state,
      nonce: flow.nonce,
    });
    return { url: url.href, flow };
  }

  /**
   * Exchanges the code (with the verifier) and checks the ID token (issuer, audience, signature,
   * nonce). Throws ProviderUnavailable when the provider cannot be reached, anything else when the
   * answer is not valid.
   */
  async finish(callbackUrl: URL, flow: FlowClaims): Promise<ProviderIdentity> {
    const configuration = await this.configuration();
    let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
    try {
      tokens = await client.authorizationCodeGrant(configuration, callbackUrl, {
        pkceCodeVerifier: flow.verifier,
        expectedState: flow.state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      });
    } catch (e: any) {
      if (
        e instanceof TypeError ||
        /ECONNREFUSED|ETIMEDOUT|ENOTFOUND|fetch failed/i.test(String(e?.cause ?? e))
      )
        throw new ProviderUnavailable('token endpoint unreachable');
      throw e;
    }
    const claims = tokens.claims()!;
    let email = typeof claims.email === 'string' ? claims.email : undefined;
    let verified = claims.email_verified === true;
    // Some providers put the e-mail only into UserInfo.
    if (email === undefined) {
      const info = await client.fetchUserInfo(configuration, tokens.access_token, claims.sub);
      email = typeof info.email === 'string' ? info.email : undefined;
      verified = info.email_verified === true;
    }
    return {
      subject: claims.sub,
      email,
      emailVerified: verified,
      amr: Array.isArray(claims.amr) ? claims.amr.filter((v): v is string => typeof v === 'string') : [],
      acr: typeof claims.acr === 'string' ? claims.acr : undefined,
    };
  }

  /** Whether the provider vouches for a second factor (OIDC_MFA_AMR_VALUES, OIDC_MFA_ACR_VALUES). */
  vouchesForSecondFactor(identity: ProviderIdentity): boolean {
    const c = this.config!;
    return (
      identity.amr.some((v) => c.mfaAmrValues.includes(v)) ||
      (identity.acr !== undefined && c.mfaAcrValues.includes(identity.acr))
    );
  }
}
