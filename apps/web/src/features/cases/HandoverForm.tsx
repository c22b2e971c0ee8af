import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { useI18n } from '../../i18n';
import { RequestHandoverMutation } from '../../graphql/ops';
import type { DataCategory } from '../../gql/graphql';
import { ErrorMessage } from '../../errors';
import { Empty, Section } from '../../ui';
import type { CaseT } from './case';

export function HandoverForm({ c, reload }: { c: CaseT; reload(): void }) {
  const { t } = useI18n();
  const active = c.consents.filter((k) => k.status === 'ACTIVE' && !k.legalBasis);
  const [consentId, setConsentId] = useState('');
  const [to, setTo] = useState('');
  const [categories, setCategories] = useState<DataCategory[]>([]);
  const [message, setMessage] = useState('');
  const [result, request] = useMutation(RequestHandoverMutation);
  const [done, setDone] = useState('');
  const consent = active.find((k) => k.id === consentId) ?? active[0];
  if (!consent) {
    return (
      <Section title={t('cases.requestHandover')} id="request-handover">
        <Empty>{t('cases.handoverNeedsConsent')}</Empty>
      </Section>
    );
  }
  const recipient = consent.recipients.find((r) => r.id === to) ?? consent.recipients[0];
  const chosen = categories.filter((x) => consent.categories.includes(x));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await request({
      input: {
        caseId: c.id,
        consentId: consent.id,
        toOrganisationId: recipient.id,
        categories: chosen,
        message: message.trim() || null,
      },
    });
    if (!r.error) {
      setDone(t('cases.handoverRequested'));
      setCategories([]);
      setMessage('');
      reload();
    }
  };

  return (
    <Section title={t('cases.requestHandover')} id="request-handover">
      <p className="hint">{t('cases.handoverIntro')}</p>
      <form className="form" onSubmit={submit}>
        <label htmlFor="ho-consent">{t('cases.handoverConsent')}</label>
        <select id="ho-consent" value={consent.id} onChange={(e) => setConsentId(e.target.value)}>
          {active.map((k) => (
            <option key={k.id} value={k.id}>
              {k.purpose.slice(0, 60)} ({k.recipients.map((r) => r.shortName ?? r.name).join(', ')})
            </option>
          ))}
        </select>
        <label htmlFor="ho-to">{t('cases.handoverTo')}</label>
        <select id="ho-to" value={recipient.id} onChange={(e) => setTo(e.target.value)}>
          {consent.recipients.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </select>
        <fieldset>
          <legend>{t('cases.handoverCategories')}</legend>
          <div className="checks">
            {consent.categories.map((cat) => (
              <div className="checkbox" key={cat}>
                <input
                  id={`ho-cat-${cat}`}
                  type="checkbox"
                  checked={chosen.includes(cat)}
                  onChange={() =>
                    setCategories(chosen.includes(cat) ? chosen.filter((x) => x !== cat) : [...chosen, cat])
                  }
                />
                <label htmlFor={`ho-cat-${cat}`}>{t(`enum.DataCategory.${cat}`)}</label>
              </div>
            ))}
          </div>
        </fieldset>
        <label htmlFor="ho-message">{t('cases.handoverMessage')}</label>
        <textarea id="ho-message" rows={2} value={message} onChange={(e) => setMessage(e.target.value)} />
        {result.error && <ErrorMessage error={result.error} />}
        <div className="actions">
          <button type="submit" className="primary" disabled={result.fetching || chosen.length === 0}>
            {t('cases.requestHandoverSubmit')}
          </button>
          <span role="status">{done}</span>
        </div>
      </form>
    </Section>
  );
}
