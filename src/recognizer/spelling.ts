/**
 * Spelling repair against the training vocabulary, for words the model has never seen: a typo one edit away from a
 * known word ("provisoned", "licesne", "gruop") becomes that word, and a Norwegian compound made of known words
 * ("lisensgruppa", "klargjøringsloggen", "appgruppe") is split into its parts. Words the model knows are left alone,
 * so the training data is featurized exactly as before. Pure: no I/O.
 */

/** Typos are only repaired in words at least this long (short words are too often other real words). */
export const MIN_TYPO_LENGTH = 5;
/** Longer "words" (pasted ids, hostile input) are left alone, so repair stays linear in the message length. */
export const MAX_REPAIR_LENGTH = 40;
/** Each part of a split compound has at least this many letters. */
const MIN_PART = 3;
/** Letters Norwegian puts between the parts of a compound ("klargjøring-s-logg", "bruker-e-konto"). */
const LINKS = ['s', 'e'];

function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/** Optimal string alignment distance ≤ 1 (one insertion, deletion, substitution or swap of neighbours). */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // substitution
    return i + 1 < la && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // swap
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

export class Speller {
  /** Every known word and each of its one-letter deletions → the known words they come from. */
  private readonly byDeletion = new Map<string, string[]>();

  /** @param counts how often each word occurs in the training data (ties go to the more frequent word). */
  constructor(
    private readonly counts: ReadonlyMap<string, number>,
    private readonly options: { typos: boolean } = { typos: true },
  ) {
    for (const word of counts.keys()) {
      if (word.length < MIN_TYPO_LENGTH - 1 || /\d/.test(word)) continue;
      for (const key of [word, ...deletions(word)]) {
        const list = this.byDeletion.get(key);
        if (list) list.push(word);
        else this.byDeletion.set(key, [word]);
      }
    }
  }

  knows(word: string): boolean {
    return this.counts.has(word);
  }

  /** The known word one edit away from an unknown one (the most frequent if several), if any. */
  correction(word: string): string | undefined {
    if (word.length < MIN_TYPO_LENGTH || word.length > MAX_REPAIR_LENGTH || this.knows(word) || /\d/.test(word)) return undefined;
    let best: string | undefined;
    let bestCount = 0;
    for (const key of [word, ...deletions(word)]) {
      for (const candidate of this.byDeletion.get(key) ?? []) {
        const count = this.counts.get(candidate) ?? 0;
        if (count > bestCount && withinOneEdit(word, candidate)) {
          best = candidate;
          bestCount = count;
        }
      }
    }
    return best;
  }

  /** An unknown word split into two known words (with an optional linking s/e), the split with the longest head first. */
  split(word: string): [string, string] | undefined {
    if (word.length < 2 * MIN_PART || word.length > MAX_REPAIR_LENGTH || this.knows(word)) return undefined;
    for (let cut = word.length - MIN_PART; cut >= MIN_PART; cut--) {
      const head = word.slice(0, cut);
      const tail = word.slice(cut);
      if (!this.knows(tail)) continue;
      if (this.knows(head)) return [head, tail];
      const link = head.at(-1)!;
      if (LINKS.includes(link) && head.length - 1 >= MIN_PART && this.knows(head.slice(0, -1))) return [head.slice(0, -1), tail];
    }
    return undefined;
  }

  /** The words with unknown ones repaired: compounds split, then (when enabled) typos corrected; known words unchanged. */
  repair(words: readonly string[]): string[] {
    const out: string[] = [];
    for (const word of words) {
      if (this.knows(word)) out.push(word);
      else {
        const parts = this.split(word);
        if (parts) out.push(...parts);
        else out.push((this.options.typos ? this.correction(word) : undefined) ?? word);
      }
    }
    return out;
  }
}

/** Word counts of a corpus of already-normalised word lists. */
export function wordCounts(corpus: Iterable<readonly string[]>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const words of corpus) for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
  return counts;
}
