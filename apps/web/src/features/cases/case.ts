import type { CaseQuery as CaseQueryResult, DataCategory, SupportArea } from '../../gql/graphql';

/** The case as the case screen loads it. */
export type CaseT = NonNullable<CaseQueryResult['case']>;

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

export const LANGUAGES = [
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

export function languageName(code: string, t: (k: string) => string): string {
  const key = `lang.${code}`;
  const name = t(key);
  return name === key ? code : name;
}
