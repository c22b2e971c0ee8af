/**
 * The maintained list of legal bases on which a case may be handed over without the client's
 * consent. Versioned: a change of the list (a new basis, a changed citation, a basis withdrawn by
 * the legislator) raises LEGAL_BASES_VERSION and is reviewed by the data protection officer before
 * it ships. A basis that is no longer to be chosen stays here with `retired` set, so that the
 * handovers and disclosures recorded under it keep their citation.
 *
 * `permitsHealth`: whether the basis itself allows transferring health data (GDPR Art. 9 (2)); for
 * every other basis HEALTH still needs the client's explicit (written or electronic) consent. The
 * database enforces the same list (migration StatutoryHandovers: consents_health_form_check).
 */
export const LEGAL_BASES_VERSION = '2026-11';

export interface LegalBasisEntry {
  /** Stable code, stored with the handover's basis and each disclosure under it. */
  code: string;
  /** The citation as written in German files, e.g. "§ 69 Abs. 1 Nr. 1 SGB X". */
  citation: string;
  title: { de: string; en: string };
  permitsHealth: boolean;
  /** The list version from which on it can no longer be chosen. */
  retired?: string;
}

export const LEGAL_BASES: readonly LegalBasisEntry[] = [
  {
    code: 'SGB_X_69_1_1',
    citation: '§ 69 Abs. 1 Nr. 1 SGB X',
    title: {
      de: 'Übermittlung zur Erfüllung einer gesetzlichen Aufgabe nach dem Sozialgesetzbuch (der eigenen oder der empfangenden Stelle)',
      en: 'Transfer to fulfil a statutory task under the Social Code (of the sending or the receiving body)',
    },
    permitsHealth: false,
  },
  {
    code: 'SGB_II_50',
    citation: '§ 50 SGB II',
    title: {
      de: 'Datenübermittlung zwischen Jobcenter, Bundesagentur für Arbeit und anderen Leistungsträgern',
      en: 'Data exchange between Jobcenter, Federal Employment Agency and other benefit agencies',
    },
    permitsHealth: false,
  },
  {
    code: 'SGB_X_71',
    citation: '§ 71 SGB X',
    title: {
      de: 'Übermittlung zur Erfüllung besonderer gesetzlicher Pflichten und Mitteilungsbefugnisse (z. B. an die Ausländerbehörde)',
      en: 'Transfer to fulfil special statutory duties and powers of notification (e.g. to the immigration authority)',
    },
    permitsHealth: false,
  },
  {
    code: 'AUFENTHG_87',
    citation: '§ 87 AufenthG',
    title: {
      de: 'Übermittlung an die Ausländerbehörde auf deren Ersuchen oder kraft Mitteilungspflicht',
      en: 'Transfer to the immigration authority on its request or under a duty to notify',
    },
    permitsHealth: false,
  },
  {
    code: 'KKG_4_SGB_VIII_8A',
    citation: '§ 4 Abs. 3 KKG i. V. m. § 8a SGB VIII',
    title: {
      de: 'Mitteilung an das Jugendamt bei gewichtigen Anhaltspunkten für eine Kindeswohlgefährdung',
      en: 'Notification of the youth welfare office where there are weighty indications that a child is at risk',
    },
    permitsHealth: true,
  },
];

const BY_CODE = new Map(LEGAL_BASES.map((b) => [b.code, b]));

export function legalBasis(code: string | null | undefined): LegalBasisEntry | null {
  return code ? (BY_CODE.get(code) ?? null) : null;
}

/** The bases that can be chosen today. */
export function selectableLegalBases(): LegalBasisEntry[] {
  return LEGAL_BASES.filter((b) => !b.retired);
}
