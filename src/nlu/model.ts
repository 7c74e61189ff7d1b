import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { classifyEmbeddingBag, trainEmbeddingBag, type EmbeddingBagModel } from './embedding-bag.js';
import { featureViews, featurize, featurizeConcepts, featurizeIntent, featurizeMessage } from './featurize.js';
import { classifyKnn, trainKnn, type KnnModel } from './knn.js';
import { classifyLogistic, trainLogistic, type LogisticModel } from './logistic.js';
import { classifyNaiveBayes, trainNaiveBayes, type NaiveBayesModel } from './naive-bayes.js';
import { NlpjsClassifier } from './nlpjs.js';
import type { LabelledText } from './corpus.js';
import type { Ranking } from './types.js';

export const MODEL_VERSION = 12;

/** Everything the trained NLU needs at run time, in one JSON file under MODEL_DIR. */
export interface NluModelData {
  version: number;
  trainedAt: string;
  /** hash of the corpora (and history) it learned from */
  corpusHash: string;
  intentToTopic: Record<string, string>;
  intent: { nlpjs: unknown; nb: NaiveBayesModel; logistic: LogisticModel; knn: KnnModel; embedding: EmbeddingBagModel };
  topic: { nb: NaiveBayesModel; logistic: LogisticModel };
  category: CategoryModel;
  scam: LogisticModel;
  counts: { intents: number; utterances: number; categoryTexts: number; scamTexts: number; historyTexts: number };
}

export interface TrainingSet {
  intents: LabelledText[];
  intentToTopic: Record<string, string>;
  topics: LabelledText[];
  category: LabelledText[];
  scam: LabelledText[];
  /** a deployment's labelled history (category labels), learned on top of the shipped corpus */
  history?: LabelledText[];
}

const toSamples = (rows: LabelledText[], featurizer = featurize) => rows.map((r) => ({ label: r.label, features: featurizer(r.text) }));

// Settings chosen on the held-out intent fixtures and the out-of-scope set (scratch sweeps summarised
// in the eval report): alpha 0.1 and temperature 1 for Bayes inside the intent ensemble (chosen when it had three members).
export const INTENT_NB = { uniformPriors: true, alpha: 0.1, temperature: 1 } as const;
// Dropout 0.4 (each sample loses 40 % of its features in each epoch): held-out intents 0.944 -> 0.950
// (logistic alone 0.906 -> 0.930), topic unchanged (0.801); on topic, scam and category its own
// logistic models moved by less than 0.005 either way, so they keep none.
export const INTENT_LOGISTIC = { epochs: 20, learningRate: 0.3, l2: 1e-4, dropout: 0.4 } as const;
export const INTENT_KNN_K = 10;
export const CLASSIFIER_NB_TEMPERATURE = 4;

export interface CategoryModel {
  nb: NaiveBayesModel;
  logistic: LogisticModel;
  knn: KnnModel;
}

// Long messages saturate Bayes posteriors; temperature 20 puts them on the logistic model's scale.
export const CATEGORY_NB = { uniformPriors: true, alpha: 0.1, temperature: 20 } as const;
export const CATEGORY_LOGISTIC = { epochs: 30, learningRate: 0.3, l2: 1e-4 } as const;

/**
 * 12345 category: naive Bayes and logistic regression over message features (title-aware),
 * plus a vote of the 10 nearest remembered messages. On category-dev 5-fold cross-validation with
 * history: NB+LR 0.709, with the neighbours 0.745 (K 5-20 and weights 0.5-2 all between 0.72 and 0.75). A prior from the history's label counts was
 * tried on top and lowered it to 0.725, so there is none.
 */
export const CATEGORY_KNN_K = 10;
export const CATEGORY_KNN_WEIGHT = 2;
export function trainCategory(rows: LabelledText[], history: LabelledText[] = []): CategoryModel {
  const samples = [...rows, ...history].map((r) => ({ label: r.label, features: featurizeMessage(r.text) }));
  return { nb: trainNaiveBayes(samples, CATEGORY_NB), logistic: trainLogistic(samples, CATEGORY_LOGISTIC), knn: trainKnn(samples, CATEGORY_KNN_K) };
}

