import { resolve } from 'node:path';
import { featurize } from '../nlu/featurize.js';
import type { LabelledText } from '../nlu/corpus.js';
import type { EvalRow } from '../nlu/jsonl.js';
import { score, percentile, stratifiedFolds, type Prediction, type Scores } from '../nlu/metrics.js';
import { classifyCategory, Nlu, trainCategory, trainModel, trainScam, type TrainingSet } from '../nlu/model.js';
import { classifyLogistic } from '../nlu/logistic.js';
import { NlpjsClassifier } from '../nlu/nlpjs.js';
import type { Ranking } from '../nlu/types.js';
import { decide, decidedIntent } from '../pipeline/decide.js';
import { KnowledgeSearch } from '../knowledge/search.js';
import { loadKnowledge } from '../knowledge/loader.js';
import { THRESHOLDS, type Thresholds } from '../pipeline/thresholds.js';
import { productTopics } from '../pipeline/understand.js';
import { scamScoringLabel } from '../taxonomy.js';

export const TASKS = ['intent', 'topic', 'category', 'scam'] as const;
export type Task = (typeof TASKS)[number];

export interface EvalResult extends Scores {
  task: Task;
  latencyMs: { p50: number; p99: number };
  errors: Prediction[];
  mode: string;
  baseline?: Omit<EvalResult, 'baseline' | 'errors' | 'sweep'> & { errors?: Prediction[] };
  sweep?: ThresholdPoint[];
  oos?: {
    n: number;
    handedOff: number;
    clarified: number;
    answered: number;
    answeredExamples: { text: string; intent: string; score: number }[];
    /** the other side of the trade-off: in-scope fixture utterances wrongly handed off at the shipped thresholds */
    inScopeN: number;
    inScopeHandedOff: number;
  };
}

export interface ThresholdPoint {
  outOfScope: number;
  inScopeAccuracy: number;
  inScopeHandedOff: number;
  outOfScopeRejected: number;
}

type Predictor = (text: string) => Promise<Ranking>;

const mapLabel = (task: Task, label: string) => (task === 'scam' ? scamScoringLabel(label) : label);

type ToLabel = (r: Ranking, text: string) => string;

async function predictAll(task: Task, rows: EvalRow[], predict: Predictor, toLabel: ToLabel) {
  const preds: Prediction[] = [];
  const times: number[] = [];
  for (const row of rows) {
    const t0 = performance.now();
    const ranking = await predict(row.text);
    times.push(performance.now() - t0);
    const top = ranking[0];
    preds.push({
      id: row.id,
      text: row.text,
      label: mapLabel(task, row.label),
      predicted: mapLabel(task, toLabel(ranking, row.text)),
      score: top?.score ?? 0,
      second: ranking[1] ? { label: ranking[1].label, score: ranking[1].score } : undefined,
    });
  }
  return { preds, times };
}

/** Training rows of the classifier a task measures (what the stock baseline is trained on too). */
function taskTrainingRows(task: Task, set: TrainingSet): LabelledText[] {
  switch (task) {
    case 'intent':
      return set.intents;
    case 'topic':
      return set.topics;
    case 'category':
      return [...set.category, ...(set.history ?? [])];
    case 'scam':
      return set.scam;
  }
}

const topLabel = (r: Ranking) => r[0]?.label ?? 'None';
let knowledgeSearch: KnowledgeSearch | undefined;
const searchFor = (text: string) => (knowledgeSearch ??= new KnowledgeSearch(loadKnowledge())).search(text);
/** What the product does with an intent ranking (the same decide() as the pipeline, search included). */
const productIntent: ToLabel = (r, text) => decidedIntent(decide(r, () => searchFor(text), THRESHOLDS));

async function engineeredPredictor(task: Task, set: TrainingSet): Promise<{ predict: Predictor; toLabel: ToLabel }> {
  if (task === 'category') {
    const m = trainCategory(set.category, set.history ?? []);
    return { predict: async (t) => classifyCategory(m, t), toLabel: topLabel };
  }
  if (task === 'scam') {
    const m = trainScam(set.scam);
    return { predict: async (t) => classifyLogistic(m, featurize(t)), toLabel: topLabel };
  }
  const nlu = Nlu.fromData(await trainModel(set));
  if (task === 'intent') return { predict: (t) => nlu.classifyIntent(t), toLabel: productIntent };
  // Scored as the API answers: the topic classifier mixed with the intent ranking's topics.
  return { predict: async (t) => productTopics(nlu, await nlu.classify(t)), toLabel: topLabel };
}

async function stockPredictor(task: Task, set: TrainingSet): Promise<Predictor> {
  const stock = await NlpjsClassifier.train(taskTrainingRows(task, set));
  return (t) => stock.classify(t);
}

function summarize(task: Task, mode: string, preds: Prediction[], times: number[]) {
  return {
    task,
    mode,
    ...score(preds),
    latencyMs: { p50: percentile(times, 50), p99: percentile(times, 99) },
    errors: preds.filter((p) => p.label !== p.predicted),
  };
}

