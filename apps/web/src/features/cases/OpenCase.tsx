import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useClient, useMutation } from 'urql';
import { useI18n } from '../../i18n';
import { OpenCaseMutation } from '../../graphql/ops';
import { PossibleDuplicateCasesQuery } from '../../graphql/casework-ops';
import { DuplicateWarning } from './DuplicateWarning';
import type { CefrLevel, SupportArea } from '../../gql/graphql';
import { ErrorMessage } from '../../errors';
import { Section } from '../../ui';
import { SUPPORT_AREAS } from './case';

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

export function OpenCase() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [result, open] = useMutation(OpenCaseMutation);
  const [areas, setAreas] = useState<SupportArea[]>([]);
  const [germanLevel, setGermanLevel] = useState<CefrLevel | ''>('');
  const [v, setValues] = useState<Fields>({});
  const client = useClient();
  /** The duplicate check's answer for the name and birth date as entered; shown once, then "open anyway". */
  const [duplicates, setDuplicates] = useState<{ id: string; reference: string }[] | null>(null);
  const set = (name: string, value: string) => {
    if (name === 'familyName' || name === 'dateOfBirth') setDuplicates(null);
    setValues((cur) => ({ ...cur, [name]: value }));
  };
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
    const familyName = text('familyName');
    const dateOfBirth = text('dateOfBirth');
    if (duplicates === null && familyName && dateOfBirth) {
      const found = await client
        .query(PossibleDuplicateCasesQuery, { familyName, dateOfBirth }, { requestPolicy: 'network-only' })
        .toPromise();
      const list = found.data?.possibleDuplicateCases ?? [];
      setDuplicates(list);
      if (list.length) return;
    }
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
        {!!duplicates?.length && (
          <>
            <DuplicateWarning cases={duplicates} />
            <p>{t('caseRules.duplicatesBeforeOpen')}</p>
          </>
        )}
        <div>
          <button type="submit" className="primary" disabled={result.fetching}>
            {duplicates?.length ? t('caseRules.openAnyway') : t('cases.openSubmit')}
          </button>
        </div>
      </form>
    </Section>
  );
}