export function classifyCategory(model: CategoryModel, text: string): Ranking {
  const f = featurizeMessage(text);
  return mergeRankings([classifyNaiveBayes(model.nb, f), classifyLogistic(model.logistic, f), classifyKnn(model.knn, f)], [1, 1, CATEGORY_KNN_WEIGHT]);
}

/**
 * Topic: naive Bayes and logistic regression over the shared features plus concepts, Bayes weighted
 * twice (alone it is the stronger of the two on topic-dev: 0.765 vs 0.761; 2:1 gives 0.779, 1:1 0.779). The intent ranking's own topics are
 * mixed in later, in the pipeline (understand.ts), where both rankings are at hand.
 */
export const TOPIC_LOGISTIC = { epochs: 20, learningRate: 0.3, l2: 1e-4 } as const;
export function trainTopic(rows: LabelledText[]): { nb: NaiveBayesModel; logistic: LogisticModel } {
  const samples = toSamples(rows, featurizeConcepts);
  return { nb: trainNaiveBayes(samples, { uniformPriors: true, temperature: CLASSIFIER_NB_TEMPERATURE }), logistic: trainLogistic(samples, TOPIC_LOGISTIC) };
}

export function classifyTopic(model: { nb: NaiveBayesModel; logistic: LogisticModel }, features: string[]): Ranking {
  return mergeRankings([classifyNaiveBayes(model.nb, features), classifyLogistic(model.logistic, features)], [2, 1]);
}

/** Scam type: logistic regression (on scam-dev it beat naive Bayes and the mean of both: 0.855 vs 0.828 and 0.839). */
export const SCAM_LOGISTIC = { epochs: 30, learningRate: 0.3, l2: 1e-4 } as const;
export function trainScam(rows: LabelledText[]): LogisticModel {
  return trainLogistic(toSamples(rows), SCAM_LOGISTIC);
}

export async function trainModel(set: TrainingSet, corpusHash = ''): Promise<NluModelData> {
  const nlpjs = await NlpjsClassifier.train(set.intents, { featurizer: featurizeConcepts });
  const intentSamples = toSamples(set.intents, featurizeIntent);
  const history = set.history ?? [];
  return {
    version: MODEL_VERSION,
    trainedAt: new Date().toISOString(),
    corpusHash,
    intentToTopic: set.intentToTopic,
    intent: {
      nlpjs: nlpjs.toJSON(),
      nb: trainNaiveBayes(intentSamples, INTENT_NB),
      logistic: trainLogistic(intentSamples, INTENT_LOGISTIC),
      knn: trainKnn(intentSamples, INTENT_KNN_K),
      embedding: trainEmbeddingBag(intentSamples),
    },
    topic: trainTopic(set.topics),
    category: trainCategory(set.category, history),
    scam: trainScam(set.scam),
    counts: {
      intents: Object.keys(set.intentToTopic).length,
      utterances: set.intents.length,
      categoryTexts: set.category.length,
      scamTexts: set.scam.length,
      historyTexts: history.length,
    },
  };
}

const ModelFileSchema = z.object({ version: z.literal(MODEL_VERSION) }).passthrough();

export function saveModel(file: string, model: NluModelData): void {
  mkdirSync(dirname(file), { recursive: true });
  // Write then rename: a crash mid-write never leaves a half model that the next start would load.
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(model));
  renameSync(tmp, file);
}

/** A saved model of another version is ignored (retrained), never half-used. */
export function loadModel(file: string): NluModelData | null {
  if (!existsSync(file)) return null;
  const raw: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (!ModelFileSchema.safeParse(raw).success) return null;
  return raw as NluModelData;
}

export interface NluResult {
  intentRanking: Ranking;
  topicRanking: Ranking;
  categoryRanking: Ranking;
  scamRanking: Ranking;
}

