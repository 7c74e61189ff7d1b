import { featurize } from '../nlu/featurize.js';
import type { KnowledgeEntry } from './schema.js';

/** Entries indexed by intent; picks the entry within an intent that best fits the words used. */
export class KnowledgeBase {
  private readonly byIntent = new Map<string, KnowledgeEntry[]>();
  private readonly features = new Map<string, Set<string>>();

  constructor(readonly entries: KnowledgeEntry[]) {
    for (const e of entries) {
      for (const i of e.intents) this.byIntent.set(i, [...(this.byIntent.get(i) ?? []), e]);
      this.features.set(e.id, new Set(featurize(`${e.title} ${e.summary}`)));
    }
  }

  forIntent(intent: string): KnowledgeEntry[] {
    return this.byIntent.get(intent) ?? [];
  }

  get(id: string): KnowledgeEntry | undefined {
    return this.entries.find((e) => e.id === id);
  }

  /**
   * Scam type first (fraud.check_message has one entry per type), then word overlap with the
   * entry's title and summary; ties keep file order, so the first entry of an intent is its default.
   */
  select(intent: string, text: string, scam?: string): KnowledgeEntry | undefined {
    const candidates = this.forIntent(intent);
    if (scam && scam !== 'none') {
      const typed = candidates.find((e) => e.scam === scam || (scam === 'credit_record' && e.scam === 'credit_record'));
      if (typed) return typed;
    }
    const untyped = candidates.filter((e) => !e.scam);
    const pool = untyped.length ? untyped : candidates;
    const q = new Set(featurize(text));
    let best: KnowledgeEntry | undefined;
    let bestScore = -1;
    for (const e of pool) {
      const f = this.features.get(e.id)!;
      let overlap = 0;
      for (const x of q) if (f.has(x)) overlap += x.startsWith('w:') ? 2 : 1;
      if (overlap > bestScore) {
        best = e;
        bestScore = overlap;
      }
    }
    return best;
  }
}
