import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { AllianceQuery } from '../../graphql/ops';
import {
  ApproveHandoverBasisMutation,
  LegalBasesQuery,
  RejectHandoverBasisMutation,
  RequestStatutoryHandoverMutation,
} from '../../graphql/casework-ops';
import type { DataCategory } from '../../gql/graphql';
import { ErrorMessage } from '../../errors';
import { Section } from '../../ui';
import { CATEGORIES, LANGUAGES, languageName, type CaseT } from './case';

/**
 * A transfer without consent, on a legal basis from the maintained list with a written
 * justification. It takes effect only once a second case worker of the organisation approved it.
 */
export function StatutoryHandoverForm({ c, reload }: { c: CaseT; reload(): void }) {
  const { t, lang } = useI18n();
  const session = useSession();
  const [alliance] = useQuery({ query: AllianceQuery, variables: { id: session.allianceId! } });
  const [bases] = useQuery({ query: LegalBasesQuery });
  const orgs = (alliance.data?.alliance?.partners ?? [])
    .filter((p) => p.status === 'ACTIVE' && p.organisation.id !== session.user?.organisation.id)
    .map((p) => p.organisation);
  const [to, setTo] = useState('');
  const [code, setCode] = useState('');
  const [justification, setJustification] = useState('');
  const [language, setLanguage] = useState('de');
  const [categories, setCategories] = useState<DataCategory[]>([]);
  const [validUntil, setValidUntil] = useState('');
  const [result, request] = useMutation(RequestStatutoryHandoverMutation);
  const [done, setDone] = useState('');
  const basis = bases.data?.legalBases.find((b) => b.code === code);
  const allowed = CATEGORIES.filter((cat) => cat !== 'HEALTH' || basis?.permitsHealth);
  const chosen = categories.filter((cat) => allowed.includes(cat));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await request({
      input: {
        caseId: c.id,
        toOrganisationId: to,
        legalBasis: code,
        justification: justification.trim(),
        informedInLanguage: language,
        categories: chosen,
        validUntil: validUntil ? new Date(`${validUntil}T23:59:59`).toISOString() : null,
      },
    });
    if (!r.error) {
      setDone(t('caseRules.statutoryRequested'));
      setJustification('');
      setCategories([]);
      reload();
    }
  };

  return (
    <Section title={t('caseRules.statutoryTitle')} id="statutory-handover">
      <p className="hint">{t('caseRules.statutoryIntro')}</p>
      <form className="form" onSubmit={submit}>
        <label htmlFor="st-to">{t('cases.handoverTo')}</label>
        <select id="st-to" required value={to} onChange={(e) => setTo(e.target.value)}>
          <option value="">{t('caseRules.chooseOrganisation')}</option>
          {orgs.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
        <label htmlFor="st-basis">{t('caseRules.legalBasis')}</label>
        <select id="st-basis" required value={code} onChange={(e) => setCode(e.target.value)}>
          <option value="">{t('caseRules.chooseBasis')}</option>
          {(bases.data?.legalBases ?? []).map((b) => (
            <option key={b.code} value={b.code}>
              {b.citation} – {lang === 'en' ? b.titleEn : b.titleDe}
            </option>
          ))}
        </select>
        <label htmlFor="st-justification">{t('caseRules.justification')}</label>
        <p className="hint" id="st-justification-hint">
          {t('caseRules.justificationHint')}
        </p>
        <textarea
          id="st-justification"
          aria-describedby="st-justification-hint"
          rows={3}
          required
          value={justification}
          onChange={(e) => setJustification(e.target.value)}
        />
        <fieldset>
          <legend>{t('cases.handoverCategories')}</legend>
          <div className="checks">
            {allowed.map((cat) => (
              <div className="checkbox" key={cat}>
                <input
                  id={`st-cat-${cat}`}
                  type="checkbox"
                  checked={chosen.includes(cat)}
                  onChange={() =>
                    setCategories(chosen.includes(cat) ? chosen.filter((x) => x !== cat) : [...chosen, cat])
                  }
                />
                <label htmlFor={`st-cat-${cat}`}>{t(`enum.DataCategory.${cat}`)}</label>
              </div>
            ))}
          </div>
          {!basis?.permitsHealth && <p className="hint">{t('caseRules.healthNeedsConsent')}</p>}
        </fieldset>
        <label htmlFor="st-language">{t('caseRules.informedLanguage')}</label>
        <select id="st-language" value={language} onChange={(e) => setLanguage(e.target.value)}>
          {LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {languageName(l, t)}
            </option>
          ))}
        </select>
        <label htmlFor="st-until">{t('cases.validUntilLabel')}</label>
        <input id="st-until" type="date" value={validUntil} onChange={(e) => setValidUntil(e.target.value)} />
        {result.error && <ErrorMessage error={result.error} />}
        <div className="actions">
          <button
            type="submit"
            className="primary"
            disabled={result.fetching || !to || !code || chosen.length === 0}
          >
            {t('caseRules.statutorySubmit')}
          </button>
          <span role="status">{done}</span>
        </div>
      </form>
    </Section>
  );
}

/** On a handover that waits for its legal basis's approval: the second case worker decides. */
export function BasisDecision({
  h,
  reload,
}: {
  h: { id: string; awaitingApproval: boolean; viewerCanDecideBasis: boolean };
  reload(): void;
}) {
  const { t } = useI18n();
  const [approving, approve] = useMutation(ApproveHandoverBasisMutation);
  const [rejecting, reject] = useMutation(RejectHandoverBasisMutation);
  const [reason, setReason] = useState('');
  const [showReject, setShowReject] = useState(false);
  if (!h.awaitingApproval) return null;
  if (!h.viewerCanDecideBasis) return <p className="notice">{t('caseRules.awaitingSecond')}</p>;
  return (
    <div className="card" role="group" aria-label={t('caseRules.decideTitle')}>
      <p>{t('caseRules.decideIntro')}</p>
      <div className="actions">
        <button
          type="button"
          className="primary"
          disabled={approving.fetching}
          onClick={() => void approve({ id: h.id }).then((r) => !r.error && reload())}
        >
          {t('caseRules.approve')}
        </button>
        <button type="button" onClick={() => setShowReject(true)}>
          {t('caseRules.reject')}
        </button>
      </div>
      {showReject && (
        <form
          className="form inline"
          onSubmit={(e) => {
            e.preventDefault();
            void reject({ id: h.id, reason: reason.trim() }).then((r) => !r.error && reload());
          }}
        >
          <label htmlFor={`reject-${h.id}`}>{t('caseRules.rejectReason')}</label>
          <input id={`reject-${h.id}`} required value={reason} onChange={(e) => setReason(e.target.value)} />
          <button type="submit" disabled={rejecting.fetching}>
            {t('caseRules.rejectSubmit')}
          </button>
        </form>
      )}
      {approving.error && <ErrorMessage error={approving.error} />}
      {rejecting.error && <ErrorMessage error={rejecting.error} />}
    </div>
  );
}
