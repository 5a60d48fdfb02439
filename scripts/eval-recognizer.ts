/**
 * `npm run eval`: scores the recogniser on both held-out sets (test/recognizer/heldout*.jsonl, never used for
 * training or tuning) per language and overall, prints the README table, the misses, and 5-fold
 * cross-validation on the training data. --calibrate also prints the cost-minimising confidence threshold
 * (the value CONFIDENCE_THRESHOLD should hold).
 */
import { CONFIDENCE_THRESHOLD, TrainedRecognizer, trainingExamples } from '../src/recognizer';
import { HELD_OUT_SETS, loadHeldOut, ratio, score, table, type HeldOutSet, type Score } from '../src/recognizer/evaluate';
import { Model, calibrateThreshold, crossValidate } from '../src/recognizer/model';

function main(): void {
  const examples = trainingExamples();
  const t0 = process.hrtime.bigint();
  const model = Model.train(examples);
  const trainMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const recognizer = new TrainedRecognizer(model);
  const scores = {} as Record<HeldOutSet, Score>;
  for (const set of Object.keys(HELD_OUT_SETS) as HeldOutSet[]) scores[set] = score(recognizer, loadHeldOut(set));

  console.log(`training examples: ${examples.length}; train time ${trainMs.toFixed(0)} ms; threshold ${CONFIDENCE_THRESHOLD}\n`);
  console.log(table(scores));
  for (const [set, s] of Object.entries(scores)) {
    console.log(`\n${set}: issue started or offered on the "which is it?" card ${ratio(s.issueReached).toFixed(3)} (${s.issueReached.correct}/${s.issueReached.n})`);
    if (s.troubleshootingOutOfScope.length) console.log(`  answered "outside what I know":\n    ${s.troubleshootingOutOfScope.join('\n    ')}`);
    console.log(s.misses.length ? `  misses:\n    ${s.misses.join('\n    ')}` : '  misses: none');
  }
  const cv = crossValidate(examples, 5);
  const acc = cv.filter((r) => r.predicted === r.label).length / cv.length;
  console.log(`\n5-fold cross-validation on the training data: accuracy ${acc.toFixed(3)} (${cv.length} examples)`);
  if (process.argv.includes('--calibrate')) {
    const best = calibrateThreshold(cv);
    console.log(`cost-minimising threshold ${best.threshold} (cost ${best.cost})`);
  }
}

if (require.main === module) main();
