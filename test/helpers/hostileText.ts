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
