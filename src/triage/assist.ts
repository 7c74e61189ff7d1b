import type { KnowledgeBase } from '../knowledge/base.js';
import type { Citation } from '../knowledge/schema.js';
import type { KnowledgeSearch } from '../knowledge/search.js';
import type { Nlu } from '../nlu/model.js';
import { normalize } from '../nlu/normalize.js';
import { checkSafety } from '../pipeline/safety.js';
import { viewOf } from '../pipeline/understand.js';
import { CATEGORIES, type Category, type RequestType } from '../taxonomy.js';
import { extractFields, type ExtractedFields } from './fields.js';
import { classifyRequestType, classifyUrgency, type Urgency } from './request-type.js';

export interface Suggestion {
  id: string;
  title: string;
  summary: string;
  score: number;
  /** why it is suggested: the classifier's intent, or full-text search */
  source: 'intent' | 'search';
  citations: Citation[];
}

export interface AssistResult {
  suggestions: Suggestion[];
  requestType: RequestType;
  category: Category;
  department: string;
  urgency: Urgency;
  scores: { requestType: number; category: number; urgency: number };
  categoryRanking: { label: string; score: number }[];
  evidence: { requestType: string[]; category: string[]; urgency: string[] };
  fields: ExtractedFields;
  /** a matter for 110/119/120 now, not a work order */
  alert: { rule: string; numbers: string[]; text: string } | null;
  draft: { content: string; address: string; phone: string; name: string; requestType: RequestType; category: Category; department: string; urgency: Urgency };
}

const NOT_ANSWERS = /^(meta\.|ticket\.|None$)/;
// Rules report words, not probabilities: confidence grows with the number of distinct trigger words.
const ruleScore = (evidence: string[], fallback: number) => (evidence.length ? Math.min(0.95, 0.6 + 0.15 * evidence.length) : fallback);

/**
 * The operator's assist panel: one pass of the NLU over the caller's words, the knowledge entries
 * to read out, and a work order filled in as far as the words allow.
 */
export class AssistService {
  constructor(
    private readonly deps: { nlu: Nlu; kb: KnowledgeBase; search: KnowledgeSearch; departmentOf: (c: Category) => string },
  ) {}

  async assist(text: string): Promise<AssistResult> {
    const n = normalize(text);
    const r = await this.deps.nlu.classify(n.clean);
    const view = viewOf(this.deps.nlu, r, n.clean);
    const top = r.categoryRanking[0];
    const category = (top && (CATEGORIES as readonly string[]).includes(top.label) ? top.label : '党务政务') as Category;
    const rt = classifyRequestType(n.clean);
    const urgency = classifyUrgency(n.clean);
    const fields = extractFields(text.normalize('NFKC'));
    const safety = checkSafety(n.clean);
    const department = this.deps.departmentOf(category);
    return {
      suggestions: this.suggest(r.intentRanking, n.clean, view.scam),
      requestType: rt.type,
      category,
      department,
      urgency: urgency.urgency,
      scores: { requestType: ruleScore(rt.evidence, 0.5), category: round(top?.score ?? 0), urgency: ruleScore(urgency.evidence, 0.5) },
      categoryRanking: r.categoryRanking.slice(0, 3).map((x) => ({ label: x.label, score: round(x.score) })),
      evidence: { requestType: rt.evidence, category: this.deps.nlu.explainCategory(n.clean, category), urgency: urgency.evidence },
      fields,
      alert: safety?.action === 'urgent' ? { rule: safety.rule, numbers: safety.numbers, text: safety.reply } : null,
      draft: {
        content: text.trim().slice(0, 2000),
        address: fields.address ?? '',
        phone: fields.phone ?? '',
        name: fields.name ?? '',
        requestType: rt.type,
        category,
        department,
        urgency: urgency.urgency,
      },
    };
  }

  /** Top three entries: from the intents the classifier ranks highest, then from full-text search. */
  private suggest(ranking: { label: string; score: number }[], text: string, scam: string): Suggestion[] {
    const out = new Map<string, Suggestion>();
    for (const { label, score } of ranking.slice(0, 5)) {
      if (NOT_ANSWERS.test(label) || score < 0.05) continue;
      const e = this.deps.kb.select(label, text, scam);
      if (e && !out.has(e.id)) out.set(e.id, { id: e.id, title: e.title, summary: e.summary, score: round(score), source: 'intent', citations: e.citations });
    }
    const hits = this.deps.search.search(text, 5);
    const best = hits[0]?.score ?? 1;
    for (const h of hits) {
      const e = this.deps.kb.get(h.id);
      // Search scores (BM25) are rescaled under the classifier's: a search hit never outranks a confident intent.
      if (e && !out.has(e.id)) out.set(e.id, { id: e.id, title: e.title, summary: e.summary, score: round((0.4 * h.score) / best), source: 'search', citations: e.citations });
    }
    return [...out.values()].sort((a, b) => b.score - a.score).slice(0, 3);
  }
}

const round = (x: number) => Math.round(x * 1000) / 1000;
