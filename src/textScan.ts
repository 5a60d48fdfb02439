/**
 * Linear-time scans over text a user typed. Some regular expressions look harmless but take quadratic time on
 * hostile input because the engine retries a failed match from every later start position: `<at>.*?</at>` on
 * many unclosed `<at>`, `<[^>]*>` on many `<` without `>`, an e-mail pattern inside a long run of word
 * characters. These helpers give the same matches as those expressions while reading each character a bounded
 * number of times, so one 28 KB message cannot hold the event loop for seconds.
 */

/** The first match of a global expression at or after a position, remembered while positions only grow. */
export class NextMatch {
  private cached: { index: number; length: number } | null | undefined;
  private searchedFrom = -1;

  constructor(
    private readonly text: string,
    private readonly re: RegExp,
  ) {
    if (!re.global) throw new Error('NextMatch needs a global expression');
  }

  /** Call with non-decreasing positions. */
  at(pos: number): { index: number; length: number } | null {
    if (this.cached === null && this.searchedFrom <= pos) return null;
    if (this.cached && this.cached.index >= pos && this.searchedFrom <= pos) return this.cached;
    this.re.lastIndex = pos;
    const m = this.re.exec(this.text);
    this.searchedFrom = pos;
    this.cached = m ? { index: m.index, length: Math.max(1, m[0].length) } : null;
    return this.cached;
  }
}

export interface TagSpanOptions {
  /** Where an opening tag may start (a global expression such as /<at\b/gi or /<at>/gi). */
  open: RegExp;
  /** The opening tag runs on to the next `>` (as in `<at\b[^>]*>`); otherwise it is just what `open` matched. */
  toGreaterThan: boolean;
  /** The closing tag (a global expression such as /<\/at>/gi). */
  close: RegExp;
  /** The inner text may not cross a line break (as `.` does not in `<at>.*?</at>`). */
  sameLine: boolean;
}

/** `<at>…</at>` on one line: what `/<at>.*?<\/at>/gi` matches. */
export const AT_ON_ONE_LINE: TagSpanOptions = { open: /<at>/gi, toGreaterThan: false, close: /<\/at>/gi, sameLine: true };

/** `<at …>…</at>` across lines: what `/<at\b[^>]*>([\s\S]*?)<\/at>/gi` matches. */
export const AT_SPAN: TagSpanOptions = { open: /<at\b/gi, toGreaterThan: true, close: /<\/at>/gi, sameLine: false };

const LINE_BREAK = /[\n\r\u2028\u2029]/g;

/**
 * Replaces every `open … close` span, the inner text being the shortest possible (like `/<at\b[^>]*>([\s\S]*?)<\/at>/g`
 * or `/<at>.*?<\/at>/g`), in linear time.
 */
export function replaceTagSpans(text: string, options: TagSpanOptions, replace: (whole: string, inner: string) => string): string {
  const open = new RegExp(options.open.source, options.open.flags.includes('g') ? options.open.flags : `${options.open.flags}g`);
  const close = new NextMatch(text, new RegExp(options.close.source, options.close.flags));
  const gt = new NextMatch(text, />/g);
  const lineBreak = new NextMatch(text, new RegExp(LINE_BREAK.source, 'g'));
  let out = '';
  let copied = 0;
  let pos = 0;
  while (pos <= text.length) {
    open.lastIndex = pos;
    const m = open.exec(text);
    if (!m) break;
    let innerStart = m.index + m[0].length;
    if (options.toGreaterThan) {
      const end = gt.at(innerStart);
      if (!end) break; // no `>` after this opening: none after any later one either
      innerStart = end.index + 1;
    }
    const closing = close.at(innerStart);
    if (!closing) break; // no closing tag after this opening: none after any later one either
    if (options.sameLine) {
      const lb = lineBreak.at(innerStart);
      if (lb && lb.index < closing.index) {
        pos = m.index + 1;
        continue;
      }
    }
    const end = closing.index + closing.length;
    out += text.slice(copied, m.index) + replace(text.slice(m.index, end), text.slice(innerStart, closing.index));
    copied = end;
    pos = end;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/**
 * `text.replace(re, replacement)` for an expression that can only match up to a closing character (such as
 * `/<[^>]*>/g`, which ends at `>`): the part after the last such character is left out of the search, so many
 * unclosed `<` cost no more than one.
 */
export function replaceUpToLast(text: string, last: string, re: RegExp, replacement: string): string {
  const end = text.lastIndexOf(last);
  if (end < 0) return text;
  return text.slice(0, end + last.length).replace(re, replacement) + text.slice(end + last.length);
}

/** `text` without a trailing run of the given characters (as `/[…]+$/` but linear). */
export function trimEndChars(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text[end - 1])) end--;
  return end === text.length ? text : text.slice(0, end);
}

export interface RunMatch {
  index: number;
  text: string;
}

/**
 * The matches of `pattern` (sticky) in `text`, where every match starts inside a run of `runChars` and its part
 * in that run always reaches the end of the run (an e-mail address: the local part, then `@`). Such a pattern
 * either matches from the first allowed start of a run or from none of its starts, so it is tried once per run
 * instead of once per character. `startOk` says whether a position may start a match (e.g. a word boundary).
 */
export function runAnchoredMatches(
  text: string,
  runChars: RegExp,
  pattern: RegExp,
  startOk: (text: string, index: number) => boolean = () => true,
): RunMatch[] {
  const runs = new RegExp(runChars.source, runChars.flags.includes('g') ? runChars.flags : `${runChars.flags}g`);
  const sticky = new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, '') + 'y');
  const out: RunMatch[] = [];
  let pos = 0;
  while (pos < text.length) {
    runs.lastIndex = pos;
    const run = runs.exec(text);
    if (!run) break;
    const runEnd = run.index + run[0].length;
    let start = run.index;
    while (start < runEnd && !startOk(text, start)) start++;
    if (start < runEnd) {
      sticky.lastIndex = start;
      const m = sticky.exec(text);
      if (m && m[0].length > 0) {
        out.push({ index: start, text: m[0] });
        pos = start + m[0].length;
        continue;
      }
    }
    pos = runEnd + 1;
  }
  return out;
}

/** `\b` at a position, as JavaScript regular expressions without the `u` flag see it. */
export function isWordBoundary(text: string, index: number): boolean {
  const word = (i: number) => i >= 0 && i < text.length && /\w/.test(text[i]);
  return word(index - 1) !== word(index);
}
