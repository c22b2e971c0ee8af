import { useEffect, useState } from 'react';
import { useLocation } from 'react-router';
import { useI18n } from '../i18n';
import { Loading, PageTitle } from '../ui';

interface LegalAnswer {
  lang: 'de' | 'en';
  title: string;
  html: string;
  template: boolean;
}

/** Impressum, Datenschutzerklärung, Erklärung zur Barrierefreiheit: the deployment's own texts, from GET /legal/:page. */
export default function LegalPage() {
  const { lang, t } = useI18n();
  const { pathname } = useLocation();
  const page = pathname.slice(1);
  const [answer, setAnswer] = useState<LegalAnswer | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let current = true;
    setAnswer(null);
    setFailed(false);
    fetch(`/legal/${page}?lang=${lang}`, { headers: { accept: 'application/json' } })
      .then((res) =>
        res.ok ? (res.json() as Promise<LegalAnswer>) : Promise.reject(new Error(String(res.status))),
      )
      .then((a) => current && setAnswer(a))
      .catch(() => current && setFailed(true));
    return () => {
      current = false;
    };
  }, [page, lang]);

  if (failed)
    return (
      <p role="alert" className="alert">
        {t('legal.failed')}
      </p>
    );
  if (!answer) return <Loading />;
  return (
    <>
      {answer.lang !== lang && <p className="notice">{t('legal.germanOnly')}</p>}
      <article className="legal" lang={answer.lang}>
        <PageTitle title={answer.title}>{answer.title}</PageTitle>
        {answer.template && (
          <p className="notice" role="note">
            {t('legal.template')}
          </p>
        )}
        {/* The operator's own Markdown, rendered by the API: trusted deployment content (legal/README.md). */}
        <div dangerouslySetInnerHTML={{ __html: answer.html }} />
      </article>
    </>
  );
}
