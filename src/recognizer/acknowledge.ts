/**
 * Thanks and acknowledgements ("thanks!", "takk, det funka", "perfect, that fixed it"): a message made only of
 * thanks/closing words gets a short friendly reply, never "outside what I know". A rule, not a label: the
 * recogniser's label for such a message stays `greeting` (DESIGN.md §Intent labels), and a message that also
 * describes a problem ("thanks, but the group still won't sync") is not an acknowledgement.
 */
import { fold } from './normalize';

/** Words that make a message an acknowledgement (folded: æ→ae, ø→o, å→a). */
const CORE = new Set([
  'thanks', 'thank', 'thx', 'tnx', 'ty', 'tx', 'cheers', 'appreciate', 'appreciated', 'great', 'perfect', 'awesome',
  'brilliant', 'excellent', 'nice', 'cool', 'ok', 'okay', 'k', 'bye', 'solved', 'fixed', 'sorted', 'worked',
  'takk', 'takker', 'tusen', 'supert', 'super', 'flott', 'perfekt', 'topp', 'kjempebra', 'bra', 'nydelig', 'fint',
  'funka', 'funket', 'fungerte', 'virket', 'losningen', 'loste', 'ordnet', 'skjonner', 'skjonte',
]);

/** Words that may accompany them without making the message a question. */
const FILLER = new Set([
  'a', 'lot', 'so', 'much', 'very', 'you', 'u', 'for', 'the', 'help', 'your', 'that', 'it', 'this', 'did', 'does', 'do',
  'works', 'work', 'working', 'now', 'all', 'good', 'got', 'understood', 'again', 'mate', 'man', 'bunch', 'many',
  'mine', 'indeed', 'really', 'yes', 'yeah', 'yep', 'and', 'thats', 'its', 'is', 'was', 'see', 'ya', 'later', 'bot',
  'synchelper', 'just', 'what', 'needed', 'i', 'we', 'problem', 'issue', 'our',
  'skal', 'du', 'ha', 'for', 'hjelpen', 'hjelpa', 'svaret', 'det', 'da', 'na', 'er', 'alt', 'i', 'orden', 'den',
  'grei', 'greit', 'ja', 'jo', 'hjertelig', 'mange', 'seg', 'problemet', 'virker', 'fungerer', 'funker', 'det',
  'deg', 'dere', 'igjen', 'bare', 'var', 'som', 'jeg', 'trengte', 'med', 'hei', 'sa', 'kjempe', 'og',
]);

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
