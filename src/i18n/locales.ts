/**
 * The locale table: every language SyncHelper speaks, the Teams locales it answers to, its name and its date
 * locale. `Lang` and `LANGS` derive from it, and every language switch in src/ is a lookup here. Adding a
 * language: one row here, `src/i18n/locales/<code>/` (strings and `lexicon.ts`, registered in
 * src/i18n/lexicon.ts) and `src/recognizer/data/train.<code>.json`. See docs/architecture.md, "Where a change goes".
 */
export interface LocaleInfo {
  /** The language code used in state, card data and `t()`. */
  readonly code: string;
  /** Primary subtags of the Teams/browser locales this language answers to (nb-NO, nn-NO, no → nb). */
  readonly answersTo: readonly string[];
  /** The language's own name, as the language card shows it. */
  readonly displayName: string;
  /** Its name in English (reports for maintainers, e.g. the recogniser's score table). */
  readonly englishName: string;
  /** BCP-47 tag for dates and numbers. */
  readonly dateLocale: string;
}

export const LOCALES = [
  { code: 'en', answersTo: ['en'], displayName: 'English', englishName: 'English', dateLocale: 'en-US' },
  { code: 'nb', answersTo: ['nb', 'no', 'nn'], displayName: 'Norsk (bokmål)', englishName: 'Norwegian Bokmål', dateLocale: 'nb-NO' },
] as const satisfies readonly LocaleInfo[];

export type Lang = (typeof LOCALES)[number]['code'];
export const LANGS: readonly Lang[] = LOCALES.map((l) => l.code);
/** The language of a locale nobody listed, and the fallback for a missing string. */
export const DEFAULT_LANG: Lang = 'en';

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

export function localeInfo(lang: Lang): LocaleInfo {
  return LOCALES.find((l) => l.code === lang) ?? LOCALES[0];
}

/** The language a Teams/browser locale answers to ("nb-NO", "nn_NO", "no" → nb), or undefined for others. */
export function langOfLocale(locale: unknown): Lang | undefined {
  // Locales come from outside: a value that is not a string means "no locale", never a crash.
  const primary = (typeof locale === 'string' ? locale : '').trim().toLowerCase().split(/[-_]/)[0];
  return LOCALES.find((l) => (l.answersTo as readonly string[]).includes(primary))?.code;
}

/** The language a one-click language button offers: the next one in the table (the other one, with two). */
export function nextLang(lang: Lang): Lang {
  return LANGS[(LANGS.indexOf(lang) + 1) % LANGS.length];
}
