import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQuery, useSubscription } from 'urql';
import { useI18n } from '../i18n';
import {
  AcceptHandoverMutation,
  CasesQuery,
  DeclineHandoverMutation,
  IncomingHandoversQuery,
  OpenCaseMutation,
} from '../graphql/ops';
import type { CefrLevel, SupportArea } from '../gql/graphql';
import { HandoverEventsSubscription } from '../graphql/live-ops';
import { useOnReconnect } from '../session';
import { ErrorMessage } from '../errors';
import { Badge, Empty, Loading, PageTitle, Section } from '../ui';

export const SUPPORT_AREAS: SupportArea[] = [
  'LANGUAGE',
  'HOUSING',
  'RESIDENCE',
  'EMPLOYMENT',
  'EDUCATION',
  'HEALTH',
  'FAMILY',
  'OTHER',
];

export default function Cases() {
  const { t } = useI18n();
  // An accepted handover adds a received case: the lists load again.
  const [version, setVersion] = useState(0);
  return (
    <>
      <PageTitle title={t('cases.title')}>{t('cases.title')}</PageTitle>
      <Inbox onChange={() => setVersion((v) => v + 1)} />
      <CaseList handedOver={false} title={t('cases.own')} id="own-cases" />
      <CaseList key={version} handedOver={true} title={t('cases.received')} id="received-cases" />
      <OpenCase />
    </>
  );
}

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

