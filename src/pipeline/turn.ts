import type { Normalized } from '../nlu/normalize.js';
import type { Ranking } from '../nlu/types.js';
import type { Pii } from './pii.js';
import type { SafetyHit } from './safety.js';

export type Action = 'answer' | 'clarify' | 'handoff' | 'urgent' | 'intake' | 'status';

export interface CitationView {
  law: string;
  article: string;
  quote: string;
}

export interface Reply {
  text: string;
  citations: CitationView[];
  quickReplies: string[];
  /** the knowledge entry answered, when there is one */
  entryId?: string;
  /** set when the turn created a work order */
  ticketNumber?: string;
}

/** The nlu object of DESIGN §5: plain ids, scores beside them, the raw ranking untouched. */
export interface NluView {
  intent: string;
  score: number;
  ranking: { intent: string; score: number }[];
  topic: string;
  topicScore: number;
  category: string;
  categoryScore: number;
  scam: string;
  scamScore: number;
}

export interface Decision {
  action: Action;
  /** why, in words an operator can read */
  reason: string;
  intent?: string;
  options?: [string, string];
}

/** One message's way through the pipeline; each stage adds its part and never rewrites another's. */
export interface Turn {
  input: { text: string; sessionId: string; channel: 'api' | 'web' | 'webhook' | 'console' };
  normalized?: Normalized;
  pii?: Pii;
  safety?: SafetyHit;
  rankings?: { intent: Ranking; topic: Ranking; category: Ranking; scam: Ranking };
  nlu?: NluView;
  decision?: Decision;
  reply?: Reply;
  trace: { stage: string; note: string }[];
}
