/**
 * The embedded intent recogniser: trained once at start-up from the utterance files in
 * src/recognizer/data (English and Norwegian Bokmål together, so mixed-language messages work), then
 * cached. No network, deterministic, well under a second to train.
 */
import * as fs from 'fs';
import { LANGS } from '../i18n';
import { resourcePath } from '../paths';
import { extractEntities } from './entities';
import { INTENTS, isIntent, type Intent } from '../topics';
import { Model, type Example } from './model';
import type { IntentRecognizer, Recognition } from './types';

/**
 * Below this score the bot asks (a card of likely issues) instead of guessing. Calibrated by 5-fold
 * cross-validation on the training data only (`npm run eval -- --calibrate`), with
 * a wrong guess (a dialog the admin must back out of) costing twice an extra click; a test checks it still matches the data.
 */
export const CONFIDENCE_THRESHOLD = 0.62;

/** Below this share of known words the text is treated as noise ("hmm", "asdfgh"): always uncertain. */
export const MIN_COVERAGE = 0.34;

/** One training file per language in the locale table (src/i18n/locales.ts). */
export const TRAINING_FILES: readonly string[] = LANGS.map((lang) => `train.${lang}.json`);

export type TrainingData = Partial<Record<Intent, string[]>>;

export function loadTrainingData(file: string): TrainingData {
  const raw = JSON.parse(fs.readFileSync(resourcePath('src', 'recognizer', 'data', file), 'utf8')) as Record<string, unknown>;
  for (const [label, list] of Object.entries(raw)) {
    if (!isIntent(label)) throw new Error(`${file}: unknown intent label "${label}"`);
    if (!Array.isArray(list) || list.some((s) => typeof s !== 'string')) throw new Error(`${file}: "${label}" must be a list of strings`);
  }
  return raw as TrainingData;
}

export function trainingExamples(): Example[] {
  const out: Example[] = [];
  for (const file of TRAINING_FILES) {
    const data = loadTrainingData(file);
    for (const label of INTENTS) for (const text of data[label] ?? []) out.push({ text, label });
  }
  return out;
}

export class TrainedRecognizer implements IntentRecognizer {
  constructor(
    private readonly model: Model,
    private readonly threshold = CONFIDENCE_THRESHOLD,
  ) {}

  recognize(text: string, _locale?: string): Recognition {
    const prediction = this.model.predict(text ?? '');
    const ranked = prediction.ranked.map((r) => ({ intent: r.label as Intent, score: r.score }));
    const best = ranked[0];
    return {
      intent: best.intent,
      score: best.score,
      ranked,
      uncertain: best.score < this.threshold || prediction.coverage < MIN_COVERAGE,
      entities: extractEntities(text ?? ''),
    };
  }
}

let cached: TrainedRecognizer | undefined;

/** The shared recogniser: trains on first use, then returns the same instance. */
export function createRecognizer(): IntentRecognizer {
  cached ??= new TrainedRecognizer(Model.train(trainingExamples()));
  return cached;
}

export { extractEntities } from './entities';
