import { describe, expect, it } from 'vitest';
import { classifyLogistic, trainLogistic } from '../../src/nlu/logistic.js';

// "b" shares most words with "a": only the discriminating word tells them apart.
const samples = [
  ...Array.from({ length: 10 }, (_, i) => ({ label: 'a', features: ['common', 'shared', 'alpha', `n${i}`] })),
  ...Array.from({ length: 10 }, (_, i) => ({ label: 'b', features: ['common', 'shared', 'beta', `m${i}`] })),
];

describe('logistic regression', () => {
  it('learns the word that separates two close classes', () => {
    const m = trainLogistic(samples, { epochs: 20 });
    expect(classifyLogistic(m, ['common', 'shared', 'alpha'])[0]!.label).toBe('a');
    expect(classifyLogistic(m, ['common', 'shared', 'beta'])[0]!.label).toBe('b');
    expect(classifyLogistic(m, ['alpha'])[0]!.score).toBeGreaterThan(0.8);
  });
  it('is near-uniform on features that carry no information', () => {
    const r = classifyLogistic(trainLogistic(samples, { epochs: 20 }), ['common', 'shared']);
    expect(Math.abs(r[0]!.score - 0.5)).toBeLessThan(0.15);
  });
  it('is deterministic for a given seed', () => {
    expect(trainLogistic(samples, { seed: 3 })).toEqual(trainLogistic(samples, { seed: 3 }));
  });
  it('with dropout, also learns the weaker word that a perfect one would otherwise make redundant', () => {
    // "alpha" alone separates the classes; "hint" is in every a and in some b. Hidden features in
    // training make the model lean on "hint" too, which is what a paraphrase without "alpha" has.
    const redundant = [
      ...Array.from({ length: 12 }, (_, i) => ({ label: 'a', features: ['alpha', 'hint', `n${i}`] })),
      ...Array.from({ length: 12 }, (_, i) => ({ label: 'b', features: i < 3 ? ['beta', 'hint', `m${i}`] : ['beta', `m${i}`] })),
    ];
    const scoreOfA = (dropout: number) => classifyLogistic(trainLogistic(redundant, { epochs: 30, dropout, seed: 5 }), ['hint']).find((r) => r.label === 'a')!.score;
    expect(scoreOfA(0.5)).toBeGreaterThan(scoreOfA(0) + 0.05);
    expect(classifyLogistic(trainLogistic(redundant, { epochs: 30, dropout: 0.5, seed: 5 }), ['beta'])[0]!.label).toBe('b');
  });
});
