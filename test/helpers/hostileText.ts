/**
 * Hostile message texts of Teams' maximum size: shapes that made the old regular expressions and the entity
 * extraction retry from every position (quadratic time). Shared by the recogniser tests, the e2e test and the
 * benchmark.
 */

/** Teams' maximum message size, and the cap SyncHelper applies to a message's text (UTF-8 bytes). */
export const TEAMS_MESSAGE_BYTES = 28 * 1024;

/** `unit` repeated to exactly `bytes` UTF-8 bytes (units are ASCII unless `unicode`). */
export function repeatTo(unit: string, bytes = TEAMS_MESSAGE_BYTES): string {
  let out = '';
  while (Buffer.byteLength(out + unit, 'utf8') <= bytes) out += unit;
  return out.padEnd(out.length + (bytes - Buffer.byteLength(out, 'utf8')), ' ');
}

export const HOSTILE_SHAPES: Record<string, string> = {
  "'a' repeated": repeatTo("'a' "),
  'a@ repeated': repeatTo('a@'),
  'an unclosed double quote': `"${repeatTo('a ', TEAMS_MESSAGE_BYTES - 1)}`,
  'an unclosed single quote': `'${repeatTo('a ', TEAMS_MESSAGE_BYTES - 1)}`,
  'a long dotted run': repeatTo('a.'),
  'a long dotted run ending in an at-sign': `${repeatTo('a.', TEAMS_MESSAGE_BYTES - 2)}@@`,
  '" alternations': repeatTo('"a'),
  'curly quote alternations': repeatTo('“a'),
  'one long word': repeatTo('a'),
  'a long capitalised hyphenated word': repeatTo('Ab-'),
  'a run of punctuation': `${repeatTo('.', TEAMS_MESSAGE_BYTES - 1)}x`,
  'unicode (Norwegian letters and emoji)': repeatTo('Grüppe Ø😀 '),
  'unclosed <at> tags': repeatTo('<at>'),
  'unclosed < tags': repeatTo('<a'),
  'group keywords with names': repeatTo('group Sales '),
};

/** Names a user or the tenant can choose that would be live Markdown, mentions, HTML or templating if not escaped. */
export const HOSTILE_NAMES = {
  link: '[Fix your licence](https://evil.example/x)',
  image: '![logo](https://evil.example/pixel.png)',
  autolink: '<https://evil.example/login>',
  bareUrl: 'see https://evil.example/reset or www.evil.example',
  mention: '<at>Kari Nordmann</at> ${$root}',
  emphasis: '**URGENT** _read_ `now` ~~old~~',
  template: '${string($root)} ${secret}',
  html: '<img src=x onerror=alert(1)><b>bold</b> &lt;at&gt;',
} as const;

/**
 * What in a text a Teams client would make live: link or image syntax, an autolink or bare URL, an <at> mention or
 * HTML tag, `${` a template engine would evaluate, and (where Markdown is rendered) emphasis. Empty when it is all text.
 */
export function liveSyntaxIn(text: string, opts: { markdown: boolean } = { markdown: true }): string[] {
  const found: string[] = [];
  // A link or image to anywhere but Microsoft Learn (the bot's own links).
  if (/\]\((?!https:\/\/learn\.microsoft\.com\/)[a-z]+:/i.test(text)) found.push('markdown link or image');
  if (/<(?:https?:|at\b|img\b|b>)/i.test(text)) found.push('autolink, mention or HTML tag');
  if (/https?:\/\/evil/i.test(text) || /www\.evil/i.test(text)) found.push('bare URL');
  if (text.includes('${')) found.push('${ template syntax');
  if (opts.markdown && /(?<!\\)\*\*URGENT/.test(text)) found.push('emphasis');
  return found;
}

/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * liveSyntaxIn for every string a card shows: Markdown rules for TextBlocks and facts (Teams renders Markdown there),
 * live syntax only for plain properties (choice and button titles). Action `data` is never shown, so it is skipped
 * (it carries what the admin typed back to the bot, unchanged).
 */
export function liveSyntaxInCard(card: unknown): string[] {
  const found = new Set<string>();
  const visit = (node: any, markdownHere: boolean) => {
    if (typeof node === 'string') {
      for (const f of liveSyntaxIn(node, { markdown: markdownHere })) found.add(f);
      return;
    }
    if (Array.isArray(node)) return node.forEach((n) => visit(n, markdownHere));
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'data' && typeof node.type === 'string' && node.type.startsWith('Action.')) continue;
      if (node.type === 'FactSet' && key === 'facts') {
        // Fact titles and values are Markdown in Teams.
        for (const fact of Array.isArray(value) ? value : []) for (const v of Object.values(fact ?? {})) visit(v, true);
        continue;
      }
      visit(value, node.type === 'TextBlock' && key === 'text');
    }
  };
  visit(card, false);
  return [...found];
}
/* eslint-enable @typescript-eslint/no-explicit-any */

/** Text as a person reads it (zero-width spaces and Markdown backslash escapes are invisible). */
export function asRead(text: string): string {
  return text.replace(/\u200b/g, '').replace(/\\([\\`*_{}[\]()#+\-.!~|<>$])/g, '$1');
}