export interface EvalOptions {
  task: Task;
  data: EvalRow[];
  dataFile: string;
  set: TrainingSet;
  trainRows?: EvalRow[];
  trainFile?: string;
  folds?: number;
  baseline?: boolean;
  /** intent task: out-of-scope sentences, to measure rejection and sweep the threshold */
  oosRows?: EvalRow[];
}

/**
 * Scores one task. With --train on the data file itself, k-fold cross-validation: each fold is
 * predicted by a model that learned the shipped corpus plus the other folds, never its own rows.
 */
export async function evaluate(opts: EvalOptions): Promise<EvalResult> {
  const { task, data } = opts;
  const crossValidate = opts.trainFile !== undefined && resolve(opts.trainFile) === resolve(opts.dataFile);
  const runs: { test: EvalRow[]; set: TrainingSet }[] = [];
  let mode = 'shipped corpus';
  if (crossValidate) {
    const k = opts.folds ?? 5;
    const folds = stratifiedFolds(data, k);
    mode = `shipped corpus + history, ${k}-fold cross-validation inside the data file`;
    folds.forEach((test, i) => {
      const history = folds.filter((_, j) => j !== i).flat().map((r) => ({ text: r.text, label: r.label }));
      runs.push({ test, set: { ...opts.set, history } });
    });
  } else {
    const history = (opts.trainRows ?? []).map((r) => ({ text: r.text, label: r.label }));
    if (history.length) mode = `shipped corpus + ${history.length} history rows`;
    runs.push({ test: data, set: { ...opts.set, history } });
  }

  const all = { preds: [] as Prediction[], times: [] as number[] };
  const base = { preds: [] as Prediction[], times: [] as number[] };
  let firstPredict: Predictor | undefined;
  for (const run of runs) {
    const { predict, toLabel } = await engineeredPredictor(task, run.set);
    firstPredict ??= predict;
    const r = await predictAll(task, run.test, predict, toLabel);
    all.preds.push(...r.preds);
    all.times.push(...r.times);
    if (opts.baseline) {
      const b = await predictAll(task, run.test, await stockPredictor(task, run.set), topLabel);
      base.preds.push(...b.preds);
      base.times.push(...b.times);
    }
  }
  const result: EvalResult = summarize(task, mode, all.preds, all.times);
  if (task === 'intent' && opts.oosRows?.length) Object.assign(result, await outOfScopeStudy(firstPredict!, data, opts.oosRows));
  if (opts.baseline) result.baseline = { ...summarize(task, `stock NLP.js (@nlpjs/lang-zh as shipped), ${mode}`, base.preds, base.times) };
  return result;
}

const SWEEP = [0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6];

/** How the decision treats out-of-scope sentences, and how the out-of-scope threshold trades off. */
// The model the in-scope rows were scored with (intent is never cross-validated), not a second one.
async function outOfScopeStudy(predict: Predictor, inScope: EvalRow[], oosRows: EvalRow[]): Promise<Pick<EvalResult, 'oos' | 'sweep'>> {
  const inRank = await Promise.all(inScope.map(async (r) => ({ row: r, ranking: await predict(r.text) })));
  const oosRank = await Promise.all(oosRows.map(async (r) => ({ row: r, ranking: await predict(r.text) })));
  const decideFor = (x: { row: EvalRow; ranking: Ranking }, t: Thresholds) => decide(x.ranking, () => searchFor(x.row.text), t);
  const decisions = oosRank.map((o) => ({ o, d: decideFor(o, THRESHOLDS) }));
  const answered = decisions.filter((x) => x.d.kind === 'answer');
  const sweep = SWEEP.map((outOfScope) => {
    const t = { ...THRESHOLDS, outOfScope };
    const decidedIn = inRank.map((x) => ({ gold: x.row.label, d: decideFor(x, t) }));
    const label = decidedIntent;
    const realIn = decidedIn.filter((x) => x.gold !== 'None');
    return {
      outOfScope,
      inScopeAccuracy: realIn.filter((x) => label(x.d) === x.gold).length / Math.max(1, realIn.length),
      inScopeHandedOff: realIn.filter((x) => x.d.kind === 'out_of_scope').length / Math.max(1, realIn.length),
      outOfScopeRejected: oosRank.filter((x) => decideFor(x, t).kind !== 'answer').length / Math.max(1, oosRank.length),
    };
  });
  const realIn = inRank.filter((x) => x.row.label !== 'None');
  return {
    sweep,
    oos: {
      inScopeN: realIn.length,
      inScopeHandedOff: realIn.filter((x) => decideFor(x, THRESHOLDS).kind === 'out_of_scope').length,
      n: oosRows.length,
      handedOff: decisions.filter((x) => x.d.kind === 'out_of_scope').length,
      clarified: decisions.filter((x) => x.d.kind === 'clarify' || x.d.kind === 'clarify_entries').length,
      answered: answered.length,
      answeredExamples: answered.slice(0, 30).map((x) => ({ text: x.o.row.text, intent: x.o.ranking[0]!.label, score: x.o.ranking[0]!.score })),
    },
  };
}
