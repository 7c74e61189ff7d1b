/**
 * Decision thresholds over the intent ranking (merged NLP.js + naive Bayes scores).
 * Chosen on the held-out intent fixtures and the out-of-scope set with `npm run eval -- --task intent`
 * (its report sweeps them): below OUT_OF_SCOPE the bot does not pretend to know and hands off; below
 * CONFIDENT, or when the runner-up is within MARGIN, it offers the top two instead of answering;
 * when the runner-up is None within NONE_MARGIN, the sentence is treated as out of scope.
 */
export const THRESHOLDS: Thresholds = {
  outOfScope: 0.3,
  confident: 0.45,
  margin: 0.08,
  noneMargin: 0.03,
  /** BM25 score a knowledge search hit needs to be offered when the classifier is unsure */
  searchScore: 25,
};

export interface Thresholds {
  outOfScope: number;
  confident: number;
  margin: number;
  noneMargin: number;
  searchScore: number;
}
