import { describe, expect, it } from 'vitest';
import { extractFeatures } from '../../src/nlu/features.js';
import { featurize } from '../../src/nlu/featurize.js';
import { segment } from '../../src/nlu/segmenter.js';

describe('segmenter with the legal lexicon', () => {
  it.each(['劳动仲裁', '电信诈骗', '安全账户', '法律援助'])('keeps %s as one word', (term) => {
    expect(segment(`我想了解${term}的问题`)).toContain(term);
  });
});

describe('features', () => {
  // The stock zh stemmer maps words to pinyin; these pairs must stay apart (DESIGN §3).
  it.each([
    ['定金', '订金'],
    ['罚款', '罚金'],
    ['拘留', '拘役'],
    ['抚养', '赡养'],
  ])('%s and %s give different word features', (a, b) => {
    const fa = new Set(featurize(`交了${a}怎么办`));
    const fb = new Set(featurize(`交了${b}怎么办`));
    expect(fa.has(`w:${a}`)).toBe(true);
    expect(fb.has(`w:${b}`)).toBe(true);
    expect(fa.has(`w:${b}`)).toBe(false);
  });
  it('reduces links and phone numbers to shape features but keeps national numbers', () => {
    const f = extractFeatures('【某银行】点击 http://t.cn/abc 或致电13812345678，也可拨打96110');
    expect(f).toContain('s:url');
    expect(f).toContain('s:mobile');
    expect(f).toContain('s:signature');
    expect(f).toContain('w:96110');
    expect(f.some((x) => x.includes('13812345678'))).toBe(false);
  });
  it('adds character bigrams so that a typo still shares features', () => {
    const right = new Set(featurize('拖欠工资'));
    const typo = featurize('拖前工资');
    expect(typo.filter((x) => right.has(x))).toContain('b:工资');
  });
});
