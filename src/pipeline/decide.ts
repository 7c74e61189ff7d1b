import type { SearchHit } from '../knowledge/search.js';
import type { Ranking } from '../nlu/types.js';
import { decideIntent, type IntentDecision } from './decide-intent.js';
import type { Thresholds } from './thresholds.js';

export type Decided =
  | IntentDecision
  | { kind: 'clarify_entries'; entries: [SearchHit, SearchHit]; reason: string };

/**
 * The classifier decides; full-text search over the knowledge is its second opinion. When the
 * classifier is too unsure to answer but does not think the text is chit-chat (its top label is not
 * None), two entries that search finds are offered instead of a flat hand-off.
 */
export function decide(ranking: Ranking, search: () => SearchHit[], t: Thresholds): Decided {
  const d = decideIntent(ranking, t);
  if (d.kind !== 'out_of_scope' || ranking[0]?.label === 'None' || !ranking[0]) return d;
  const hits = search().filter((h) => h.score >= t.searchScore);
  const [a, b] = hits;
  if (!a || !b) return d;
  return { kind: 'clarify_entries', entries: [a, b], reason: `${d.reason}; search offers ${a.id} (${a.score}) and ${b.id} (${b.score})` };
}

/** The intent a decision stands for, for scoring: the first option of a clarification, None for a hand-off. */
export function decidedIntent(d: Decided): string {
  switch (d.kind) {
    case 'answer':
      return d.intent;
    case 'clarify':
      return d.options[0];
    case 'clarify_entries':
      return d.entries[0].intents[0] ?? 'None';
    case 'out_of_scope':
      return 'None';
  }
}
