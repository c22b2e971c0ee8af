import { useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery, useSubscription } from 'urql';
import { useI18n } from '../../i18n';
import { AcceptHandoverMutation, DeclineHandoverMutation, IncomingHandoversQuery } from '../../graphql/ops';
import { HandoverEventsSubscription } from '../../graphql/live-ops';
import { useOnReconnect } from '../../session';
import { ErrorMessage } from '../../errors';
import { Empty, Loading, Section } from '../../ui';

export function Inbox({ compact, onChange }: { compact?: boolean; onChange?(): void }) {
  const { t, fmtDateTime } = useI18n();
  const [res, refetch] = useQuery({ query: IncomingHandoversQuery });
  const [accept, doAccept] = useMutation(AcceptHandoverMutation);
  const [decline, doDecline] = useMutation(DeclineHandoverMutation);
  const [declining, setDeclining] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const reload = () => {
    refetch({ requestPolicy: 'network-only' });
    onChange?.();
  };
  // A handover requested, withdrawn or changed elsewhere appears (or goes) at once.
  useSubscription({ query: HandoverEventsSubscription }, (_prev, event) => {
    reload();
    return event;
  });
  useOnReconnect(reload);
  const items = res.data?.handovers ?? [];

  return (
    <Section title={t('cases.inbox')} id={compact ? 'dash-inbox' : 'inbox'}>
      {res.error && <ErrorMessage error={res.error} />}
      {res.fetching && !res.data ? (
        <Loading />
      ) : items.length === 0 ? (
        <Empty>{t('cases.inboxEmpty')}</Empty>
      ) : (
        <ul className="inbox">
          {items.map((h) => (
            <li key={h.id} data-testid="incoming-handover">
              <p>
                <strong>{h.case.reference}</strong> – {t('cases.from', { org: h.from.name })} ·{' '}
                {fmtDateTime(h.requestedAt)}
              </p>
              <p>
                {t('cases.offeredCategories')}:{' '}
                {h.categories.map((c) => t(`enum.DataCategory.${c}`)).join(', ')}
              </p>
              {h.message && <p className="prewrap">„{h.message}“</p>}
              {!compact && (
                <div className="actions">
                  <button
                    type="button"
                    className="primary"
                    onClick={() => void doAccept({ id: h.id }).then(reload)}
                    disabled={accept.fetching}
                  >
                    {t('cases.accept')}
                    <span className="visually-hidden"> {h.case.reference}</span>
                  </button>
                  <button type="button" onClick={() => setDeclining(h.id)}>
                    {t('cases.decline')}
                    <span className="visually-hidden"> {h.case.reference}</span>
                  </button>
                </div>
              )}
              {declining === h.id && (
                <form
                  className="form inline"
                  onSubmit={(e) => {
                    e.preventDefault();
                    void doDecline({ id: h.id, reason: reason.trim() }).then((r) => {
                      if (!r.error) {
                        setDeclining(null);
                        setReason('');
                        reload();
                      }
                    });
                  }}
                >
                  <label htmlFor={`reason-${h.id}`}>{t('cases.declineReason')}</label>
                  <input
                    id={`reason-${h.id}`}
                    required
                    value={reason}
                    onChange={(e) => setReason(e.target.value)}
                  />
                  <button type="submit">{t('cases.declineSubmit')}</button>
                </form>
              )}
            </li>
          ))}
        </ul>
      )}
      {compact && items.length > 0 && <Link to="/faelle">{t('cases.toInbox')}</Link>}
      {accept.error && <ErrorMessage error={accept.error} />}
      {decline.error && <ErrorMessage error={decline.error} />}
    </Section>
  );
}
