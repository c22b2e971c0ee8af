import { useState } from 'react';
import { useMutation } from 'urql';
import { useI18n } from '../../i18n';
import { CancelHandoverMutation, CompleteHandoverMutation } from '../../graphql/ops';
import { ErrorMessage } from '../../errors';
import { Badge, Empty, Section } from '../../ui';
import type { CaseT } from './case';
import { HandoverFacts } from './HandoverFacts';
import { BasisDecision } from './StatutoryHandover';

export function Handovers({ c, owner, reload }: { c: CaseT; owner: boolean; reload(): void }) {
  const { t, fmtDateTime } = useI18n();
  const [cancel, doCancel] = useMutation(CancelHandoverMutation);
  const [complete, doComplete] = useMutation(CompleteHandoverMutation);
  const [outcome, setOutcome] = useState('');
  const [completing, setCompleting] = useState<string | null>(null);
  return (
    <Section title={t('cases.handovers')} id="handovers">
      {c.handovers.length === 0 ? (
        <Empty>{t('cases.noHandovers')}</Empty>
      ) : (
        <ul>
          {c.handovers.map((h) => (
            <li key={h.id} data-testid="handover">
              <p>
                <Badge kind={h.status}>{t(`enum.HandoverStatus.${h.status}`)}</Badge>{' '}
                {t('cases.handoverLine', { from: h.from.name, to: h.to.name })} · {fmtDateTime(h.requestedAt)}
              </p>
              <p>
                {t('cases.sharedCategories')}:{' '}
                {h.categories.map((x) => t(`enum.DataCategory.${x}`)).join(', ')}
              </p>
              <HandoverFacts h={h} sender={owner} />
              {owner && <BasisDecision h={h} reload={reload} />}
              {h.declineReason && (
                <p>
                  {t('cases.declineReason')}: {h.declineReason}
                </p>
              )}
              {h.outcome && (
                <p>
                  {t('cases.outcome')}: {h.outcome}
                </p>
              )}
              {owner && !h.awaitingApproval && (h.status === 'REQUESTED' || h.status === 'ACCEPTED') && (
                <button
                  type="button"
                  onClick={() => void doCancel({ id: h.id, reason: null }).then(reload)}
                  disabled={cancel.fetching}
                >
                  {t('cases.cancelHandover')}
                </button>
              )}
              {!owner && h.status === 'ACCEPTED' && completing !== h.id && (
                <button type="button" onClick={() => setCompleting(h.id)}>
                  {t('cases.completeHandover')}
                </button>
              )}
              {completing === h.id && (
                <form
                  className="form inline"
                  onSubmit={(e) => {
                    e.preventDefault();
                    void doComplete({ id: h.id, outcome: outcome.trim() }).then((r) => {
                      if (!r.error) {
                        setCompleting(null);
                        reload();
                      }
                    });
                  }}
                >
                  <label htmlFor={`outcome-${h.id}`}>{t('cases.outcome')}</label>
                  <input
                    id={`outcome-${h.id}`}
                    required
                    value={outcome}
                    onChange={(e) => setOutcome(e.target.value)}
                  />
                  <button type="submit">{t('cases.completeSubmit')}</button>
                </form>
              )}
            </li>
          ))}
        </ul>
      )}
      {cancel.error && <ErrorMessage error={cancel.error} />}
      {complete.error && <ErrorMessage error={complete.error} />}
    </Section>
  );
}
