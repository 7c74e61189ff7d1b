import { softmaxRanking } from './naive-bayes.js';
import { dropFeatures, indexSamples, seededRandom, shuffle } from './sgd.js';
import type { Ranking, Sample } from './types.js';

export interface LogisticModel {
  kind: 'logistic';
  labels: string[];
  /** feature -> weight per label (only features seen in training) */
  weights: Record<string, number[]>;
  bias: number[];
}

export interface LogisticOptions {
  epochs?: number;
  learningRate?: number;
  l2?: number;
  seed?: number;
  /** share of a sample's features hidden from it in each epoch (0: none) */
  dropout?: number;
}

/**
 * Multinomial logistic regression (softmax) on binary features, trained with AdaGrad.
 * Discriminative where naive Bayes is generative: it learns which words separate close intents
 * (抚养费 vs 抚养权) instead of counting every word, and its probabilities are better calibrated.
 */
export function trainLogistic(samples: Sample[], options: LogisticOptions = {}): LogisticModel {
  const epochs = options.epochs ?? 30;
  const lr = options.learningRate ?? 0.5;
  const l2 = options.l2 ?? 1e-4;
  const { labels, features: featureIndex, docs } = indexSamples(samples);
  const K = labels.length;
  const F = featureIndex.size;
  const W = new Float64Array(F * K);
  const G = new Float64Array(F * K).fill(1e-8);
  const b = new Float64Array(K);
  const gb = new Float64Array(K).fill(1e-8);
  const order = docs.map((_, i) => i);
  const rand = seededRandom(options.seed ?? 7);
  const p = new Float64Array(K);
  const dropout = options.dropout ?? 0;
  for (let epoch = 0; epoch < epochs; epoch += 1) {
    shuffle(order, rand);
    for (const di of order) {
      const d = docs[di]!;
      const x = dropFeatures(d.x, dropout, rand);
      // Feature weights are scaled by 1/sqrt(n) so long texts do not saturate the softmax.
      const scale = 1 / Math.sqrt(Math.max(1, x.length));
      let max = -Infinity;
      for (let k = 0; k < K; k += 1) {
        let s = b[k]!;
        for (const f of x) s += W[f * K + k]! * scale;
        p[k] = s;
        if (s > max) max = s;
      }
      let sum = 0;
      for (let k = 0; k < K; k += 1) sum += p[k] = Math.exp(p[k]! - max);
      for (let k = 0; k < K; k += 1) {
        const g = p[k]! / sum - (k === d.y ? 1 : 0);
        gb[k]! += g * g;
        b[k]! -= (lr * g) / Math.sqrt(gb[k]!);
        for (const f of x) {
          const idx = f * K + k;
          const gw = g * scale + l2 * W[idx]!;
          G[idx]! += gw * gw;
          W[idx]! -= (lr * gw) / Math.sqrt(G[idx]!);
        }
      }
    }
  }
  const weights: Record<string, number[]> = {};
  for (const [f, i] of featureIndex) weights[f] = Array.from(W.subarray(i * K, i * K + K), (w) => Math.round(w * 1e5) / 1e5);
  return { kind: 'logistic', labels, weights, bias: Array.from(b) };
}

export function classifyLogistic(model: LogisticModel, features: string[]): Ranking {
  const K = model.labels.length;
  const known = [...new Set(features)].filter((f) => model.weights[f]);
  const scale = 1 / Math.sqrt(Math.max(1, known.length));
  const logits = [...model.bias];
  for (const f of known) {
    const w = model.weights[f]!;
    for (let k = 0; k < K; k += 1) logits[k]! += w[k]! * scale;
  }
  return softmaxRanking(model.labels, logits, 1);
}
