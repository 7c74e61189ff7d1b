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
  postings: Map<string, { doc: number; w: number }[]>;
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
    const postings = new Map<string, { doc: number; w: number }[]>();
    model.docs.forEach((features, doc) => {
      for (const [f, w] of unit(model, features)) {
        let list = postings.get(f);
        if (!list) postings.set(f, (list = []));
        list.push({ doc, w });
      }
    });
    indexes.set(model, (index = { postings }));
  }
  return index;
}

/** Similarity-weighted vote of the k nearest remembered messages; scores sum to 1 (or are all 0). */
export function classifyKnn(model: KnnModel, features: string[]): Ranking {
  const { postings } = indexOf(model);
  const sims = new Map<number, number>();
  for (const [f, w] of unit(model, features)) for (const p of postings.get(f) ?? []) sims.set(p.doc, (sims.get(p.doc) ?? 0) + w * p.w);
  const top = [...sims].sort((a, b) => b[1] - a[1]).slice(0, model.k);
  const total = top.reduce((s, [, x]) => s + x, 0);
  const votes = new Map<string, number>();
  for (const [doc, s] of top) votes.set(model.labels[doc]!, (votes.get(model.labels[doc]!) ?? 0) + (total ? s / total : 0));
  const labels = [...new Set(model.labels)];
  return labels.map((label) => ({ label, score: votes.get(label) ?? 0 })).sort((a, b) => b.score - a.score);
}
