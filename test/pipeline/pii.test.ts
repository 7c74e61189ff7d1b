import { describe, expect, it } from 'vitest';
import { detectPii, maskPhone, maskPii } from '../../src/pipeline/pii.js';

describe('personal data', () => {
  it('finds mobiles, landlines, ID numbers and bank cards', () => {
    const p = detectPii('我电话13812345678，座机0431-81234567，身份证220182199001011234，卡号6222 0212 3456 7890 123');
    expect(p.phones).toEqual(['13812345678', '0431-81234567']);
    expect(p.idNumbers).toEqual(['220182199001011234']);
    expect(p.bankCards).toHaveLength(1);
  });
  it('masks them so that no full number survives', () => {
    const out = maskPii('电话13812345678 身份证22018219900101123X 卡6222021234567890123');
    expect(out).not.toMatch(/13812345678|22018219900101123X|6222021234567890123/);
    expect(out).toContain('138****5678');
    expect(out).toContain('****0123');
  });
  it('masks a landline keeping only the last four digits', () => {
    expect(maskPhone('0431-81234567')).toBe('********4567');
  });
});