/** The trained NLU, ready to classify. */
export class Nlu {
  private constructor(
    readonly data: NluModelData,
    private readonly nlpjs: NlpjsClassifier,
  ) {}

  static fromData(data: NluModelData): Nlu {
    return new Nlu(data, NlpjsClassifier.fromJSON(data.intent.nlpjs, { featurizer: featurizeConcepts }));
  }

  /**
   * Intent ranking: the mean of five classifiers. NLP.js's neural network sees the shared features
   * and concepts; naive Bayes, logistic regression, the ten nearest corpus sentences and the
   * embedding bag also see single characters. Each misses different sentences (the network is sharp
   * on seen words, Bayes smooth on unseen bigrams, the logistic model weighs the words that separate
   * close intents, the neighbours follow one close paraphrase, the embedding bag lets words that
   * occur in similar sentences stand in for each other). On the held-out fixtures the three-way mean
   * over the shared features scored 0.923 (out of scope not answered 0.923); characters plus
   * neighbours 0.933 (0.932). Concept features for all members plus 802 more corpus utterances:
   * about 0.947 (0.944-0.952 over logistic seeds). Dropout in the logistic model: 0.950. The embedding
   * bag: 0.955-0.959 over four seed pairs of both (5-fold cross-validation inside the corpus,
   * without the network: 0.859 -> 0.875); out of scope not answered 0.911.
   */
  async classifyIntent(text: string): Promise<Ranking> {
    return this.rankIntent(text, featurizeIntent(text));
  }

  private async rankIntent(text: string, features: string[]): Promise<Ranking> {
    const nn = await this.nlpjs.classify(text);
    const nb = classifyNaiveBayes(this.data.intent.nb, features);
    const lr = classifyLogistic(this.data.intent.logistic, features);
    const knn = classifyKnn(this.data.intent.knn, features);
    const embedding = classifyEmbeddingBag(this.data.intent.embedding, features);
    return mergeRankings([nn, nb, lr, knn, embedding]);
  }

  async classify(text: string): Promise<NluResult> {
    const views = featureViews(text);
    return {
      intentRanking: await this.rankIntent(text, views.intent),
      topicRanking: classifyTopic(this.data.topic, views.concepts),
      categoryRanking: classifyCategory(this.data.category, text),
      scamRanking: classifyLogistic(this.data.scam, views.shared),
    };
  }

  /**
   * The words that pushed a text towards a category: its features ranked by the logistic model's
   * weight for that label above the mean of the other labels. What the console highlights.
   */
  explainCategory(text: string, label: string, limit = 6): string[] {
    const lr = this.data.category.logistic;
    const k = lr.labels.indexOf(label);
    if (k < 0) return [];
    const scored: { word: string; w: number }[] = [];
    for (const f of new Set(featurizeMessage(text))) {
      const row = lr.weights[f];
      const m = /^t?w:(.+)$/.exec(f);
      // Single characters (欠, 交) explain nothing to an operator: words only.
      if (!row || !m || m[1]!.length < 2) continue;
      const others = (row.reduce((a, b) => a + b, 0) - row[k]!) / Math.max(1, row.length - 1);
      scored.push({ word: m[1]!, w: row[k]! - others });
    }
    return [...new Set(scored.filter((s) => s.w > 0).sort((a, b) => b.w - a.w).map((s) => s.word))].slice(0, limit);
  }

  topicOf(intent: string): string | undefined {
    return this.data.intentToTopic[intent];
  }
}

/** Weighted mean of rankings (equal weights by default); the inputs are not changed. */
export function mergeRankings(rankings: Ranking[], weights: number[] = rankings.map(() => 1)): Ranking {
  const total = weights.reduce((a, b) => a + b, 0);
  const sums = new Map<string, number>();
  rankings.forEach((r, i) => {
    for (const { label, score } of r) sums.set(label, (sums.get(label) ?? 0) + (score * weights[i]!) / total);
  });
  return [...sums].map(([label, score]) => ({ label, score })).sort((a, b) => b.score - a.score);
}
