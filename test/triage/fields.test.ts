import { describe, expect, it } from 'vitest';
import { extractAmounts, extractFields, parseChineseNumber, WAGE_ARREARS } from '../../src/triage/fields.js';

describe('field extraction from a caller’s words', () => {
  it('finds phone, masked ID number, place, dates, amounts, company and workers', () => {
    const f = extractFields('我叫王建国，电话13912345678，身份证220182198805061234。我们18个农民工在榆树市华昌街道幸福小区3号楼工地干活，吉林某某建筑有限公司从今年5月起拖欠工资共计12万元。');
    expect(f.phone).toBe('13912345678');
    expect(f.phoneMasked).toBe('139****5678');
    expect(f.idNumberMasked).toBe('220***********1234');
    expect(JSON.stringify(f)).not.toContain('198805061234');
    expect(f.address).toContain('榆树市华昌街道');
    expect(f.dates).toContain('5月');
    expect(f.amounts).toEqual([{ text: '12万元', yuan: 120000 }]);
    expect(f.companies.some((c) => c.endsWith('建筑有限公司'))).toBe(true);
    expect(f.workers).toBe(18);
    expect(f.name).toBe('王建国');
  });
  it('reads Chinese numerals in amounts', () => {
    expect(parseChineseNumber('三千五')).toBe(3500);
    expect(parseChineseNumber('两万五')).toBe(25000);
    expect(parseChineseNumber('一百零五')).toBe(105);
    expect(parseChineseNumber('三千五百')).toBe(3500);
    expect(parseChineseNumber('两万')).toBe(20000);
    expect(parseChineseNumber('十二')).toBe(12);
    expect(extractAmounts('欠我两万块，还有800元押金，共1.5万')).toEqual([
      { text: '两万块', yuan: 20000 },
      { text: '800元', yuan: 800 },
      { text: '1.5万', yuan: 15000 },
    ]);
  });
  it('returns empty lists, not guesses, for a text with no fields', () => {
    expect(extractFields('请问怎么申请法律援助')).toEqual({ dates: [], amounts: [], companies: [] });
  });
  it.each([['老板拖欠我三个月工资', true], ['工资一直不给', true], ['不给开支咋整', true], ['工资条怎么看', false], ['小区路灯坏了', false]])('wage arrears in "%s": %s', (text, yes) => {
    expect(WAGE_ARREARS.test(text)).toBe(yes);
  });
});

describe('field extraction: mixed numerals and lead-in words', () => {
  it('reads 八万六千元 and 8万6千元 as one amount', () => {
    expect(extractAmounts('一共欠我们八万六千元')).toEqual([{ text: '八万六千元', yuan: 86000 }]);
    expect(extractAmounts('欠了8万6千元')).toEqual([{ text: '8万6千元', yuan: 86000 }]);
    expect(extractAmounts('万一出事怎么办')).toEqual([]);
  });
  it('cuts a company or place name at the words that lead into it', () => {
    const f = extractFields('我们十二个工人给榆树市宏达建筑工程有限公司干了半年活，工地在榆树市华昌街道正阳路88号');
    expect(f.companies).toEqual(['榆树市宏达建筑工程有限公司']);
    expect(f.address).toBe('榆树市华昌街道正阳路88号');
    expect(f.workers).toBe(12);
  });
});

describe('colloquial amounts', () => {
  it('一万八 is 18,000 and 两万多 is at least 20,000', () => {
    expect(extractAmounts('我自己就被欠了一万八。')).toEqual([{ text: '一万八', yuan: 18000 }]);
    expect(extractAmounts('欠了两万多')).toEqual([{ text: '两万多', yuan: 20000 }]);
  });
});
