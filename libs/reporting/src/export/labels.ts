/** Column headers and words of the downloads, German first, English second. */
export type Lang = 'de' | 'en';

const L = {
  report: ['Bündnisbericht', 'Alliance report'],
  period: ['Zeitraum', 'Period'],
  goals: ['Ziele und Indikatoren', 'Goals and indicators'],
  measurements: ['Messwerte', 'Measurements'],
  tasksByPartner: ['Aufgaben je Partner', 'Tasks per partner'],
  tasksByGoal: ['Aufgaben je Ziel', 'Tasks per goal'],
  meetings: ['Sitzungen', 'Meetings'],
  attendance: ['Anwesenheit', 'Attendance'],
  decisions: ['Beschlüsse', 'Decisions'],
  cases: ['Fälle', 'Cases'],
  handovers: ['Übergaben', 'Handovers'],
  consentsByForm: ['Einwilligungen nach Form', 'Consents by form'],
  consentsByLanguage: ['Einwilligungen nach Sprache', 'Consents by language'],
  consentsByInterpreter: ['Einwilligungen Dolmetsch', 'Consents interpreter'],
  internal: ['Intern', 'Internal'],
  goal: ['Ziel', 'Goal'],
  indicator: ['Indikator', 'Indicator'],
  unit: ['Einheit', 'Unit'],
  baseline: ['Ausgangswert', 'Baseline'],
  target: ['Zielwert', 'Target'],
  latest: ['Letzter Wert', 'Latest value'],
  progress: ['Fortschritt', 'Progress'],
  date: ['Datum', 'Date'],
  value: ['Wert', 'Value'],
  partner: ['Partner', 'Partner'],
  role: ['Rolle', 'Role'],
  lead: ['federführend', 'lead'],
  contributing: ['mitwirkend', 'contributing'],
  created: ['angelegt', 'created'],
  done: ['erledigt', 'done'],
  overdue: ['überfällig', 'overdue'],
  cancelled: ['abgebrochen', 'cancelled'],
  noGoal: ['ohne Ziel', 'no goal'],
  allTasks: ['alle Aufgaben', 'all tasks'],
  meeting: ['Sitzung', 'Meeting'],
  kind: ['Art', 'Kind'],
  invited: ['eingeladen', 'invited'],
  present: ['anwesend', 'present'],
  quorum: ['beschlussfähig', 'quorum reached'],
  rate: ['Quote', 'Rate'],
  yes: ['ja', 'yes'],
  no: ['nein', 'no'],
  number: ['Nummer', 'Number'],
  title: ['Titel', 'Title'],
  outcome: ['Ergebnis', 'Outcome'],
  followUps: ['Folgeaufgaben', 'Follow-up tasks'],
  supportArea: ['Unterstützungsbereich', 'Support area'],
  opened: ['eröffnet', 'opened'],
  closed: ['abgeschlossen', 'closed'],
  erased: ['gelöscht', 'erased'],
  from: ['von', 'from'],
  to: ['an', 'to'],
  requested: ['angefragt', 'requested'],
  accepted: ['angenommen', 'accepted'],
  declined: ['abgelehnt', 'declined'],
  completed: ['abgeschlossen', 'completed'],
  medianHours: ['Median Stunden bis Annahme', 'Median hours to accept'],
  form: ['Form', 'Form'],
  recorded: ['erteilt', 'recorded'],
  withdrawn: ['widerrufen', 'withdrawn'],
  language: ['Sprache', 'Language'],
  interpreter: ['mit Dolmetschung', 'with interpreter'],
  all: ['insgesamt', 'total'],
  legend: [
    'Fallarbeit nur als Summen je abgeschlossenem Quartal. „< 5“: weniger als 5 (geheim gehalten); „x“: gesperrt, damit eine kleine Zahl nicht aus Summen errechnet werden kann.',
    'Casework only as aggregates per finished quarter. "< 5": fewer than 5 (withheld); "x": withheld so that a small number cannot be worked out from totals.',
  ],
  internalNote: [
    'INTERN – Zahlen der eigenen Organisation ohne Geheimhaltung, nicht zur Veröffentlichung.',
    'INTERNAL – own organisation’s figures without disclosure control, not for publication.',
  ],
  noCasework: ['Keine abgeschlossenen Quartale im Zeitraum.', 'No finished quarter in the period.'],
} as const;

export type LabelKey = keyof typeof L;

export function label(lang: Lang, key: LabelKey): string {
  return L[key][lang === 'en' ? 1 : 0];
}

const ENUMS: Record<string, [string, string]> = {
  LANGUAGE: ['Sprache', 'Language'],
  HOUSING: ['Wohnen', 'Housing'],
  RESIDENCE: ['Aufenthalt', 'Residence'],
  EMPLOYMENT: ['Arbeit', 'Employment'],
  EDUCATION: ['Bildung', 'Education'],
  HEALTH: ['Gesundheit', 'Health'],
  FAMILY: ['Familie', 'Family'],
  OTHER: ['Sonstiges', 'Other'],
  WRITTEN: ['schriftlich', 'written'],
  ELECTRONIC: ['elektronisch', 'electronic'],
  ORAL_DOCUMENTED: ['mündlich, dokumentiert', 'oral, documented'],
  PLENARY: ['Plenum', 'Plenary'],
  STEERING_GROUP: ['Lenkungsgruppe', 'Steering group'],
  WORKING_GROUP: ['Arbeitsgruppe', 'Working group'],
  ADOPTED: ['angenommen', 'adopted'],
  REJECTED: ['abgelehnt', 'rejected'],
  DEFERRED: ['vertagt', 'deferred'],
  OPEN: ['offen', 'open'],
  IN_PROGRESS: ['in Arbeit', 'in progress'],
  BLOCKED: ['blockiert', 'blocked'],
  DONE: ['erledigt', 'done'],
  CANCELLED: ['abgebrochen', 'cancelled'],
  DRAFT: ['Entwurf', 'draft'],
  ACTIVE: ['aktiv', 'active'],
  ACHIEVED: ['erreicht', 'achieved'],
  DROPPED: ['aufgegeben', 'dropped'],
};

/** An enum value in words; unknown values as they are. */
export function word(lang: Lang, value: string): string {
  return ENUMS[value]?.[lang === 'en' ? 1 : 0] ?? value;
}

/** A language code in words, in the user's language. */
export function languageName(lang: Lang, code: string): string {
  try {
    return new Intl.DisplayNames([lang], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
