import request from 'supertest';
import type { TestApp } from './test-app.js';

/** A browser's cookies at the identity provider (names are unique there; paths do not matter). */
class CookieJar {
  private readonly cookies = new Map<string, string>();

  take(headers: Headers): void {
    for (const line of headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const [name, ...value] = pair.trim().split('=');
      const expired = attributes.some((a) => /^\s*expires=.*1970/i.test(a) || /^\s*max-age=0\b/i.test(a));
      if (expired || value.join('=') === '') this.cookies.delete(name);
      else this.cookies.set(name, value.join('='));
    }
  }

  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

export interface FlowOutcome {
  /** The `oidc` result the portal sends the browser back with (`signed-in`, `unknown`, …). */
  result: string | null;
  /** The portal's cookies set by the callback, as `name=value`. */
  cookies: Map<string, string>;
  /** `name=value` of the refresh cookie, when a session was opened. */
  refreshCookie?: string;
  /** `name=value` of the pending second-factor cookie. */
  pendingCookie?: string;
}

export interface FlowOptions {
  /** Changes the callback's query before it reaches the portal (e.g. a tampered state). */
  alterCallback?: (query: URLSearchParams) => void;
  /** Replaces the flow cookie the browser sends back (undefined: the one the portal set). */
  flowCookie?: (original: string) => string | null;
}

function portalCookies(setCookie: string[] | string | undefined): Map<string, string> {
  const lines = setCookie === undefined ? [] : Array.isArray(setCookie) ? setCookie : [setCookie];
  const out = new Map<string, string>();
  for (const line of lines) {
    const pair = line.split(';')[0];
    const name = pair.split('=')[0];
    out.set(name, pair);
  }
  return out;
}

/**
 * Drives the whole redirect flow as a browser would: the portal's start route, the provider's
 * authorization endpoint, its sign-in page (as `email`), its redirects, and the portal's callback.
 */
export async function signInThroughProvider(
  t: TestApp,
  email: string,
  options: FlowOptions = {},
): Promise<FlowOutcome> {
  const start = await request(t.http).get('/auth/oidc/start');
  if (start.status !== 303) throw new Error(`start answered ${start.status}`);
  const flowCookie = portalCookies(start.headers['set-cookie']).get('bp_oidc_flow')!;
  const jar = new CookieJar();
  let url = new URL(start.headers.location);
  const redirectUri = t.config.people.oidc!.redirectUri;
  for (let hops = 0; !url.href.startsWith(redirectUri); hops++) {
    if (hops > 12) throw new Error('too many redirects at the provider');
    let res = await fetch(url, { redirect: 'manual', headers: { cookie: jar.header() } });
    jar.take(res.headers);
    if (res.status === 200 && url.pathname.startsWith('/interaction/')) {
      // The provider's sign-in page: post the e-mail address as its form does.
      res = await fetch(url, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ email }).toString(),
      });
      jar.take(res.headers);
    }
    if (res.status < 300 || res.status >= 400)
      throw new Error(`provider answered ${res.status}: ${await res.text()}`);
    url = new URL(res.headers.get('location')!, url);
  }
  options.alterCallback?.(url.searchParams);
  const cookie = options.flowCookie ? options.flowCookie(flowCookie) : flowCookie;
  const callback = request(t.http).get(`/auth/oidc/callback${url.search}`);
  if (cookie) callback.set('cookie', cookie);
  const res = await callback;
  if (res.status !== 303) throw new Error(`callback answered ${res.status}: ${res.text}`);
  const location = new URL(res.headers.location);
  const cookies = portalCookies(res.headers['set-cookie']);
  return {
    result: location.searchParams.get('oidc'),
    cookies,
    refreshCookie: cookies.get('bp_refresh'),
    pendingCookie: cookies.get('bp_oidc_pending'),
  };
}

/** The session behind a refresh cookie, as the web app reads it. */
export async function sessionOf(t: TestApp, refreshCookie: string) {
  const res = await request(t.http)
    .post('/graphql')
    .set('content-type', 'application/json')
    .set('cookie', refreshCookie)
    .send({
      query: 'mutation { refreshSession { accessToken secondFactorEnrolmentRequired user { email } } }',
    });
  return { data: res.body.data?.refreshSession, errors: res.body.errors };
}
