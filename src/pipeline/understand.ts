import type { Nlu, NluResult } from '../nlu/model.js';
import type { Ranking } from '../nlu/types.js';
import { THRESHOLDS } from './thresholds.js';
import type { NluView } from './turn.js';

const top = (r: Ranking) => r[0] ?? { label: 'None', score: 0 };

// A pasted message looks like one: a link, a 【signature】, a phone number, or simply length.
const MESSAGE_SHAPE = /https?:\/\/|www\.|【[^】]+】|(?<!\d)1[3-9]\d{9}(?!\d)|退订|验证码/;

/**
 * Derives the plain ids of DESIGN §4 from the rankings. Topic: a confident intent carries its own
 * topic (written by people who knew the law); otherwise the topic classifier decides. Scam: only
 * when the person asks about fraud or pastes something message-shaped, so that ordinary legal
 * questions are never labelled as scams.
 */
export function viewOf(nlu: Nlu, r: NluResult, text: string): NluView {
  const intent = top(r.intentRanking);
  const intentTopic = nlu.topicOf(intent.label);
  const topicTop = top(r.topicRanking);
  const useIntentTopic = intent.label !== 'None' && intentTopic !== undefined && intentTopic !== 'other' && intent.score >= THRESHOLDS.confident;
  const scamTop = top(r.scamRanking);
  const askingAboutFraud = intent.label.startsWith('fraud.') || MESSAGE_SHAPE.test(text) || text.length > 60;
  const categoryTop = top(r.categoryRanking);
  return {
    intent: intent.label,
    score: intent.score,
    ranking: r.intentRanking.slice(0, 5).map((x) => ({ intent: x.label, score: x.score })),
    topic: useIntentTopic ? intentTopic : topicTop.label,
    topicScore: useIntentTopic ? intent.score : topicTop.score,
    category: categoryTop.label,
    categoryScore: categoryTop.score,
    scam: askingAboutFraud ? scamTop.label : 'none',
    scamScore: askingAboutFraud ? scamTop.score : 0,
  };
}
