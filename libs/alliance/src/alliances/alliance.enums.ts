import { registerEnumType } from '@nestjs/graphql';

export enum OrganisationKind {
  CITY_DEPARTMENT = 'CITY_DEPARTMENT',
  JOBCENTER = 'JOBCENTER',
  EMPLOYMENT_AGENCY = 'EMPLOYMENT_AGENCY',
  WELFARE_ASSOCIATION = 'WELFARE_ASSOCIATION',
  MIGRANT_ORGANISATION = 'MIGRANT_ORGANISATION',
  EMPLOYER = 'EMPLOYER',
  EMPLOYER_ASSOCIATION = 'EMPLOYER_ASSOCIATION',
  UNIVERSITY = 'UNIVERSITY',
  OTHER = 'OTHER',
}
registerEnumType(OrganisationKind, { name: 'OrganisationKind' });

export enum LegalDomain {
  SGB_II = 'SGB_II',
  SGB_III = 'SGB_III',
  SGB_VIII = 'SGB_VIII',
  SGB_XII = 'SGB_XII',
  ASYLBLG = 'ASYLBLG',
  AUFENTHG = 'AUFENTHG',
  NONE = 'NONE',
}
registerEnumType(LegalDomain, {
  name: 'LegalDomain',
  description: 'The body of social law under which an organisation acts (its Rechtskreis).',
});

export enum PartnerStatus {
  PROSPECTIVE = 'PROSPECTIVE',
  ACTIVE = 'ACTIVE',
  FORMER = 'FORMER',
}
registerEnumType(PartnerStatus, {
  name: 'PartnerStatus',
  valuesMap: { PROSPECTIVE: { description: 'Invited or announced, not yet taking part.' } },
});
