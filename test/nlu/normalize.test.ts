import { describe, expect, it } from 'vitest';
import { cleanText, normalize } from '../../src/nlu/normalize.js';

describe('normalize', () => {
  it('folds full-width digits, letters and punctuation to half-width', () => {
    expect(cleanText('欠我１２０００元！ＡＢＣ')).toBe('欠我12000元!abc');
  });
  it('turns traditional characters into simplified ones', () => {
    expect(cleanText('離婚後孩子撫養費怎麼算')).toBe('离婚后孩子抚养费怎么算');
  });
  it('replaces control characters and collapses whitespace', () => {
    expect(cleanText('工资\u0000 \u200b 没 \t\n 发')).toBe('工资 没 发');
  });
  it('rewrites Northeastern words for the classifiers but keeps the cleaned original', () => {
    const n = normalize('老板不给开支咋整');
    expect(n.clean).toBe('老板不给开支咋整');
    expect(n.canonical).toBe('老板不给工资怎么办');
  });
  it('prefers the longest dialect expression (咋整 over 咋)', () => {
    expect(normalize('咋整').canonical).toBe('怎么办');
    expect(normalize('咋回事').canonical).toBe('怎么回事');
  });
});
