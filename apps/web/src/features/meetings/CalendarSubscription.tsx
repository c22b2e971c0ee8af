import { useRef, useState } from 'react';
import { useI18n } from '../../i18n';

/** The feed's address for calendar programs: webcal:// opens the subscription dialog of most of them. */
export function webcalUrl(url: string): string {
  return url.replace(/^https?:\/\//, 'webcal://');
}

/**
 * The personal calendar subscription: a webcal:// link that opens the calendar program, the address
 * in a read-only field and a button that copies it (for programs that ask for it).
 */
export function CalendarSubscription({ url }: { url: string }) {
  const { t } = useI18n();
  const field = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState('');
  const webcal = webcalUrl(url);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(webcal);
      setCopied(t('meetings.calendarCopied'));
    } catch {
      // Without clipboard access the address is selected for copying by hand.
      field.current?.select();
      setCopied(t('meetings.calendarCopyByHand'));
    }
  };
  return (
    <div className="calendar-subscription">
      <p>
        <a href={webcal} data-testid="calendar-link">
          {t('meetings.calendarLink')}
        </a>
      </p>
      <div className="form inline">
        <label htmlFor="calendar-url">{t('meetings.calendarAddress')}</label>
        <input
          id="calendar-url"
          ref={field}
          readOnly
          value={webcal}
          className="wide-input"
          onFocus={(e) => e.target.select()}
        />
        <button type="button" onClick={() => void copy()}>
          {t('meetings.calendarCopy')}
        </button>
        <span role="status" data-testid="calendar-copied">
          {copied}
        </span>
      </div>
    </div>
  );
}
