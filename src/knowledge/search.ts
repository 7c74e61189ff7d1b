import MiniSearch from 'minisearch';
import { cleanText } from '../nlu/normalize.js';
import { segmentForSearch } from '../nlu/segmenter.js';
import type { KnowledgeEntry } from './schema.js';

export interface SearchHit {
  id: string;
  title: string;
  intents: string[];
  score: number;
}

// Single characters carry little in Chinese full-text search; numbers like 12348 are kept.
const tokenize = (text: string): string[] => segmentForSearch(cleanText(text)).filter((w) => w.length > 1 || /\d/.test(w));

/**
 * Full-text index over the knowledge entries (MiniSearch, BM25) with the project's segmenter:
 * the second opinion when the classifier is unsure, and the operators' suggestions.
 */
export class KnowledgeSearch {
  private readonly index: MiniSearch<KnowledgeEntry & { text: string }>;

  constructor(entries: KnowledgeEntry[]) {
    this.index = new MiniSearch({
      fields: ['title', 'summary', 'text'],
      storeFields: ['title', 'intents'],
      tokenize,
      processTerm: (t) => t,
      searchOptions: { boost: { title: 3, summary: 2 }, tokenize, processTerm: (t) => t, combineWith: 'OR' },
    });
    this.index.addAll(entries.map((e) => ({ ...e, text: e.body })));
  }

  search(text: string, limit = 5): SearchHit[] {
    return this.index
      .search(text)
      .slice(0, limit)
      .map((r) => ({ id: String(r.id), title: String(r.title), intents: r.intents as string[], score: Math.round(r.score * 100) / 100 }));
  }
}
