import { useState } from 'react';
import { useI18n } from '../i18n';
import { useSession } from '../session';
import { Section } from '../ui';

export interface Period {
  from: string;
  to: string;
}

/** The report's XLSX, CSV and PDF, fetched with the session's token; case workers may add their own figures ("intern", audited). */
export function ReportDownloads({ period, caseWorker }: { period: Period; caseWorker: boolean }) {
  const { t, lang } = useI18n();
  const session = useSession();
  const [intern, setIntern] = useState(false);
  const [failed, setFailed] = useState(false);
  const download = async (format: 'xlsx' | 'csv' | 'pdf') => {
    setFailed(false);
    const query = new URLSearchParams({
      from: period.from,
      to: period.to,
      lang,
      ...(intern ? { intern: 'true' } : {}),
    });
    const res = await fetch(`/alliances/${session.allianceId}/report.${format}?${query}`, {
      headers: { authorization: `Bearer ${session.accessToken()}` },
    });
    if (!res.ok) return setFailed(true);
    const url = URL.createObjectURL(await res.blob());
    const a = document.createElement('a');
    a.href = url;
    a.download = `buendnisbericht-${period.from}-${period.to}${intern ? '-intern' : ''}.${format}`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  return (
    <Section title={t('report.downloads')} id="report-downloads">
      {caseWorker && (
        <p className="field checkbox">
          <input
            id="r-intern"
            type="checkbox"
            checked={intern}
            onChange={(e) => setIntern(e.target.checked)}
          />
          <label htmlFor="r-intern">{t('report.intern')}</label>
        </p>
      )}
      <p className="actions">
        <button type="button" onClick={() => void download('xlsx')}>
          {t('report.xlsx')}
        </button>{' '}
        <button type="button" onClick={() => void download('csv')}>
          {t('report.csv')}
        </button>{' '}
        <button type="button" onClick={() => void download('pdf')}>
          {t('report.pdf')}
        </button>
      </p>
      {failed && (
        <p className="alert-inline" role="alert">
          {t('report.downloadFailed')}
        </p>
      )}
    </Section>
  );
}
