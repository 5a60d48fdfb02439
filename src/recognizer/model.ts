/**
 * A small, deterministic text classifier: sparse features (word stems, stem bigrams, character n-grams of
 * each word) fed to a multinomial logistic regression trained by seeded SGD. Pure: no I/O.
 */
import { normalize, stem } from './normalize';
import { Speller, wordCounts } from './spelling';

export interface Example {
  text: string;
  label: string;
}

export interface Prediction {
  ranked: { label: string; score: number }[];
  /** Share of the utterance's words the model has seen in training (0 when it knows none). */
  coverage: number;
}

export interface TrainOptions {
  epochs?: number;
  learningRate?: number;
  l2?: number;
  seed?: number;
  /** Relative weight of each feature family (each family's vector is L2-normalised first). */
  weights?: FeatureWeights;
  /**
   * How much rarer labels weigh in training: each example's loss is scaled by (mean label size / its label's size)
   * to this power. 0 = every example alike; 1 (default) = every label alike.
   */
  classBalance?: number;
  /** Share of a naive Bayes vote (same features) blended into the probabilities (default 0.3); 0 = logistic regression alone. */
  bayes?: number;
  /** Repair unknown words against the training vocabulary (./spelling.ts): split compounds (default true). */
  spelling?: boolean;
  /** Also correct one-edit typos in unknown words of 5+ letters (default false: it did not help 5-fold CV). */
  typos?: boolean;
}

export interface FeatureWeights {
  word: number;
  bigram: number;
  char: number;
}

/** Sparse feature vector: parallel arrays of feature names and weights. */
interface Sparse {
  names: string[];
  values: number[];
}

export const DEFAULT_WEIGHTS: FeatureWeights = { word: 1.0, bigram: 0.3, char: 1.2 };

function addGroup(out: Sparse, counts: Map<string, number>, weight: number): void {
  let norm = 0;
  for (const v of counts.values()) norm += v * v;
  if (norm === 0) return;
  const scale = weight / Math.sqrt(norm);
  for (const [name, v] of counts) {
    out.names.push(name);
    out.values.push(v * scale);
  }
}

function bump(map: Map<string, number>, key: string): void {
  map.set(key, 1); // binary presence: repeated words don't shout louder
}

export function featurize(text: string, weight: FeatureWeights = DEFAULT_WEIGHTS, speller?: Speller): { features: Sparse; words: string[]; stems: string[] } {
  const normalized = normalize(text);
  const words = speller ? speller.repair(normalized.words) : normalized.words;
  const stems = speller ? words.map(stem) : normalized.stems;
  const uni = new Map<string, number>();
  const bi = new Map<string, number>();
  const chars = new Map<string, number>();
  stems.forEach((s, i) => {
    bump(uni, `w:${s}`);
    if (i > 0) bump(bi, `b:${stems[i - 1]}_${s}`);
  });
  for (const w of words) {
    if (w.startsWith('x') && (w === 'xname' || w === 'xemail' || w === 'xguid' || w === 'xurl')) continue;
    const padded = `^${w}$`;
    for (let n = 3; n <= 5; n++) {
      for (let i = 0; i + n <= padded.length; i++) bump(chars, `c:${padded.slice(i, i + n)}`);
    }
  }
  const features: Sparse = { names: [], values: [] };
  addGroup(features, uni, weight.word);
  addGroup(features, bi, weight.bigram);
  addGroup(features, chars, weight.char);
  return { features, words, stems };
}

/** Deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function softmax(z: Float64Array): Float64Array {
  let max = -Infinity;
  for (const v of z) if (v > max) max = v;
  let sum = 0;
  const out = new Float64Array(z.length);
  for (let i = 0; i < z.length; i++) {
    out[i] = Math.exp(z[i] - max);
    sum += out[i];
  }
  for (let i = 0; i < z.length; i++) out[i] /= sum;
  return out;
}

export class Model {
  private constructor(
    readonly labels: string[],
    private readonly index: Map<string, number>,
    private readonly weights: Float64Array,
    private readonly bias: Float64Array,
    private readonly vocabulary: Set<string>,
    private readonly featureWeights: FeatureWeights,
    private readonly speller: Speller | undefined,
    private readonly bayes: { share: number; logLikelihood: Float64Array; logPrior: Float64Array } | undefined,
  ) {}

  static train(examples: Example[], options: TrainOptions = {}): Model {
    const epochs = options.epochs ?? 30;
    const lr0 = options.learningRate ?? 1.0;
    const l2 = options.l2 ?? 3e-4;
    const random = rng(options.seed ?? 20240501);
    const featureWeights = options.weights ?? DEFAULT_WEIGHTS;
    const speller = options.spelling === false ? undefined : new Speller(wordCounts(examples.map((e) => normalize(e.text).words)), { typos: options.typos ?? false });

    const labels = [...new Set(examples.map((e) => e.label))].sort();
    const labelIndex = new Map(labels.map((l, i) => [l, i]));
    const k = labels.length;
    const index = new Map<string, number>();
    const vocabulary = new Set<string>();
    const rows = examples.map((e) => {
      const { features, stems } = featurize(e.text, featureWeights, speller);
      stems.forEach((s) => vocabulary.add(s));
      const ids = features.names.map((n) => {
        let id = index.get(n);
        if (id === undefined) {
          id = index.size;
          index.set(n, id);
        }
        return id;
      });
      return { ids, values: features.values, y: labelIndex.get(e.label)! };
    });

    const sizes = new Array<number>(k).fill(0);
    for (const r of rows) sizes[r.y]++;
    const balance = options.classBalance ?? 1;
    const classWeight = sizes.map((n) => Math.pow(rows.length / k / Math.max(1, n), balance));
    const weights = new Float64Array(index.size * k);
    const bias = new Float64Array(k);
    const order = rows.map((_r, i) => i);
    const z = new Float64Array(k);
    const grad = new Float64Array(k);
    let step = 0;
    const total = epochs * rows.length;
    for (let epoch = 0; epoch < epochs; epoch++) {
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [order[i], order[j]] = [order[j], order[i]];
      }
      for (const r of order) {
        const row = rows[r];
        const lr = lr0 * (1 - step / total) + 0.02;
        step++;
        z.set(bias);
        for (let f = 0; f < row.ids.length; f++) {
          const base = row.ids[f] * k;
          const v = row.values[f];
          for (let c = 0; c < k; c++) z[c] += weights[base + c] * v;
        }
        const p = softmax(z);
        const cw = classWeight[row.y];
        for (let c = 0; c < k; c++) {
          grad[c] = (p[c] - (c === row.y ? 1 : 0)) * cw;
          bias[c] -= lr * grad[c] * 0.1;
        }
        // Feature-major, so each feature's k weights are updated in one contiguous run.
        for (let f = 0; f < row.ids.length; f++) {
          const base = row.ids[f] * k;
          const v = row.values[f];
          for (let c = 0; c < k; c++) weights[base + c] -= lr * (grad[c] * v + l2 * weights[base + c]);
        }
      }
    }
    let bayes: { share: number; logLikelihood: Float64Array; logPrior: Float64Array } | undefined;
    const bayesShare = options.bayes ?? 0.3;
    if (bayesShare > 0) {
      const mass = new Float64Array(index.size * k);
      const totals = new Float64Array(k);
      for (const row of rows) {
        for (let f = 0; f < row.ids.length; f++) {
          mass[row.ids[f] * k + row.y] += row.values[f];
          totals[row.y] += row.values[f];
        }
      }
      const alpha = 0.1;
      const logLikelihood = new Float64Array(index.size * k);
      for (let id = 0; id < index.size; id++) for (let c = 0; c < k; c++) logLikelihood[id * k + c] = Math.log((mass[id * k + c] + alpha) / (totals[c] + alpha * index.size));
      const logPrior = Float64Array.from(sizes, () => Math.log(1 / k));
      bayes = { share: bayesShare, logLikelihood, logPrior };
    }
    return new Model(labels, index, weights, bias, vocabulary, featureWeights, speller, bayes);
  }

  predict(text: string): Prediction {
    const k = this.labels.length;
    const { features, stems } = featurize(text, this.featureWeights, this.speller);
    const z = new Float64Array(this.bias);
    for (let f = 0; f < features.names.length; f++) {
      const id = this.index.get(features.names[f]);
      if (id === undefined) continue;
      const v = features.values[f];
      for (let c = 0; c < k; c++) z[c] += this.weights[id * k + c] * v;
    }
    let p = softmax(z);
    if (this.bayes) {
      const nb = new Float64Array(this.bayes.logPrior);
      for (let f = 0; f < features.names.length; f++) {
        const id = this.index.get(features.names[f]);
        if (id === undefined) continue;
        for (let c = 0; c < k; c++) nb[c] += this.bayes.logLikelihood[id * k + c] * features.values[f];
      }
      const q = softmax(nb);
      const share = this.bayes.share;
      p = p.map((v, c) => (1 - share) * v + share * q[c]);
    }
    const ranked = this.labels.map((label, i) => ({ label, score: p[i] })).sort((a, b) => b.score - a.score);
    const known = stems.filter((s) => this.vocabulary.has(s)).length;
    return { ranked, coverage: stems.length === 0 ? 0 : known / stems.length };
  }
}

/** k-fold cross-validation (deterministic folds): the best label and score of every example when held out. */
export function crossValidate(
  examples: Example[],
  folds = 5,
  options: TrainOptions = {},
): { label: string; predicted: string; score: number; coverage: number }[] {
  const out: { label: string; predicted: string; score: number; coverage: number }[] = [];
  for (let fold = 0; fold < folds; fold++) {
    const train = examples.filter((_e, i) => i % folds !== fold);
    const test = examples.filter((_e, i) => i % folds === fold);
    const model = Model.train(train, options);
    for (const e of test) {
      const p = model.predict(e.text);
      out.push({ label: e.label, predicted: p.ranked[0].label, score: p.ranked[0].score, coverage: p.coverage });
    }
  }
  return out;
}

/**
 * The threshold that minimises the expected cost on cross-validated predictions: acting on a wrong guess
 * costs `wrongCost`, asking when the guess was right costs 1 (one extra click on the "did you mean" card).
 */
export function calibrateThreshold(
  results: { label: string; predicted: string; score: number }[],
  wrongCost = 2,
  candidates: readonly number[] = Array.from({ length: 81 }, (_, i) => 0.1 + i / 100),
): { threshold: number; cost: number } {
  let best = { threshold: 0, cost: Infinity };
  for (const t of candidates) {
    let cost = 0;
    for (const r of results) {
      if (r.score >= t) cost += r.predicted === r.label ? 0 : wrongCost;
      else cost += r.predicted === r.label ? 1 : 0;
    }
    if (cost < best.cost) best = { threshold: Math.round(t * 100) / 100, cost };
  }
  return best;
}
