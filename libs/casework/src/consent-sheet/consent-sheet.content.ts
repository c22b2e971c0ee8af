import { sortCategories } from '../casework.rules.js';
import type { DataCategory } from '../casework.enums.js';
import { fill, type SheetTemplate } from './consent-sheet.templates.js';

/** What the structured consent fills into the templates. */
export interface ConsentSheetFacts {
  reference: string;
  clientName: string | null;
  owner: string;
  recipients: string[];
  categories: DataCategory[];
  purpose: string;
  validFrom: Date;
  validUntil: Date | null;
  written: boolean;
  interpreterUsed: boolean;
  contact: string[];
}

/** One section of the sheet in one language: a heading and its paragraphs. */
export interface SheetCell {
  label: string;
  paragraphs: string[];
}

export interface SheetSide {
  template: SheetTemplate;
  title: string;
  intro: string;
  cells: SheetCell[];
  signatures: string[];
}

/** The German side and the client's language side of one consent sheet, section by section. */
export interface SheetContent {
  german: SheetSide;
  client: SheetSide;
}

const DAY = new Intl.DateTimeFormat('de-DE', {
  timeZone: 'Europe/Berlin',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});

/** DD.MM.YYYY in Berlin, with Latin digits in every language (the client can compare it with the German side). */
export function sheetDay(d: Date): string {
  return DAY.format(d);
}

function side(t: SheetTemplate, facts: ConsentSheetFacts, german: boolean): SheetSide {
  const from = sheetDay(facts.validFrom);
  // validUntil is the first moment the consent no longer holds: the last day printed is the one before it.
  const until = facts.validUntil ? sheetDay(new Date(facts.validUntil.getTime() - 1)) : null;
  const signatures = facts.written
    ? [
        t.placeDate,
        t.signatureClient,
        t.signatureCaseWorker,
        ...(facts.interpreterUsed ? [t.signatureInterpreter] : []),
      ]
    : [];
  return {
    template: t,
    title: t.title,
    intro: fill(t.intro, { owner: facts.owner }),
    cells: [
      {
        label: t.clientLabel,
        paragraphs: [facts.clientName ?? '—', `${t.referenceLabel}: ${facts.reference}`],
      },
      { label: t.purposeLabel, paragraphs: german ? [facts.purpose] : [t.purposeNote, facts.purpose] },
      { label: t.recipientsLabel, paragraphs: facts.recipients.map((r) => `• ${r}`) },
      {
        label: t.categoriesLabel,
        paragraphs: sortCategories(facts.categories).map((c) => `• ${t.categoryNames[c]}`),
      },
      {
        label: t.periodLabel,
        paragraphs: [until ? fill(t.periodUntil, { from, until }) : fill(t.periodOpen, { from })],
      },
      { label: t.withdrawLabel, paragraphs: [t.withdraw, t.withdrawHow] },
      { label: t.voluntaryLabel, paragraphs: [t.noDisadvantage] },
      { label: t.contactLabel, paragraphs: facts.contact },
    ],
    signatures,
  };
}

export function sheetContent(
  facts: ConsentSheetFacts,
  german: SheetTemplate,
  client: SheetTemplate,
): SheetContent {
  return { german: side(german, facts, true), client: side(client, facts, false) };
}
