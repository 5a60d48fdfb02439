import * as fs from 'fs';
import * as path from 'path';
import { createRecognizer, trainingExamples } from '../../src/recognizer';
import { UNSEEN_SET, languageOf, loadUnseen, score } from '../../src/recognizer/evaluate';
import { overlapKey } from '../../src/recognizer/normalize';
import { routeOf } from '../../src/recognizer/route';

const recognizer = createRecognizer();
const { lines, unknownLabels } = loadUnseen();
const everyLine = [...lines, ...unknownLabels];
const CONVERSATION = new Set(['help', 'greeting', 'out_of_scope']);

describe(`the unseen set (${UNSEEN_SET}): real admin phrasings, never trained or tuned on`, () => {
  it('says so next to it, and holds at least 120 lines, about half of them Norwegian', () => {
    const readme = fs.readFileSync(path.join(__dirname, 'README.md'), 'utf8');
    expect(readme).toMatch(/heldout\.unseen\.jsonl.{0,10} is never used for training or tuning/);
    expect(everyLine.length).toBeGreaterThanOrEqual(120);
    const norwegian = everyLine.filter((h) => languageOf(h) === 'nb').length / everyLine.length;
    expect(norwegian).toBeGreaterThanOrEqual(0.4);
    expect(norwegian).toBeLessThanOrEqual(0.6);
  });

  it('shares no line with the training data, even after normalisation', () => {
    const training = new Set(trainingExamples().map((e) => overlapKey(e.text)));
    expect(everyLine.filter((h) => training.has(overlapKey(h.text))).map((h) => h.text)).toEqual([]);
  });

  it('covers every topic, help, greetings and thanks in both languages, and a few true out-of-scope questions', () => {
    for (const lang of ['en', 'nb'] as const) {
      const labels = new Set(everyLine.filter((h) => languageOf(h) === lang).map((h) => h.intent));
      for (const intent of recognizer.recognize('hi').ranked.map((r) => r.intent)) expect([lang, labels.has(intent)]).toEqual([lang, true]);
    }
    expect(everyLine.filter((h) => h.intent === 'greeting' && /thank|thx|takk|cheers/i.test(h.text)).length).toBeGreaterThanOrEqual(3);
  });

  it('is recognised with at least 92 % accuracy overall and at least 90 % in each language', () => {
    const s = score(recognizer, lines);
    expect(s.all.correct / s.all.n).toBeGreaterThanOrEqual(0.92);
    expect(s.byLang.en.correct / s.byLang.en.n).toBeGreaterThanOrEqual(0.9);
    expect(s.byLang.nb.correct / s.byLang.nb.n).toBeGreaterThanOrEqual(0.9);
  });

  it('never answers a troubleshooting line "outside what I know", whatever its topic (also topics still being added)', () => {
    const troubleshooting = everyLine.filter((h) => !CONVERSATION.has(h.intent));
    expect(troubleshooting.length).toBeGreaterThanOrEqual(90);
    const outOfScope = troubleshooting.filter((h) => routeOf(recognizer.recognize(h.text, h.locale), h.text).kind === 'out_of_scope');
    expect(outOfScope.map((h) => h.text)).toEqual([]);
  });

  it('answers the true out-of-scope lines "outside what I know" (so the rule above is not met by never saying it)', () => {
    const outside = everyLine.filter((h) => h.intent === 'out_of_scope');
    expect(outside.length).toBeGreaterThanOrEqual(6);
    const answered = outside.filter((h) => routeOf(recognizer.recognize(h.text, h.locale), h.text).kind === 'out_of_scope');
    expect(answered.length / outside.length).toBeGreaterThanOrEqual(0.75);
  });
});
