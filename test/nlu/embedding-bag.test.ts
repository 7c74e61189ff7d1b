import { describe, expect, it } from 'vitest';
import { classifyEmbeddingBag, trainEmbeddingBag } from '../../src/nlu/embedding-bag.js';

// "b" shares most words with "a": only the discriminating word tells them apart.
const close = [
  ...Array.from({ length: 10 }, (_, i) => ({ label: 'a', features: ['common', 'shared', 'alpha', `n${i}`] })),
  ...Array.from({ length: 10 }, (_, i) => ({ label: 'b', features: ['common', 'shared', 'beta', `m${i}`] })),
];

describe('embedding bag', () => {
  it('learns the word that separates two close classes', () => {
    const m = trainEmbeddingBag(close, { epochs: 60, dim: 16 });
    expect(classifyEmbeddingBag(m, ['common', 'shared', 'alpha'])[0]!.label).toBe('a');
    expect(classifyEmbeddingBag(m, ['common', 'shared', 'beta'])[0]!.label).toBe('b');
    expect(classifyEmbeddingBag(m, ['alpha'])[0]!.score).toBeGreaterThan(0.8);
  });

  it('is deterministic for a seed and survives a JSON round trip', () => {
    const a = trainEmbeddingBag(close, { seed: 3, epochs: 10, dim: 8 });
    expect(trainEmbeddingBag(close, { seed: 3, epochs: 10, dim: 8 })).toEqual(a);
    const copy = JSON.parse(JSON.stringify(a)) as typeof a;
    expect(classifyEmbeddingBag(copy, ['alpha', 'n1'])).toEqual(classifyEmbeddingBag(a, ['alpha', 'n1']));
  });

  it('falls back to the label priors when no feature is known', () => {
    const skewed = [...close, ...Array.from({ length: 30 }, (_, i) => ({ label: 'a', features: [`extra${i}`] }))];
    const r = classifyEmbeddingBag(trainEmbeddingBag(skewed, { epochs: 20, dim: 8 }), ['never-seen']);
    expect(r[0]!.label).toBe('a');
    expect(r.reduce((s, x) => s + x.score, 0)).toBeCloseTo(1, 6);
  });
});
