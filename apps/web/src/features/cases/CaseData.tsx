import type { ReactNode } from 'react';
import { useI18n } from '../../i18n';
import type { DataCategory } from '../../gql/graphql';
import { Section } from '../../ui';
import { CATEGORIES, type CaseT } from './case';

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

export function CaseData({ c }: { c: CaseT }) {
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
