import { useState } from 'react';
import { useMutation } from 'urql';
import { useI18n } from '../../i18n';
import { WithdrawConsentMutation } from '../../graphql/ops';
import { ErrorMessage } from '../../errors';
import { Badge, Empty, Section } from '../../ui';
import { languageName, type CaseT } from './case';
import { ConsentPaper } from './ConsentPaper';

export function Consents({ c, editable, reload }: { c: CaseT; editable: boolean; reload(): void }) {
  const { t, fmtDateTime } = useI18n();
  const [result, withdraw] = useMutation(WithdrawConsentMutation);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [note, setNote] = useState('');
  return (
    <Section title={t('cases.consents')} id="consents">
      {c.consents.length === 0 ? (
        <Empty>{t('cases.noConsents')}</Empty>
      ) : (
        <ul className="consents">
          {c.consents.map((k) => (
            <li key={k.id} data-testid="consent">
              <p>
                <Badge kind={k.status}>{t(`enum.ConsentStatus.${k.status}`)}</Badge>{' '}
                {t('cases.consentSummary', {
                  recipients: k.recipients.map((r) => r.name).join(', '),
                  categories: k.categories.map((x) => t(`enum.DataCategory.${x}`)).join(', '),
                })}
              </p>
              <p>
                {k.legalBasis
                  ? `${t('caseRules.legalBasis')}: ${k.legalBasis.citation} · ${t('caseRules.justification')}`
                  : t('cases.purpose')}
                : {k.purpose}
              </p>
              <p className="meta">
                {t(`enum.ConsentForm.${k.form}`)} ·{' '}
                {t('cases.informedIn', { lang: languageName(k.informedInLanguage, t) })}
                {k.interpreterUsed && <> · {t('cases.withInterpreter')}</>}
                {k.evidenceReference && (
                  <>
                    {' '}
                    · {t('cases.evidence')}: {k.evidenceReference}
                  </>
                )}{' '}
                · {t('cases.validFrom', { when: fmtDateTime(k.validFrom) })}
                {k.validUntil && <> · {t('cases.validUntil', { when: fmtDateTime(k.validUntil) })}</>}
                {k.withdrawnAt && <> · {t('cases.withdrawnAt', { when: fmtDateTime(k.withdrawnAt) })}</>}
              </p>
              {editable && k.status === 'ACTIVE' && confirming !== k.id && (
                <button type="button" className="danger" onClick={() => setConfirming(k.id)}>
                  {k.legalBasis ? t('caseRules.revokeBasis') : t('cases.withdraw')}
                </button>
              )}
              {confirming === k.id && (
                <form
                  className="form inline"
                  onSubmit={(e) => {
                    e.preventDefault();
                    void withdraw({ id: k.id, note: note.trim() || null }).then((r) => {
                      if (!r.error) {
                        setConfirming(null);
                        setNote('');
                        reload();
                      }
                    });
                  }}
                >
                  <label htmlFor={`wd-${k.id}`}>{t('cases.withdrawNote')}</label>
                  <input id={`wd-${k.id}`} value={note} onChange={(e) => setNote(e.target.value)} />
                  <button type="submit" className="danger">
                    {t('cases.withdrawConfirm')}
                  </button>
                  <button type="button" onClick={() => setConfirming(null)}>
                    {t('common.cancel')}
                  </button>
                </form>
              )}
              <ConsentPaper caseId={c.id} consentId={k.id} canUpload={c.status !== 'ERASED'} />
            </li>
          ))}
        </ul>
      )}
      {result.error && <ErrorMessage error={result.error} />}
    </Section>
  );
}
