import { describe, expect, it } from 'vitest';
import { decide, decidedIntent } from '../../src/pipeline/decide.js';

const t = { outOfScope: 0.3, confident: 0.45, margin: 0.08, noneMargin: 0.03, searchScore: 25 };
const r = (...xs: [string, number][]) => xs.map(([label, score]) => ({ label, score }));
const hit = (id: string, score: number, intent = 'x.y') => ({ id, title: `标题${id}`, intents: [intent], score });

describe('decide with the search second opinion', () => {
  it('does not call search when the classifier can answer', () => {
    let called = false;
    const d = decide(r(['a', 0.9]), () => ((called = true), []), t);
    expect(d).toMatchObject({ kind: 'answer', intent: 'a' });
    expect(called).toBe(false);
  });
  it('offers two entries found by search when the classifier is unsure', () => {
    const d = decide(r(['a', 0.2], ['b', 0.15]), () => [hit('e1', 40, 'b'), hit('e2', 30)], t);
    expect(d.kind).toBe('clarify_entries');
    expect(decidedIntent(d)).toBe('b');
  });
  it('still hands off when search finds too little, or the classifier says None', () => {
    expect(decide(r(['a', 0.2]), () => [hit('e1', 40), hit('e2', 10)], t).kind).toBe('out_of_scope');
    expect(decide(r(['None', 0.9]), () => [hit('e1', 99), hit('e2', 99)], t).kind).toBe('out_of_scope');
  });
});
