import { useState } from 'react';
import { useMutation } from 'urql';
import { useI18n } from '../../i18n';
import { CloseCaseMutation, EraseCaseMutation, ReopenCaseMutation } from '../../graphql/casework-ops';
import type { CaseClosingReason } from '../../gql/graphql';
import { ErrorMessage } from '../../errors';
import { Section } from '../../ui';
import type { CaseT } from './case';

export const CLOSING_REASONS: CaseClosingReason[] = [
  'GOAL_REACHED',
  'REFERRED',
  'MOVED_AWAY',
  'NO_CONTACT',
  'CLIENT_REQUEST',
  'OTHER',
];

/** The owner closes a case with a reason, reopens a closed one, or erases its personal data. */
export function CaseMaintenance({ c, reload }: { c: CaseT; reload(): void }) {
  const { t } = useI18n();
  const [closing, close] = useMutation(CloseCaseMutation);
  const [reopening, reopen] = useMutation(ReopenCaseMutation);
  const [erasing, erase] = useMutation(EraseCaseMutation);
  const [reason, setReason] = useState<CaseClosingReason | ''>('');
  const [confirming, setConfirming] = useState(false);
  const [understood, setUnderstood] = useState(false);
  if (c.status === 'ERASED') return null;
  return (
    <Section title={t('caseRules.maintenance')} id="case-maintenance">
      {c.status === 'OPEN' && (
        <form
          className="form inline"
          onSubmit={(e) => {
            e.preventDefault();
            if (reason) void close({ id: c.id, reason }).then((r) => !r.error && reload());
          }}
        >
          <label htmlFor="close-reason">{t('caseRules.closingReason')}</label>
          <select
            id="close-reason"
            required
            value={reason}
            onChange={(e) => setReason(e.target.value as CaseClosingReason)}
          >
            <option value="">{t('caseRules.chooseReason')}</option>
            {CLOSING_REASONS.map((r) => (
              <option key={r} value={r}>
                {t(`enum.CaseClosingReason.${r}`)}
              </option>
            ))}
          </select>
          <button type="submit" disabled={closing.fetching || !reason}>
            {t('caseRules.close')}
          </button>
        </form>
      )}
      {c.status === 'CLOSED' && (
        <>
          <p>
            {t('caseRules.closedBecause', {
              reason: c.closingReason ? t(`enum.CaseClosingReason.${c.closingReason}`) : '–',
            })}
          </p>
          <button
            type="button"
            disabled={reopening.fetching}
            onClick={() => void reopen({ id: c.id }).then((r) => !r.error && reload())}
          >
            {t('caseRules.reopen')}
          </button>
        </>
      )}
      {!confirming ? (
        <p>
          <button type="button" className="danger" onClick={() => setConfirming(true)}>
            {t('caseRules.erase')}
          </button>
        </p>
      ) : (
        <div className="card" role="group" aria-labelledby="erase-title">
          <h3 id="erase-title">{t('caseRules.eraseTitle', { reference: c.reference })}</h3>
          <p>{t('caseRules.eraseGone')}</p>
          <p>{t('caseRules.eraseRemains')}</p>
          <p>{t('caseRules.eraseFinal')}</p>
          <div className="checkbox">
            <input
              id="erase-understood"
              type="checkbox"
              checked={understood}
              onChange={(e) => setUnderstood(e.target.checked)}
            />
            <label htmlFor="erase-understood">{t('caseRules.eraseUnderstood')}</label>
          </div>
          <div className="actions">
            <button
              type="button"
              className="danger"
              disabled={!understood || erasing.fetching}
              onClick={() =>
                void erase({ id: c.id }).then((r) => {
                  if (!r.error) {
                    setConfirming(false);
                    reload();
                  }
                })
              }
            >
              {t('caseRules.eraseConfirm')}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      )}
      {[closing.error, reopening.error, erasing.error].map(
        (error, i) => error && <ErrorMessage key={i} error={error} />,
      )}
    </Section>
  );
}
