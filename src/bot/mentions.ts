/**
 * Turns the text of a Teams message into what the admin actually typed to the bot.
 *
 * Teams sends `@SyncHelper my group won't sync` as `<at>SyncHelper</at> my group won't sync`, often wrapped in
 * HTML (`<p>`, `<div>`, `&nbsp;`), sometimes with the bot's name split over several `<at>` tags (names with
 * spaces) or with `&` encoded in the name. `TurnContext.removeRecipientMention` removes only the first exact
 * match, so we do it ourselves:
 *  - every `<at>…</at>` that belongs to the bot is removed (matched by the bot's mention entities, the
 *    recipient's name, or — for split names — a word of those names);
 *  - `<at>…</at>` of other people (a mention entity whose `mentioned.id` is not the bot) becomes their plain name;
 *  - any other leftover `<at>…</at>` is removed;
 *  - the bot's mention entity texts are removed even when they appear without tags;
 *  - remaining HTML tags are dropped, entities decoded, line breaks and runs of whitespace collapsed.
 */

import { AT_SPAN, replaceTagSpans, replaceUpToLast } from '../textScan';

export interface MentionEntityLike {
  type?: string;
  text?: string;
  mentioned?: { id?: string; name?: string };
}

export interface MessageLike {
  text?: string | null;
  entities?: unknown;
  recipient?: { id?: string; name?: string } | null;
}

const NAMED_ENTITIES: Record<string, string> = {
  nbsp: ' ',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  '#39': "'",
};

export function decodeHtmlEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/gi, (whole, body: string) => {
    const lower = body.toLowerCase();
    if (lower.startsWith('#x')) return safeCodePoint(parseInt(lower.slice(2), 16), whole);
    if (lower.startsWith('#')) return safeCodePoint(parseInt(lower.slice(1), 10), whole);
    return NAMED_ENTITIES[lower] ?? whole;
  });
}

function safeCodePoint(code: number, fallback: string): string {
  if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff) return fallback;
  const char = String.fromCodePoint(code);
  return char === '\u00a0' ? ' ' : char;
}

/** Channel ids of a bot come as `28:<appId>`; other clients may drop the prefix. Compare without it. */
function sameId(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  const strip = (id: string) => id.trim().toLowerCase().replace(/^28:/, '');
  return strip(a) === strip(b);
}

/** Name comparison key: decoded, whitespace collapsed, case-insensitive. */
function nameKey(text: string): string {
  return decodeHtmlEntities(stripTags(text, ' '))
    .replace(/\u200b|\u200c|\u200d|\ufeff/g, '')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim()
    .toLowerCase();
}


/** Text without HTML tags: `/<[^>]*>/g` (linear: nothing after the last `>` can be a tag). */
function stripTags(text: string, replacement: string): string {
  return replaceUpToLast(text, '>', /<[^>]*>/g, replacement);
}

function innerOfAt(text: string): string {
  let inner: string | undefined;
  replaceTagSpans(text, AT_SPAN, (whole, found) => {
    inner ??= found;
    return whole;
  });
  return inner ?? text;
}

function mentionEntities(entities: unknown): MentionEntityLike[] {
  if (!Array.isArray(entities)) return [];
  return entities.filter(
    (e): e is MentionEntityLike => typeof e === 'object' && e !== null && (e as MentionEntityLike).type === 'mention',
  );
}

/** The text the admin typed, with every mention of the bot removed and other people's mentions as plain names. */
export function normalizeText(activity: MessageLike): string {
  let text = typeof activity.text === 'string' ? activity.text : '';
  if (!text) return '';

  const recipientId = activity.recipient?.id;
  const mentions = mentionEntities(activity.entities);
  const botMentions = mentions.filter((m) => sameId(m.mentioned?.id, recipientId));
  const otherMentions = mentions.filter((m) => m.mentioned?.id && !sameId(m.mentioned.id, recipientId));

  const botNames = new Set<string>();
  const addBotName = (name: string | undefined) => {
    if (name && nameKey(name)) botNames.add(nameKey(name));
  };
  addBotName(activity.recipient?.name);
  for (const m of botMentions) {
    addBotName(m.mentioned?.name);
    if (m.text) addBotName(innerOfAt(m.text));
  }
  const botWords = new Set<string>();
  for (const name of botNames) for (const word of name.split(' ')) if (word) botWords.add(word);

  const otherNames = new Set<string>();
  for (const m of otherMentions) {
    if (m.mentioned?.name) otherNames.add(nameKey(m.mentioned.name));
    if (m.text) otherNames.add(nameKey(innerOfAt(m.text)));
  }
  const otherWords = new Set<string>();
  for (const name of otherNames) for (const word of name.split(' ')) if (word) otherWords.add(word);

  // 1. The bot's own entity texts as sent (`<at>SyncHelper</at>`, or `@SyncHelper` from some clients) — all of
  //    them, not only the first. A bare word is left to step 2 so "ask SyncHelper later" keeps its words.
  for (const m of botMentions) {
    const raw = m.text?.trim();
    if (raw && (raw.includes('<') || raw.startsWith('@'))) text = text.split(raw).join(' ');
  }

  // 2. Every <at>…</at> left: the bot's go, other people's become plain names, unknown ones go.
  text = replaceTagSpans(text, AT_SPAN, (_whole, inner) => {
    const key = nameKey(inner);
    if (!key) return ' ';
    if (otherNames.has(key)) return ` ${decodeHtmlEntities(stripTags(inner, ''))} `;
    if (botNames.has(key)) return ' ';
    const words = key.split(' ');
    if (words.every((w) => otherWords.has(w)) && !words.every((w) => botWords.has(w))) {
      return ` ${decodeHtmlEntities(stripTags(inner, ''))} `;
    }
    return ' ';
  });
  // An unmatched opening or closing <at> tag (truncated payloads) must not leak either.
  text = replaceUpToLast(text, '>', /<\/?at\b[^>]*>/gi, ' ');

  // 3. HTML → text: block-level breaks become spaces, other tags vanish, entities decoded.
  text = text
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<\/(p|div|li|ul|ol|h[1-6]|tr|blockquote)>/gi, ' ');
  text = stripTags(text, '');
  text = decodeHtmlEntities(text);

  // 4. Whitespace (incl. non-breaking and zero-width) collapsed; punctuation left dangling by the removed
  //    mention at the start ("@SyncHelper, my group…") dropped.
  text = text
    .replace(/\u200b|\u200c|\u200d|\ufeff/g, '')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim()
    .replace(/^[,:;]+\s*/, '')
    .trim();
  return text;
}
