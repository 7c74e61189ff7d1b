import type { LoadedCorpus } from '../nlu/corpus.js';
import { cleanText } from '../nlu/normalize.js';
import type { KnowledgeEntry } from './schema.js';
import { verifyCitation, type LawLibrary } from './laws.js';

/** Intents answered by an action of the pipeline rather than by a knowledge entry. */
export const ACTION_INTENTS = new Set(['None', 'meta.greet', 'meta.thanks', 'meta.capabilities', 'meta.human', 'ticket.create', 'ticket.status']);

export interface Problem {
  file: string;
  rule: string;
  message: string;
}

export interface ContentReport {
  entries: number;
  intents: number;
  utterances: number;
  quizQuestions: number;
  citations: number;
  citationsVerified: number;
  citationsFailed: number;
  supersededCited: number;
  problems: Problem[];
  /** entries citing a law whose status says it must be verified: listed for review */
  toReview: { file: string; law: string; note: string }[];
}

/** Cross-file rules in the spirit of Rasa's `data validate`, plus citation checks when laws are given. */
export function validateContent(corpora: LoadedCorpus[], entries: KnowledgeEntry[], laws?: LawLibrary, heldOut: { file: string; text: string; label: string }[] = []): ContentReport {
  const problems: Problem[] = [];
  const intents = new Map<string, string>();
  const utteranceOwner = new Map<string, { intent: string; file: string }>();
  let utterances = 0;
  for (const c of corpora) {
    for (const item of c.data) {
      if (intents.has(item.intent)) problems.push({ file: c.file, rule: 'duplicate-intent', message: `intent ${item.intent} is also defined in ${intents.get(item.intent)}` });
      intents.set(item.intent, c.file);
      if (item.intent !== 'None' && item.utterances.length < 20) problems.push({ file: c.file, rule: 'few-utterances', message: `${item.intent} has ${item.utterances.length} utterances (< 20)` });
      for (const u of item.utterances) {
        utterances += 1;
        const key = cleanText(u);
        const owner = utteranceOwner.get(key);
        if (owner && owner.intent !== item.intent) problems.push({ file: c.file, rule: 'utterance-in-two-intents', message: `"${u}" is in ${owner.intent} and ${item.intent}` });
        utteranceOwner.set(key, { intent: item.intent, file: c.file });
      }
    }
  }

  const ids = new Map<string, string>();
  const answered = new Set<string>();
  for (const e of entries) {
    if (ids.has(e.id)) problems.push({ file: e.file, rule: 'duplicate-id', message: `id ${e.id} is also used by ${ids.get(e.id)}` });
    ids.set(e.id, e.file);
    for (const i of e.intents) {
      if (!intents.has(i)) problems.push({ file: e.file, rule: 'unknown-intent', message: `intent ${i} does not exist in intents/` });
      answered.add(i);
    }
  }
  for (const [intent, file] of intents)
    if (!answered.has(intent) && !ACTION_INTENTS.has(intent)) problems.push({ file, rule: 'intent-without-answer', message: `intent ${intent} has no knowledge entry and no action` });

  for (const h of heldOut) {
    const owner = utteranceOwner.get(cleanText(h.text));
    if (owner) problems.push({ file: h.file, rule: 'held-out-in-training', message: `"${h.text}" is also a training utterance of ${owner.intent}` });
    if (h.label !== 'None' && !intents.has(h.label)) problems.push({ file: h.file, rule: 'unknown-intent', message: `fixture label ${h.label} is not an intent` });
  }

  let citations = 0;
  let citationsVerified = 0;
  let citationsFailed = 0;
  let supersededCited = 0;
  const toReview: ContentReport['toReview'] = [];
  for (const e of entries) {
    for (const c of e.citations) {
      citations += 1;
      if (!laws) continue;
      const check = verifyCitation(laws, c);
      if (check.ok) citationsVerified += 1;
      else {
        citationsFailed += 1;
        problems.push({ file: e.file, rule: `citation-${check.reason}`, message: check.message });
      }
      const law = check.law;
      if (law?.status === 'superseded') {
        supersededCited += 1;
        problems.push({ file: e.file, rule: 'superseded-law', message: `${law.short} is superseded (${law.statusNote.slice(0, 80)}): it may not be cited as current law` });
      } else if (law?.status === 'verify') toReview.push({ file: e.file, law: law.short, note: law.statusNote });
    }
  }
  return { entries: entries.length, intents: intents.size, utterances, quizQuestions: 0, citations, citationsVerified, citationsFailed, supersededCited, problems, toReview };
}
