/**
 * Which language a message is written in, from its words (Teams sends the client's locale, which is often
 * en-US for Norwegian admins). Conservative: answers only when the words say so clearly, otherwise undefined.
 * Pure; used by the dialogs' language store (an explicit choice the admin made still wins).
 */
import { LANGS, type Lang } from '../i18n';
import { lexicon } from '../i18n/lexicon';
import { fold } from './normalize';

/** Each language's cue words (lexicon `detection`), folded: a word counts for a language only if no other has it. */
const CUES = LANGS.map((lang) => {
  const { detection, letters } = lexicon(lang);
  return { lang, words: new Set(detection.words.map(fold)), strong: new Set(detection.strongWords.map(fold)), letters: Object.keys(letters) };
});

/** Names in quotes, addresses and links say nothing about the language the admin writes in. */
const NOT_PROSE = /"[^"\n]{0,80}"|“[^”\n]{0,80}”|«[^»\n]{0,80}»|(?<![\w])'[^'\n]{0,80}'(?![\w])|[^\s@]{1,64}@[^\s@]{1,255}|https?:\/\/\S+/g;

export function detectLanguage(text: string): Lang | undefined {
  const raw = (text ?? '').slice(0, 4000).replace(NOT_PROSE, ' ').toLowerCase();
  const words = fold(raw)
    .replace(/[^a-z'\s]/g, ' ')
    .replace(/'/g, '')
    .split(/\s+/)
    .filter((w) => w.length > 0)
    .slice(0, 200);
  // A letter only one language writes (ø) counts once for it.
  const score = CUES.map((c) => (c.letters.some((letter) => raw.includes(letter)) ? 1 : 0));
  for (const w of words) {
    const has = CUES.map((c) => c.words.has(w));
    if (has.filter(Boolean).length !== 1) continue;
    const i = has.indexOf(true);
    score[i] += CUES[i].strong.has(w) ? 2 : 1;
  }
  // The clear winner with at least two points, or no answer.
  const best = Math.max(...score);
  const winners = CUES.filter((_, i) => score[i] === best);
  return best >= 2 && winners.length === 1 ? winners[0].lang : undefined;
}
