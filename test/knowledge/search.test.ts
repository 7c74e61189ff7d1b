import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { KnowledgeSearch } from '../../src/knowledge/search.js';

const search = new KnowledgeSearch(loadKnowledge());

describe('knowledge search', () => {
  it.each([
    ['劳动仲裁的时效是多久', 'labor.'],
    ['离婚冷静期是多少天', 'family.'],
    ['高空抛物砸伤人谁负责', 'injury.falling_object'],
    ['安全账户转账', 'fraud.'],
  ])('"%s" finds an entry of %s first', (q, intentPrefix) => {
    const [hit] = search.search(q);
    expect(hit?.intents.some((i) => i.startsWith(intentPrefix))).toBe(true);
  });
  it('keeps 定金 and 订金 apart (whole-word index, no pinyin)', () => {
    const a = search.search('定金', 20).map((h) => h.id);
    const b = search.search('订金', 20).map((h) => h.id);
    expect(a[0]).toBeDefined();
    expect(b[0]).toBeDefined();
  });
  it('finds nothing for text with no shared words', () => {
    expect(search.search('量子色动力学')).toEqual([]);
  });
});
