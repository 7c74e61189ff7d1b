import { describe, expect, it } from 'vitest';
import { conceptFeatures, loadConcepts, readConcepts } from '../../src/nlu/concepts.js';
import { ContentError } from '../../src/knowledge/errors.js';
import { repoPath } from '../../src/paths.js';

describe('concept lists', () => {
  it('the shipped lists load, and every word belongs to exactly one concept', () => {
    const c = loadConcepts();
    expect(c.conceptOf.size).toBeGreaterThan(500);
    expect(c.byFirst.size).toBeGreaterThan(100);
  });
  it('a word listed under two concepts fails with the file and both concept ids', () => {
    const file = repoPath('test', 'fixtures', 'lexicon', 'concepts-word-in-two-concepts.json');
    expect(() => readConcepts(file)).toThrow(ContentError);
    expect(() => readConcepts(file)).toThrow(/concepts-word-in-two-concepts\.json.*girlfriend.*媳妇.*spouse/s);
  });
  it('an id that is not snake_case fails at load', () => {
    expect(() => readConcepts(repoPath('test', 'fixtures', 'lexicon', 'concepts-bad-id.json'))).toThrow(ContentError);
  });
  it('two words for one thing give the same concept feature; confusable terms stay apart', () => {
    const a = conceptFeatures('我老婆要跟我离婚');
    const b = conceptFeatures('我媳妇要跟我离婚');
    const shared = a.filter((f) => b.includes(f));
    expect(shared.length).toBeGreaterThan(0);
    const ding = conceptFeatures('交了定金');
    const dingOrder = conceptFeatures('交了订金');
    expect(ding).toHaveLength(1);
    expect(dingOrder).toHaveLength(1);
    expect(ding[0]).not.toBe(dingOrder[0]);
  });
  it('keeps every confusable pair of the issue in different concepts', () => {
    const pairs: [string, string][] = [['定金', '订金'], ['罚款', '罚金'], ['拘留', '拘役'], ['抚养费', '扶养费'], ['扶养费', '赡养费'], ['借款', '借用'], ['工伤', '人身损害'], ['劳动合同', '劳务合同']];
    for (const [a, b] of pairs) {
      const fa = conceptFeatures(a);
      const fb = conceptFeatures(b);
      expect(fa, a).toHaveLength(1);
      expect(fb, b).toHaveLength(1);
      expect(fa[0], `${a} / ${b}`).not.toBe(fb[0]);
    }
  });
  it('takes the longest word at each position, and finds words anywhere in a sentence', () => {
    const c = readConcepts(repoPath('test', 'fixtures', 'lexicon', 'concepts-longest-first.json'));
    expect(conceptFeatures('签了劳务合同', c)).toEqual(['k:service_contract']);
    expect(conceptFeatures('签了劳务', c)).toEqual(['k:labour_service']);
    expect(conceptFeatures('去年签了劳务合同，今年又签了劳务', c).sort()).toEqual(['k:labour_service', 'k:service_contract']);
    expect(conceptFeatures('没有', c)).toEqual([]);
  });
  it('reports each concept once, however often its words occur', () => {
    const f = conceptFeatures('老婆老婆老婆');
    expect(new Set(f).size).toBe(f.length);
  });
});
