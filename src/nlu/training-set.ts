import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { repoPath } from '../paths.js';
import { corpusTexts, loadClassifierCorpus, loadIntentCorpora, type LabelledText } from './corpus.js';
import type { TrainingSet } from './model.js';

/** The shipped corpora as one training set (plus optional labelled history for the category model). */
export function loadTrainingSet(history: LabelledText[] = []): TrainingSet {
  const corpora = loadIntentCorpora();
  const intentToTopic: Record<string, string> = {};
  for (const c of corpora) for (const item of c.data) intentToTopic[item.intent] = item.topic;
  return {
    intents: corpusTexts(corpora),
    intentToTopic,
    topics: corpusTexts(corpora, (item) => item.topic),
    category: corpusTexts([loadClassifierCorpus('category')]),
    scam: corpusTexts([loadClassifierCorpus('scam')]),
    history,
  };
}

/** A hash of the shipped corpora and the featurizer: a saved model trained on other content is retrained. */
export function corpusHash(): string {
  const h = createHash('sha256');
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(json|txt)$/.test(name)) h.update(name).update(readFileSync(p));
    }
  };
  walk(repoPath('intents'));
  h.update(readFileSync(repoPath('src', 'nlu', 'features.ts')));
  return h.digest('hex').slice(0, 16);
}
