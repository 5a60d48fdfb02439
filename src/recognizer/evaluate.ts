/**
 * Scoring the recogniser on a held-out set (phrasings never used for training or tuning): accuracy of the label
 * per language and overall, and what the bot would do with each line (src/recognizer/route.ts) — in particular
 * how many troubleshooting questions would get "outside what I know". Used by `npm run eval` and the tests.
 */
import * as fs from 'fs';
import { resourcePath } from '../paths';
import { LANGS, LOCALES, isLang, resolveLang, type Lang } from '../i18n';
import { isIntent, isIssueIntent } from '../topics';
import { routeOf } from './route';
import type { IntentRecognizer } from './types';

export interface HeldOut {
  text: string;
  locale: string;
  intent: string;
  /** The language the line is written in (defaults to the locale's); a Norwegian line may come from an en-US client. */
  lang?: Lang;
}

/** The held-out sets, in test/recognizer: the original one, and the one collected from real admins' phrasing. */
export const HELD_OUT_SETS = { original: 'heldout.jsonl', admin: 'heldout.admin.jsonl', fresh: 'heldout.fresh.jsonl' } as const;
export type HeldOutSet = keyof typeof HELD_OUT_SETS;

function readLines(file: string): HeldOut[] {
  return fs
    .readFileSync(resourcePath('test', 'recognizer', file), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as HeldOut);
}

export function loadHeldOut(set: HeldOutSet): HeldOut[] {
  return readLines(HELD_OUT_SETS[set]);
}

/**
 * The unseen set: real admin phrasings collected before the model was last changed, NEVER used for training or
 * tuning (see test/recognizer/README.md). Scored on its own, apart from the other sets. Lines whose label the
 * recogniser does not know yet (a topic still being added) are set aside and counted, not scored.
 */
export const UNSEEN_SET = 'heldout.unseen.jsonl';

export function loadUnseen(): { lines: HeldOut[]; unknownLabels: HeldOut[] } {
  const all = readLines(UNSEEN_SET);
  return { lines: all.filter((h) => isIntent(h.intent)), unknownLabels: all.filter((h) => !isIntent(h.intent)) };
}

export const languageOf = (h: HeldOut): Lang => (isLang(h.lang) ? h.lang : resolveLang(h.locale));

export interface Tally {
  n: number;
  correct: number;
}

export interface Score {
  byLang: Record<Lang, Tally>;
  all: Tally;
  /** Lines labelled with an issue that the bot would answer "outside what I know". */
  troubleshootingOutOfScope: string[];
  /** Lines labelled with an issue where the bot starts that issue, or asks with it among the choices. */
  issueReached: Tally;
  misses: string[];
}

const ratio = (t: Tally) => (t.n === 0 ? 0 : t.correct / t.n);

export function score(recognizer: IntentRecognizer, lines: HeldOut[]): Score {
  const s: Score = { byLang: Object.fromEntries(LANGS.map((l) => [l, { n: 0, correct: 0 }])) as Record<Lang, Tally>, all: { n: 0, correct: 0 }, troubleshootingOutOfScope: [], issueReached: { n: 0, correct: 0 }, misses: [] };
  for (const h of lines) {
    const r = recognizer.recognize(h.text, h.locale);
    const lang = languageOf(h);
    const ok = r.intent === h.intent;
    for (const t of [s.byLang[lang], s.all]) {
      t.n++;
      if (ok) t.correct++;
    }
    if (!ok) s.misses.push(`[${lang}] ${JSON.stringify(h.text)} expected ${h.intent}, got ${r.intent} (${r.score.toFixed(2)}${r.uncertain ? ', uncertain' : ''}; 2nd ${r.ranked[1].intent} ${r.ranked[1].score.toFixed(2)})`);
    if (isIssueIntent(h.intent)) {
      const route = routeOf(r, h.text);
      s.issueReached.n++;
      if ((route.kind === 'issue' && route.intent === h.intent) || (route.kind === 'ask' && route.choices.includes(h.intent))) s.issueReached.correct++;
      if (route.kind === 'out_of_scope') s.troubleshootingOutOfScope.push(h.text);
    }
  }
  return s;
}

const pct = (t: Tally) => `${ratio(t).toFixed(3)} (${t.correct}/${t.n})`;

const TABLE_HEAD = [
  `| Held-out set |${LOCALES.map((l) => ` ${l.englishName} |`).join('')} Overall | Troubleshooting answered "outside what I know" |`,
  `|---|${LANGS.map(() => '---|').join('')}---|---|`,
];
const row = (name: string, s: Score) => `| ${name} |${LANGS.map((l) => ` ${pct(s.byLang[l])} |`).join('')} ${pct(s.all)} | ${s.troubleshootingOutOfScope.length} |`;

/** The README table for the unseen set alone (the honest number). */
export function unseenTable(s: Score): string {
  return [...TABLE_HEAD, row(`unseen (${UNSEEN_SET})`, s)].join('\n');
}

/** The README table: one row per held-out set and language, and overall. */
export function table(scores: Record<HeldOutSet, Score>): string {
  const rows = [...TABLE_HEAD];
  for (const [name, s] of Object.entries(scores)) rows.push(row(`${name} (${HELD_OUT_SETS[name as HeldOutSet]})`, s));
  const list = Object.values(scores);
  const sum = (pick: (s: Score) => Tally): Tally => list.reduce((acc, s) => ({ n: acc.n + pick(s).n, correct: acc.correct + pick(s).correct }), { n: 0, correct: 0 });
  const oos = list.reduce((n, s) => n + s.troubleshootingOutOfScope.length, 0);
  rows.push(`| **all sets** |${LANGS.map((l) => ` ${pct(sum((s) => s.byLang[l]))} |`).join('')} ${pct(sum((s) => s.all))} | ${oos} |`);
  return rows.join('\n');
}

export { ratio };
