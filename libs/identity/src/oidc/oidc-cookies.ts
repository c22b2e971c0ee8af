/**
 * The short-lived cookies of a sign-in through the identity provider. Both carry a JWT signed with
 * JWT_SECRET under their own audience, so neither can be forged, altered or used as the other.
 */

/** state, nonce and PKCE verifier between /auth/oidc/start and the callback (10 minutes). */
export const FLOW_COOKIE = 'bp_oidc_flow';
export const FLOW_AUDIENCE = 'buendnisportal:oidc-flow';
export const FLOW_SECONDS = 600;

/** Who signed in at the provider but still has to enter their TOTP code (5 minutes). */
export const PENDING_COOKIE = 'bp_oidc_pending';
export const PENDING_AUDIENCE = 'buendnisportal:oidc-second-factor';
export const PENDING_SECONDS = 300;

export interface FlowClaims {
  state: string;
  nonce: string;
  verifier: string;
}

export interface PendingClaims {
  sub: string;
}

export function readCookie(req: { headers?: Record<string, unknown> }, name: string): string | undefined {
  const header = req.headers?.cookie;
  if (typeof header !== 'string') return undefined;
  for (const part of header.split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) {
      try {
        return decodeURIComponent(value.join('='));
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/**
 * The flow cookie comes back on the provider's redirect, a cross-site top-level GET: SameSite=Lax
 * (Strict would not be sent), and only to /auth/oidc.
 */
export function setFlowCookie(req: any, res: any, value: string): void {
  res.cookie(FLOW_COOKIE, value, {
    httpOnly: true,
    sameSite: 'lax',
    secure: !!req.secure,
    path: '/auth/oidc',
    maxAge: FLOW_SECONDS * 1000,
  });
}

export function clearFlowCookie(req: any, res: any): void {
  res.clearCookie(FLOW_COOKIE, { httpOnly: true, sameSite: 'lax', secure: !!req.secure, path: '/auth/oidc' });
}

/** Read by the `completeSignIn` mutation, a same-site request to /graphql: SameSite=Strict. */
export function setPendingCookie(req: any, res: any, value: string): void {
  res.cookie(PENDING_COOKIE, value, {
    httpOnly: true,
    sameSite: 'strict',
    secure: !!req.secure,
    path: '/graphql',
    maxAge: PENDING_SECONDS * 1000,
  });
}

export function clearPendingCookie(req: any): void {
  req.res?.clearCookie?.(PENDING_COOKIE, {
    httpOnly: true,
    sameSite: 'strict',
    secure: !!req.secure,
    path: '/graphql',
  });
}