function CaseList({ handedOver, title, id }: { handedOver: boolean; title: string; id: string }) {
  const { t, fmtDateTime } = useI18n();
  const [search, setSearch] = useState('');
  const [showClosed, setShowClosed] = useState(false);
  const [res] = useQuery({
    query: CasesQuery,
    requestPolicy: 'network-only',
    variables: {
      filter: {
        handedOver,
        status: showClosed ? ['OPEN', 'CLOSED'] : ['OPEN'],
        ...(search.trim() ? { search: search.trim() } : {}),
      },
    },
  });
  const cases = res.data?.cases.edges.map((e) => e.node) ?? [];
  return (
    <Section title={title} id={id}>
      <div className="filters">
        <div>
          <label htmlFor={`${id}-search`}>
            {handedOver ? t('cases.searchReference') : t('cases.search')}
          </label>
          <input
            id={`${id}-search`}
            type="search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
        </div>
        <div className="checkbox">
          <input
            id={`${id}-closed`}
            type="checkbox"
            checked={showClosed}
            onChange={(e) => setShowClosed(e.target.checked)}
          />
          <label htmlFor={`${id}-closed`}>{t('cases.showClosed')}</label>
        </div>
      </div>
      {res.error && <ErrorMessage error={res.error} />}
      {res.fetching && !res.data ? (
        <Loading />
      ) : cases.length === 0 ? (
        <Empty>{handedOver ? t('cases.noneReceived') : t('cases.noneOwn')}</Empty>
      ) : (
        <table>
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('cases.reference')}</th>
              <th scope="col">{handedOver ? t('cases.owner') : t('cases.caseWorker')}</th>
              <th scope="col">{t('cases.supportAreas')}</th>
              <th scope="col">{t('cases.opened')}</th>
              <th scope="col">{t('field.status')}</th>
            </tr>
          </thead>
          <tbody>
            {cases.map((c) => (
              <tr key={c.id}>
                <td>
                  <Link to={`/faelle/${c.id}`}>{c.reference}</Link>
                </td>
                <td>{handedOver ? c.owner.name : (c.caseWorker?.displayName ?? '–')}</td>
                <td>{c.supportAreas.map((a) => t(`enum.SupportArea.${a}`)).join(', ') || '–'}</td>
                <td>{fmtDateTime(c.openedAt)}</td>
                <td>
                  <Badge kind={c.status}>{t(`enum.CaseStatus.${c.status}`)}</Badge>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}

type Fields = Record<string, string>;

/** One input of the case form: its value lives in `values[name]`. */
function Input({
  name,
  label,
  values,
  set,
  type = 'text',
  required,
}: {
  name: string;
  label: string;
  values: Fields;
  set(name: string, v: string): void;
  type?: string;
  required?: boolean;
}) {
  return (
    <div>
      <label htmlFor={`c-${name}`}>{label}</label>
      <input
        id={`c-${name}`}
        type={type}
        required={required}
        autoComplete="off"
        value={values[name] ?? ''}
        onChange={(e) => set(name, e.target.value)}
      />
    </div>
  );
}

function OpenCase() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [result, open] = useMutation(OpenCaseMutation);
  const [areas, setAreas] = useState<SupportArea[]>([]);
  const [germanLevel, setGermanLevel] = useState<CefrLevel | ''>('');
  const [v, setValues] = useState<Fields>({});
  const set = (name: string, value: string) => setValues((cur) => ({ ...cur, [name]: value }));
  const text = (name: string) => (v[name] ?? '').trim() || null;
  const list = (name: string) =>
    (v[name] ?? '')
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean);
  const int = (name: string) => (text(name) === null ? null : Number(v[name]));
  /** A category is sent only when one of its fields is filled. */
  const some = (...values: unknown[]) =>
    values.some((x) => x !== null && !(Array.isArray(x) && x.length === 0));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const contact = { phone: text('phone'), email: text('email'), address: text('address') };
    const language = { germanLevel: germanLevel || null, otherLanguages: list('otherLanguages') };
    const residence = { status: text('residenceStatus'), permitValidUntil: text('permitValidUntil') };
    const educationEmployment = {
      qualifications: list('qualifications'),
      recognitionStatus: text('recognitionStatus'),
      jobWishes: list('jobWishes'),
    };
    const housing = { situation: text('housingSituation') };
    const family = { householdSize: int('householdSize'), childrenCount: int('childrenCount') };
    const health = { note: text('healthNote') };
    const r = await open({
      input: {
        supportAreas: areas,
        identity: {
          givenName: text('givenName') ?? '',
          familyName: text('familyName') ?? '',
          dateOfBirth: text('dateOfBirth'),
        },
        ...(some(...Object.values(contact)) ? { contact } : {}),
        ...(some(...Object.values(language)) ? { language } : {}),
        ...(some(...Object.values(residence)) ? { residence } : {}),
        ...(some(...Object.values(educationEmployment)) ? { educationEmployment } : {}),
        ...(some(...Object.values(housing)) ? { housing } : {}),
        ...(some(...Object.values(family)) ? { family } : {}),
        ...(some(...Object.values(health)) ? { health } : {}),
      },
    });
    if (r.data) navigate(`/faelle/${r.data.openCase.id}`);
  };
  const toggle = (a: SupportArea) =>
    setAreas((cur) => (cur.includes(a) ? cur.filter((x) => x !== a) : [...cur, a]));
  const p = { values: v, set };
  const group = (category: string) =>
    `${t(`enum.DataCategory.${category}`)} – ${t(`category.hint.${category}`)}`;

  return (
    <Section title={t('cases.open')} id="open-case">
      <p className="hint">{t('cases.openHint')}</p>
      <form className="form" onSubmit={submit}>
        <fieldset>
          <legend>{t('cases.supportAreas')}</legend>
          <div className="checks">
            {SUPPORT_AREAS.map((a) => (
              <div className="checkbox" key={a}>
                <input
                  id={`area-${a}`}
                  type="checkbox"
                  checked={areas.includes(a)}
                  onChange={() => toggle(a)}
                />
                <label htmlFor={`area-${a}`}>{t(`enum.SupportArea.${a}`)}</label>
              </div>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend>{group('IDENTITY')}</legend>
          <div className="grid">
            <Input name="givenName" label={t('field.givenName')} required {...p} />
            <Input name="familyName" label={t('field.familyName')} required {...p} />
            <Input name="dateOfBirth" label={t('field.dateOfBirth')} type="date" {...p} />
          </div>
        </fieldset>
        <fieldset>
          <legend>{group('CONTACT')}</legend>
          <div className="grid">
            <Input name="phone" label={t('field.phone')} type="tel" {...p} />
            <Input name="email" label={t('field.email')} type="email" {...p} />
            <Input name="address" label={t('field.address')} {...p} />
          </div>
        </fieldset>
        <fieldset>
          <legend>{group('LANGUAGE')}</legend>
          <div className="grid">
            <div>
              <label htmlFor="c-german">{t('field.germanLevel')}</label>
              <select
                id="c-german"
                value={germanLevel}
                onChange={(e) => setGermanLevel(e.target.value as CefrLevel | '')}
              >
                <option value="">{t('common.unknown')}</option>
                {(['NONE', 'A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const).map((l) => (
                  <option key={l} value={l}>
                    {l === 'NONE' ? t('cases.noGerman') : l}
                  </option>
                ))}
              </select>
            </div>
            <Input name="otherLanguages" label={t('field.otherLanguages')} {...p} />
          </div>
        </fieldset>
        <fieldset>
          <legend>{group('RESIDENCE')}</legend>
          <div className="grid">
            <Input name="residenceStatus" label={t('field.residenceStatus')} {...p} />
            <Input name="permitValidUntil" label={t('field.permitValidUntil')} type="date" {...p} />
          </div>
        </fieldset>
        <fieldset>
          <legend>{group('EDUCATION_EMPLOYMENT')}</legend>
          <div className="grid">
            <Input name="qualifications" label={t('field.qualifications')} {...p} />
            <Input name="recognitionStatus" label={t('field.recognitionStatus')} {...p} />
            <Input name="jobWishes" label={t('field.jobWishes')} {...p} />
          </div>
        </fieldset>
        <fieldset>
          <legend>{group('HOUSING')}</legend>
          <div className="grid">
            <Input name="housingSituation" label={t('field.housingSituation')} {...p} />
          </div>
        </fieldset>
        <fieldset>
          <legend>{group('FAMILY')}</legend>
          <div className="grid">
            <Input name="householdSize" label={t('field.householdSize')} type="number" {...p} />
            <Input name="childrenCount" label={t('field.childrenCount')} type="number" {...p} />
          </div>
        </fieldset>
        <fieldset>
          <legend>{group('HEALTH')}</legend>
          <p className="hint">{t('cases.healthHint')}</p>
          <div className="grid">
            <Input name="healthNote" label={t('field.healthNote')} {...p} />
          </div>
        </fieldset>
        {result.error && <ErrorMessage error={result.error} />}
        <div>
          <button type="submit" className="primary" disabled={result.fetching}>
            {t('cases.openSubmit')}
          </button>
        </div>
      </form>
    </Section>
  );
}
