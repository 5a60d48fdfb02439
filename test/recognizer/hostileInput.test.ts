/**
 * An admin (or anyone in the tenant) sends one message of Teams' maximum size, built to make text scanning slow.
 * The old entity extraction took 6–19 s on `'a' ` repeated, blocking every other conversation. Each shape must now be
 * cost about what an ordinary message of the same size costs — measured against one in the same process, so a busy
 * machine slows both alike. Quadratic scanning costs hundreds of times more; speed targets live in `npm run bench`.
 */
import { performance } from 'perf_hooks';
import { normalizeText } from '../../src/bot/mentions';
import { createRecognizer } from '../../src/recognizer';
import { extractEntities } from '../../src/recognizer/entities';
import { normalize } from '../../src/recognizer/normalize';
import { HOSTILE_SHAPES, TEAMS_MESSAGE_BYTES, repeatTo } from '../helpers/hostileText';

/** How many times an ordinary message of the same size a hostile one may cost. Quadratic shapes cost 100×–10,000×. */
const SAFETY_RATIO = 25;

/** The best of three runs: the machine's noise only ever adds time. */
function timed(fn: () => unknown): number {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    fn();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

/** An ordinary question, repeated to the same size: what any 28 KB message costs on this machine right now. */
const ORDINARY = repeatTo('Why was Anna Berg not provisioned to "Salesforce" after we added her to Salg Oslo? ');

const recognizer = createRecognizer();
beforeAll(() => recognizer.recognize('warm up'));

describe.each(Object.entries(HOSTILE_SHAPES))('a 28 KB message of %s', (_shape, text) => {
  it('is the size Teams allows', () => {
    expect(Buffer.byteLength(text, 'utf8')).toBeLessThanOrEqual(TEAMS_MESSAGE_BYTES);
    expect(Buffer.byteLength(text, 'utf8')).toBeGreaterThan(TEAMS_MESSAGE_BYTES - 16);
  });

  it('goes through mention handling, entity extraction and the whole recogniser at the cost of an ordinary message', () => {
    let entities: unknown;
    let intent: unknown;
    const pipeline = (input: string) => () => {
      const typed = normalizeText({ text: input, recipient: { id: '28:bot', name: 'SyncHelper' } });
      entities = [extractEntities(input), extractEntities(typed)];
      intent = recognizer.recognize(typed, 'en-US').intent;
      normalize(typed);
    };
    const ordinary = timed(pipeline(ORDINARY));
    const hostile = timed(pipeline(text));
    expect(entities).toBeDefined();
    expect(typeof intent).toBe('string');
    expect(hostile / ordinary).toBeLessThan(SAFETY_RATIO);
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
