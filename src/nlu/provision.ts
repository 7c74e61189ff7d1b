import { join } from 'node:path';
import type { LabelledText } from './corpus.js';
import { loadModel, Nlu, saveModel, trainModel } from './model.js';
import { corpusHash, loadTrainingSet } from './training-set.js';

export const modelFile = (modelDir: string) => join(modelDir, 'nlu-model.json');

/** Loads the saved model, or trains and saves one when there is none or it was trained on other content. */
export async function provisionNlu(modelDir: string, opts: { history?: LabelledText[]; force?: boolean; progress?: (msg: string) => void } = {}): Promise<Nlu> {
  const progress = opts.progress ?? (() => {});
  const file = modelFile(modelDir);
  const hash = corpusHash();
  const saved = opts.force ? null : loadModel(file);
  // A model trained with a deployment's history is kept as long as the shipped corpus is unchanged.
  if (saved && saved.corpusHash === hash) {
    progress(`model loaded from ${file} (trained ${saved.trainedAt})`);
    return Nlu.fromData(saved);
  }
  progress(saved ? 'content changed since the saved model: retraining' : `no saved model in ${modelDir}: training`);
  const t0 = Date.now();
  const set = loadTrainingSet(opts.history ?? []);
  progress(`training on ${set.intents.length} intent utterances, ${set.category.length} category texts, ${set.scam.length} scam texts, ${opts.history?.length ?? 0} history rows`);
  const data = await trainModel(set, hash);
  saveModel(file, data);
  progress(`trained in ${((Date.now() - t0) / 1000).toFixed(1)} s, saved to ${file}`);
  return Nlu.fromData(data);
}
