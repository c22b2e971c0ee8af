/** The portal's own FHIR CodeSystems, published at /fhir/r5/CodeSystem/{id}, German first. */

export interface PortalConcept {
  code: string;
  de: string;
  en: string;
  definition: string;
}

export const DATA_CATEGORY_CONCEPTS: PortalConcept[] = [
  { code: 'IDENTITY', de: 'Identität', en: 'Identity', definition: 'Name and date of birth.' },
  { code: 'CONTACT', de: 'Kontakt', en: 'Contact', definition: 'Phone, e-mail and postal address.' },
  { code: 'LANGUAGE', de: 'Sprache', en: 'Language', definition: 'German level and other languages.' },
  { code: 'RESIDENCE', de: 'Aufenthalt', en: 'Residence', definition: 'Residence status and permit.' },
  {
    code: 'EDUCATION_EMPLOYMENT',
    de: 'Bildung und Beruf',
    en: 'Education and employment',
    definition: 'Qualifications, their recognition and job wishes.',
  },
  { code: 'HOUSING', de: 'Wohnen', en: 'Housing', definition: 'Housing situation.' },
  { code: 'FAMILY', de: 'Familie', en: 'Family', definition: 'Household and children.' },
  {
    code: 'HEALTH',
    de: 'Gesundheit',
    en: 'Health',
    definition:
      'Health data: a special category (GDPR Art. 9), shared only under written or electronic consent.',
  },
];

export const LEGAL_BASIS_CONCEPTS: PortalConcept[] = [
  {
    code: 'GDPR-6-1-a',
    de: 'Einwilligung, Art. 6 Abs. 1 lit. a DSGVO',
    en: 'Consent, GDPR Art. 6(1)(a)',
    definition: 'Processing on the basis of the data subject’s consent.',
  },
  {
    code: 'GDPR-9-2-a',
    de: 'Ausdrückliche Einwilligung in besondere Kategorien, Art. 9 Abs. 2 lit. a DSGVO',
    en: 'Explicit consent to special categories, GDPR Art. 9(2)(a)',
    definition: 'Explicit consent to processing special categories of personal data (health).',
  },
  {
    code: 'SGBX-67b',
    de: 'Einwilligung in die Übermittlung von Sozialdaten, § 67b SGB X',
    en: 'Consent to the transfer of social data, § 67b SGB X (German Social Code X)',
    definition: 'Transfer of social data with the consent of the person concerned.',
  },
];

const SYSTEMS = {
  'data-category': {
    name: 'BuendnisportalDataCategory',
    title: 'Datenkategorien eines Falls (Data categories of a case)',
    description:
      "The categories into which the portal splits a client's personal data; consents and handovers are scoped to them.",
    concepts: DATA_CATEGORY_CONCEPTS,
  },
  'legal-basis': {
    name: 'BuendnisportalLegalBasis',
    title: 'Rechtsgrundlagen einer Einwilligung (Legal bases of a consent)',
    description: 'The regulatory bases under which the portal records a consent to share case data.',
    concepts: LEGAL_BASIS_CONCEPTS,
  },
} as const;

export type PortalCodeSystemId = keyof typeof SYSTEMS;
export const CODE_SYSTEM_IDS = Object.keys(SYSTEMS) as PortalCodeSystemId[];

export function codeSystemUrl(fhirBase: string, id: PortalCodeSystemId): string {
  return `${fhirBase}/CodeSystem/${id}`;
}

export function display(id: PortalCodeSystemId, code: string): string {
  return SYSTEMS[id].concepts.find((c) => c.code === code)?.de ?? code;
}

/** The CodeSystem resource: complete, with German displays and English designations. */
export function codeSystemResource(fhirBase: string, id: PortalCodeSystemId): Record<string, unknown> {
  const s = SYSTEMS[id];
  return {
    resourceType: 'CodeSystem',
    id,
    url: codeSystemUrl(fhirBase, id),
    version: '1',
    name: s.name,
    title: s.title,
    status: 'active',
    experimental: false,
    publisher: 'Bündnisportal',
    description: s.description,
    language: 'de',
    caseSensitive: true,
    content: 'complete',
    count: s.concepts.length,
    concept: s.concepts.map((c) => ({
      code: c.code,
      display: c.de,
      definition: c.definition,
      designation: [
        { language: 'de', value: c.de },
        { language: 'en', value: c.en },
      ],
    })),
  };
}
