/**
 * Text normalization for the recognizer: one canonical form for admin chat in every language of the locale table.
 * Lower-case, fold each language's letters and accents, replace names/addresses/ids with placeholders, unify product
 * abbreviations (AAD, AADC, O365 …), then each language's synonyms and contractions, stop words and a light stemmer —
 * the language-specific parts come from the lexicons (src/i18n/locales/<lang>/lexicon.ts).
 */
import { LANGS } from '../i18n';
import { lexicon } from '../i18n/lexicon';
import { isWordBoundary, runAnchoredMatches } from '../textScan';

/**
 * Product names and abbreviations, the same in every language → one canonical token. They run first, on the folded
 * text, then every language's own synonyms (lexicon `recognizer.synonyms`) in locale-table order.
 */
const SHARED: [RegExp, string][] = [
  [/\b(?:microsoft |ms )?(?:azure ?ad|aad|entra(?: id)?|azure active directory|ms entra) ?connect(?: ?sync)?\b/g, ' adconnect '],
  [/\b(?:ad ?connect|aadc|aad ?sync|azure ?ad ?sync|ad ?sync|dir ?sync|connect ?sync|cloud ?sync|entra ?sync|sync ?engine|synchronization service manager|sync service manager)\b/g, ' adconnect '],
  [/\b(?:microsoft |ms )?entra(?: id)?\b|\bazure active directory\b|\bazure ?ad\b|\baad\b|\bazad\b/g, ' entra '],
  [/\bactive directory\b/g, ' ad '],
  [/\b(?:o365|m365|office ?365|microsoft ?365)\b/g, ' m365 '],
  [/\bexo\b|\bexchange online\b/g, ' exchange '],
  [/\bservice ?principals?\b|\bspn\b/g, ' serviceprincipal '],
  [/\bprovision(?:ing)? on demand\b|\bon-?demand\b/g, ' ondemand '],
  [/\bone ?drive\b/g, ' onedrive '],
  [/\bshare ?point\b|\bspo\b/g, ' sharepoint '],
];

/** Every synonym, in the order they apply. */
const PHRASES: [RegExp, string][] = [
  ...SHARED,
  ...LANGS.flatMap((lang) => lexicon(lang).recognizer.synonyms.map(([source, token]): [RegExp, string] => [new RegExp(source, 'g'), ` ${token} `])),
];

/** Letters folded to ASCII: each language's own (lexicon `letters`, e.g. ø → o), and ß → ss. */
const FOLD: Record<string, string> = Object.assign({ ß: 'ss' }, ...LANGS.map((lang) => lexicon(lang).letters)) as Record<string, string>;
const FOLDED_LETTERS = new RegExp(`[${Object.keys(FOLD).join('')}]`, 'g');

/** Lower-case, fold each language's letters and strip accents, unify quotes and whitespace. */
export function fold(text: string): string {
  return text
    .toLowerCase()
    .replace(FOLDED_LETTERS, (c) => FOLD[c] ?? c)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘`´]/g, "'");
}

const GUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;
const EMAIL = /\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/;
const EMAIL_LOCAL_RUN = /[\w.+-]+/g;

/** `text.replace(EMAIL, with)` in linear time (see runAnchoredMatches). */
function replaceEmails(text: string, replacement: string): string {
  let out = '';
  let from = 0;
  for (const m of runAnchoredMatches(text, EMAIL_LOCAL_RUN, EMAIL, isWordBoundary)) {
    out += text.slice(from, m.index) + replacement;
    from = m.index + m.text.length;
  }
  return from === 0 ? text : out + text.slice(from);
}
const QUOTED = /"[^"\n]{1,80}"|“[^”\n]{1,80}”|«[^»\n]{1,80}»|‘[^’\n]{1,80}’|(?<![\w])'[^'\n]{1,80}'(?![\w])/g;
const URL = /\bhttps?:\/\/\S+/g;

/** Every language's stemmer endings (lexicon `recognizer.suffixes`), longest first. Applied only to words of 5+ letters, keeping 3+. */
const SUFFIXES = [...new Set(LANGS.flatMap((lang) => lexicon(lang).recognizer.suffixes))].sort((x, y) => y.length - x.length);

export function stem(word: string): string {
  if (word.length < 5 || /\d/.test(word)) return word;
  for (const suffix of SUFFIXES) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 3) return word.slice(0, -suffix.length);
  }
  return word;
}

/** Words that carry no intent, in every language (lexicon `recognizer.stopWords`). */
const STOP = new Set(LANGS.flatMap((lang) => lexicon(lang).recognizer.stopWords));

export interface Normalized {
  /** Canonical word tokens (after synonyms, before stemming; stop words removed). */
  words: string[];
  /** Stemmed tokens, aligned with words. */
  stems: string[];
}

export function normalize(text: string): Normalized {
  let s = replaceEmails(text.replace(URL, ' xurl ').replace(GUID, ' xguid '), ' xemail ').replace(QUOTED, (m) => ` xname ${m.slice(1, -1)} `);
  s = fold(s);
  // Split CamelCase error codes are kept whole; separate punctuation but keep apostrophes inside words.
  s = s.replace(/[^a-z0-9'\s-]/g, ' ').replace(/(?<![a-z])'|'(?![a-z])/g, ' ').replace(/\s-|-\s/g, ' ');
  s = ` ${s.replace(/\s+/g, ' ')} `;
  for (const [pattern, replacement] of PHRASES) s = s.replace(pattern, replacement);
  const words = s
    .split(/[\s-]+/)
    .map((w) => w.replace(/'/g, ''))
    .filter((w) => w.length > 0 && !STOP.has(w));
  return { words, stems: words.map(stem) };
}

/** A normalized key for overlap checks between data sets. */
export function overlapKey(text: string): string {
  return normalize(text).stems.join(' ');
}
