import { processLine, processLines } from '../../scripts/recognize';
import { createRecognizer } from '../../src/recognizer';
import { SyncHelperRecognizer } from '../../src/recognizer/botRecognizer';
import type { DialogContext } from 'botbuilder-dialogs';
import { INTENTS } from '../../src/topics';

const recognizer = createRecognizer();

describe('npm run recognize (line processing)', () => {
  it('answers one JSON line per input line, in order', () => {
    const errors: string[] = [];
    const out = processLines(
      [
        JSON.stringify({ text: 'klargjøringen står i karantene', locale: 'nb-NO' }),
        JSON.stringify({ text: 'hello', locale: 'en-US' }),
        JSON.stringify({ text: 'AADC export errors AttributeValueMustBeUnique', locale: 'en-US' }),
      ],
      recognizer,
      (m) => errors.push(m),
    );
    expect(out).toHaveLength(3);
    const parsed = out.map((l) => JSON.parse(l) as { intent: string; score: number });
    expect(parsed.map((p) => p.intent)).toEqual(['provisioning.config_error', 'greeting', 'group.sync_errors']);
    for (const p of parsed) {
      expect(Object.keys(p)).toEqual(['intent', 'score']);
      expect(p.score).toBeGreaterThan(0);
      expect(p.score).toBeLessThanOrEqual(1);
    }
    expect(errors).toEqual([]);
  });

  it('still answers blank and broken lines, and says why on the error channel', () => {
    const errors: string[] = [];
    const out = processLines(['', 'not json', '{"locale":"en-US"}', '{"text":"hi"}'], recognizer, (m) => errors.push(m));
    expect(out.slice(0, 3).map((l) => JSON.parse(l))).toEqual([
      { intent: 'out_of_scope', score: 0 },
      { intent: 'out_of_scope', score: 0 },
      { intent: 'out_of_scope', score: 0 },
    ]);
    expect(JSON.parse(out[3]).intent).toBe('greeting');
    expect(errors).toHaveLength(3);
    expect(errors[1]).toMatch(/line 2/);
  });

  it('accepts a line without a locale', () => {
    expect(JSON.parse(processLine('{"text":"hjelp"}', recognizer).output).intent).toBe('help');
  });
});

describe('SyncHelperRecognizer (botbuilder-dialogs)', () => {
  it('returns a RecognizerResult with every intent scored and the entities', async () => {
    const bot = new SyncHelperRecognizer(recognizer);
    const result = await bot.recognize({} as DialogContext, { text: "can't add members to 'Sales Team'", locale: 'en-US' });
    expect(result.text).toBe("can't add members to 'Sales Team'");
    expect(Object.keys(result.intents)).toHaveLength(INTENTS.length);
    const top = Object.entries(result.intents).sort((a, b) => (b[1].score ?? 0) - (a[1].score ?? 0))[0];
    expect(top[0]).toBe('group.cannot_modify');
    expect(result.entities).toEqual({ group: 'Sales Team', names: ['Sales Team'] });
  });
});
