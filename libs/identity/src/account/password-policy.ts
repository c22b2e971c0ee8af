import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as de from '@zxcvbn-ts/language-de';
import * as en from '@zxcvbn-ts/language-en';
import { DomainError } from '../../../core/src/index.js';

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;
/** zxcvbn's score 0–4; 3 means "safely unguessable" (≈10^8 guesses and more). */
export const MIN_PASSWORD_SCORE = 3;

export type Language = 'de' | 'en';

const options = (language: Language) => ({
  dictionary: { ...common.dictionary, ...de.dictionary, ...en.dictionary },
  graphs: common.adjacencyGraphs,
  translations: language === 'de' ? de.translations : en.translations,
});
const estimators: Record<Language, ZxcvbnFactory> = {
  de: new ZxcvbnFactory(options('de')),
  en: new ZxcvbnFactory(options('en')),
};

const TOO_SHORT: Record<Language, string> = {
  de: `Das Passwort muss mindestens ${MIN_PASSWORD_LENGTH} Zeichen lang sein.`,
  en: `The password must be at least ${MIN_PASSWORD_LENGTH} characters long.`,
};
const TOO_WEAK: Record<Language, string> = {
  de: 'Das Passwort ist zu leicht zu erraten.',
  en: 'The password is too easy to guess.',
};

/** The language of a request's `Accept-Language` header (German unless English comes first). */
export function languageOf(header: unknown): Language {
  return typeof header === 'string' && /^\s*en\b/i.test(header) ? 'en' : 'de';
}

/**
 * Refuses a password shorter than 12 characters or one that a German and English dictionary
 * attack would guess (common passwords, words, names, keyboard patterns, the user's own name and
 * address), with zxcvbn's feedback in the caller's language as the field's message.
 */
export function assertStrongPassword(
  path: string,
  password: string,
  language: Language,
  userInputs: string[] = [],
): void {
  if (password.length < MIN_PASSWORD_LENGTH) throw DomainError.field(path, TOO_SHORT[language]);
  if (password.length > MAX_PASSWORD_LENGTH)
    throw DomainError.field(path, `at most ${MAX_PASSWORD_LENGTH} characters`);
  const inputs = userInputs.flatMap((s) => [s, ...s.split(/[\s@._-]+/)]).filter((s) => s.length >= 3);
  const result = estimators[language].check(password.slice(0, 100), inputs);
  if (result.score < MIN_PASSWORD_SCORE) {
    const hints = [result.feedback.warning, ...result.feedback.suggestions].filter(Boolean);
    throw DomainError.field(path, [TOO_WEAK[language], ...hints].join(' '));
  }
}
