import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { useI18n } from '../../i18n';
import { UpdateCaseDataMutation } from '../../graphql/casework-ops';
import type { DataCategory, UpdateCaseDataInput } from '../../gql/graphql';
import { ErrorMessage } from '../../errors';
import { Section } from '../../ui';
import { CATEGORIES, type CaseT } from './case';

type Kind = 'text' | 'date' | 'int' | 'list' | 'level';
/** Each category's fields: input name, label key, kind. */
const FIELDS: Record<DataCategory, [string, string, Kind][]> = {
  IDENTITY: [
    ['givenName', 'field.givenName', 'text'],
    ['familyName', 'field.familyName', 'text'],
    ['dateOfBirth', 'field.dateOfBirth', 'date'],
  ],
  CONTACT: [
    ['phone', 'field.phone', 'text'],
    ['email', 'field.email', 'text'],
    ['address', 'field.address', 'text'],
  ],
  LANGUAGE: [
    ['germanLevel', 'field.germanLevel', 'level'],
    ['otherLanguages', 'view.otherLanguages', 'list'],
    ['note', 'field.note', 'text'],
  ],
  RESIDENCE: [
    ['status', 'field.residenceStatus', 'text'],
    ['permitValidUntil', 'field.permitValidUntil', 'date'],
    ['note', 'field.note', 'text'],
  ],
  EDUCATION_EMPLOYMENT: [
    ['qualifications', 'view.qualifications', 'list'],
    ['recognitionStatus', 'field.recognitionStatus', 'text'],
    ['jobWishes', 'view.jobWishes', 'list'],
    ['note', 'field.note', 'text'],
  ],
  HOUSING: [
    ['situation', 'field.housingSituation', 'text'],
    ['note', 'field.note', 'text'],
  ],
  FAMILY: [
    ['householdSize', 'field.householdSize', 'int'],
    ['childrenCount', 'field.childrenCount', 'int'],
    ['note', 'field.note', 'text'],
  ],
  HEALTH: [['note', 'field.note', 'text']],
};
const INPUT_OF: Record<DataCategory, keyof CaseT & string> = {
  IDENTITY: 'identity',
  CONTACT: 'contact',
  LANGUAGE: 'language',
  RESIDENCE: 'residence',
  EDUCATION_EMPLOYMENT: 'educationEmployment',
  HOUSING: 'housing',
  FAMILY: 'family',
  HEALTH: 'health',
};
const LEVELS = ['NONE', 'A1', 'A2', 'B1', 'B2', 'C1', 'C2'];

function current(c: CaseT, category: DataCategory): Record<string, string> {
  const data = (c[INPUT_OF[category]] ?? {}) as Record<string, unknown>;
  return Object.fromEntries(
    FIELDS[category].map(([name]) => {
      const v = data[name];
      return [name, Array.isArray(v) ? v.join(', ') : v === null || v === undefined ? '' : String(v)];
    }),
  );
}

/**
 * The owner edits one category at a time, on the case's version: when a colleague changed the case
 * in between, the API refuses (CONFLICT) and nothing is overwritten.
 */
export function EditCaseData({ c, reload }: { c: CaseT; reload(): void }) {
  const { t } = useI18n();
  const [category, setCategory] = useState<DataCategory | ''>('');
  const [values, setValues] = useState<Record<string, string>>({});
  const [result, update] = useMutation(UpdateCaseDataMutation);
  const [done, setDone] = useState('');
  const choose = (cat: DataCategory | '') => {
    setCategory(cat);
    setValues(cat ? current(c, cat) : {});
    setDone('');
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!category) return;
    const value: Record<string, unknown> = {};
    for (const [name, , kind] of FIELDS[category]) {
      const raw = (values[name] ?? '').trim();
      value[name] =
        kind === 'list'
          ? raw
              .split(',')
              .map((x) => x.trim())
              .filter(Boolean)
          : kind === 'int'
            ? raw === ''
              ? null
              : Number(raw)
            : raw || null;
    }
    const r = await update({
      input: {
        caseId: c.id,
        expectedVersion: c.version,
        [INPUT_OF[category]]: value,
      } as UpdateCaseDataInput,
    });
    if (!r.error) {
      setDone(t('caseRules.saved'));
      setCategory('');
      reload();
    }
  };
  return (
    <Section title={t('caseRules.edit')} id="edit-case-data">
      <label htmlFor="edit-category">{t('caseRules.editCategory')}</label>
      <select
        id="edit-category"
        value={category}
        onChange={(e) => choose(e.target.value as DataCategory | '')}
      >
        <option value="">{t('caseRules.chooseCategory')}</option>
        {CATEGORIES.map((cat) => (
          <option key={cat} value={cat}>
            {t(`enum.DataCategory.${cat}`)}
          </option>
        ))}
      </select>
      {category && (
        <form className="form" onSubmit={submit}>
          {FIELDS[category].map(([name, label, kind]) => (
            <div key={name}>
              <label htmlFor={`edit-${name}`}>{t(label)}</label>
              {kind === 'level' ? (
                <select
                  id={`edit-${name}`}
                  value={values[name] ?? ''}
                  onChange={(e) => setValues({ ...values, [name]: e.target.value })}
                >
                  <option value="">–</option>
                  {LEVELS.map((l) => (
                    <option key={l} value={l}>
                      {l === 'NONE' ? t('cases.noGerman') : l}
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  id={`edit-${name}`}
                  type={kind === 'date' ? 'date' : kind === 'int' ? 'number' : 'text'}
                  min={kind === 'int' ? 0 : undefined}
                  autoComplete="off"
                  required={category === 'IDENTITY' && name !== 'dateOfBirth'}
                  value={values[name] ?? ''}
                  onChange={(e) => setValues({ ...values, [name]: e.target.value })}
                />
              )}
            </div>
          ))}
          {result.error && (
            <ErrorMessage error={result.error} messages={{ CONFLICT: 'caseRules.staleVersion' }} />
          )}
          <div className="actions">
            <button type="submit" className="primary" disabled={result.fetching}>
              {t('caseRules.save')}
            </button>
            {result.error && (
              <button type="button" onClick={reload}>
                {t('caseRules.reloadCase')}
              </button>
            )}
          </div>
        </form>
      )}
      <p role="status">{done}</p>
    </Section>
  );
}
