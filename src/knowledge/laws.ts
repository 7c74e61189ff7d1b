import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ContentError } from './errors.js';

const IndexSchema = z.object({
  laws: z.array(
    z.object({
      name: z.string(),
      file: z.string().regex(/\.md$/),
      version: z.string(),
      effective: z.string(),
      status: z.string(),
    }),
  ),
});

export type LawStatus = 'current' | 'verify' | 'superseded';

export interface Law {
  /** full official name, e.g. 中华人民共和国民法典 */
  name: string;
  /** short name = file name without .md, e.g. 民法典: what citations use */
  short: string;
  version: string;
  effective: string;
  status: LawStatus;
  statusNote: string;
  /** 第N条 -> the article's text, paragraphs joined */
  articles: Map<string, string>;
}

const ARTICLE_START = /^(第[零〇一二三四五六七八九十百千]+条)[\s\u3000]/;

/** One article per paragraph starting with 第N条; following paragraphs belong to it until a heading. */
export function parseArticles(markdown: string): Map<string, string> {
  const articles = new Map<string, string>();
  let current: string | null = null;
  for (const line of markdown.split('\n')) {
    const m = ARTICLE_START.exec(line);
    if (m) {
      current = m[1]!;
      articles.set(current, line.slice(current.length).trim());
    } else if (line.startsWith('#') || line.startsWith('<!--')) current = null;
    else if (current && line.trim()) articles.set(current, `${articles.get(current)}\n${line.trim()}`);
  }
  return articles;
}

function statusOf(raw: string): LawStatus {
  if (raw.startsWith('superseded')) return 'superseded';
  if (raw.startsWith('current')) return 'current';
  return 'verify';
}

export class LawLibrary {
  private readonly byName = new Map<string, Law>();

  constructor(readonly laws: Law[]) {
    for (const law of laws) {
      this.byName.set(law.short, law);
      this.byName.set(law.name, law);
    }
  }

  static load(dir: string): LawLibrary {
    const indexFile = join(dir, 'index.json');
    const parsed = IndexSchema.safeParse(JSON.parse(readFileSync(indexFile, 'utf8')));
    if (!parsed.success) throw ContentError.fromZod(indexFile, parsed.error);
    return new LawLibrary(
      parsed.data.laws.map((l) => ({
        name: l.name,
        short: l.file.replace(/\.md$/, ''),
        version: l.version,
        effective: l.effective,
        status: statusOf(l.status),
        statusNote: l.status,
        articles: parseArticles(readFileSync(join(dir, l.file), 'utf8')),
      })),
    );
  }

  get(name: string): Law | undefined {
    return this.byName.get(name);
  }
}

/** Whitespace never matters in a quote (line breaks, full-width spaces in the source). */
export const squash = (s: string) => s.replace(/[\s\u3000]+/g, '');

export type CitationCheck =
  | { ok: true; law: Law }
  | { ok: false; reason: 'unknown-law' | 'unknown-article' | 'quote-mismatch'; message: string; law?: Law };

export function verifyCitation(lib: LawLibrary, c: { law: string; article: string; quote: string }): CitationCheck {
  const law = lib.get(c.law);
  if (!law) return { ok: false, reason: 'unknown-law', message: `law "${c.law}" is not in the law library` };
  const text = law.articles.get(c.article);
  if (text === undefined) return { ok: false, reason: 'unknown-article', message: `${law.short} has no ${c.article}`, law };
  if (!squash(text).includes(squash(c.quote))) return { ok: false, reason: 'quote-mismatch', message: `quote not found in ${law.short}${c.article}: "${c.quote}"`, law };
  return { ok: true, law };
}
