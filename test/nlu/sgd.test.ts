import { describe, expect, it } from 'vitest';
import { dropFeatures, indexSamples, seededRandom, shuffle } from '../../src/nlu/sgd.js';

describe('training helpers shared by the logistic model and the embedding bag', () => {
  it('indexes labels sorted and each feature once per sample, in first-seen order', () => {
    const { labels, features, docs } = indexSamples([
      { label: 'b', features: ['x', 'y', 'x'] },
      { label: 'a', features: ['y', 'z'] },
    ]);
    expect(labels).toEqual(['a', 'b']);
    expect([...features]).toEqual([['x', 0], ['y', 1], ['z', 2]]);
    expect(docs).toEqual([{ y: 1, x: [0, 1] }, { y: 0, x: [1, 2] }]);
  });

  it('draws the same numbers in [0, 1) for the same seed, other numbers for another', () => {
    const a = Array.from({ length: 50 }, seededRandom(3));
    expect(Array.from({ length: 50 }, seededRandom(3))).toEqual(a);
    expect(Array.from({ length: 50 }, seededRandom(4))).not.toEqual(a);
    expect(a.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('shuffles into a permutation', () => {
    const order = Array.from({ length: 20 }, (_, i) => i);
    shuffle(order, seededRandom(1));
    expect(order).not.toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect([...order].sort((p, q) => p - q)).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it('hides about the given share of features, none at 0, and never all of them', () => {
    const x = Array.from({ length: 1000 }, (_, i) => i);
    expect(dropFeatures(x, 0, seededRandom(1))).toBe(x);
    const kept = dropFeatures(x, 0.4, seededRandom(1)).length;
    expect(kept).toBeGreaterThan(520);
    expect(kept).toBeLessThan(680);
    expect(dropFeatures([7], 0.999, seededRandom(2))).toEqual([7]);
  });
});
