/**
 * Measures the recogniser on the held-out set (test/recognizer/heldout.jsonl, never used for training
 * or tuning): accuracy per language, the misses, train time and per-utterance latency.
 *   node_modules/.bin/tsc -p . && node dist/scripts/eval-recognizer.js [--calibrate]
 * --calibrate also runs 5-fold cross-validation on the TRAINING data and prints the cost-minimising
 * confidence threshold (the value CONFIDENCE_THRESHOLD should hold).
 */
import * as fs from 'fs';
import { resourcePath } from '../src/paths';
import { CONFIDENCE_THRESHOLD, TrainedRecognizer, trainingExamples } from '../src/recognizer';
import { Model, calibrateThreshold, crossValidate } from '../src/recognizer/model';

export interface HeldOut {
  text: string;
  locale: string;
  intent: string;
}

export function loadHeldOut(): HeldOut[] {
  return fs
    .readFileSync(resourcePath('test', 'recognizer', 'heldout.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as HeldOut);
}

export const languageOf = (locale: string): 'nb' | 'en' => (/^(nb|no|nn)\b/i.test(locale) ? 'nb' : 'en');

function main(): void {
  const examples = trainingExamples();
  const t0 = process.hrtime.bigint();
  const model = Model.train(examples);
  const trainMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const recognizer = new TrainedRecognizer(model);
  const heldOut = loadHeldOut();

  const stats: Record<string, { n: number; ok: number; uncertain: number }> = {};
  const misses: string[] = [];
  const t1 = process.hrtime.bigint();
  for (const h of heldOut) {
    const r = recognizer.recognize(h.text, h.locale);
    const lang = languageOf(h.locale);
    const s = (stats[lang] ??= { n: 0, ok: 0, uncertain: 0 });
    s.n++;
    if (r.uncertain) s.uncertain++;
    if (r.intent === h.intent) s.ok++;
    else misses.push(`  [${lang}] ${JSON.stringify(h.text)}  expected ${h.intent}, got ${r.intent} (${r.score.toFixed(2)}${r.uncertain ? ', uncertain' : ''}; 2nd ${r.ranked[1].intent} ${r.ranked[1].score.toFixed(2)})`);
  }
  const perUtteranceMs = Number(process.hrtime.bigint() - t1) / 1e6 / heldOut.length;

  console.log(`training examples: ${examples.length}; train time ${trainMs.toFixed(0)} ms; latency ${perUtteranceMs.toFixed(3)} ms/utterance`);
  let n = 0;
  let ok = 0;
  for (const [lang, s] of Object.entries(stats)) {
    n += s.n;
    ok += s.ok;
    console.log(`${lang}: accuracy ${(s.ok / s.n).toFixed(3)} (${s.ok}/${s.n}), uncertain ${s.uncertain}`);
  }
  console.log(`all: accuracy ${(ok / n).toFixed(3)} (${ok}/${n}); threshold ${CONFIDENCE_THRESHOLD}`);
  console.log(misses.length ? `misses:\n${misses.join('\n')}` : 'misses: none');

  if (process.argv.includes('--calibrate')) {
    const cv = crossValidate(examples, 5);
    const acc = cv.filter((r) => r.predicted === r.label).length / cv.length;
    const best = calibrateThreshold(cv);
    console.log(`5-fold CV on training data: accuracy ${acc.toFixed(3)}; cost-minimising threshold ${best.threshold} (cost ${best.cost})`);
  }
}

if (require.main === module) main();
