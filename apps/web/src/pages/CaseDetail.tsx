import { useState, type FormEvent, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery, useSubscription } from 'urql';
import { useI18n } from '../i18n';
import { useOnReconnect, useSession } from '../session';
import { HandoverEventsSubscription } from '../graphql/live-ops';
import {
  AllianceQuery,
  CancelHandoverMutation,
  CaseQuery,
  CompleteHandoverMutation,
  DisclosuresQuery,
  RecordConsentMutation,
  RequestHandoverMutation,
  WithdrawConsentMutation,
} from '../graphql/ops';
import type { CaseQuery as CaseQueryResult, ConsentForm, DataCategory } from '../gql/graphql';
import { ErrorMessage } from '../errors';
import { Badge, Empty, Loading, PageTitle, Section } from '../ui';

type CaseT = NonNullable<CaseQueryResult['case']>;
export const CATEGORIES: DataCategory[] = [
  'IDENTITY',
  'CONTACT',
  'LANGUAGE',
  'RESIDENCE',
  'EDUCATION_EMPLOYMENT',
  'HOUSING',
  'FAMILY',
  'HEALTH',
];
const LANGUAGES = [
  'de',
  'en',
  'ar',
  'uk',
  'ru',
  'tr',
  'fa',
  'ps',
  'ku',
  'ti',
  'so',
  'fr',
  'ro',
  'bg',
  'pl',
  'sq',
  'sr',
  'es',
  'it',
  'ur',
];

export default function CaseDetail() {
  const { id } = useParams();
  const { t, fmtDateTime } = useI18n();
  const session = useSession();
  const [res, refetch] = useQuery({
    query: CaseQuery,
    variables: { id: id! },
    requestPolicy: 'network-only',
  });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  // The case's handovers change live (accepted, declined, completed, consent withdrawn).
  useSubscription({ query: HandoverEventsSubscription }, (_prev, event) => {
    if (event.handoverEvents.caseId === id) reload();
    return event;
  });
  useOnReconnect(reload);

  if (res.fetching && !res.data) return <Loading />;
  if (res.error) return <ErrorMessage error={res.error} />;
  const c = res.data?.case;
  if (!c) return <Empty>{t('common.notFound')}</Empty>;
  const owner = c.owner.id === session.user?.organisation.id;
  const open = c.status === 'OPEN';

  return (
    <>
      <p>
        <Link to="/faelle">← {t('cases.back')}</Link>
      </p>
      <PageTitle title={t('cases.caseTitle', { reference: c.reference })}>
        {t('cases.caseTitle', { reference: c.reference })}
      </PageTitle>
      <div className="card">
        <dl className="facts">
          <dt>{t('field.status')}</dt>
          <dd>
            <Badge kind={c.status}>{t(`enum.CaseStatus.${c.status}`)}</Badge>
          </dd>
          <dt>{t('cases.owner')}</dt>
          <dd>{c.owner.name}</dd>
          <dt>{t('cases.caseWorker')}</dt>
          <dd>{c.caseWorker?.displayName ?? '–'}</dd>
          <dt>{t('cases.opened')}</dt>
          <dd>{fmtDateTime(c.openedAt)}</dd>
          {owner && (
            <>
              <dt>{t('cases.supportAreas')}</dt>
              <dd>{c.supportAreas.map((a) => t(`enum.SupportArea.${a}`)).join(', ') || '–'}</dd>
            </>
          )}
        </dl>
        {!owner && <p className="notice">{t('cases.receivedNotice')}</p>}
      </div>
      <CaseData c={c} />
      {owner && <Consents c={c} editable={open} reload={reload} />}
      {owner && open && <ConsentForm c={c} reload={reload} />}
      {owner && open && <HandoverForm c={c} reload={reload} />}
      <Handovers c={c} owner={owner} reload={reload} />
      {owner && <DisclosureLog caseId={c.id} />}
    </>
  );
}

function Field({ label, value }: { label: string; value: ReactNode }) {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0))
    return null;
  return (
    <>
      <dt>{label}</dt>
      <dd>{Array.isArray(value) ? value.join(', ') : value}</dd>
    </>
  );
}

