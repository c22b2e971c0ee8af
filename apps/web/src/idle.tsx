import { useEffect, useRef, useState } from 'react';
import { useI18n } from './i18n';
import { useSession } from './session';
import { ConfirmDialog } from './components/ConfirmDialog';

/** The last activity of any tab of this browser (ms since the epoch). */
const ACTIVITY_KEY = 'bp.lastActivity';
/** The warning comes this long before the session ends. */
export const WARN_BEFORE_MS = 2 * 60_000;
const EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

function lastActivity(): number {
  return Number(localStorage.getItem(ACTIVITY_KEY)) || Date.now();
}

/**
 * The server ends a session after SESSION_IDLE_MINUTES without use; the app's own token refresh
 * would keep it alive, so the app watches for the person instead. Shortly before the end it asks
 * "Angemeldet bleiben?"; without an answer it ends the session, and the sign-in page says
 * „Ihre Sitzung ist abgelaufen“ on the same address, so signing in again returns there.
 */
export function IdleWatch() {
  const { t } = useI18n();
  const session = useSession();
  const idleMs = (session.idleTimeoutSeconds ?? 0) * 1000;
  const [warning, setWarning] = useState<number | null>(null);
  const warningRef = useRef(false);
  warningRef.current = warning !== null;

  useEffect(() => {
    if (!idleMs) return;
    let last = 0;
    const touch = () => {
      // While the warning is shown only its button continues the session.
      if (warningRef.current) return;
      const now = Date.now();
      if (now - last < 5_000) return;
      last = now;
      localStorage.setItem(ACTIVITY_KEY, String(now));
    };
    localStorage.setItem(ACTIVITY_KEY, String(Date.now()));
    for (const e of EVENTS) window.addEventListener(e, touch, { passive: true, capture: true });
    const timer = setInterval(() => {
      const left = lastActivity() + idleMs - Date.now();
      if (left <= 0) {
        setWarning(null);
        void session.expire();
      } else if (left <= WARN_BEFORE_MS) setWarning(Math.max(1, Math.ceil(left / 60_000)));
      // Activity in another tab: this tab's warning goes away.
      else if (warningRef.current) setWarning(null);
    }, 1_000);
    return () => {
      clearInterval(timer);
      for (const e of EVENTS) window.removeEventListener(e, touch, { capture: true });
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [idleMs]);

  const stay = () => {
    localStorage.setItem(ACTIVITY_KEY, String(Date.now()));
    setWarning(null);
    void session.refresh();
  };
  if (warning === null) return null;
  return (
    <ConfirmDialog
      title={t('idle.title')}
      confirmLabel={t('idle.stay')}
      cancelLabel={t('idle.signOut')}
      onConfirm={stay}
      onDismiss={stay}
      onCancel={() => {
        setWarning(null);
        void session.signOut();
      }}
    >
      <p>{t('idle.text', { n: warning })}</p>
    </ConfirmDialog>
  );
}
