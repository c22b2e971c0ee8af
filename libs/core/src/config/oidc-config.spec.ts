import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './config.js';

const load = (env: Record<string, string>) =>
  loadConfig({ DATA_DIR: mkdtempSync(join(tmpdir(), 'bp-config-')), ...env });

function refusal(env: Record<string, string>): string {
  try {
    load(env);
  } catch (e) {
    if (e instanceof ConfigError) return e.variable;
    throw e;
  }
  throw new Error(`accepted: ${JSON.stringify(env)}`);
}

describe('sign-in configuration (PASSWORD_SIGN_IN, OIDC_*)', () => {
  it('without OIDC_ISSUER: passwords only, no identity provider', () => {
    const c = load({});
    expect(c.people.passwordSignIn).toBe(true);
    expect(c.people.oidc).toBeUndefined();
  });

  it('with an issuer: the redirect URI comes from PUBLIC_URL, defaults for the name and the amr values', () => {
    const c = load({
      PUBLIC_URL: 'https://buendnis.stadt.example/',
      OIDC_ISSUER: 'https://id.stadt.example/realms/stadt',
      OIDC_CLIENT_ID: 'buendnisportal',
      OIDC_CLIENT_SECRET: 's3cret',
      OIDC_MFA_ACR_VALUES: 'gold, urn:stadt:loa:high',
      PASSWORD_SIGN_IN: 'false',
    });
    expect(c.people.passwordSignIn).toBe(false);
    expect(c.people.oidc).toEqual({
      issuer: 'https://id.stadt.example/realms/stadt',
      clientId: 'buendnisportal',
      clientSecret: 's3cret',
      displayName: 'Dienstkonto',
      redirectUri: 'https://buendnis.stadt.example/auth/oidc/callback',
      mfaAmrValues: ['mfa', 'otp', 'hwk'],
      mfaAcrValues: ['gold', 'urn:stadt:loa:high'],
      allowInsecureRequests: false,
    });
  });

  it('refuses plain http except on this machine, a missing client id, and switching passwords off without a provider', () => {
    expect(refusal({ OIDC_ISSUER: 'http://id.stadt.example', OIDC_CLIENT_ID: 'x' })).toBe('OIDC_ISSUER');
    expect(
      load({ OIDC_ISSUER: 'http://127.0.0.1:8080/realms/t', OIDC_CLIENT_ID: 'x' }).people.oidc,
    ).toMatchObject({ allowInsecureRequests: true });
    expect(refusal({ OIDC_ISSUER: 'https://id.stadt.example' })).toBe('OIDC_CLIENT_ID');
    expect(refusal({ OIDC_CLIENT_ID: 'x' })).toBe('OIDC_ISSUER');
    expect(refusal({ PASSWORD_SIGN_IN: 'false' })).toBe('PASSWORD_SIGN_IN');
    expect(refusal({ PASSWORD_SIGN_IN: 'maybe' })).toBe('PASSWORD_SIGN_IN');
  });
});
