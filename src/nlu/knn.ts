import type { Ranking, Sample } from './types.js';

export interface KnnModel {
  kind: 'knn';
  k: number;
  /** label of each remembered message */
  labels: string[];
  /** features of each remembered message */
  docs: string[][];
  idf: Record<string, number>;
}

/**
 * Nearest neighbours over TF-IDF vectors of remembered messages (the shipped corpus and a
 * deployment's labelled history): many hotline messages repeat a matter already handled
 * (the same bus line, the same estate), and the closest past orders say where it went.
 */
export function trainKnn(samples: Sample[], k = 10): KnnModel {
  const df = new Map<string, number>();
  for (const s of samples) for (const f of new Set(s.features)) df.set(f, (df.get(f) ?? 0) + 1);
  const idf: Record<string, number> = {};
  for (const [f, n] of df) idf[f] = Math.round(Math.log((samples.length + 1) / (n + 1)) * 1e4) / 1e4;
  return { kind: 'knn', k, labels: samples.map((s) => s.label), docs: samples.map((s) => [...new Set(s.features)]), idf };
}

interface Index {
  postings: Map<string, { docs: Int32Array; weights: Float64Array }>;
  /** per-document similarity accumulator, reused between calls (zeroed after each) */
  sims: Float64Array;
  /** the distinct labels, in first-seen order */
  labels: string[];
}
const indexes = new WeakMap<KnnModel, Index>();

function unit(model: KnnModel, features: string[]): Map<string, number> {
  const v = new Map<string, number>();
  for (const f of new Set(features)) {
    const w = model.idf[f];
    if (w) v.set(f, w);
  }
  let norm = 0;
  for (const x of v.values()) norm += x * x;
  norm = Math.sqrt(norm) || 1;
  for (const [f, x] of v) v.set(f, x / norm);
  return v;
}

/** The inverted index is built once per loaded model, on first use. */
function indexOf(model: KnnModel): Index {
  let index = indexes.get(model);
  if (!index) {
    const lists = new Map<string, { docs: number[]; weights: number[] }>();
    model.docs.forEach((features, doc) => {
      for (const [f, w] of unit(model, features)) {
        let list = lists.get(f);
        if (!list) lists.set(f, (list = { docs: [], weights: [] }));
        list.docs.push(doc);
        list.weights.push(w);
      }
    });
    const postings = new Map([...lists].map(([f, l]) => [f, { docs: Int32Array.from(l.docs), weights: Float64Array.from(l.weights) }]));
    indexes.set(model, (index = { postings, sims: new Float64Array(model.docs.length), labels: [...new Set(model.labels)] }));
  }
  return index;
}

/**
 * Similarity-weighted vote of the k nearest remembered messages; scores sum to 1 (or are all 0).
 * Typed arrays rather than a Map of similarities: single characters (c:我) have postings in most of
 * the corpus, and the Map made this the slowest stage of a classification (bench: short texts 1.3 ms).
 */
export function classifyKnn(model: KnnModel, features: string[]): Ranking {
  const { postings, sims, labels } = indexOf(model);
  const touched: number[] = [];
  for (const [f, w] of unit(model, features)) {
    const p = postings.get(f);
    if (!p) continue;
    for (let i = 0; i < p.docs.length; i += 1) {
      const doc = p.docs[i]!;
      if (sims[doc] === 0) touched.push(doc);
      sims[doc]! += w * p.weights[i]!;
    }
  }
  // The k best in first-touched order on ties (what a stable sort of all of them would keep).
  const top: [number, number][] = [];
  for (const doc of touched) {
    const s = sims[doc]!;
    sims[doc] = 0;
    if (top.length === model.k && s <= top[top.length - 1]![1]) continue;
    let at = top.length;
    while (at > 0 && top[at - 1]![1] < s) at -= 1;
    top.splice(at, 0, [doc, s]);
    if (top.length > model.k) top.pop();
  }
  const total = top.reduce((sum, [, x]) => sum + x, 0);
  const votes = new Map<string, number>();
  for (const [doc, s] of top) votes.set(model.labels[doc]!, (votes.get(model.labels[doc]!) ?? 0) + (total ? s / total : 0));
  return labels.map((label) => ({ label, score: votes.get(label) ?? 0 })).sort((a, b) => b.score - a.score);
}
