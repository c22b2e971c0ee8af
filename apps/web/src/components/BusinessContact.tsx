import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { useI18n } from '../i18n';
import { MyContactQuery, UpdateMyContactMutation } from '../graphql/casework-ops';
import { ErrorMessage } from '../errors';
import { Section } from '../ui';

/** The caller's business phone: shown with their e-mail to organisations they hand cases to. */
export function BusinessContact() {
  const { t } = useI18n();
  const [me] = useQuery({ query: MyContactQuery });
  const [result, update] = useMutation(UpdateMyContactMutation);
  const [phone, setPhone] = useState<string | null>(null);
  const [done, setDone] = useState('');
  const value = phone ?? me.data?.me.phone ?? '';
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await update({ phone: value.trim() || null });
    if (!r.error) setDone(t('caseRules.contactSaved'));
  };
  return (
    <Section title={t('caseRules.businessContact')} id="business-contact">
      <p className="hint" id="business-phone-hint">
        {t('caseRules.businessContactHint')}
      </p>
      <form className="form" onSubmit={submit}>
        <label htmlFor="business-phone">{t('caseRules.businessPhone')}</label>
        <input
          id="business-phone"
          type="tel"
          autoComplete="tel-national"
          aria-describedby="business-phone-hint"
          value={value}
          onChange={(e) => setPhone(e.target.value)}
        />
        {result.error && <ErrorMessage error={result.error} />}
        <div className="actions">
          <button type="submit" disabled={result.fetching}>
            {t('caseRules.saveContact')}
          </button>
          <span role="status">{done}</span>
        </div>
      </form>
    </Section>
  );
}
