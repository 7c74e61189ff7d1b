import { describe, expect, it } from 'vitest';
import { checkSafety, SAFETY_RULES } from '../../src/pipeline/safety.js';

describe('safety rules', () => {
  it.each([
    ['我不想活了', 'self-harm', '120'],
    ['他拿刀要砍我，快来人', 'violence-now', '110'],
    ['楼下着火了好多烟', 'fire-gas', '119'],
    ['我爸突然晕倒了叫不醒', 'medical-emergency', '120'],
    ['客服让我把钱转到安全账户', 'fraud-transfer-in-progress', '96110'],
    ['对方催我马上转账不然就抓我', 'fraud-transfer-in-progress', '110'],
  ])('"%s" -> %s with %s', (text, rule, number) => {
    const hit = checkSafety(text);
    expect(hit?.rule).toBe(rule);
    expect(hit?.action).toBe('urgent');
    expect(hit?.numbers).toContain(number);
  });
  it.each(['被骗了钱还能要回来吗', '去年被打了能要赔偿吗', '火灾保险怎么赔偿', '怎么预防安全账户这种骗局'])('"%s" is not an emergency', (text) => {
    expect(checkSafety(text)?.action).not.toBe('urgent');
  });
  it('asking for a person is a handoff rule below every emergency', () => {
    expect(checkSafety('转人工')?.action).toBe('handoff');
    const wants = SAFETY_RULES.find((r) => r.id === 'wants-human')!;
    expect(SAFETY_RULES.filter((r) => r.action === 'urgent').every((r) => r.priority > wants.priority)).toBe(true);
  });
  it('a fire call that also cries 救命 gets the fire brigade first, and the police number too', () => {
    const hit = checkSafety('救命啊我家着火了，火很大，人被困在楼上');
    expect(hit?.rule).toBe('fire-gas');
    expect(hit?.numbers.slice(0, 2)).toEqual(['119', '120']);
    expect(hit?.numbers).toContain('110');
  });
  it('the higher priority wins when two rules match', () => {
    expect(checkSafety('转人工！有人拿刀要杀我')?.rule).toBe('violence-now');
  });
});
