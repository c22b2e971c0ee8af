import type { AllianceReportModel } from '../models/alliance-report.models.js';
import type {
  CaseworkFiguresModel,
  CaseworkStatisticsModel,
  StatisticCellModel,
} from '../models/casework-report.models.js';
import { label, type LabelKey, type Lang, languageName, word } from './labels.js';

/** A cell of a download: text, a count or amount, a calendar day, a share (0..1). */
export type Value = string | number | { day: string } | { share: number } | null;

export interface Table {
  /** Stable name (sheet name in the XLSX). */
  key: LabelKey;
  title: string;
  columns: string[];
  rows: Value[][];
  note?: string;
}

/** A suppressed count stays text ("< 5", "x"); a published one is a number. */
function count(c: StatisticCellModel): Value {
  return c.value === null ? c.display : c.value;
}

function caseworkTables(lang: Lang, stats: CaseworkStatisticsModel, internal: boolean): Table[] {
  const t = (k: LabelKey) => label(lang, k);
  const periods: CaseworkFiguresModel[] = [...stats.quarters, ...(stats.total ? [stats.total] : [])];
  const when = (f: CaseworkFiguresModel) =>
    stats.quarters.length && f === stats.total ? `${t('all')} ${f.from}/${f.to}` : f.label;
  const title = (k: LabelKey) => (internal ? `${t('internal')}: ${t(k)}` : t(k));
  const note = internal ? t('internalNote') : periods.length ? t('legend') : t('noCasework');
  const all = (v: string | boolean | null) => (v === null ? t('all') : v);
  /** One casework table: a row per period and breakdown line, the period first. */
  const perPeriod = <R>(
    key: LabelKey,
    columns: LabelKey[],
    lines: (f: CaseworkFiguresModel) => R[],
    cells: (r: R) => Value[],
  ): Table => ({
    key,
    title: title(key),
    note,
    columns: [t('period'), ...columns.map(t)],
    rows: periods.flatMap((f) => lines(f).map((r) => [when(f), ...cells(r)])),
  });
  return [
    perPeriod(
      'cases',
      ['supportArea', 'opened', 'closed', 'erased'],
      (f) => f.cases,
      (r) => [r.area ? word(lang, r.area) : t('all'), count(r.opened), count(r.closed), count(r.erased)],
    ),
    perPeriod(
      'handovers',
      ['from', 'to', 'requested', 'accepted', 'declined', 'completed', 'medianHours'],
      (f) => f.handovers,
      (h) => [
        h.fromOrganisationId ? (h.fromOrganisationName ?? '') : t('all'),
        h.toOrganisationId ? (h.toOrganisationName ?? '') : t('all'),
        count(h.requested),
        count(h.accepted),
        count(h.declined),
        count(h.completed),
        h.medianHoursToAccept,
      ],
    ),
    perPeriod(
      'consentsByForm',
      ['form', 'recorded', 'withdrawn'],
      (f) => f.consentsByForm,
      (r) => [r.form ? word(lang, r.form) : t('all'), count(r.recorded), count(r.withdrawn)],
    ),
    perPeriod(
      'consentsByLanguage',
      ['language', 'recorded'],
      (f) => f.consentsByLanguage,
      (r) => [r.language ? languageName(lang, r.language) : t('all'), count(r.recorded)],
    ),
    perPeriod(
      'consentsByInterpreter',
      ['interpreter', 'recorded'],
      (f) => f.consentsByInterpreter,
      (r) => [
        String(all(r.interpreterUsed === null ? null : r.interpreterUsed ? t('yes') : t('no'))),
        count(r.recorded),
      ],
    ),
  ];
}

/** The report as tables, the same for XLSX, CSV and PDF; `internal` adds the caller's own figures. */
export function reportTables(report: AllianceReportModel, lang: Lang, internal: boolean): Table[] {
  const t = (k: LabelKey) => label(lang, k);
  const tasks = (c: { created: number; done: number; overdue: number; cancelled: number }) => [
    c.created,
    c.done,
    c.overdue,
    c.cancelled,
  ];
  const taskColumns = [t('created'), t('done'), t('overdue'), t('cancelled')];
  const tables: Table[] = [
    {
      key: 'goals',
      title: t('goals'),
      columns: [t('goal'), t('indicator'), t('unit'), t('baseline'), t('target'), t('latest'), t('progress')],
      rows: report.goals.flatMap((g) =>
        g.indicators.length
          ? g.indicators.map((i) => [
              g.title,
              i.name,
              i.unit,
              i.baseline,
              i.target,
              i.latestValue,
              i.progress === null ? null : { share: i.progress },
            ])
          : [[g.title, null, null, null, null, null, null]],
      ),
    },
    {
      key: 'measurements',
      title: t('measurements'),
      columns: [t('goal'), t('indicator'), t('date'), t('value')],
      rows: report.goals.flatMap((g) =>
        g.indicators.flatMap((i) =>
          i.measurements.map((m) => [g.title, i.name, { day: m.observedOn }, m.value]),
        ),
      ),
    },
    {
      key: 'tasksByPartner',
      title: t('tasksByPartner'),
      columns: [t('partner'), t('role'), ...taskColumns],
      rows: report.tasksByPartner.flatMap((p) => [
        [p.organisationName, t('lead'), ...tasks(p.asLead)],
        [p.organisationName, t('contributing'), ...tasks(p.asContributor)],
      ]),
    },
    {
      key: 'tasksByGoal',
      title: t('tasksByGoal'),
      columns: [t('goal'), ...taskColumns],
      rows: [
        ...report.tasksByGoal.map((g) => [g.goalTitle ?? t('noGoal'), ...tasks(g.counts)]),
        [t('allTasks'), ...tasks(report.taskTotals)],
      ],
    },
    {
      key: 'meetings',
      title: t('meetings'),
      columns: [t('date'), t('meeting'), t('kind'), t('invited'), t('present'), t('quorum')],
      rows: report.meetings.map((m) => [
        { day: berlinDay(m.startsAt) },
        m.title,
        word(lang, m.kind),
        m.invitedPartners,
        m.presentPartners,
        m.quorumReached ? t('yes') : t('no'),
      ]),
    },
    {
      key: 'attendance',
      title: t('attendance'),
      columns: [t('partner'), t('invited'), t('present'), t('rate')],
      rows: report.attendance.map((p) => [p.organisationName, p.invited, p.present, { share: p.rate }]),
    },
    {
      key: 'decisions',
      title: t('decisions'),
      columns: [t('number'), t('title'), t('outcome'), t('followUps')],
      rows: report.decisions.map((d) => [
        d.number,
        d.title,
        word(lang, d.outcome),
        d.followUpTasks.map((f) => `${f.title} (${word(lang, f.status)})`).join('; '),
      ]),
    },
  ];
  if (report.casework) tables.push(...caseworkTables(lang, report.casework, false));
  if (internal && report.ownOrganisationCasework)
    tables.push(...caseworkTables(lang, report.ownOrganisationCasework, true));
  return tables;
}

/** The Europe/Berlin calendar day of an instant. */
export function berlinDay(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Berlin',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

const NUMBER = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 2 });
const PERCENT = new Intl.NumberFormat('de-DE', { style: 'percent', maximumFractionDigits: 1 });

/** A value as German text: 1.234,5 · 12,5 % · 31.12.2025. */
export function germanText(v: Value): string {
  if (v === null) return '';
  if (typeof v === 'number') return NUMBER.format(v);
  if (typeof v === 'string') return v;
  if ('day' in v) {
    const [y, m, d] = v.day.split('-');
    return `${d}.${m}.${y}`;
  }
  return PERCENT.format(v.share);
}
