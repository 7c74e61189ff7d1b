import { describe, expect, it } from 'vitest';
import { LawLibrary } from '../../src/knowledge/laws.js';
import { parseEntry } from '../../src/knowledge/loader.js';
import { ContentError } from '../../src/knowledge/errors.js';
import { validateContent } from '../../src/knowledge/validate.js';
import type { LoadedCorpus } from '../../src/nlu/corpus.js';
import { repoPath } from '../../src/paths.js';

const lib = LawLibrary.load(repoPath('test', 'fixtures', 'laws-mini'));
const utterances = (p: string) => Array.from({ length: 20 }, (_, i) => `${p}${i}`);
const corpus: LoadedCorpus = {
  file: 'intents/x.json',
  name: 'x',
  locale: 'zh',
  data: [
    { intent: 'labor.wage_arrears', topic: 'labor', utterances: utterances('工资') },
    { intent: 'family.divorce', topic: 'family', utterances: utterances('离婚') },
  ],
};
const entry = (id: string, intents: string[], law = '示例法', quote = '按时足额获得工资的权利') =>
  parseEntry(`knowledge/${id}.md`, `---\nid: ${id}\ntitle: 标题${id}\nintents: [${intents.join(', ')}]\ntopic: labor\naudience: [citizen]\nsummary: 简短回答。\ncitations:\n  - law: ${law}\n    article: 第二条\n    quote: ${quote}\ncontacts: ["12333"]\nreviewed: 2026-11-28\n---\n正文写清楚要做什么，一步一步来，足够长。`);

describe('content validation', () => {
  it('a clean set has no problems and counts verified citations', () => {
    const r = validateContent([corpus], [entry('a', ['labor.wage_arrears']), entry('b', ['family.divorce'])], lib);
    expect(r.problems).toEqual([]);
    expect(r).toMatchObject({ entries: 2, intents: 2, utterances: 40, citations: 2, citationsVerified: 2, citationsFailed: 0 });
  });
  it('finds an intent without an answer, an unknown intent and a duplicate id', () => {
    const r = validateContent([corpus], [entry('a', ['labor.wage_arrears', 'nope.x']), entry('a', ['labor.wage_arrears'])], lib);
    const rules = r.problems.map((p) => p.rule).sort();
    expect(rules).toEqual(['duplicate-id', 'intent-without-answer', 'unknown-intent']);
  });
  it('finds an utterance in two intents, after normalisation (full-width, traditional)', () => {
    const c: LoadedCorpus = { ...corpus, data: [corpus.data[0]!, { ...corpus.data[1]!, utterances: [...utterances('离婚'), '工资０'] }] };
    expect(validateContent([c], [entry('a', ['labor.wage_arrears']), entry('b', ['family.divorce'])]).problems.map((p) => p.rule)).toContain('utterance-in-two-intents');
  });
  it('finds a held-out fixture that leaked into training', () => {
    const r = validateContent([corpus], [entry('a', ['labor.wage_arrears']), entry('b', ['family.divorce'])], lib, [{ file: 'f', text: '工资3', label: 'labor.wage_arrears' }]);
    expect(r.problems.map((p) => p.rule)).toEqual(['held-out-in-training']);
  });
  it('counts a failed quote and a superseded law', () => {
    const r = validateContent([corpus], [entry('a', ['labor.wage_arrears'], '示例法', '不在原文里的话'), entry('b', ['family.divorce'], '旧条例', '这是一条已经被替代的规定')], lib);
    expect(r.citationsFailed).toBe(2);
    expect(r.supersededCited).toBe(1);
    expect(r.problems.map((p) => p.rule).sort()).toEqual(['citation-quote-mismatch', 'citation-unknown-article', 'superseded-law']);
  });
  it('a broken entry fails at load with its file and field', () => {
    expect(() => parseEntry('knowledge/bad.md', '---\nid: Bad Id\n---\nbody')).toThrow(ContentError);
    expect(() => parseEntry('knowledge/bad.md', '---\nid: Bad Id\n---\nbody')).toThrow(/knowledge\/bad\.md: id/);
  });
});
