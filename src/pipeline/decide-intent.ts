import type { Ranking } from '../nlu/types.js';
import type { Thresholds } from './thresholds.js';

export type IntentDecision =
  | { kind: 'answer'; intent: string; reason: string }
  | { kind: 'clarify'; options: [string, string]; reason: string }
  | { kind: 'out_of_scope'; reason: string };

const pct = (x: number) => x.toFixed(2);

/** Pure decision over a ranking; the ranking itself is never changed, only read. */
export function decideIntent(ranking: Ranking, t: Thresholds): IntentDecision {
  const [top, second] = ranking;
  if (!top || top.label === 'None') return { kind: 'out_of_scope', reason: top ? `top intent is None (${pct(top.score)})` : 'no ranking' };
  if (top.score < t.outOfScope) return { kind: 'out_of_scope', reason: `top score ${pct(top.score)} < outOfScope ${t.outOfScope}` };
  // "None" close behind the top intent means the sentence may well not be a legal question at all.
  if (second?.label === 'None' && top.score - second.score < t.noneMargin)
    return { kind: 'out_of_scope', reason: `None is within ${t.noneMargin} of ${top.label} (${pct(top.score)} vs ${pct(second.score)})` };
  const runnerUp = second && second.label !== 'None' ? second : undefined;
  if (runnerUp && top.score - runnerUp.score < t.margin)
    return { kind: 'clarify', options: [top.label, runnerUp.label], reason: `top two within ${t.margin} (${pct(top.score)} vs ${pct(runnerUp.score)})` };
  if (top.score < t.confident && runnerUp)
    return { kind: 'clarify', options: [top.label, runnerUp.label], reason: `top score ${pct(top.score)} < confident ${t.confident}` };
  return { kind: 'answer', intent: top.label, reason: `top ${top.label} ${pct(top.score)}` };
}
