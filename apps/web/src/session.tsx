import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { Client, fetchExchange, mapExchange, subscriptionExchange, cacheExchange, Provider } from 'urql';
import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';
import { stringifyDocument } from 'urql';
import { LoginMutation, LogoutMutation, MeQuery, RefreshMutation } from './graphql/ops';
import { CompleteSignInMutation } from './graphql/sign-in';
import type { MeQuery as MeResult, SessionFieldsFragment, Role } from './gql/graphql';
import { liveInterrupted, liveRestored, resilientFetch } from './resilience';

/** '1' while this browser has a session; the refresh token itself is an httpOnly cookie. */
const SESSION_KEY = 'bp.session';
const REFRESH_LOCK = 'bp.refreshSession';
export const RECONNECTED_EVENT = 'bp:live-reconnected';
const ALLIANCE_KEY = 'bp.allianceId';

/**
 * The identity provider's way back (`/?oidc=<result>`, see the API's OidcController), read once at
 * load and taken out of the address bar. `signed-in`: the refresh cookie is set, restore from it.
 */
function takeProviderResult(): string | null {
  const params = new URLSearchParams(window.location.search);
  const result = params.get('oidc');
  if (!result) return null;
  params.delete('oidc');
  const rest = params.toString();
  window.history.replaceState(
    null,
    '',
    `${window.location.pathname}${rest ? `?${rest}` : ''}${window.location.hash}`,
  );
  if (result === 'signed-in') localStorage.setItem(SESSION_KEY, '1');
  return result;
}
const PROVIDER_RESULT = takeProviderResult();

export type SessionUser = MeResult['me'];
type Payload = SessionFieldsFragment & { user: SessionUser };

interface SessionState {
  status: 'restoring' | 'signedOut' | 'signedIn' | 'enrolling';
  /** The last session ended by itself (idle or absolute timeout), not by signing out. */
  expired: boolean;
  user: SessionUser | null;
  allianceId: string | null;
  roles: Role[];
  signIn(email: string, password: string, code?: string): Promise<void>;
  /** What the identity provider's way back said (null: nothing), e.g. `second-factor`, `unknown`. */
  providerResult: string | null;
  /** The TOTP code after signing in at the identity provider (providerResult `second-factor`). */
  completeSignIn(code: string): Promise<void>;
  /** Takes a session that another mutation opened (acceptInvitation). */
  adopt(payload: SessionFieldsFragment): Promise<void>;
  /** After the second factor is set up: a refresh lifts the set-up-only restriction. */
  refresh(): Promise<void>;
  signOut(): Promise<void>;
  /** Ends the session because it was idle: the sign-in page says so and keeps the user's place. */
  expire(): Promise<void>;
  /** The server's idle timeout (SESSION_IDLE_MINUTES), in seconds. */
  idleTimeoutSeconds: number | null;
  selectAlliance(id: string): void;
  hasRole(...roles: Role[]): boolean;
  /** Current access token, for the few plain HTTP downloads (minutes PDF). */
  accessToken(): string | null;
  expiresAt: string | null;
}

const SessionCtx = createContext<SessionState | null>(null);

