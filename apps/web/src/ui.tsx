import { useEffect, useRef, type ReactNode } from 'react';
import { useI18n } from './i18n';
import { useHeadingFocus } from './page-focus';

export function Loading() {
  const { t } = useI18n();
  return (
    <p className="loading" role="status">
      {t('common.loading')}
    </p>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="empty">{children}</p>;
}

/**
 * The page's heading; sets the document title and, after a page change within the app (not on a
 * page load, where the skip link comes first), takes focus so screen readers announce the new page.
 */
export function PageTitle({ children, title }: { children: ReactNode; title: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  const { t } = useI18n();
  useEffect(() => {
    document.title = `${title} – ${t('app.name')}`;
  }, [title, t]);
  useHeadingFocus(ref);
  return (
    <h1 ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}

export function Badge({ kind, children }: { kind?: string; children: ReactNode }) {
  return <span className={`badge badge-${(kind ?? 'neutral').toLowerCase()}`}>{children}</span>;
}

export function Section({ title, children, id }: { title: string; children: ReactNode; id?: string }) {
  const headingId = `${id ?? title.replace(/\W+/g, '-').toLowerCase()}-h`;
  return (
    <section className="card" id={id} aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      {children}
    </section>
  );
}

/** A table's head: one column heading per entry. */
export function ColumnHeads({ columns }: { columns: ReactNode[] }) {
  return (
    <thead>
      <tr>
        {columns.map((column, i) => (
          <th scope="col" key={i}>
            {column}
          </th>
        ))}
      </tr>
    </thead>
  );
}

/** Today as YYYY-MM-DD in Europe/Berlin. */
export function today(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());
}

/** A datetime-local input value (local time) as an ISO instant. */
export function localToIso(value: string): string {
  return new Date(value).toISOString();
}

export function isOverdue(dueOn: string | null | undefined, status: string): boolean {
  return !!dueOn && dueOn < today() && status !== 'DONE' && status !== 'CANCELLED';
}

/** The day (YYYY-MM-DD, Europe/Berlin) of an instant. */
export function berlinDay(iso: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date(iso));
}
