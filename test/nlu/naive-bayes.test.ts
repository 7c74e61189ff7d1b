import { describe, expect, it } from 'vitest';
import { classifyNaiveBayes, trainNaiveBayes } from '../../src/nlu/naive-bayes.js';

const samples = [
  { label: 'a', features: ['x', 'y'] },
  { label: 'a', features: ['x', 'z'] },
  { label: 'b', features: ['p', 'q'] },
  { label: 'b', features: ['p', 'r'] },
];

describe('naive Bayes', () => {
  it('ranks the label whose features match first, scores summing to 1', () => {
    const m = trainNaiveBayes(samples);
    const r = classifyNaiveBayes(m, ['x', 'y']);
    expect(r[0]!.label).toBe('a');
    expect(r.reduce((s, x) => s + x.score, 0)).toBeCloseTo(1, 6);
  });
  it('gives all labels 0 when no feature is known (nothing to go on is not confidence)', () => {
    const r = classifyNaiveBayes(trainNaiveBayes(samples), ['unknown']);
    expect(r.every((x) => x.score === 0)).toBe(true);
  });
  it('a higher temperature flattens the scores', () => {
    const sharp = classifyNaiveBayes(trainNaiveBayes(samples, { temperature: 1 }), ['x']);
    const flat = classifyNaiveBayes(trainNaiveBayes(samples, { temperature: 8 }), ['x']);
    expect(flat[0]!.score).toBeLessThan(sharp[0]!.score);
    expect(flat[0]!.label).toBe('a');
  });
});