/** Raw GraphQL over fetch for the session mutations, outside the authenticated client. */
async function post<T>(
  document: Parameters<typeof stringifyDocument>[0],
  variables: Record<string, unknown>,
  token?: string,
): Promise<T> {
  const res = await fetch('/graphql', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      // The refresh token stays in its httpOnly cookie; the body never carries it to this script.
      'x-refresh-cookie': 'only',
      'accept-language': window.document.documentElement.lang || 'de',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query: stringifyDocument(document), variables }),
  });
  const body = await res.json();
  if (body.errors?.length) {
    const err = new Error(body.errors[0].message) as Error & { code?: string; graphQLErrors?: unknown };
    err.code = body.errors[0].extensions?.code;
    err.graphQLErrors = body.errors;
    throw err;
  }
  return body.data as T;
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [payload, setPayload] = useState<Payload | null>(null);
  const [status, setStatus] = useState<SessionState['status']>(() =>
    localStorage.getItem(SESSION_KEY) ? 'restoring' : 'signedOut',
  );
  const [expired, setExpired] = useState(false);
  const [allianceId, setAllianceId] = useState<string | null>(() => localStorage.getItem(ALLIANCE_KEY));
  const tokenRef = useRef<string | null>(null);
  const refreshing = useRef<Promise<void> | null>(null);
  /** Counts sign-outs: a refresh answered after one (idle expiry, sign-out) is dropped. */
  const generation = useRef(0);
  const wsRef = useRef<WsClient | null>(null);

  const accept = useCallback(async (p: SessionFieldsFragment) => {
    // A sign-out or expiry while the user is read wins: the session it ended is not taken up again.
    const started = generation.current;
    const { me } = await post<MeResult>(MeQuery, {}, p.accessToken);
    if (started !== generation.current) return;
    localStorage.setItem(SESSION_KEY, '1');
    setExpired(false);
    const renewed = tokenRef.current !== null;
    tokenRef.current = p.accessToken;
    // The subscription socket authenticated with the old token: reconnect (graphql-ws resubscribes).
    if (renewed) wsRef.current?.terminate();
    setPayload({ ...p, user: me });
    setStatus(p.secondFactorEnrolmentRequired ? 'enrolling' : 'signedIn');
  }, []);

  const clear = useCallback((ended = false) => {
    // A session that ends by itself while signed in: the sign-in page says so (also when a second
    // ending, e.g. a refresh refused just after the idle timeout, comes after the first).
    const signedIn = tokenRef.current !== null;
    setExpired((before) => (ended ? signedIn || before : false));
    tokenRef.current = null;
    generation.current++;
    // A socket still connecting rejects its dispose with the CloseEvent: nothing to do about it then.
    Promise.resolve(wsRef.current?.dispose()).catch(() => undefined);
    wsRef.current = null;
    localStorage.removeItem(SESSION_KEY);
    setPayload(null);
    setStatus('signedOut');
  }, []);

  const refresh = useCallback(async () => {
    if (refreshing.current) return refreshing.current;
    // Tabs share one refresh cookie, and the API revokes the whole session when a rotated token is
    // used again. So tabs refresh one after another (a Web Lock), each sending the cookie that is
    // current when its turn comes.
    const rotate = async () => {
      // Signed out in another tab; already signed out here: nothing to change (nor its message).
      if (!localStorage.getItem(SESSION_KEY)) return tokenRef.current ? clear() : undefined;
      const started = generation.current;
      try {
        const d = await post<{ refreshSession: SessionFieldsFragment }>(RefreshMutation, {});
        if (started !== generation.current) return;
        await accept(d.refreshSession);
      } catch {
        // Signed out meanwhile (e.g. the idle timeout): that state and its message stay.
        if (started === generation.current) clear(true);
      }
    };
    const locks = (navigator as Navigator & { locks?: LockManager }).locks;
    refreshing.current = (locks ? locks.request(REFRESH_LOCK, rotate) : rotate()).finally(() => {
      refreshing.current = null;
    });
    return refreshing.current;
  }, [accept, clear]);

  // Signed out in another tab: sign out here too.
  useEffect(() => {
    const onStorage = (e: StorageEvent) => {
      if (e.key === SESSION_KEY && e.newValue === null && tokenRef.current) clear();
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, [clear]);

  // Restore the session on load from the stored refresh token.
  useEffect(() => {
    if (status === 'restoring') void refresh();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Refresh a minute before the access token expires.
  useEffect(() => {
    if (!payload) return;
    const ms = new Date(payload.accessTokenExpiresAt).getTime() - Date.now() - 60_000;
    const timer = setTimeout(() => void refresh(), Math.max(ms, 5_000));
    return () => clearTimeout(timer);
  }, [payload, refresh]);

  const signIn = useCallback(
    async (email: string, password: string, code?: string) => {
      const d = await post<{ login: SessionFieldsFragment }>(LoginMutation, { email, password, code });
      await accept(d.login);
    },
    [accept],
  );

  const completeSignIn = useCallback(
    async (code: string) => {
      const d = await post<{ completeSignIn: SessionFieldsFragment }>(CompleteSignInMutation, { code });
      await accept(d.completeSignIn);
    },
    [accept],
  );

  const signOut = useCallback(async () => {
    await post(LogoutMutation, {}).catch(() => undefined);
    clear();
  }, [clear]);

  const expire = useCallback(async () => {
    // Signed out here first, so that a refresh still under way is dropped; then on the server.
    clear(true);
    await post(LogoutMutation, {}).catch(() => undefined);
  }, [clear]);

  const user = payload?.user ?? null;
  const memberships = user?.memberships ?? [];
  const current = memberships.find((m) => m.alliance.id === allianceId) ?? memberships[0] ?? null;
  const roles = (current?.roles ?? []) as Role[];

  const value = useMemo<SessionState>(
    () => ({
      status,
      expired,
      user,
      allianceId: current?.alliance.id ?? null,
      roles,
      signIn,
      providerResult: PROVIDER_RESULT,
      completeSignIn,
      adopt: accept,
      refresh,
      signOut,
      expire,
      idleTimeoutSeconds: payload?.idleTimeoutSeconds ?? null,
      selectAlliance: (id) => {
        localStorage.setItem(ALLIANCE_KEY, id);
        setAllianceId(id);
      },
      hasRole: (...wanted) => !!user?.platformAdmin || wanted.some((r) => roles.includes(r)),
      accessToken: () => tokenRef.current,
      expiresAt: payload?.accessTokenExpiresAt ?? null,
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [
      status,
      expired,
      user,
      current?.alliance.id,
      roles.join(','),
      signIn,
      completeSignIn,
      accept,
      refresh,
      signOut,
      expire,
      payload?.accessTokenExpiresAt,
      payload?.idleTimeoutSeconds,
    ],
  );

  // One GraphQL client per signed-in user: HTTP for queries and mutations, graphql-ws for subscriptions.
  const userId = user?.id ?? null;
  const client = useMemo(() => {
    const wsClient = () =>
      (wsRef.current ??= createWsClient({
        url: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`,
        connectionParams: () => ({ authorization: `Bearer ${tokenRef.current ?? ''}` }),
        lazy: true,
        retryAttempts: 10,
        shouldRetry: () => true,
        // Reconnect at once after a token renewal; back off on real outages.
        retryWait: (retries) =>
          new Promise((r) =>
            setTimeout(r, retries === 0 ? 0 : Math.min(1000 * 2 ** retries, 30_000) + Math.random() * 1000),
          ),
        on: {
          // Events sent while the socket was down are lost: screens with live data reload on this.
          connected: (_socket, _payload, wasRetry) => {
            if (wasRetry) window.dispatchEvent(new Event(RECONNECTED_EVENT));
          },
        },
      }));
    return new Client({
      url: '/graphql',
      preferGetMethod: false,
      requestPolicy: 'cache-and-network',
      // Mutations carry an Idempotency-Key and are sent again after UNAVAILABLE (resilience.tsx).
      fetch: resilientFetch,
      fetchOptions: (): RequestInit => ({
        headers: tokenRef.current
          ? { authorization: `Bearer ${tokenRef.current}` }
          : ({} as Record<string, string>),
      }),
      exchanges: [
        cacheExchange,
        mapExchange({
          onError(error) {
            if (error.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) void refresh();
          },
        }),
        fetchExchange,
        subscriptionExchange({
          forwardSubscription(request) {
            const input = { ...request, query: request.query || '' };
            return {
              subscribe(sink) {
                return resubscribing((observer) => wsClient().subscribe(input, observer), sink);
              },
            };
          },
        }),
      ],
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [userId]);

  return (
    <SessionCtx.Provider value={value}>
      <Provider value={client}>{children}</Provider>
    </SessionCtx.Provider>
  );
}

export function useSession(): SessionState {
  const v = useContext(SessionCtx);
  if (!v) throw new Error('SessionProvider missing');
  return v;
}

type SubscriptionSink = Parameters<WsClient['subscribe']>[1];

/**
 * A subscription that the API ends with UNAVAILABLE (Redis was unreachable: events may have been
 * missed) is opened again, with growing waits, and once it has stayed open for a second the screens
 * reload (RECONNECTED_EVENT), as after a lost socket. The user sees a notice meanwhile.
 */
function resubscribing<T>(
  open: (sink: SubscriptionSink) => () => void,
  sink: { next(value: T): void; error(err: unknown): void; complete(): void },
): { unsubscribe: () => void } {
  let stopped = false;
  let close = () => {};
  let timer: ReturnType<typeof setTimeout> | undefined;
  const start = (attempt: number) => {
    let failed = false;
    close = open({
      next: (value) => sink.next(value as T),
      complete: () => sink.complete(),
      error: (err) => {
        failed = true;
        const unavailable =
          Array.isArray(err) &&
          err.some((e) => (e as { extensions?: { code?: string } }).extensions?.code === 'UNAVAILABLE');
        if (stopped || !unavailable) return sink.error(err);
        liveInterrupted();
        clearTimeout(timer);
        timer = setTimeout(() => !stopped && start(attempt + 1), Math.min(1000 * 2 ** attempt, 30_000));
      },
    });
    if (attempt > 0)
      timer = setTimeout(() => {
        if (stopped || failed) return;
        liveRestored();
        window.dispatchEvent(new Event(RECONNECTED_EVENT));
      }, 1000);
  };
  start(0);
  return {
    unsubscribe: () => {
      stopped = true;
      clearTimeout(timer);
      close();
    },
  };
}

/** Calls `reload` whenever the live connection comes back after an interruption. */
export function useOnReconnect(reload: () => void): void {
  const ref = useRef(reload);
  ref.current = reload;
  useEffect(() => {
    const handler = () => ref.current();
    window.addEventListener(RECONNECTED_EVENT, handler);
    return () => window.removeEventListener(RECONNECTED_EVENT, handler);
  }, []);
}
