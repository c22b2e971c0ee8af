import { ConfigError } from './config.js';

/** Sign-in through the municipality's OpenID Connect provider (README: "Sign-in through an identity provider"). */
export interface OidcConfig {
  /** The issuer URL; its `/.well-known/openid-configuration` is read at the first sign-in. */
  issuer: string;
  clientId: string;
  /** Unset: a public client (PKCE alone, token endpoint auth `none`). */
  clientSecret?: string;
  /** Shown on the sign-in page: "Mit <displayName> anmelden". */
  displayName: string;
  /** `<PUBLIC_URL>/auth/oidc/callback`, registered at the provider. */
  redirectUri: string;
  /** ID-token `amr` values that count as a second factor (RFC 8176). */
  mfaAmrValues: string[];
  /** ID-token `acr` values that count as a second factor. */
  mfaAcrValues: string[];
  /** Plain http is allowed only for an issuer on this machine (tests, a local Keycloak). */
  allowInsecureRequests: boolean;
}

type Env = Record<string, string | undefined>;

const value = (env: Env, name: string) => {
  const v = env[name]?.trim();
  return v ? v : undefined;
};

const list = (env: Env, name: string, def: string[]) => {
  const raw = value(env, name);
  return raw === undefined
    ? def
    : raw === 'none'
      ? []
      : [
          ...new Set(
            raw
              .split(',')
              .map((v) => v.trim())
              .filter(Boolean),
          ),
        ];
};

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** PASSWORD_SIGN_IN and the OIDC_* variables. */
export function signInConfig(env: Env, publicUrl: string): { passwordSignIn: boolean; oidc?: OidcConfig } {
  const issuer = value(env, 'OIDC_ISSUER');
  let oidc: OidcConfig | undefined;
  if (issuer !== undefined) {
    let parsed: URL;
    try {
      parsed = new URL(issuer);
    } catch {
      throw new ConfigError('OIDC_ISSUER', 'must be an https:// URL');
    }
    const loopback = LOOPBACK.has(parsed.hostname);
    if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && loopback))
      throw new ConfigError('OIDC_ISSUER', 'must be an https:// URL (http:// only on localhost)');
    const clientId = value(env, 'OIDC_CLIENT_ID');
    if (clientId === undefined)
      throw new ConfigError('OIDC_CLIENT_ID', 'is required when OIDC_ISSUER is set');
    oidc = {
      issuer,
      clientId,
      clientSecret: value(env, 'OIDC_CLIENT_SECRET'),
      displayName: value(env, 'OIDC_DISPLAY_NAME') ?? 'Dienstkonto',
      redirectUri: `${publicUrl}/auth/oidc/callback`,
      mfaAmrValues: list(env, 'OIDC_MFA_AMR_VALUES', ['mfa', 'otp', 'hwk']),
      mfaAcrValues: list(env, 'OIDC_MFA_ACR_VALUES', []),
      allowInsecureRequests: parsed.protocol === 'http:',
    };
    if (oidc.displayName.length > 60)
      throw new ConfigError('OIDC_DISPLAY_NAME', 'must be at most 60 characters');
  } else {
    for (const name of ['OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_DISPLAY_NAME'])
      if (value(env, name) !== undefined)
        throw new ConfigError('OIDC_ISSUER', `is required when ${name} is set`);
  }
  const raw = value(env, 'PASSWORD_SIGN_IN');
  if (raw !== undefined && !/^(true|false)$/i.test(raw))
    throw new ConfigError('PASSWORD_SIGN_IN', `must be true or false, got "${raw}"`);
  const passwordSignIn = raw === undefined || /^true$/i.test(raw);
  // Someone must be able to sign in.
  if (!passwordSignIn && !oidc)
    throw new ConfigError('PASSWORD_SIGN_IN', 'may be false only when OIDC_ISSUER is set');
  return { passwordSignIn, ...(oidc ? { oidc } : {}) };
}
