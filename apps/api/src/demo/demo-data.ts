import { LegalDomain, OrganisationKind, PartnerStatus } from '../../../../libs/alliance/src/index.js';
import { Role } from '../../../../libs/core/src/index.js';

/** The demo password of every demo account (README, "Demo logins"). */
export const DEMO_PASSWORD = 'Buendnis-Demo-2026';

export const DEMO_ALLIANCE = {
  name: 'Bündnis NRW.integrativ Krefeld',
  municipality: 'Krefeld',
  description:
    'Rechtskreisübergreifendes Bündnis zur Umsetzung des Landesprojekts „NRW.integrativ“ in Krefeld, ' +
    'eingebettet in das Kommunale Integrationsmanagement (KIM): Arbeitsmarktintegration zugewanderter Menschen ' +
    'und Brückenschlag in die Unternehmerschaft.',
};

export interface DemoOrganisation {
  key: string;
  name: string;
  shortName: string;
  kind: OrganisationKind;
  legalDomains: LegalDomain[];
  status: PartnerStatus;
}

export const DEMO_ORGANISATIONS: DemoOrganisation[] = [
  {
    key: 'integration',
    name: 'Stadt Krefeld – Abteilung Integration',
    shortName: 'KR-INT',
    kind: OrganisationKind.CITY_DEPARTMENT,
    legalDomains: [LegalDomain.AUFENTHG],
    status: PartnerStatus.ACTIVE,
  },
  {
    key: 'soziales',
    name: 'Stadt Krefeld – Fachbereich Soziales',
    shortName: 'KR-SOZ',
    kind: OrganisationKind.CITY_DEPARTMENT,
    legalDomains: [LegalDomain.SGB_XII, LegalDomain.ASYLBLG],
    status: PartnerStatus.ACTIVE,
  },
  {
    key: 'jugend',
    name: 'Stadt Krefeld – Fachbereich Jugend',
    shortName: 'KR-JUG',
    kind: OrganisationKind.CITY_DEPARTMENT,
    legalDomains: [LegalDomain.SGB_VIII],
    status: PartnerStatus.ACTIVE,
  },
  {
    key: 'auslaender',
    name: 'Stadt Krefeld – Ausländerbehörde',
    shortName: 'KR-ABH',
    kind: OrganisationKind.CITY_DEPARTMENT,
    legalDomains: [LegalDomain.AUFENTHG],
    status: PartnerStatus.ACTIVE,
  },
  {
    key: 'jobcenter',
    name: 'Jobcenter Krefeld',
    shortName: 'JC-KR',
    kind: OrganisationKind.JOBCENTER,
    legalDomains: [LegalDomain.SGB_II],
    status: PartnerStatus.ACTIVE,
  },
  {
    key: 'agentur',
    name: 'Agentur für Arbeit Krefeld',
    shortName: 'AA-KR',
    kind: OrganisationKind.EMPLOYMENT_AGENCY,
    legalDomains: [LegalDomain.SGB_III],
    status: PartnerStatus.ACTIVE,
  },
  {
    key: 'wohlfahrt',
    name: 'Arbeitsgemeinschaft der Wohlfahrtsverbände Krefeld',
    shortName: 'AG-WV',
    kind: OrganisationKind.WELFARE_ASSOCIATION,
    legalDomains: [LegalDomain.NONE],
    status: PartnerStatus.ACTIVE,
  },
  {
    key: 'vkmo',
    name: 'Verbund Krefelder Migrantenorganisationen',
    shortName: 'VKMO',
    kind: OrganisationKind.MIGRANT_ORGANISATION,
    legalDomains: [LegalDomain.NONE],
    status: PartnerStatus.ACTIVE,
  },
  {
    key: 'hochschule',
    name: 'Hochschule Niederrhein',
    shortName: 'HSNR',
    kind: OrganisationKind.UNIVERSITY,
    legalDomains: [LegalDomain.NONE],
    status: PartnerStatus.PROSPECTIVE,
  },
  {
    key: 'unternehmen',
    name: 'Unternehmensvertretung Krefeld',
    shortName: 'UV-KR',
    kind: OrganisationKind.EMPLOYER_ASSOCIATION,
    legalDomains: [LegalDomain.NONE],
    status: PartnerStatus.PROSPECTIVE,
  },
];

export interface DemoAccount {
  email: string;
  displayName: string;
  organisation: string;
  roles: Role[];
  platformAdmin?: boolean;
}

/** One role account per role; role names, no invented people. */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    email: 'admin@demo.local',
    displayName: 'Plattform-Administration (Demo)',
    organisation: 'integration',
    roles: [],
    platformAdmin: true,
  },
  {
    email: 'verwaltung@demo.local',
    displayName: 'Bündnisverwaltung (Demo)',
    organisation: 'integration',
    roles: [Role.ALLIANCE_ADMIN],
  },
  {
    email: 'koordination@demo.local',
    displayName: 'Koordinierungsstelle (Demo)',
    organisation: 'integration',
    roles: [Role.COORDINATOR],
  },
  {
    email: 'moderation@demo.local',
    displayName: 'Sitzungsleitung (Demo)',
    organisation: 'soziales',
    roles: [Role.FACILITATOR],
  },
  {
    email: 'fallmanagement@demo.local',
    displayName: 'Fallmanagement KIM (Demo)',
    organisation: 'integration',
    roles: [Role.CASE_WORKER],
  },
  {
    email: 'jobcenter@demo.local',
    displayName: 'Fallmanagement Jobcenter (Demo)',
    organisation: 'jobcenter',
    roles: [Role.CASE_WORKER, Role.MEMBER],
  },
  {
    email: 'mitglied@demo.local',
    displayName: 'Mitglied Agentur für Arbeit (Demo)',
    organisation: 'agentur',
    roles: [Role.MEMBER],
  },
  {
    email: 'beobachtung@demo.local',
    displayName: 'Beobachtung Wohlfahrtsverbände (Demo)',
    organisation: 'wohlfahrt',
    roles: [Role.OBSERVER],
  },
];
