export interface ClassMetrics {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface Prediction {
  id: string;
  text: string;
  label: string;
  predicted: string;
  score: number;
  /** the runner-up, for the error list */
  second?: { label: string; score: number };
}

export interface Scores {
  n: number;
  accuracy: number;
  macroF1: number;
  perClass: Record<string, ClassMetrics>;
  confusion: { gold: string; predicted: string; count: number }[];
}

const round = (x: number) => Math.round(x * 10000) / 10000;

/** Per-class precision/recall/F1 over the gold labels (macro-F1 averages the classes that occur in gold). */
export function score(preds: Prediction[]): Scores {
  const gold = [...new Set(preds.map((p) => p.label))].sort();
  const perClass: Record<string, ClassMetrics> = {};
  for (const label of gold) {
    const tp = preds.filter((p) => p.label === label && p.predicted === label).length;
    const fp = preds.filter((p) => p.label !== label && p.predicted === label).length;
    const fn = preds.filter((p) => p.label === label && p.predicted !== label).length;
    const precision = tp + fp ? tp / (tp + fp) : 0;
    const recall = tp + fn ? tp / (tp + fn) : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    perClass[label] = { precision: round(precision), recall: round(recall), f1: round(f1), support: tp + fn };
  }
  const pairs = new Map<string, number>();
  for (const p of preds) if (p.label !== p.predicted) pairs.set(`${p.label}\u0000${p.predicted}`, (pairs.get(`${p.label}\u0000${p.predicted}`) ?? 0) + 1);
  const confusion = [...pairs]
    .map(([k, count]) => {
      const [g, pr] = k.split('\u0000') as [string, string];
      return { gold: g, predicted: pr, count };
    })
    .sort((a, b) => b.count - a.count);
  const correct = preds.filter((p) => p.label === p.predicted).length;
  const f1s = Object.values(perClass).map((c) => c.f1);
  return {
    n: preds.length,
    accuracy: round(preds.length ? correct / preds.length : 0),
    macroF1: round(f1s.length ? f1s.reduce((a, b) => a + b, 0) / f1s.length : 0),
    perClass,
    confusion,
  };
}

export function percentile(values: number[], p: number): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const idx = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round(sorted[Math.max(0, idx)]! * 1000) / 1000;
}

/** k folds, stratified by label and deterministic (round-robin after a seeded shuffle). */
export function stratifiedFolds<T extends { label: string }>(rows: T[], k: number, seed = 42): T[][] {
  const folds: T[][] = Array.from({ length: k }, () => []);
  const byLabel = new Map<string, T[]>();
  for (const r of rows) byLabel.set(r.label, [...(byLabel.get(r.label) ?? []), r]);
  let rng = seed;
  const next = () => ((rng = (rng * 1103515245 + 12345) % 2147483648) / 2147483648);
  let i = 0;
  for (const label of [...byLabel.keys()].sort()) {
    const group = [...byLabel.get(label)!];
    for (let j = group.length - 1; j > 0; j -= 1) {
      const s = Math.floor(next() * (j + 1));
      [group[j], group[s]] = [group[s]!, group[j]!];
    }
    for (const r of group) folds[i++ % k]!.push(r);
  }
  return folds;
}
