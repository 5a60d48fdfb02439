/**
 * An admin (or anyone in the tenant) sends one message of Teams' maximum size, built to make text scanning slow.
 * The old entity extraction took 6–19 s on `'a' ` repeated, blocking every other conversation. Each shape must now be
 * handled well inside a generous safety bound; speed targets themselves live in `npm run bench`.
 */
import { performance } from 'perf_hooks';
import { normalizeText } from '../../src/bot/mentions';
import { createRecognizer } from '../../src/recognizer';
import { extractEntities } from '../../src/recognizer/entities';
import { normalize } from '../../src/recognizer/normalize';
import { HOSTILE_SHAPES, TEAMS_MESSAGE_BYTES } from '../helpers/hostileText';

const SAFETY_BOUND_MS = 1000;

function timed(fn: () => unknown): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

const recognizer = createRecognizer();
beforeAll(() => recognizer.recognize('warm up'));

describe.each(Object.entries(HOSTILE_SHAPES))('a 28 KB message of %s', (_shape, text) => {
  it('is the size Teams allows', () => {
    expect(Buffer.byteLength(text, 'utf8')).toBeLessThanOrEqual(TEAMS_MESSAGE_BYTES);
    expect(Buffer.byteLength(text, 'utf8')).toBeGreaterThan(TEAMS_MESSAGE_BYTES - 16);
  });

  it('goes through mention handling, entity extraction and the whole recogniser within the safety bound', () => {
    let entities: unknown;
    let intent: unknown;
    const ms = timed(() => {
      const typed = normalizeText({ text, recipient: { id: '28:bot', name: 'SyncHelper' } });
      entities = [extractEntities(text), extractEntities(typed)];
      intent = recognizer.recognize(typed, 'en-US').intent;
      normalize(typed);
    });
    expect(entities).toBeDefined();
    expect(typeof intent).toBe('string');
    expect(ms).toBeLessThan(SAFETY_BOUND_MS);
  });
});

describe('names are still found around hostile text', () => {
  it('finds the quoted group after a long unquoted word', () => {
    const text = `${'x'.repeat(20000)} can't add members to group 'Sales Team'`;
    expect(extractEntities(text).group).toBe('Sales Team');
  });

  it('finds the address of the user after a long dotted run', () => {
    const text = `${'a.'.repeat(5000)}! user kari.nordmann@contoso.no is not provisioned to app Slack`;
    const entities = extractEntities(text);
    expect(entities.user).toBe('kari.nordmann@contoso.no');
    expect(entities.app).toBe('Slack');
  });
});
