import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataCategory } from '../casework.enums.js';

/** The client languages a consent sheet is printed in, beside German; `de-ls` is German in plain language (Leichte Sprache). */
export const SHEET_LANGUAGES = ['ar', 'fa', 'uk', 'ru', 'tr', 'en', 'fr', 'de-ls'] as const;
export type SheetLanguage = (typeof SHEET_LANGUAGES)[number];

/** One language's text of the sheet: `libs/casework/consent-sheets/<code>.json`. */
export interface SheetTemplate {
  /** The note at the top of every file that a qualified person must review the text before use. */
  _review: string;
  code: string;
  /** The language's name in itself. */
  name: string;
  germanName: string;
  htmlLang: string;
  dir: 'ltr' | 'rtl';
  title: string;
  intro: string;
  purposeLabel: string;
  purposeNote: string;
  recipientsLabel: string;
  categoriesLabel: string;
  periodLabel: string;
  periodUntil: string;
  periodOpen: string;
  withdrawLabel: string;
  withdraw: string;
  withdrawHow: string;
  voluntaryLabel: string;
  noDisadvantage: string;
  contactLabel: string;
  signaturesLabel: string;
  placeDate: string;
  signatureClient: string;
  signatureCaseWorker: string;
  signatureInterpreter: string;
  referenceLabel: string;
  clientLabel: string;
  categoryNames: Record<DataCategory, string>;
}

/** Every text key a template must have (besides categoryNames), and the placeholders each must keep. */
export const TEMPLATE_TEXTS: Record<Exclude<keyof SheetTemplate, 'categoryNames' | 'dir'>, string[]> = {
  _review: [],
  code: [],
  name: [],
  germanName: [],
  htmlLang: [],
  title: [],
  intro: ['{owner}'],
  purposeLabel: [],
  purposeNote: [],
  recipientsLabel: [],
  categoriesLabel: [],
  periodLabel: [],
  periodUntil: ['{from}', '{until}'],
  periodOpen: ['{from}'],
  withdrawLabel: [],
  withdraw: [],
  withdrawHow: [],
  voluntaryLabel: [],
  noDisadvantage: [],
  contactLabel: [],
  signaturesLabel: [],
  placeDate: [],
  signatureClient: [],
  signatureCaseWorker: [],
  signatureInterpreter: [],
  referenceLabel: [],
  clientLabel: [],
};

/** The folder of the templates, from the sources (tests) or from dist (npm start). */
export function templatesDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [
    resolve(here, '../../consent-sheets'),
    resolve(here, '../../../../../libs/casework/consent-sheets'),
    resolve(process.cwd(), 'libs/casework/consent-sheets'),
  ];
  const dir = candidates.find((d) => existsSync(join(d, 'de.json')));
  if (!dir) throw new Error('consent sheet templates (libs/casework/consent-sheets) not found');
  return dir;
}

const cache = new Map<string, SheetTemplate>();

/** The template of `code` (`de` or one of SHEET_LANGUAGES), read once. */
export function sheetTemplate(code: 'de' | SheetLanguage): SheetTemplate {
  let t = cache.get(code);
  if (!t) {
    t = JSON.parse(readFileSync(join(templatesDir(), `${code}.json`), 'utf8')) as SheetTemplate;
    cache.set(code, t);
  }
  return t;
}

export function isSheetLanguage(code: unknown): code is SheetLanguage {
  return typeof code === 'string' && (SHEET_LANGUAGES as readonly string[]).includes(code);
}

/** Replaces `{name}` placeholders. */
export function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}
