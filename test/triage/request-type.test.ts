import { describe, expect, it } from 'vitest';
import { classifyRequestType, classifyUrgency } from '../../src/triage/request-type.js';

describe('诉求类型 and urgency', () => {
  it.each([
    ['举报XX厂非法排污', '举报'],
    ['工地老板欠我们十个人的工资一直不给', '投诉'],
    ['窗口工作人员态度恶劣', '投诉'],
    ['包工头欠我们二十一万六千元，电话也不接', '投诉'],
    ['干了半年活钱一直不给', '投诉'],
    ['钱的事情怎么算', '咨询'],
    ['家里困难，孩子上学的钱都没有，求助', '求助'],
    ['建议在XX路口增设红绿灯', '建议'],
    ['请问公积金怎么提取', '咨询'],
  ])('%s -> %s', (text, type) => {
    const r = classifyRequestType(text);
    expect(r.type).toBe(type);
    if (type !== '咨询') expect(r.evidence.length).toBeGreaterThan(0);
  });
  it('danger is high, wage arrears medium, otherwise normal, with the words that triggered it', () => {
    expect(classifyUrgency('楼道里燃气味很重')).toEqual({ urgency: 'high', evidence: ['燃气'] });
    expect(classifyUrgency('农民工工资拖欠快过年了').urgency).toBe('medium');
    expect(classifyUrgency('想问问公交线路').urgency).toBe('normal');
  });
});
