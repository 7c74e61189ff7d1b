/**
 * The one place that touches NLP.js (@nlpjs/core, @nlpjs/nlp, @nlpjs/lang-zh), which ships no types.
 * Two flavours share the same facade:
 *  - "stock": NLP.js with @nlpjs/lang-zh exactly as shipped (the baseline every evaluation shows);
 *  - "engineered": the same Nlp and neural network, with lang-zh registered, but its pinyin stemmer
 *    replaced by our feature extractor (jieba words + character bigrams over normalised text).
 */
import { createRequire } from 'node:module';
import type { Ranking } from './types.js';

const require = createRequire(import.meta.url);

interface NlpjsClassification {
  intent: string;
  score: number;
}
interface NlpjsResult {
  intent: string;
  score: number;
  classifications?: NlpjsClassification[];
}
interface NlpjsNlp {
  settings: { autoSave: boolean; autoLoad: boolean; threshold: number; calculateSentiment: boolean };
  addLanguage(locale: string): void;
  addDocument(locale: string, utterance: string, intent: string): void;
  train(): Promise<unknown>;
  process(locale: string, utterance: string): Promise<NlpjsResult>;
  toJSON(): unknown;
  fromJSON(json: unknown): void;
}
interface NlpjsContainer {
  use(plugin: unknown): void;
  get(name: 'nlp'): NlpjsNlp;
  register(name: string, value: unknown, singleton?: boolean): void;
}
interface NlpjsStemmer {
  name: string;
  stem(text: string, input?: { text?: string; utterance?: string }): Promise<string[]> | string[];
  run?(input: Record<string, unknown>): Promise<Record<string, unknown>>;
}

const core = require('@nlpjs/core') as { containerBootstrap(settings?: object): NlpjsContainer };
const { Nlp } = require('@nlpjs/nlp') as { Nlp: unknown };
const { LangZh } = require('@nlpjs/lang-zh') as { LangZh: unknown };

export type Featurizer = (text: string) => string[];

export interface NlpjsOptions {
  /** Replace lang-zh's pinyin stemmer with this featurizer; omit for stock NLP.js. */
  featurizer?: Featurizer;
}

export class NlpjsClassifier {
  private constructor(private readonly nlp: NlpjsNlp) {}

  static create(options: NlpjsOptions = {}): NlpjsClassifier {
    const container = core.containerBootstrap({});
    container.use(Nlp);
    container.use(LangZh);
    if (options.featurizer) {
      const featurize = options.featurizer;
      const stemmer: NlpjsStemmer = {
        name: 'stemmer-zh',
        stem: (text, input) => featurize(typeof text === 'string' ? text : (input?.utterance ?? input?.text ?? '')),
        async run(input) {
          input.tokens = featurize(String(input.text ?? ''));
          return input;
        },
      };
      container.register('stemmer-zh', stemmer, true);
      // lang-zh's tokenizer compiles its own dictionary on first use (about 1 s and 240 MB, DESIGN §7)
      // only to have its tokens replaced by the stemmer above, which segments with jieba itself: the
      // text passes through whole.
      container.register('tokenizer-zh', { name: 'tokenizer-zh', tokenize: (text: string) => [text] }, true);
    }
    const nlp = container.get('nlp');
    // NlpManager's defaults write model.nlp into the working directory and log every epoch.
    nlp.settings.autoSave = false;
    nlp.settings.autoLoad = false;
    nlp.settings.calculateSentiment = false;
    nlp.settings.threshold = 0;
    nlp.addLanguage('zh');
    return new NlpjsClassifier(nlp);
  }

  static async train(samples: { text: string; label: string }[], options: NlpjsOptions = {}): Promise<NlpjsClassifier> {
    const classifier = NlpjsClassifier.create(options);
    for (const s of samples) classifier.nlp.addDocument('zh', s.text, s.label);
    await withQuietConsole(() => classifier.nlp.train());
    return classifier;
  }

  static fromJSON(json: unknown, options: NlpjsOptions = {}): NlpjsClassifier {
    const classifier = NlpjsClassifier.create(options);
    classifier.nlp.fromJSON(json);
    return classifier;
  }

  /**
   * NLP.js keeps the features of every distinct text for an hour with no size bound: in a server
   * that is a memory leak fed by users, and in a benchmark it measures a cache. It is emptied after
   * each call (our featurizer is the expensive part and is fast enough to run every time).
   */
  private dropFeatureCache(): void {
    const managers = (this.nlp as unknown as { nluManager?: { domainManagers?: Record<string, { domains?: Record<string, { cache?: { results: object } }> }> } }).nluManager?.domainManagers ?? {};
    for (const dm of Object.values(managers)) for (const d of Object.values(dm.domains ?? {})) if (d.cache) d.cache.results = {};
  }

  toJSON(): unknown {
    return this.nlp.toJSON();
  }

  /** NLP.js answers "None" with score 1 when no feature is known; that is kept as a label. */
  async classify(text: string): Promise<Ranking> {
    const result = await this.nlp.process('zh', text);
    this.dropFeatureCache();
    const list = result.classifications?.length ? result.classifications : [{ intent: result.intent, score: result.score }];
    return list.map((c) => ({ label: c.intent, score: c.score })).sort((a, b) => b.score - a.score);
  }
}

/** NLU training logs every epoch through console.log; keep CLI output readable. */
async function withQuietConsole<T>(fn: () => Promise<T>): Promise<T> {
  const original = console.log;
  console.log = () => {};
  try {
    return await fn();
  } finally {
    console.log = original;
  }
}
