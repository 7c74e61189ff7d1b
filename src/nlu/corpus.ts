import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ContentError } from '../knowledge/errors.js';
import { repoPath } from '../paths.js';
import { TOPICS } from '../taxonomy.js';

export const CorpusSchema = z.object({
  name: z.string().min(1),
  locale: z.literal('zh'),
  data: z
    .array(
      z.object({
        intent: z.string().regex(/^(None|[a-z_]+(\.[a-z_]+)*|[\u4e00-\u9fff]+)$/, 'intent id: lower-case dotted, None, or a category id'),
        topic: z.enum(TOPICS),
        utterances: z.array(z.string().trim().min(1)).min(1),
      }),
    )
    .min(1),
});

export type Corpus = z.infer<typeof CorpusSchema>;
export interface LoadedCorpus extends Corpus {
  file: string;
}

export function loadCorpusFile(file: string): LoadedCorpus {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new ContentError(file, '(file)', `not valid JSON: ${(err as Error).message}`);
  }
  const parsed = CorpusSchema.safeParse(raw);
  if (!parsed.success) throw ContentError.fromZod(file, parsed.error);
  return { ...parsed.data, file };
}

/** The citizen-intent corpora: intents/*.json (not the classifier corpora below it). */
export function loadIntentCorpora(dir = repoPath('intents')): LoadedCorpus[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => loadCorpusFile(join(dir, f)));
}

export function loadClassifierCorpus(name: 'scam' | 'category' | 'topic', dir = repoPath('intents', 'classifiers')): LoadedCorpus {
  return loadCorpusFile(join(dir, `${name}.json`));
}

export interface LabelledText {
  text: string;
  label: string;
}

export function corpusTexts(corpora: LoadedCorpus[], labelOf: (item: Corpus['data'][number]) => string = (i) => i.intent): LabelledText[] {
  return corpora.flatMap((c) => c.data.flatMap((item) => item.utterances.map((text) => ({ text, label: labelOf(item) }))));
}
