import { useQuery } from 'urql';
import { useI18n } from '../i18n';
import { ErrorMessage } from '../errors';
import { Empty, Loading, PageTitle } from '../ui';
import { MailOutboxQuery } from '../graphql/ops';

/** Postausgang: the platform administrator reads mails that have not left (no SMTP_URL), outside production. */
export default function Outbox() {
  const { t, fmtDateTime } = useI18n();
  const [{ data, fetching, error }] = useQuery({ query: MailOutboxQuery, variables: {} });
  const mails = data?.mailOutbox.edges.map((e) => e.node) ?? [];
  return (
    <section>
      <PageTitle title={t('outbox.title')}>{t('outbox.title')}</PageTitle>
      <p>{t('outbox.intro')}</p>
      {error && <ErrorMessage error={error} />}
      {fetching && !data ? (
        <Loading />
      ) : mails.length === 0 ? (
        <Empty>{t('outbox.empty')}</Empty>
      ) : (
        <ul className="outbox">
          {mails.map((m) => (
            <li key={m.id} className="card">
              <h2>{m.subject}</h2>
              <p>
                {t('outbox.to')}: {m.recipient} · {t('outbox.status')}: {t(`outbox.status.${m.status}`)} ·{' '}
                {t('outbox.created')}: {fmtDateTime(m.createdAt)}
              </p>
              {m.text && <pre className="mail-text">{m.text}</pre>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
