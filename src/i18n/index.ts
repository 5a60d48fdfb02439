/**
 * i18n: every user-facing string lives in src/i18n/locales/<lang>/<area>.json (flat "dotted.key": "text").
 * Files are merged per language at first use; a key defined twice is a start-up error.
 * Parameters are written {name} in the text.
 */
import * as fs from 'fs';
import * as path from 'path';
import { resourcePath } from '../paths';
import { literal, Markdown } from './literal';
import { DEFAULT_LANG, LANGS, isLang, langOfLocale, localeInfo, type Lang } from './locales';

export { inert, literal, markdown, Markdown } from './literal';
export { DEFAULT_LANG, LANGS, LOCALES, isLang, localeInfo, nextLang, type Lang, type LocaleInfo } from './locales';

type Table = Record<string, string>;
let tables: Record<Lang, Table> | undefined;

function loadLang(lang: Lang): Table {
  const dir = resourcePath('src', 'i18n', 'locales', lang);
  const merged: Table = {};
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const data = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as Table;
    for (const [key, value] of Object.entries(data)) {
      if (key in merged) throw new Error(`i18n key "${key}" is defined twice (${lang}/${file})`);
      if (typeof value !== 'string') throw new Error(`i18n key "${key}" in ${lang}/${file} is not a string`);
      merged[key] = value;
    }
  }
  return merged;
}

export function allTables(): Record<Lang, Table> {
  tables ??= Object.fromEntries(LANGS.map((lang) => [lang, loadLang(lang)])) as Record<Lang, Table>;
  return tables;
}

export function hasKey(key: string, lang: Lang = DEFAULT_LANG): boolean {
  return key in allTables()[lang];
}

/** A `t()` parameter: text from a user or the tenant (shown literally), a number, or Markdown the bot built. */
export type Param = string | number | Markdown;

/**
 * Translate `key` into `lang`, filling {param}s. A missing key falls back to English, then to the key itself.
 * String parameters are shown literally (see ./literal.ts): links, mentions, HTML, emphasis and `${…}` in a group
 * name or a typed query stay text. Wrap Markdown the bot built itself in `markdown()`.
 */
export function t(lang: Lang, key: string, params?: Record<string, Param>): string {
  const all = allTables();
  const template = all[lang][key] ?? all[DEFAULT_LANG][key] ?? key;
  if (!params) return template;
  const withPlurals = template.includes(', plural,') ? expandPlurals(lang, template, params) : template;
  return withPlurals.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? paramText(params[name]) : whole,
  );
}

const pluralRules = new Map<Lang, Intl.PluralRules>();

/** The plural category of `value` in `lang` ('one', 'other', …); a non-number (e.g. '?') is 'other'. */
export function pluralCategory(lang: Lang, value: Param | undefined): string {
  if (typeof value !== 'number') return 'other';
  let rules = pluralRules.get(lang);
  if (!rules) pluralRules.set(lang, (rules = new Intl.PluralRules(bcp47(lang))));
  return rules.select(value);
}

/**
 * ICU-style plurals in locale strings: `{count, plural, one {# entry} other {# entries}}` picks the form for the
 * number with Intl.PluralRules (`=0 {…}` matches exactly); `#` is the number. Branches may hold `{param}`s.
 */
function expandPlurals(lang: Lang, template: string, params: Record<string, Param>): string {
  let out = '';
  let i = 0;
  const head = /\{(\w+), plural,/g;
  for (let m = head.exec(template); m; m = head.exec(template)) {
    out += template.slice(i, m.index);
    const value = params[m[1]];
    const branches = new Map<string, string>();
    let j = m.index + m[0].length;
    for (;;) {
      while (template[j] === ' ') j++;
      if (template[j] === '}' || j >= template.length) break;
      const sel = /^(=?\w+)\s*\{/.exec(template.slice(j));
      if (!sel) throw new Error(`bad plural in "${template}"`);
      j += sel[0].length;
      let depth = 1;
      const start = j;
      for (; j < template.length && depth > 0; j++) depth += template[j] === '{' ? 1 : template[j] === '}' ? -1 : 0;
      branches.set(sel[1], template.slice(start, j - 1));
    }
    const form = branches.get(`=${String(value)}`) ?? branches.get(pluralCategory(lang, value)) ?? branches.get('other') ?? '';
    out += form.replace(/#/g, `{${m[1]}}`);
    i = j + 1;
    head.lastIndex = i;
  }
  return out + template.slice(i);
}

function paramText(value: Param): string {
  if (value instanceof Markdown) return value.markdown;
  return typeof value === 'number' ? String(value) : literal(value);
}

/**
 * Locale of an activity → language, by the locale table (./locales.ts: nb-NO, no, nn-NO → nb); a locale no
 * language answers to → the default. An explicit preference (the admin switched language) wins.
 */
export function resolveLang(activityLocale: unknown, preference?: Lang | null): Lang {
  if (isLang(preference)) return preference;
  return langOfLocale(activityLocale) ?? DEFAULT_LANG;
}

/** BCP-47 tag for formatting dates and numbers in a language. */
export function bcp47(lang: Lang): string {
  return localeInfo(lang).dateLocale;
}
