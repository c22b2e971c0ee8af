import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/** A person at the test identity provider. */
export interface ProviderAccount {
  email: string;
  emailVerified: boolean;
  /** The ID token's `amr` after signing in (e.g. ['pwd', 'mfa']). */
  amr?: string[];
  acr?: string;
}

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Adds or replaces a person who can sign in (by e-mail) at the provider. */
  account(a: ProviderAccount): void;
  close(): Promise<void>;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A real, certified OpenID Provider (`oidc-provider`) on loopback with one confidential client for
 * `redirectUri` and a minimal interaction: a page that asks for the e-mail address (a German form,
 * for the browser journey) and signs that person in with their `amr`/`acr`. Consent is implied
 * for the portal, as a municipality configures its own applications.
 */
export async function startTestProvider(redirectUri: string): Promise<TestProvider> {
  const accounts = new Map<string, ProviderAccount & { sub: string }>();
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = 'buendnisportal';
  const clientSecret = randomBytes(24).toString('hex');
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'test', use: 'sig', alg: 'RS256' }] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    pkce: { required: () => true },
    ttl: {
      Interaction: 600,
      Grant: 600,
      Session: 600,
      AccessToken: 600,
      IdToken: 600,
      AuthorizationCode: 60,
    },
    features: { devInteractions: { enabled: false } },
    // Like Keycloak, the ID token always says how the person signed in (amr, acr).
    claims: {
      auth_time: null,
      openid: ['sub', 'amr', 'acr'],
      email: ['email', 'email_verified'],
      profile: ['name'],
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx, sub) => {
      const a = [...accounts.values()].find((x) => x.sub === sub);
      return a
        ? {
            accountId: sub,
            claims: async () => ({ sub, email: a.email, email_verified: a.emailVerified, name: a.email }),
          }
        : undefined;
    },
    // The portal is the municipality's own application: no consent screen.
    loadExistingGrant: async (ctx) => {
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client!.clientId,
        accountId: ctx.oidc.session!.accountId!,
      });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
  });
  const callback = provider.callback();

  const interaction = async (req: IncomingMessage, res: ServerResponse) => {
    const details = await provider.interactionDetails(req, res);
    if (req.method === 'POST') {
      const body = new URLSearchParams(
        await new Promise<string>((resolve) => {
          let data = '';
          req.on('data', (c) => (data += c));
          req.on('end', () => resolve(data));
        }),
      );
      const account = accounts.get((body.get('email') ?? '').trim().toLowerCase());
      const result = account
        ? { login: { accountId: account.sub, amr: account.amr, acr: account.acr } }
        : { error: 'access_denied', error_description: 'unknown at the test provider' };
      await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
      return;
    }
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(`<!doctype html><html lang="de"><head><title>Test-Anmeldedienst</title></head><body><main>
<h1>Test-Anmeldedienst</h1>
<form method="post" action="/interaction/${escapeHtml(details.uid)}">
<label for="email">E-Mail beim Anmeldedienst</label>
<input id="email" name="email" type="email" autocomplete="username" required>
<button type="submit">Beim Anmeldedienst anmelden</button>
</form></main></body></html>`);
  };

  server.on('request', (req, res) => {
    if (req.url?.startsWith('/interaction/'))
      interaction(req, res).catch((e) => {
        res.statusCode = 500;
        res.end(String(e?.message ?? e));
      });
    else callback(req, res);
  });

  let n = 0;
  return {
    issuer,
    clientId,
    clientSecret,
    account: (a) => accounts.set(a.email.toLowerCase(), { ...a, sub: `person-${++n}` }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The portal's environment for this provider. */
export function oidcEnv(p: TestProvider, extra: Record<string, string> = {}): Record<string, string> {
  return {
    OIDC_ISSUER: p.issuer,
    OIDC_CLIENT_ID: p.clientId,
    OIDC_CLIENT_SECRET: p.clientSecret,
    OIDC_DISPLAY_NAME: 'Stadt-Login',
    ...extra,
  };
}
