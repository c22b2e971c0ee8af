import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { AllianceQuery, RecordConsentMutation } from '../../graphql/ops';
import type { ConsentForm, DataCategory } from '../../gql/graphql';
import { ErrorMessage } from '../../errors';
import { Section } from '../../ui';
import { CATEGORIES, LANGUAGES, languageName, type CaseT } from './case';

function usePartnerOrganisations() {
  const session = useSession();
  const [alliance] = useQuery({ query: AllianceQuery, variables: { id: session.allianceId! } });
  return (alliance.data?.alliance?.partners ?? [])
    .filter((p) => p.status === 'ACTIVE' && p.organisation.id !== session.user?.organisation.id)
    .map((p) => p.organisation);
}

export function ConsentForm({ c, reload }: { c: CaseT; reload(): void }) {
  const { t } = useI18n();
  const orgs = usePartnerOrganisations();
  const [result, record] = useMutation(RecordConsentMutation);
  const [recipients, setRecipients] = useState<string[]>([]);
  const [categories, setCategories] = useState<DataCategory[]>([]);
  const [purpose, setPurpose] = useState('');
  const [form, setForm] = useState<ConsentForm>('WRITTEN');
  const [evidence, setEvidence] = useState('');
  const [language, setLanguage] = useState('de');
  const [interpreter, setInterpreter] = useState(false);
  const [validUntil, setValidUntil] = useState('');
  const [done, setDone] = useState('');
  const toggle = <T,>(list: T[], v: T) => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await record({
      input: {
        caseId: c.id,
        recipientIds: recipients,
        categories,
        purpose: purpose.trim(),
        form,
        evidenceReference: evidence.trim() || null,
        informedInLanguage: language,
        interpreterUsed: interpreter,
        validUntil: validUntil ? new Date(`${validUntil}T23:59:59`).toISOString() : null,
      },
    });
    if (!r.error) {
      setDone(t('cases.consentRecorded'));
      setRecipients([]);
      setCategories([]);
      setPurpose('');
      setEvidence('');
      reload();
    }
  };

  return (
    <Section title={t('cases.recordConsent')} id="record-consent">
      <p className="hint">{t('cases.consentIntro')}</p>
      <form className="form" onSubmit={submit}>
        <fieldset>
          <legend>{t('cases.consentRecipients')}</legend>
          <div className="checks">
            {orgs.map((o) => (
              <div className="checkbox" key={o.id}>
                <input
                  id={`rcp-${o.id}`}
                  type="checkbox"
                  checked={recipients.includes(o.id)}
                  onChange={() => setRecipients(toggle(recipients, o.id))}
                />
                <label htmlFor={`rcp-${o.id}`}>{o.name}</label>
              </div>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('cases.consentCategories')}</legend>
          <div className="checks checks-column">
            {CATEGORIES.map((cat) => (
              <div className="checkbox" key={cat}>
                <input
                  id={`cat-${cat}`}
                  type="checkbox"
                  checked={categories.includes(cat)}
                  onChange={() => setCategories(toggle(categories, cat))}
                  aria-describedby={`cat-${cat}-hint`}
                />
                <label htmlFor={`cat-${cat}`}>{t(`enum.DataCategory.${cat}`)}</label>
                <span id={`cat-${cat}-hint`} className="hint">
                  {' '}
                  – {t(`category.hint.${cat}`)}
                </span>
              </div>
            ))}
          </div>
          {categories.includes('HEALTH') && <p className="notice">{t('cases.healthNotice')}</p>}
        </fieldset>
        <label htmlFor="consent-purpose">{t('cases.purpose')}</label>
        <p className="hint" id="consent-purpose-hint">
          {t('cases.purposeHint')}
        </p>
        <textarea
          id="consent-purpose"
          aria-describedby="consent-purpose-hint"
          rows={2}
          required
          value={purpose}
          onChange={(e) => setPurpose(e.target.value)}
        />
        <fieldset>
          <legend>{t('cases.consentForm')}</legend>
          {(['WRITTEN', 'ELECTRONIC', 'ORAL_DOCUMENTED'] as const).map((f) => (
            <div className="checkbox" key={f}>
              <input
                id={`form-${f}`}
                type="radio"
                name="consent-form"
                checked={form === f}
                onChange={() => setForm(f)}
              />
              <label htmlFor={`form-${f}`}>{t(`enum.ConsentForm.${f}`)}</label>
            </div>
          ))}
        </fieldset>
        <label htmlFor="consent-evidence">{t('cases.evidence')}</label>
        <input id="consent-evidence" value={evidence} onChange={(e) => setEvidence(e.target.value)} />
        <label htmlFor="consent-language">{t('cases.informedLanguage')}</label>
        <select id="consent-language" value={language} onChange={(e) => setLanguage(e.target.value)}>
          {LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {languageName(l, t)}
            </option>
          ))}
        </select>
        <div className="checkbox">
          <input
            id="consent-interpreter"
            type="checkbox"
            checked={interpreter}
            onChange={(e) => setInterpreter(e.target.checked)}
          />
          <label htmlFor="consent-interpreter">{t('cases.interpreterUsed')}</label>
        </div>
        <label htmlFor="consent-until">{t('cases.validUntilLabel')}</label>
        <input
          id="consent-until"
          type="date"
          value={validUntil}
          onChange={(e) => setValidUntil(e.target.value)}
        />
        {result.error && <ErrorMessage error={result.error} />}
        <div className="actions">
          <button
            type="submit"
            className="primary"
            disabled={result.fetching || recipients.length === 0 || categories.length === 0}
          >
            {t('cases.recordConsentSubmit')}
          </button>
          <span role="status">{done}</span>
        </div>
      </form>
    </Section>
  );
}
