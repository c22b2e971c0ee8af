import { ConsentForm, SupportArea } from '../casework.enums.js';
import type { CaseCountRow, ConsentCountRow, HandoverCountRow } from './case-statistics.repository.js';
import { cell, type Line, type StatCell, suppress, sumCells } from './disclosure-control.js';

export interface CaseFiguresRow {
  /** null: all cases (a case with several support areas counts once). */
  area: SupportArea | null;
  opened: StatCell;
  closed: StatCell;
  erased: StatCell;
}
export interface HandoverFiguresRow {
  /** Both null: all handovers. */
  fromOrganisationId: string | null;
  toOrganisationId: string | null;
  requested: StatCell;
  accepted: StatCell;
  declined: StatCell;
  completed: StatCell;
  /** Published only where the acceptances it summarises are published and at least the minimum count. */
  medianHoursToAccept: number | null;
}
export interface ConsentFormRow {
  form: ConsentForm | null;
  recorded: StatCell;
  withdrawn: StatCell;
}
export interface ConsentLanguageRow {
  language: string | null;
  recorded: StatCell;
}
export interface ConsentInterpreterRow {
  interpreterUsed: boolean | null;
  recorded: StatCell;
}

/** The casework tables of one grid period (or, unsuppressed, of any period). */
export interface CaseworkFigures {
  label: string;
  from: string;
  to: string;
  cases: CaseFiguresRow[];
  handovers: HandoverFiguresRow[];
  consentsByForm: ConsentFormRow[];
  consentsByLanguage: ConsentLanguageRow[];
  consentsByInterpreter: ConsentInterpreterRow[];
}

const CASE_EVENTS = ['opened', 'closed', 'erased'] as const;
const HANDOVER_EVENTS = ['requested', 'accepted', 'declined', 'completed'] as const;
const AREAS = Object.values(SupportArea);
/** The forms of consent; a legal basis (STATUTORY) is not one and is not counted here. */
const FORMS = Object.values(ConsentForm).filter((f) => f !== ConsentForm.STATUTORY);
const T = 'TOTAL';

/** Builds one period's tables from its count rows; with a minimum count, suppressed as disclosure-control.ts says. */
export function buildFigures(
  period: { label: string; from: string; to: string },
  caseRows: CaseCountRow[],
  handoverRows: HandoverCountRow[],
  consentRows: ConsentCountRow[],
  minimumCount: number | null,
): CaseworkFigures {
  const counts = new Map<string, number>();
  const shares = new Map<string, Map<string, number>>();
  const lines: Line[] = [];
  const share = (id: string, org: string, n: number) => {
    const byOrg = shares.get(id) ?? new Map<string, number>();
    byOrg.set(org, (byOrg.get(org) ?? 0) + n);
    shares.set(id, byOrg);
  };
  const put = (id: string, n: number, org?: string) => {
    counts.set(id, (counts.get(id) ?? 0) + n);
    if (org) share(id, org, n);
  };

  for (const r of caseRows) put(`cases.${r.event}.${r.total ? T : r.area}`, r.n, r.org);
  for (const e of CASE_EVENTS) {
    put(`cases.${e}.${T}`, 0);
    for (const a of AREAS) put(`cases.${e}.${a}`, 0);
    lines.push({ total: `cases.${e}.${T}`, parts: AREAS.map((a) => `cases.${e}.${a}`) });
  }

  const pairKey = (f: string, t: string) => `${f}>${t}`;
  const pairs = [
    ...new Set(handoverRows.filter((r) => !r.total).map((r) => pairKey(r.from_id!, r.to_id!))),
  ].sort();
  const medians = new Map<string, number | null>();
  for (const r of handoverRows) {
    const key = r.total ? T : pairKey(r.from_id!, r.to_id!);
    put(`handovers.${r.event}.${key}`, r.n);
    if (r.event === 'accepted') medians.set(key, r.median_hours);
    // Both parties know each of their handovers: a party's share of a total is every pair it is in.
    if (!r.total) for (const party of [r.from_id!, r.to_id!]) share(`handovers.${r.event}.${T}`, party, r.n);
  }
  for (const e of HANDOVER_EVENTS) {
    put(`handovers.${e}.${T}`, 0);
    for (const p of pairs) put(`handovers.${e}.${p}`, 0);
    lines.push({ total: `handovers.${e}.${T}`, parts: pairs.map((p) => `handovers.${e}.${p}`) });
  }

  const languages = [
    ...new Set(consentRows.filter((r) => r.grouping === 'language').map((r) => r.language!)),
  ].sort();
  for (const r of consentRows) {
    const part =
      r.grouping === 'form'
        ? `form.${r.form}`
        : r.grouping === 'language'
          ? `language.${r.language}`
          : r.grouping === 'interpreter'
            ? `interpreter.${r.interpreter ? 'yes' : 'no'}`
            : T;
    put(`consents.${r.event}.${part}`, r.n, r.org);
  }
  for (const e of ['recorded', 'withdrawn'] as const) {
    put(`consents.${e}.${T}`, 0);
    for (const f of FORMS) put(`consents.${e}.form.${f}`, 0);
    lines.push({ total: `consents.${e}.${T}`, parts: FORMS.map((f) => `consents.${e}.form.${f}`) });
  }
  for (const l of languages) put(`consents.recorded.language.${l}`, 0);
  put('consents.recorded.interpreter.yes', 0);
  put('consents.recorded.interpreter.no', 0);
  lines.push({
    total: `consents.recorded.${T}`,
    parts: languages.map((l) => `consents.recorded.language.${l}`),
  });
  lines.push({
    total: `consents.recorded.${T}`,
    parts: ['consents.recorded.interpreter.yes', 'consents.recorded.interpreter.no'],
  });

  const largestShare = new Map([...shares].map(([id, byOrg]) => [id, Math.max(...byOrg.values())]));
  const pattern = minimumCount === null ? new Map() : suppress(counts, lines, minimumCount, largestShare);
  const c = (id: string) => cell(counts.get(id) ?? 0, pattern.get(id));
  const median = (key: string) => {
    const accepted = c(`handovers.accepted.${key}`);
    const m = medians.get(key);
    if (m === undefined || m === null || accepted.value === null) return null;
    if (minimumCount !== null && accepted.value < minimumCount) return null;
    return Math.round(m * 10) / 10;
  };
  const handover = (key: string, from: string | null, to: string | null): HandoverFiguresRow => ({
    fromOrganisationId: from,
    toOrganisationId: to,
    requested: c(`handovers.requested.${key}`),
    accepted: c(`handovers.accepted.${key}`),
    declined: c(`handovers.declined.${key}`),
    completed: c(`handovers.completed.${key}`),
    medianHoursToAccept: median(key),
  });

  return {
    ...period,
    cases: [...AREAS, null].map((a) => ({
      area: a,
      opened: c(`cases.opened.${a ?? T}`),
      closed: c(`cases.closed.${a ?? T}`),
      erased: c(`cases.erased.${a ?? T}`),
    })),
    handovers: [
      ...pairs.map((p) => {
        const [f, t] = p.split('>');
        return handover(p, f, t);
      }),
      handover(T, null, null),
    ],
    consentsByForm: [...FORMS, null].map((f) => ({
      form: f,
      recorded: c(f ? `consents.recorded.form.${f}` : `consents.recorded.${T}`),
      withdrawn: c(f ? `consents.withdrawn.form.${f}` : `consents.withdrawn.${T}`),
    })),
    consentsByLanguage: [...languages, null].map((l) => ({
      language: l,
      recorded: c(l ? `consents.recorded.language.${l}` : `consents.recorded.${T}`),
    })),
    consentsByInterpreter: [true, false, null].map((i) => ({
      interpreterUsed: i,
      recorded: c(
        i === null ? `consents.recorded.${T}` : `consents.recorded.interpreter.${i ? 'yes' : 'no'}`,
      ),
    })),
  };
}

