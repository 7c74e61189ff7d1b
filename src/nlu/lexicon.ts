import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ContentError } from '../knowledge/errors.js';
import { repoPath } from '../paths.js';

const DialectSchema = z.object({
  locale: z.literal('zh'),
  comment: z.string().optional(),
  rewrites: z.record(z.string().min(1), z.string().min(1)),
});

interface Dialect {
  pattern: RegExp | null;
  rewrites: Map<string, string>;
}

let dialect: Dialect | undefined;

export function lexiconDir(): string {
  return repoPath('intents', 'lexicon');
}

export function loadDialect(): Dialect {
  if (dialect) return dialect;
  const file = join(lexiconDir(), 'dialect.json');
  const parsed = DialectSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw ContentError.fromZod(file, parsed.error);
  const rewrites = new Map(Object.entries(parsed.data.rewrites));
  // Longest first so that 咋整 wins over 咋.
  const keys = [...rewrites.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  dialect = { pattern: keys.length ? new RegExp(keys.join('|'), 'g') : null, rewrites };
  return dialect;
}

/** Lines "word freq [tag]" of the segmenter's user dictionary, comments dropped. */
export function loadTermsDict(): string {
  return readFileSync(join(lexiconDir(), 'terms.txt'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .join('\n');
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
