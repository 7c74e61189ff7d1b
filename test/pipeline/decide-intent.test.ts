import { describe, expect, it } from 'vitest';
import { decideIntent } from '../../src/pipeline/decide-intent.js';

const t = { outOfScope: 0.3, confident: 0.45, margin: 0.08, noneMargin: 0.08, searchScore: 25 };
const r = (...xs: [string, number][]) => xs.map(([label, score]) => ({ label, score }));

describe('decideIntent', () => {
  it('answers a clear winner', () => {
    expect(decideIntent(r(['a', 0.8], ['b', 0.1]), t)).toMatchObject({ kind: 'answer', intent: 'a' });
  });
  it('clarifies when the top two are close', () => {
    expect(decideIntent(r(['a', 0.5], ['b', 0.46]), t)).toMatchObject({ kind: 'clarify', options: ['a', 'b'] });
  });
  it('clarifies when the top score is low but above out-of-scope', () => {
    expect(decideIntent(r(['a', 0.4], ['b', 0.2]), t)).toMatchObject({ kind: 'clarify' });
  });
  it('hands off below the out-of-scope threshold or when None leads', () => {
    expect(decideIntent(r(['a', 0.2], ['b', 0.1]), t).kind).toBe('out_of_scope');
    expect(decideIntent(r(['None', 0.9], ['a', 0.05]), t).kind).toBe('out_of_scope');
  });
  it('does not offer None as a clarify option: None close behind means out of scope', () => {
    expect(decideIntent(r(['a', 0.5], ['None', 0.48]), t).kind).toBe('out_of_scope');
    expect(decideIntent(r(['a', 0.7], ['None', 0.2], ['b', 0.05]), t)).toMatchObject({ kind: 'answer', intent: 'a' });
  });
  it('never changes the ranking it reads', () => {
    const ranking = r(['a', 0.5], ['b', 0.46]);
    const copy = JSON.parse(JSON.stringify(ranking));
    decideIntent(ranking, t);
    expect(ranking).toEqual(copy);
  });
});
