import { describe, expect, it } from 'vitest';
import { extractFeatures } from '../../src/nlu/features.js';
import { featurize, featurizeConcepts, featurizeIntent } from '../../src/nlu/featurize.js';
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
  it('gives the intent classifiers each Han character once, after traditional -> simplified', () => {
    const f = featurizeIntent('被打傷了，打人的不賠 call 110');
    expect(f.filter((x) => x === 'c:打')).toHaveLength(1);
    expect(f).toContain('c:伤');
    expect(f).toContain('c:赔');
    expect(f.some((x) => x === 'c:傷' || x === 'c:c' || x === 'c:1')).toBe(false);
    // the shared features are all still there
    expect(f).toEqual(expect.arrayContaining(featurize('被打傷了，打人的不賠 call 110')));
    expect(featurize('被打傷了').some((x) => x.startsWith('c:'))).toBe(false);
  });
  it('gives the topic and intent classifiers a shared concept feature for two words of one thing, and not the scam/category ones', () => {
    const wife = featurizeConcepts('我媳妇要离婚');
    const spouse = featurizeConcepts('我老婆要离婚');
    const shared = wife.filter((x) => x.startsWith('k:') && spouse.includes(x));
    expect(shared.length).toBeGreaterThan(0);
    // the words themselves differ, so without concepts these two would share no word feature for the spouse
    expect(wife.filter((x) => x.startsWith('w:') && spouse.includes(x))).not.toContain('w:媳妇');
    expect(featurizeIntent('我媳妇要离婚')).toEqual(expect.arrayContaining(shared));
    expect(featurize('我媳妇要离婚').some((x) => x.startsWith('k:'))).toBe(false);
  });
});

describe('who the writer claims to be', () => {
  it.each([
    ['您好，我是某区公安分局的民警，您涉嫌一起案件', 's:speaker-authority'],
    ['您好，我是某贷款公司的信贷专员，可为您办理低息贷款', 's:speaker-lender'],
    ['您好，我是某商城的客服，您的订单出现异常', 's:speaker-service'],
    ['舅舅，我是你外甥，出了点事急需用钱', 's:speaker-relation'],
  ])('%s -> %s', (text, feature) => {
    expect(featurize(text)).toContain(feature);
  });
  it('no self-introduction, no speaker feature', () => {
    expect(featurize('【某超市】周末全场x折').some((f) => f.startsWith('s:speaker'))).toBe(false);
  });
});
