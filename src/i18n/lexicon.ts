/**
 * One lexicon per language: the words the bot listens for (commands, typed answers to cards, family and entity
 * words, acknowledgements, language cues, watch commands). Each language's lexicon lives in its locale folder,
 * `src/i18n/locales/<code>/lexicon.ts`, beside its strings; code builds its matchers from these lists and holds no
 * words of its own. Matching is exact on text the caller has normalized (lower case, single spaces, no trailing
 * punctuation) unless a field says otherwise; lists are written in lower case.
 *
 * Pattern lists (where a field says so) are alternations of literal phrases, escaped here, and an entry ending in
 * `*` also matches any word characters after it ("klargjøring*" → klargjøringen). Whole-text matches are set
 * look-ups; the built expressions are literal alternations, so every scan over message text stays linear
 * (src/textScan.ts, test/recognizer/hostileInput.test.ts).
 */
import { LANGS, type Lang } from './locales';
import type { Lexicon } from './lexiconTypes';
import { en } from './locales/en/lexicon';
import { nb } from './locales/nb/lexicon';

export type { Lexicon } from './lexiconTypes';

export const LEXICONS: Record<Lang, Lexicon> = { en, nb };

export function lexicon(lang: Lang): Lexicon {
  return LEXICONS[lang];
}

/** One list from every language's lexicon, in locale-table order, without repeats. */
export function fromAllLanguages(pick: (lexicon: Lexicon) => readonly string[]): string[] {
  return [...new Set(LANGS.flatMap((lang) => pick(LEXICONS[lang])))];
}

/** A set of phrases from every language, for whole-text matching. */
export function phraseSet(pick: (lexicon: Lexicon) => readonly string[]): ReadonlySet<string> {
  return new Set(fromAllLanguages(pick));
}

const SPECIAL = /[.*+?^${}()|[\]\\/]/g;

/** An expression that matches one phrase of the list (escaped; longest first; a trailing `*` adds `\w*`). */
export function alternation(phrases: readonly string[]): string {
  const parts = [...new Set(phrases)].sort((a, b) => b.length - a.length);
  if (parts.length === 0) throw new Error('alternation of an empty list');
  return `(?:${parts.map((p) => (p.endsWith('*') ? `${p.slice(0, -1).replace(SPECIAL, '\\$&')}\\w*` : p.replace(SPECIAL, '\\$&'))).join('|')})`;
}

/** Whole words: `\b(?:…)\b` over the phrases. */
export function wordsPattern(phrases: readonly string[], flags = ''): RegExp {
  return new RegExp(`\\b${alternation(phrases)}\\b`, flags);
}

/**
 * Whole words in any script ("nå" and "klargjøring" are words too, which `\b` does not know): the phrases of the
 * list, not inside a longer word; a trailing `*` stands for any letters or digits. Flag `u`.
 */
export function unicodeWordsPattern(phrases: readonly string[]): RegExp {
  const parts = [...new Set(phrases)].sort((a, b) => b.length - a.length);
  if (parts.length === 0) throw new Error('pattern of an empty list');
  const body = parts.map((p) => (p.endsWith('*') ? `${p.slice(0, -1).replace(SPECIAL, '\\$&')}[\\p{L}\\p{N}]*` : p.replace(SPECIAL, '\\$&'))).join('|');
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${body})(?![\\p{L}\\p{N}])`, 'u');
}
