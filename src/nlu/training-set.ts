import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadKnowledge } from '../knowledge/loader.js';
import { repoPath } from '../paths.js';
import { corpusTexts, loadClassifierCorpus, loadIntentCorpora, type LabelledText } from './corpus.js';
import type { TrainingSet } from './model.js';

/** The shipped corpora as one training set (plus optional labelled history for the category model). */
export function loadTrainingSet(history: LabelledText[] = []): TrainingSet {
  const corpora = loadIntentCorpora();
  const intentToTopic: Record<string, string> = {};
  for (const c of corpora) for (const item of c.data) intentToTopic[item.intent] = item.topic;
  // Each entry's title and short answer are phrased the way people ask: they teach the intent its
  // vocabulary (继承人, 探望权 ...) without touching the held-out fixtures.
  const fromKnowledge = loadKnowledge().flatMap((e) => (e.intents.length === 1 ? [e.title, e.summary].map((text) => ({ text, label: e.intents[0]! })) : []));
  const intents = [...corpusTexts(corpora), ...fromKnowledge];
  return {
    intents,
    intentToTopic,
    // Intents teach the topic model their own phrasing; topic.json adds questions with no intent of their own.
    topics: [
      ...corpusTexts(corpora, (item) => item.topic),
      ...fromKnowledge.map((r) => ({ text: r.text, label: intentToTopic[r.label] ?? 'other' })),
      ...(existsSync(repoPath('intents', 'classifiers', 'topic.json')) ? corpusTexts([loadClassifierCorpus('topic')]) : []),
    ],
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
      else if (/\.(json|txt|md)$/.test(name)) h.update(name).update(readFileSync(p));
    }
  };
  walk(repoPath('intents'));
  walk(repoPath('knowledge'));
  for (const f of ['features.ts', 'featurize.ts', 'concepts.ts']) h.update(readFileSync(repoPath('src', 'nlu', f)));
  return h.digest('hex').slice(0, 16);
}
