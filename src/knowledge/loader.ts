import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ContentError } from './errors.js';
import { EntryFrontMatterSchema, type KnowledgeEntry } from './schema.js';
import { repoPath } from '../paths.js';

function markdownFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) return markdownFiles(p);
      return name.endsWith('.md') && name !== 'README.md' ? [p] : [];
    });
}

export function parseEntry(file: string, text: string): KnowledgeEntry {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  if (!m) throw new ContentError(file, '(front matter)', 'missing --- front matter ---');
  let raw: unknown;
  try {
    raw = parseYaml(m[1]!);
  } catch (err) {
    throw new ContentError(file, '(front matter)', `YAML: ${(err as Error).message.split('\n')[0]}`);
  }
  const parsed = EntryFrontMatterSchema.safeParse(raw);
  if (!parsed.success) throw ContentError.fromZod(file, parsed.error);
  const body = m[2]!.trim();
  if (body.length < 20) throw new ContentError(file, 'body', 'the answer body is empty or too short');
  return { ...parsed.data, file, body };
}

/** Every knowledge entry under knowledge/, validated; the first broken file stops the load. */
export function loadKnowledge(dir = repoPath('knowledge')): KnowledgeEntry[] {
  return markdownFiles(dir).map((f) => parseEntry(relative(process.cwd(), f) || f, readFileSync(f, 'utf8')));
}
