import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { MESSAGES } from './messages';

export type Lang = 'de' | 'en';
export type Dict = Record<string, string>;
const de: Dict = Object.fromEntries(Object.entries(MESSAGES).map(([k, v]) => [k, v[0]]));
const en: Dict = Object.fromEntries(Object.entries(MESSAGES).map(([k, v]) => [k, v[1]]));
const DICTS: Record<Lang, Dict> = { de, en };
const STORAGE_KEY = 'bp.lang';

export type T = (key: string, vars?: Record<string, string | number>) => string;

interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  t: T;
  /** Date and time in the user's language, Europe/Berlin. */
  fmtDateTime(iso: string): string;
  fmtDate(isoDay: string): string;
  fmtNumber(n: number): string;
}

const Ctx = createContext<I18n | null>(null);

function initialLang(): Lang {
  const stored = typeof localStorage !== 'undefined' ? localStorage.getItem(STORAGE_KEY) : null;
  return stored === 'en' ? 'en' : 'de';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const setLang = useCallback((l: Lang) => {
    localStorage.setItem(STORAGE_KEY, l);
    setLangState(l);
  }, []);
  const value = useMemo<I18n>(() => {
    const dict = DICTS[lang];
    const locale = lang === 'de' ? 'de-DE' : 'en-GB';
    const t: T = (key, vars) => {
      let s = dict[key] ?? de[key] ?? key;
      if (vars) for (const [k, v] of Object.entries(vars)) s = s.replaceAll(`{${k}}`, String(v));
      return s;
    };
    const dt = new Intl.DateTimeFormat(locale, {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: 'Europe/Berlin',
    });
    const d = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    const nf = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
    return {
      lang,
      setLang,
      t,
      fmtDateTime: (iso) => dt.format(new Date(iso)),
      fmtDate: (day) => d.format(new Date(`${day}T00:00:00Z`)),
      fmtNumber: (n) => nf.format(n),
    };
  }, [lang, setLang]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useI18n(): I18n {
  const v = useContext(Ctx);
  if (!v) throw new Error('I18nProvider missing');
  return v;
}
