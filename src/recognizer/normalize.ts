/**
 * Text normalisation for the recogniser: one canonical form for English and Norwegian Bokmål admin chat.
 * Lower-case, fold each language's letters and accents, replace names/addresses/ids with placeholders, unify product
 * abbreviations (AAD, AADC, O365 …) and contractions, then a light suffix-stripping stemmer.
 */
import { LANGS } from '../i18n';
import { lexicon } from '../i18n/lexicon';
import { isWordBoundary, runAnchoredMatches } from '../textScan';

/** Multi-word and single-word synonyms → one canonical token. Applied on the folded text, longest first. */
const PHRASES: [RegExp, string][] = [
  // Product names
  [/\b(?:microsoft |ms )?(?:azure ?ad|aad|entra(?: id)?|azure active directory|ms entra) ?connect(?: ?sync)?\b/g, ' adconnect '],
  [/\b(?:ad ?connect|aadc|aad ?sync|azure ?ad ?sync|ad ?sync|dir ?sync|connect ?sync|cloud ?sync|entra ?sync|sync ?engine|synchronization service manager|sync service manager)\b/g, ' adconnect '],
  [/\b(?:microsoft |ms )?entra(?: id)?\b|\bazure active directory\b|\bazure ?ad\b|\baad\b|\bazad\b/g, ' entra '],
  [/\b(?:on ?prem(?:ise|ises)?|lokal(?:e)? (?:ad|active directory)|lokalt ad|onprem ad)\b/g, ' onprem '],
  [/\bactive directory\b/g, ' ad '],
  [/\b(?:o365|m365|office ?365|microsoft ?365)\b/g, ' m365 '],
  [/\bexo\b|\bexchange online\b/g, ' exchange '],
  [/\bdls?\b|\bdistribution ?lists?\b|\bdistribution ?groups?\b|\bdistribusjonsgrupp\w*|\bdistribusjonslist\w*/g, ' distlist '],
  [/\bsgs?\b|\bsecurity ?groups?\b|\bsikkerhetsgrupp\w*/g, ' secgroup '],
  [/\bm365 ?groups?\b|\bunified groups?\b|\bm365-grupp\w*/g, ' m365group '],
  [/\bglobal ?admin(?:istrator)?s?\b|\bga\b|\bglobal administrator\w*/g, ' globaladmin '],
  [/\bservice ?principals?\b|\bspn\b/g, ' serviceprincipal '],
  [/\benterprise ?apps?\b|\benterprise ?applications?\b|\bbedriftsapp\w*|\bbedriftsprogram\w*/g, ' enterpriseapp '],
  [/\bsource of authority\b|\bsoa\b|\bmyndighetskild\w*/g, ' soa '],
  [/\bprovision(?:ing)? on demand\b|\bon-?demand\b/g, ' ondemand '],
  [/\btest ?connection\b|\btest(?:e)? tilkobling(?:en)?\b/g, ' testconnection '],
  [/\bscoping ?filters?\b|\bomfangsfilter\w*/g, ' scopingfilter '],
  [/\bproxy ?address(?:es)?\b|\bproxyaddresses\b|\bproxy-adress\w*/g, ' proxyaddress '],
  [/\bone ?drive\b/g, ' onedrive '],
  [/\bshare ?point\b|\bspo\b/g, ' sharepoint '],
  // Contractions and negations
  [/\b(?:can ?not|can'?t|cant|cannot|couldn'?t|couldnt|unable to|not able to)\b/g, ' cannot '],
  [/\b(?:won'?t|wont|will not|wouldn'?t)\b/g, ' wont '],
  [/\b(?:doesn'?t|dosen'?t|dont|don'?t|didn'?t|didnt|isn'?t|isnt|aren'?t|arent|wasn'?t|werent|weren'?t|not|no longer|never)\b/g, ' not '],
  [/\b(?:ikke|ikkje|ikk|ik|itte)\b/g, ' not '],
  [/\b(?:klarer not|kan not|far not)\b/g, ' cannot '],
  // Common chat spellings
  [/\bpls\b|\bplz\b/g, ' please '],
  [/\bu\b/g, ' you '],
  [/\bgrp\b|\bgrps\b/g, ' group '],
  [/\busr\b|\busrs\b/g, ' user '],
  [/\bprov\b|\bprovisoning\b|\bprovisionning\b|\bprovsioning\b/g, ' provisioning '],
  [/\bsynch?\b|\bsynkr?\b/g, ' sync '],
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

/** Norwegian and English suffixes, longest first. Applied only to words of 5+ letters, keeping 3+. */
const SUFFIXES = [
  'eringene', 'eringen', 'eringer', 'ingene', 'ingen', 'inger',
  'ations', 'ation', 'ing', 'ings', 'ers', 'ene', 'ert', 'ies', 'ied', 'es', 'ed', 'er', 'en', 'et', 'ly',
  'te', 'de', 'a', 'e', 's',
];

export function stem(word: string): string {
  if (word.length < 5 || /\d/.test(word)) return word;
  for (const suffix of SUFFIXES) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 3) return word.slice(0, -suffix.length);
  }
  return word;
}

/** Small stop-word list (both languages): words that carry no intent. */
const STOP = new Set([
  'the', 'a', 'an', 'is', 'are', 'am', 'to', 'of', 'in', 'on', 'at', 'for', 'and', 'or', 'it', 'this', 'that',
  'i', 'we', 'my', 'our', 'me', 'be', 'been', 'was', 'were', 'its', 'so', 'just', 'still', 'any', 'some',
  'en', 'et', 'ei', 'og', 'eller', 'i', 'pa', 'til', 'av', 'for', 'med', 'jeg', 'vi', 'det', 'den', 'de',
  'er', 'var', 'har', 'som', 'at', 'sa', 'bare', 'fortsatt', 'meg', 'oss', 'min', 'mitt', 'mine', 'vart',
]);

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