const ZERO: StatCell = { value: 0, suppressed: null };

/**
 * The period's figures as sums of its grid periods' published cells: a sum with a suppressed
 * summand is suppressed, so it reveals nothing the quarters do not. Medians do not add up: none.
 */
export function sumFigures(
  period: { label: string; from: string; to: string },
  parts: CaseworkFigures[],
): CaseworkFigures {
  const sum = <R>(rows: (R | undefined)[], pick: (r: R) => StatCell) =>
    sumCells(rows.map((r) => (r ? pick(r) : ZERO)));
  const pairKeys = [
    ...new Set(
      parts.flatMap((p) =>
        p.handovers
          .filter((h) => h.fromOrganisationId)
          .map((h) => `${h.fromOrganisationId}>${h.toOrganisationId}`),
      ),
    ),
  ].sort();
  const languages = [
    ...new Set(parts.flatMap((p) => p.consentsByLanguage.map((l) => l.language).filter((l) => l !== null))),
  ].sort() as string[];
  const handoverRows = (key: string | null) =>
    parts.map((p) =>
      p.handovers.find((h) =>
        key === null
          ? h.fromOrganisationId === null
          : `${h.fromOrganisationId}>${h.toOrganisationId}` === key,
      ),
    );
  const handover = (key: string | null): HandoverFiguresRow => {
    const rows = handoverRows(key);
    const [f, t] = key ? key.split('>') : [null, null];
    return {
      fromOrganisationId: f,
      toOrganisationId: t,
      requested: sum(rows, (r) => r.requested),
      accepted: sum(rows, (r) => r.accepted),
      declined: sum(rows, (r) => r.declined),
      completed: sum(rows, (r) => r.completed),
      medianHoursToAccept: parts.length === 1 ? (rows[0]?.medianHoursToAccept ?? null) : null,
    };
  };
  return {
    ...period,
    cases: [...AREAS, null].map((a) => {
      const rows = parts.map((p) => p.cases.find((r) => r.area === a));
      return {
        area: a,
        opened: sum(rows, (r) => r.opened),
        closed: sum(rows, (r) => r.closed),
        erased: sum(rows, (r) => r.erased),
      };
    }),
    handovers: [...pairKeys.map((k) => handover(k)), handover(null)],
    consentsByForm: [...FORMS, null].map((f) => {
      const rows = parts.map((p) => p.consentsByForm.find((r) => r.form === f));
      return { form: f, recorded: sum(rows, (r) => r.recorded), withdrawn: sum(rows, (r) => r.withdrawn) };
    }),
    consentsByLanguage: [...languages, null].map((l) => ({
      language: l,
      recorded: sum(
        parts.map((p) => p.consentsByLanguage.find((r) => r.language === l)),
        (r) => r.recorded,
      ),
    })),
    consentsByInterpreter: [true, false, null].map((i) => ({
      interpreterUsed: i,
      recorded: sum(
        parts.map((p) => p.consentsByInterpreter.find((r) => r.interpreterUsed === i)),
        (r) => r.recorded,
      ),
    })),
  };
}