function CaseData({ c }: { c: CaseT }) {
  const { t, fmtDate } = useI18n();
  const body: Record<DataCategory, ReactNode> = {
    IDENTITY: c.identity && (
      <>
        <Field label={t('field.givenName')} value={c.identity.givenName} />
        <Field label={t('field.familyName')} value={c.identity.familyName} />
        <Field
          label={t('field.dateOfBirth')}
          value={c.identity.dateOfBirth && fmtDate(c.identity.dateOfBirth)}
        />
      </>
    ),
    CONTACT: c.contact && (
      <>
        <Field label={t('field.phone')} value={c.contact.phone} />
        <Field label={t('field.email')} value={c.contact.email} />
        <Field label={t('field.address')} value={c.contact.address} />
      </>
    ),
    LANGUAGE: c.language && (
      <>
        <Field
          label={t('field.germanLevel')}
          value={
            c.language.germanLevel &&
            (c.language.germanLevel === 'NONE' ? t('cases.noGerman') : c.language.germanLevel)
          }
        />
        <Field label={t('view.otherLanguages')} value={c.language.otherLanguages} />
        <Field label={t('field.note')} value={c.language.note} />
      </>
    ),
    RESIDENCE: c.residence && (
      <>
        <Field label={t('field.residenceStatus')} value={c.residence.status} />
        <Field
          label={t('field.permitValidUntil')}
          value={c.residence.permitValidUntil && fmtDate(c.residence.permitValidUntil)}
        />
        <Field label={t('field.note')} value={c.residence.note} />
      </>
    ),
    EDUCATION_EMPLOYMENT: c.educationEmployment && (
      <>
        <Field label={t('view.qualifications')} value={c.educationEmployment.qualifications} />
        <Field label={t('field.recognitionStatus')} value={c.educationEmployment.recognitionStatus} />
        <Field label={t('view.jobWishes')} value={c.educationEmployment.jobWishes} />
        <Field label={t('field.note')} value={c.educationEmployment.note} />
      </>
    ),
    HOUSING: c.housing && (
      <>
        <Field label={t('field.housingSituation')} value={c.housing.situation} />
        <Field label={t('field.note')} value={c.housing.note} />
      </>
    ),
    FAMILY: c.family && (
      <>
        <Field label={t('field.householdSize')} value={c.family.householdSize} />
        <Field label={t('field.childrenCount')} value={c.family.childrenCount} />
        <Field label={t('field.note')} value={c.family.note} />
      </>
    ),
    HEALTH: c.health && <Field label={t('field.note')} value={c.health.note} />,
  };
  return (
    <Section title={t('cases.data')} id="case-data">
      <div className="categories">
        {CATEGORIES.map((cat) => {
          const visible = c.visibleCategories.includes(cat);
          return (
            <div
              key={cat}
              className={visible ? 'category' : 'category withheld'}
              data-testid={`category-${cat}`}
              data-visible={visible}
            >
              <h3>{t(`enum.DataCategory.${cat}`)}</h3>
              {!visible ? (
                <p className="withheld-label">{t('cases.notShared')}</p>
              ) : body[cat] ? (
                <dl className="facts">{body[cat]}</dl>
              ) : (
                <p className="muted">{t('cases.noData')}</p>
              )}
            </div>
          );
        })}
      </div>
    </Section>
  );
}

function Consents({ c, editable, reload }: { c: CaseT; editable: boolean; reload(): void }) {
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
                {t('cases.purpose')}: {k.purpose}
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
                  {t('cases.withdraw')}
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
            </li>
          ))}
        </ul>
      )}
      {result.error && <ErrorMessage error={result.error} />}
    </Section>
  );
}

function languageName(code: string, t: (k: string) => string): string {
  const key = `lang.${code}`;
  const name = t(key);
  return name === key ? code : name;
}

function usePartnerOrganisations() {
  const session = useSession();
  const [alliance] = useQuery({ query: AllianceQuery, variables: { id: session.allianceId! } });
  return (alliance.data?.alliance?.partners ?? [])
    .filter((p) => p.status === 'ACTIVE' && p.organisation.id !== session.user?.organisation.id)
    .map((p) => p.organisation);
}

function ConsentForm({ c, reload }: { c: CaseT; reload(): void }) {
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

function HandoverForm({ c, reload }: { c: CaseT; reload(): void }) {
  const { t } = useI18n();
  const active = c.consents.filter((k) => k.status === 'ACTIVE');
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

function Handovers({ c, owner, reload }: { c: CaseT; owner: boolean; reload(): void }) {
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
                {h.categories.map((x) => t(`enum.DataCategory.${x}`)).join(', ')} ·{' '}
                {h.accessActive ? t('cases.accessActive') : t('cases.accessInactive')}
              </p>
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
              {owner && (h.status === 'REQUESTED' || h.status === 'ACCEPTED') && (
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

function DisclosureLog({ caseId }: { caseId: string }) {
  const { t, fmtDateTime } = useI18n();
  const [res] = useQuery({ query: DisclosuresQuery, variables: { caseId }, requestPolicy: 'network-only' });
  const rows = res.data?.disclosures.edges.map((e) => e.node) ?? [];
  return (
    <Section title={t('cases.disclosures')} id="disclosures">
      <p className="hint">{t('cases.disclosuresIntro')}</p>
      {res.error && <ErrorMessage error={res.error} />}
      {res.fetching && !res.data ? (
        <Loading />
      ) : rows.length === 0 ? (
        <Empty>{t('cases.noDisclosures')}</Empty>
      ) : (
        <table>
          <caption className="visually-hidden">{t('cases.disclosures')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('cases.when')}</th>
              <th scope="col">{t('cases.organisation')}</th>
              <th scope="col">{t('cases.reader')}</th>
              <th scope="col">{t('cases.sharedCategories')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((d) => (
              <tr key={d.id}>
                <td>{fmtDateTime(d.at)}</td>
                <td>{d.organisation.name}</td>
                <td>{d.reader.displayName}</td>
                <td>{d.categories.map((x) => t(`enum.DataCategory.${x}`)).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}
