import { describe, expect, it } from 'vitest';
import { classifyKnn, trainKnn } from '../../src/nlu/knn.js';

const samples = [
  { label: 'bus', features: ['公交', '线路', '站点', 'x1'] },
  { label: 'bus', features: ['公交', '末班车', 'x2'] },
  { label: 'water', features: ['停水', '小区', 'x3'] },
  { label: 'water', features: ['水压', '小区', '停水'] },
];

describe('nearest neighbours', () => {
  it('votes for the label of the most similar remembered messages', () => {
    const m = trainKnn(samples, 2);
    expect(classifyKnn(m, ['公交', '站点'])[0]!.label).toBe('bus');
    expect(classifyKnn(m, ['停水'])[0]!.label).toBe('water');
  });
  it('scores sum to 1, or are all 0 when nothing is shared', () => {
    const m = trainKnn(samples, 3);
    expect(classifyKnn(m, ['公交', '小区']).reduce((a, b) => a + b.score, 0)).toBeCloseTo(1, 6);
    expect(classifyKnn(m, ['无关']).every((x) => x.score === 0)).toBe(true);
  });
  it('survives a JSON round trip (the index is rebuilt lazily)', () => {
    const m = JSON.parse(JSON.stringify(trainKnn(samples, 2)));
    expect(classifyKnn(m, ['末班车'])[0]!.label).toBe('bus');
  });
});
