import { softmaxRanking } from './naive-bayes.js';
import { dropFeatures, indexSamples, seededRandom, shuffle } from './sgd.js';
import type { Ranking, Sample } from './types.js';

/**
 * A fastText-style classifier: each feature has a small learned vector, a text is the mean of its
 * features' vectors, and one softmax layer reads the label from that mean. Unlike logistic
 * regression, whose weights are separate for every feature and label, all labels read the same
 * `dim` numbers: words that occur in similar sentences end up with similar vectors, so a paraphrase
 * built from words never seen with the right intent still lands near it.
 */
export interface EmbeddingBagModel {
  kind: 'embedding-bag';
  labels: string[];
  dim: number;
  /** the features, in the order of their vectors in `vectors` */
  features: string[];
  /** features.length x dim, row by row */
  vectors: number[];
  /** labels.length x dim, row by row */
  output: number[];
  bias: number[];
}

export interface EmbeddingBagOptions {
  dim?: number;
  epochs?: number;
  /** starting learning rate, decayed linearly to 0 over training */
  learningRate?: number;
  /** share of a sample's features hidden from it at each step (0: none) */
  dropout?: number;
  seed?: number;
}

export const EMBEDDING_BAG_DEFAULTS: Required<EmbeddingBagOptions> = { dim: 64, epochs: 40, learningRate: 0.5, dropout: 0.5, seed: 11 };

const round = (x: number) => Math.round(x * 1e4) / 1e4;

/** Plain SGD on the softmax loss; deterministic for a given seed (shuffling, dropout, initial vectors). */
export function trainEmbeddingBag(samples: Sample[], options: EmbeddingBagOptions = {}): EmbeddingBagModel {
  const { dim: D, epochs, learningRate, dropout, seed } = { ...EMBEDDING_BAG_DEFAULTS, ...options };
  const rand = seededRandom(seed);
  const { labels, features: featureIndex, docs } = indexSamples(samples);
  const K = labels.length;
  const vectors = new Float32Array(featureIndex.size * D);
  for (let i = 0; i < vectors.length; i += 1) vectors[i] = (rand() - 0.5) / D;
  const output = new Float32Array(K * D);
  const bias = new Float32Array(K);
  const hidden = new Float32Array(D);
  const gradHidden = new Float32Array(D);
  const p = new Float64Array(K);
  const order = docs.map((_, i) => i);
  const steps = epochs * docs.length;
  let step = 0;
  for (let epoch = 0; epoch < epochs; epoch += 1) {
    shuffle(order, rand);
    for (const di of order) {
      const doc = docs[di]!;
      const lr = learningRate * (1 - step / steps);
      step += 1;
      const x = dropFeatures(doc.x, dropout, rand);
      hidden.fill(0);
      for (const f of x) for (let k = 0; k < D; k += 1) hidden[k]! += vectors[f * D + k]!;
      for (let k = 0; k < D; k += 1) hidden[k]! /= x.length;
      let max = -Infinity;
      for (let c = 0; c < K; c += 1) {
        let s = bias[c]!;
        for (let k = 0; k < D; k += 1) s += output[c * D + k]! * hidden[k]!;
        p[c] = s;
        if (s > max) max = s;
      }
      let sum = 0;
      for (let c = 0; c < K; c += 1) sum += p[c] = Math.exp(p[c]! - max);
      gradHidden.fill(0);
      for (let c = 0; c < K; c += 1) {
        const g = p[c]! / sum - (c === doc.y ? 1 : 0);
        bias[c]! -= lr * g;
        for (let k = 0; k < D; k += 1) {
          gradHidden[k]! += g * output[c * D + k]!;
          output[c * D + k]! -= lr * g * hidden[k]!;
        }
      }
      for (const f of x) for (let k = 0; k < D; k += 1) vectors[f * D + k]! -= (lr * gradHidden[k]!) / x.length;
    }
  }
  return {
    kind: 'embedding-bag',
    labels,
    dim: D,
    features: [...featureIndex.keys()],
    vectors: Array.from(vectors, round),
    output: Array.from(output, round),
    bias: Array.from(bias, round),
  };
}

interface Loaded {
  rows: Map<string, number>;
  vectors: Float32Array;
  output: Float32Array;
}
const loaded = new WeakMap<EmbeddingBagModel, Loaded>();

/** Typed arrays and a feature index, built once per loaded model on first use. */
function load(model: EmbeddingBagModel): Loaded {
  let l = loaded.get(model);
  if (!l) loaded.set(model, (l = { rows: new Map(model.features.map((f, i) => [f, i])), vectors: Float32Array.from(model.vectors), output: Float32Array.from(model.output) }));
  return l;
}

/** Softmax over the labels; features never seen in training are ignored (all unseen: the bias alone). */
export function classifyEmbeddingBag(model: EmbeddingBagModel, features: string[]): Ranking {
  const { rows, vectors, output } = load(model);
  const D = model.dim;
  const hidden = new Float64Array(D);
  let n = 0;
  for (const f of new Set(features)) {
    const row = rows.get(f);
    if (row === undefined) continue;
    n += 1;
    for (let k = 0; k < D; k += 1) hidden[k]! += vectors[row * D + k]!;
  }
  if (n) for (let k = 0; k < D; k += 1) hidden[k]! /= n;
  const logits = model.labels.map((_, c) => {
    let s = model.bias[c]!;
    for (let k = 0; k < D; k += 1) s += output[c * D + k]! * hidden[k]!;
    return s;
  });
  return softmaxRanking(model.labels, logits, 1);
}
