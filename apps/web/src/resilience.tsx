import { useEffect, useState } from 'react';
import { useI18n } from './i18n';

/**
 * Faults the user is told about: a mutation sent again after UNAVAILABLE (or a lost connection), and
 * live updates that were interrupted (the subscription ended with UNAVAILABLE and is being renewed).
 */
const NOTICE_EVENT = 'bp:connection-notice';
export const RETRY_DELAYS_MS = [1000, 2000, 4000, 8000];
type Notice =
  | { kind: 'retrying'; attempt: number; max: number; seconds: number }
  | { kind: 'live' }
  | { kind: 'clear'; of: 'retrying' | 'live' };

function notify(detail: Notice): void {
  window.dispatchEvent(new CustomEvent<Notice>(NOTICE_EVENT, { detail }));
}

/** One Idempotency-Key: random, also outside secure contexts (where crypto.randomUUID is missing). */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function isMutation(body: BodyInit | null | undefined): boolean {
  if (typeof body !== 'string') return false;
  try {
    const query = (JSON.parse(body) as { query?: unknown }).query;
    return typeof query === 'string' && /^\s*(#[^\n]*\n\s*)*mutation\b/.test(query);
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The GraphQL client's fetch. A mutation (one submitted form) gets one Idempotency-Key, made here
 * once, and is sent again with the same key after an UNAVAILABLE answer (HTTP 503) or a lost
 * connection, up to four times with growing waits: the API carries it out at most once.
 */
export async function resilientFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  if (!isMutation(init?.body)) return fetch(input, init);
  const headers = new Headers(init?.headers);
  headers.set('idempotency-key', newIdempotencyKey());
  const request = { ...init, headers };
  try {
    for (let attempt = 0; ; attempt++) {
      const last = attempt >= RETRY_DELAYS_MS.length;
      let response: Response | undefined;
      try {
        response = await fetch(input, request);
      } catch (err) {
        if (last) throw err;
      }
      if (response && (response.status !== 503 || last)) return response;
      const wait = RETRY_DELAYS_MS[attempt];
      notify({
        kind: 'retrying',
        attempt: attempt + 2,
        max: RETRY_DELAYS_MS.length + 1,
        seconds: wait / 1000,
      });
      await sleep(wait);
    }
  } finally {
    notify({ kind: 'clear', of: 'retrying' });
  }
}

/** Live updates were interrupted (shown until `liveRestored`). */
export function liveInterrupted(): void {
  notify({ kind: 'live' });
}

export function liveRestored(): void {
  notify({ kind: 'clear', of: 'live' });
}

/** The notices, as a polite status line at the top of the page. */
export function ConnectionNotice() {
  const { t } = useI18n();
  const [retrying, setRetrying] = useState<Extract<Notice, { kind: 'retrying' }> | null>(null);
  const [live, setLive] = useState(false);
  useEffect(() => {
    const handler = (e: Event) => {
      const n = (e as CustomEvent<Notice>).detail;
      if (n.kind === 'retrying') setRetrying(n);
      else if (n.kind === 'live') setLive(true);
      else if (n.of === 'retrying') setRetrying(null);
      else setLive(false);
    };
    window.addEventListener(NOTICE_EVENT, handler);
    return () => window.removeEventListener(NOTICE_EVENT, handler);
  }, []);
  return (
    <div role="status" aria-live="polite" className="connection-notice">
      {retrying && (
        <p className="alert" data-notice="retrying">
          {t('retry.sending', { seconds: retrying.seconds, attempt: retrying.attempt, max: retrying.max })}
        </p>
      )}
      {live && (
        <p className="alert" data-notice="live">
          {t('live.interrupted')}
        </p>
      )}
    </div>
  );
}
