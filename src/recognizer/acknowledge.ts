/**
 * Thanks and acknowledgements ("thanks!", "takk, det funka", "perfect, that fixed it"): a message made only of
 * thanks/closing words gets a short friendly reply, never "outside what I know". A rule, not a label: the
 * recogniser's label for such a message stays `greeting` (src/topics.ts, INTENTS), and a message that also
 * describes a problem ("thanks, but the group still won't sync") is not an acknowledgement.
 */
import { fromAllLanguages } from '../i18n/lexicon';
import { fold } from './normalize';

/** Words that make a message an acknowledgement, in every language (lexicon `acknowledgement.core`), folded. */
const CORE = new Set(fromAllLanguages((l) => l.acknowledgement.core).map(fold));

/** Words that may accompany them without making the message a question (lexicon `acknowledgement.filler`). */
const FILLER = new Set(fromAllLanguages((l) => l.acknowledgement.filler).map(fold));

const MAX_WORDS = 10;

export function isAcknowledgement(text: string): boolean {
  const words = fold(text ?? '')
    .replace(/[^a-z0-9'\s]/g, ' ')
    .replace(/'/g, '')
    .split(/\s+/)
    .filter((w) => w.length > 0);
  if (words.length === 0 || words.length > MAX_WORDS) return false;
  return words.some((w) => CORE.has(w)) && words.every((w) => CORE.has(w) || FILLER.has(w));
}
