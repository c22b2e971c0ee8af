/** The refresh token's cookie: httpOnly, SameSite=Strict, only sent to /graphql, Secure behind HTTPS. */
export const REFRESH_COOKIE = 'bp_refresh';
/** A client that sends this header gets the refresh token only as the cookie (the web app does). */
export const COOKIE_ONLY_HEADER = 'x-refresh-cookie';

export function refreshTokenFromCookie(req: { headers?: Record<string, unknown> }): string | undefined {
  const header = req.headers?.cookie;
  if (typeof header !== 'string') return undefined;
  for (const part of header.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === REFRESH_COOKIE) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

export function wantsCookieOnly(req: { headers?: Record<string, unknown> }): boolean {
  return req.headers?.[COOKIE_ONLY_HEADER] === 'only';
}

export function setRefreshCookie(req: any, token: string, endsAt: Date): void {
  req.res?.cookie?.(REFRESH_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: !!req.secure,
    path: '/graphql',
    expires: endsAt,
  });
}

export function clearRefreshCookie(req: any): void {
  req.res?.clearCookie?.(REFRESH_COOKIE, {
    httpOnly: true,
    sameSite: 'strict',
    secure: !!req.secure,
    path: '/graphql',
  });
}
