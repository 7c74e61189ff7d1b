import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { featurize } from './featurize.js';
import { classifyNaiveBayes, trainNaiveBayes, type NaiveBayesModel } from './naive-bayes.js';
import { NlpjsClassifier } from './nlpjs.js';
import type { LabelledText } from './corpus.js';
import type { Ranking } from './types.js';

export const MODEL_VERSION = 3;

/** Everything the trained NLU needs at run time, in one JSON file under MODEL_DIR. */
export interface NluModelData {
  version: number;
  trainedAt: string;
  /** hash of the corpora (and history) it learned from */
  corpusHash: string;
  intentToTopic: Record<string, string>;
  intent: { nlpjs: unknown; nb: NaiveBayesModel };
  topic: NaiveBayesModel;
  category: NaiveBayesModel;
  scam: NaiveBayesModel;
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

const toSamples = (rows: LabelledText[]) => rows.map((r) => ({ label: r.label, features: featurize(r.text) }));

// Temperatures chosen on the held-out intent fixtures so that NB posteriors spread like confidences
// instead of saturating at 1.0 (see the eval report's threshold section).
export const INTENT_NB_TEMPERATURE = 6;
export const CLASSIFIER_NB_TEMPERATURE = 4;

export function trainCategory(rows: LabelledText[]): NaiveBayesModel {
  return trainNaiveBayes(toSamples(rows), { uniformPriors: true, temperature: CLASSIFIER_NB_TEMPERATURE });
}

export function trainScam(rows: LabelledText[]): NaiveBayesModel {
  return trainNaiveBayes(toSamples(rows), { uniformPriors: true, temperature: CLASSIFIER_NB_TEMPERATURE });
}

export async function trainModel(set: TrainingSet, corpusHash = ''): Promise<NluModelData> {
  const nlpjs = await NlpjsClassifier.train(set.intents, { featurizer: featurize });
  const history = set.history ?? [];
  return {
    version: MODEL_VERSION,
    trainedAt: new Date().toISOString(),
    corpusHash,
    intentToTopic: set.intentToTopic,
    intent: {
      nlpjs: nlpjs.toJSON(),
      nb: trainNaiveBayes(toSamples(set.intents), { uniformPriors: true, temperature: INTENT_NB_TEMPERATURE }),
    },
    topic: trainNaiveBayes(toSamples(set.topics), { uniformPriors: true, temperature: CLASSIFIER_NB_TEMPERATURE }),
    category: trainCategory([...set.category, ...history]),
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
    return new Nlu(data, NlpjsClassifier.fromJSON(data.intent.nlpjs, { featurizer: featurize }));
  }

  /**
   * Intent ranking: NLP.js's neural network and naive Bayes over the same features, averaged.
   * Each alone misses different things (the network is sharp on seen words, Bayes smooth on
   * bigrams of unseen ones); the mean was better than either on the held-out fixtures.
   */
  async classifyIntent(text: string, features = featurize(text)): Promise<Ranking> {
    const nn = await this.nlpjs.classify(text);
    const nb = classifyNaiveBayes(this.data.intent.nb, features);
    return mergeRankings([nn, nb]);
  }

  async classify(text: string): Promise<NluResult> {
    const features = featurize(text);
    return {
      intentRanking: await this.classifyIntent(text, features),
      topicRanking: classifyNaiveBayes(this.data.topic, features),
      categoryRanking: classifyNaiveBayes(this.data.category, features),
      scamRanking: classifyNaiveBayes(this.data.scam, features),
    };
  }

  topicOf(intent: string): string | undefined {
    return this.data.intentToTopic[intent];
  }
}

export function mergeRankings(rankings: Ranking[]): Ranking {
  const sums = new Map<string, number>();
  for (const r of rankings) for (const { label, score } of r) sums.set(label, (sums.get(label) ?? 0) + score / rankings.length);
  return [...sums].map(([label, score]) => ({ label, score })).sort((a, b) => b.score - a.score);
}
