import * as fs from 'fs';
import { resourcePath } from '../../src/paths';
import { createRecognizer, trainingExamples } from '../../src/recognizer';
import { isIntent } from '../../src/recognizer/intents';
import { overlapKey } from '../../src/recognizer/normalize';

interface HeldOut {
  text: string;
  locale: string;
  intent: string;
}

const heldOut: HeldOut[] = fs
  .readFileSync(resourcePath('test', 'recognizer', 'heldout.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as HeldOut);
const isNorwegian = (h: HeldOut) => /^(nb|no|nn)\b/i.test(h.locale);

describe('the held-out set (phrasings the recogniser never trained on)', () => {
  it('is big enough and at least 35 % Norwegian, with valid labels', () => {
    expect(heldOut.length).toBeGreaterThanOrEqual(150);
    expect(heldOut.filter(isNorwegian).length / heldOut.length).toBeGreaterThanOrEqual(0.35);
    for (const h of heldOut) expect(isIntent(h.intent)).toBe(true);
  });

  it('shares no utterance with the training data, even after normalisation', () => {
    const training = new Set(trainingExamples().map((e) => overlapKey(e.text)));
    const overlapping = heldOut.filter((h) => training.has(overlapKey(h.text))).map((h) => h.text);
    expect(overlapping).toEqual([]);
  });

  it.each([
    ['English', (h: HeldOut) => !isNorwegian(h)],
    ['Norwegian', isNorwegian],
  ])('is recognised with at least 90 %% accuracy in %s', (_name, pick) => {
    const recognizer = createRecognizer();
    const subset = heldOut.filter(pick);
    const correct = subset.filter((h) => recognizer.recognize(h.text, h.locale).intent === h.intent).length;
    expect(correct / subset.length).toBeGreaterThanOrEqual(0.9);
  });
});
