import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ContentError } from '../knowledge/errors.js';
import { lexiconDir } from './lexicon.js';

const ConceptsSchema = z.object({
  locale: z.literal('zh'),
  comment: z.string().optional(),
  concepts: z.record(z.string().regex(/^[a-z][a-z0-9_]*$/, 'concept ids are lower-case snake_case'), z.array(z.string().min(2)).min(1)),
});

interface ConceptIndex {
  /** words by their first character, longest first */
  byFirst: Map<string, string[]>;
  conceptOf: Map<string, string>;
}

let shipped: ConceptIndex | undefined;

/**
 * Concept lists (intents/lexicon/concepts.json): the many words people use for one thing
 * (老婆/媳妇/爱人/配偶). A text containing any of them also gets the concept's feature, so a
 * classifier that learned one word of a list recognises the others. Checked at load: a word in two
 * concepts would make its feature ambiguous, so it fails with the file and both concept ids.
 */
export function loadConcepts(): ConceptIndex {
  return (shipped ??= readConcepts(join(lexiconDir(), 'concepts.json')));
}

export function readConcepts(file: string): ConceptIndex {
  if (!existsSync(file)) return { byFirst: new Map(), conceptOf: new Map() };
  const parsed = ConceptsSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw ContentError.fromZod(file, parsed.error);
  const conceptOf = new Map<string, string>();
  for (const [id, words] of Object.entries(parsed.data.concepts)) {
    for (const w of words) {
      const other = conceptOf.get(w);
      if (other !== undefined && other !== id) throw new ContentError(file, `concepts.${id}`, `"${w}" is also in concept "${other}"`);
      conceptOf.set(w, id);
    }
  }
  // Longest first, so that 劳务合同 is found before a shorter word inside it. A scan by first
  // character instead of one regular expression of 2,700 alternatives: the regex made a 500-character
  // classification ten times slower (bench: long p50 3.4 -> 30 ms).
  const byFirst = new Map<string, string[]>();
  for (const w of [...conceptOf.keys()].sort((a, b) => b.length - a.length)) {
    const first = w[0]!;
    const list = byFirst.get(first);
    if (list) list.push(w);
    else byFirst.set(first, [w]);
  }
  return { byFirst, conceptOf };
}

/** `k:<concept>` once for each concept whose words occur in the (canonical) text. */
export function conceptFeatures(canonical: string, concepts = loadConcepts()): string[] {
  const found = new Set<string>();
  for (let i = 0; i < canonical.length; ) {
    const word = concepts.byFirst.get(canonical[i]!)?.find((w) => canonical.startsWith(w, i));
    if (word) {
      found.add(`k:${concepts.conceptOf.get(word)!}`);
      i += word.length;
    } else i += 1;
  }
  return [...found];
}
