/**
 * `npm run eval`: scores the recogniser on the held-out sets (test/recognizer/heldout*.jsonl, never used for
 * training or tuning), and apart from them on the unseen set (heldout.unseen.jsonl, the honest number) per language and overall, prints the README table, the misses, and 5-fold
 * cross-validation on the training data. --calibrate also prints the cost-minimising confidence threshold
 * (the value CONFIDENCE_THRESHOLD should hold).
 */
import { CONFIDENCE_THRESHOLD, TrainedRecognizer, trainingExamples } from '../src/recognizer';
import { HELD_OUT_SETS, UNSEEN_SET, loadHeldOut, loadUnseen, ratio, score, table, unseenTable, type HeldOutSet, type Score } from '../src/recognizer/evaluate';
import { Model, calibrateThreshold, crossValidate } from '../src/recognizer/model';

function details(set: string, s: Score): void {
  console.log(`\n${set}: issue started or offered on the "which is it?" card ${ratio(s.issueReached).toFixed(3)} (${s.issueReached.correct}/${s.issueReached.n})`);
  if (s.troubleshootingOutOfScope.length) console.log(`  answered "outside what I know":\n    ${s.troubleshootingOutOfScope.join('\n    ')}`);
  console.log(s.misses.length ? `  misses:\n    ${s.misses.join('\n    ')}` : '  misses: none');
}

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
  for (const [set, s] of Object.entries(scores)) details(set, s);

  const unseen = loadUnseen();
  const unseenScore = score(recognizer, unseen.lines);
  console.log(`\n=== The unseen set (${UNSEEN_SET}): never used for training or tuning — the honest number ===`);
  if (unseen.unknownLabels.length) {
    const labels = [...new Set(unseen.unknownLabels.map((h) => h.intent))].join(', ');
    console.log(`skipped ${unseen.unknownLabels.length} line(s) labelled with a topic the recogniser does not know yet: ${labels}`);
  }
  console.log(unseenTable(unseenScore));
  details('unseen', unseenScore);
  const t1 = process.hrtime.bigint();
  const cv = crossValidate(examples, 5);
  const acc = cv.filter((r) => r.predicted === r.label).length / cv.length;
  console.log(`\n5-fold cross-validation on the training data: accuracy ${acc.toFixed(3)} (${cv.length} examples, ${(Number(process.hrtime.bigint() - t1) / 1e6).toFixed(0)} ms)`);
  if (process.argv.includes('--calibrate')) {
    const best = calibrateThreshold(cv);
    console.log(`cost-minimising threshold ${best.threshold} (cost ${best.cost})`);
  }
}

if (require.main === module) main();
