/**
 * Text from a user or the tenant (group and app names, user names, typed queries, pasted errors, channel names) is
 * shown as literal text: Teams renders Markdown in card TextBlocks and facts and in plain messages, and a group named
 * `[Fix your licence](https://evil.example)` must not become a live link in the admins' channel. Only links the bot
 * builds itself (Learn links, buttons) stay live.
 *
 * Two layers, both idempotent (escaping twice changes nothing) and linear in the text:
 *  - `inert`: an invisible zero-width space breaks the syntax that makes text *live*, which is safe in every card
 *    property (also plain ones such as choice titles) and in messages: `](` of links and images, `<` of autolinks,
 *    HTML and `<at>` mentions, `://` and `www.` of bare URLs, `${` of Adaptive Card templating, `&…;` entities.
 *  - `literal` (for Markdown contexts: TextBlock, Fact, message text): `inert`, plus CommonMark backslash escapes for
 *    emphasis and code (`*`, `_` at a word edge, `~`, backtick) and for list/heading markers at the start of a line.
 *
 * `t()` applies `literal` to every string parameter by default; a parameter the bot built itself as Markdown is
 * passed as `markdown(text)` and goes in unchanged.
 */

const ZWSP = '\u200b';

const LIVE_SYNTAX = /\](?=\()|<(?=[A-Za-z/!?])|:(?=\/\/)|\b(?<=www)(?=\.)|\$(?=\{)|&(?=#?\w+;)/gi;

/** Breaks links, images, autolinks, HTML/mentions, bare URLs, entities and `${…}` with an invisible character. */
export function inert(text: string): string {
  return text.replace(LIVE_SYNTAX, (c) => c + ZWSP);
}

/** Emphasis and code delimiters (`_` only where it can delimit: at a word edge). */
const EMPHASIS = /[*~`]|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu;
/** List, quote and heading markers that start a line. */
const LINE_MARKER = /^([ \t]*)([-+#>]|\d+(?=[.)]))/gm;

function backslashesBefore(text: string, index: number): number {
  let n = 0;
  while (index - n - 1 >= 0 && text[index - n - 1] === '\\') n++;
  return n;
}

/** `inert`, plus backslash escapes so Markdown shows the text as typed (for TextBlocks, facts and messages). */
export function literal(text: string): string {
  return inert(text)
    // A delimiter after an odd number of backslashes is already escaped (this keeps `literal` idempotent).
    .replace(EMPHASIS, (c: string, offset: number, whole: string) => (backslashesBefore(whole, offset) % 2 === 0 ? `\\${c}` : c))
    .replace(LINE_MARKER, (_m, indent: string, marker: string) => (/^\d/.test(marker) ? `${indent}${marker}\\` : `${indent}\\${marker}`));
}

/** Markdown the bot built itself (e.g. a Learn link): `t()` puts it in unchanged. */
export class Markdown {
  constructor(readonly markdown: string) {}

  toString(): string {
    return this.markdown;
  }
}

export function markdown(text: string): Markdown {
  return new Markdown(text);
}
