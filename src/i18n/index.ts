/**
 * i18n: every user-facing string lives in src/i18n/locales/<lang>/<area>.json (flat "dotted.key": "text").
 * Files are merged per language at first use; a key defined twice is a start-up error.
 * Parameters are written {name} in the text.
 */
import * as fs from 'fs';
import * as path from 'path';
import { resourcePath } from '../paths';
import { literal, Markdown } from './literal';

export { inert, literal, markdown, Markdown } from './literal';

export type Lang = 'en' | 'nb';
export const LANGS: readonly Lang[] = ['en', 'nb'];

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
  if (!tables) tables = { en: loadLang('en'), nb: loadLang('nb') };
  return tables;
}

/** For tests that add locale files at run time. */
export function reloadTables(): void {
  tables = undefined;
}

export function hasKey(key: string, lang: Lang = 'en'): boolean {
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
  const template = all[lang][key] ?? all.en[key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? paramText(params[name]) : whole,
  );
}

function paramText(value: Param): string {
  if (value instanceof Markdown) return value.markdown;
  return typeof value === 'number' ? String(value) : literal(value);
}

/**
 * Locale of an activity → language. nb-NO, nb, no, nn (and no-NO, nn-NO) → Norwegian Bokmål;
 * anything else → English. An explicit preference (the admin switched language) wins.
 */
export function resolveLang(activityLocale: unknown, preference?: Lang | null): Lang {
  if (preference === 'en' || preference === 'nb') return preference;
  // Activities come from outside: a locale that is not a string means "no locale", never a crash.
  const primary = (typeof activityLocale === 'string' ? activityLocale : '').trim().toLowerCase().split(/[-_]/)[0];
  return primary === 'nb' || primary === 'no' || primary === 'nn' ? 'nb' : 'en';
}

/** BCP-47 tag for formatting dates and numbers in a language. */
export function bcp47(lang: Lang): string {
  return lang === 'nb' ? 'nb-NO' : 'en-US';
}
