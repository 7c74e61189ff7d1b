import { describe, expect, it } from 'vitest';
import { percentile, score, stratifiedFolds } from '../../src/nlu/metrics.js';

const p = (label: string, predicted: string) => ({ id: label + predicted, text: '', label, predicted, score: 1 });

describe('metrics', () => {
  it('computes per-class precision, recall and F1 and macro-F1', () => {
    const s = score([p('a', 'a'), p('a', 'b'), p('b', 'b'), p('b', 'b')]);
    expect(s.accuracy).toBe(0.75);
    expect(s.perClass.a).toEqual({ precision: 1, recall: 0.5, f1: 0.6667, support: 2 });
    expect(s.perClass.b!.precision).toBeCloseTo(0.6667, 3);
    expect(s.confusion).toEqual([{ gold: 'a', predicted: 'b', count: 1 }]);
  });
  it('percentiles pick the right rank', () => {
    expect(percentile([5, 1, 3, 2, 4], 50)).toBe(3);
    expect(percentile([1, 2, 3, 4, 100], 99)).toBe(100);
  });
  it('folds are disjoint, cover every row and keep labels spread', () => {
    const rows = Array.from({ length: 50 }, (_, i) => ({ id: i, label: i % 5 === 0 ? 'rare' : 'common' }));
    const folds = stratifiedFolds(rows, 5);
    expect(folds.flat().map((r) => r.id).sort((a, b) => a - b)).toEqual(rows.map((r) => r.id));
    for (const f of folds) expect(f.filter((r) => r.label === 'rare')).toHaveLength(2);
  });
});
