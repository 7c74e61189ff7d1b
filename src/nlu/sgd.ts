import type { Sample } from './types.js';

/** Samples as label and feature indices: what the trainers that learn one weight row per feature iterate over. */
export interface IndexedSamples {
  /** distinct labels, sorted */
  labels: string[];
  /** feature -> row, in first-seen order */
  features: Map<string, number>;
  /** per sample: label index and its distinct feature rows */
  docs: { y: number; x: number[] }[];
}

export function indexSamples(samples: Sample[]): IndexedSamples {
  const labels = [...new Set(samples.map((s) => s.label))].sort();
  const labelIndex = new Map(labels.map((l, i) => [l, i]));
  const features = new Map<string, number>();
  const docs = samples.map((s) => ({
    y: labelIndex.get(s.label)!,
    x: [...new Set(s.features)].map((f) => {
      let i = features.get(f);
      if (i === undefined) features.set(f, (i = features.size));
      return i;
    }),
  }));
  return { labels, features, docs };
}

/** A small linear congruential generator: the same seed gives the same model on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
}

/** Fisher-Yates, in place. */
export function shuffle(order: number[], rand: () => number): void {
  for (let i = order.length - 1; i > 0; i -= 1) {
    const j = Math.floor(rand() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
}

/** Each feature hidden with probability `dropout` (none when 0); never all of them. */
export function dropFeatures(x: number[], dropout: number, rand: () => number): number[] {
  if (dropout <= 0) return x;
  const kept = x.filter(() => rand() >= dropout);
  return kept.length ? kept : x;
}
