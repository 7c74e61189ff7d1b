import { describe, expect, it } from 'vitest';
import { continueIntake, startIntake, type IntakeOutcome, type IntakeState } from '../../src/dialogs/intake.js';

function run(answers: string[], start: IntakeOutcome = startIntake()): IntakeOutcome {
  let outcome = start;
  for (const a of answers) {
    if (outcome.type !== 'ask') throw new Error(`dialog ended early at "${a}"`);
    outcome = continueIntake(outcome.state, a);
  }
  return outcome;
}

describe('work-order intake', () => {
  it('collects content, place, phone, name and consent, then submits', () => {
    const out = run(['小区门口路灯坏了半个月', '榆树市XX街道XX小区', '138 1234 5678', '张女士', '同意', '确认提交']);
    expect(out).toEqual({ type: 'submit', draft: { content: '小区门口路灯坏了半个月', address: '榆树市XX街道XX小区', phone: '13812345678', name: '张女士', consent: true } });
  });
  it('takes the first message as content when it already says what happened', () => {
    const s = startIntake('我要投诉，XX路的井盖丢了好几天没人管');
    expect(s.state.step).toBe('address');
  });
  it('allows anonymity', () => {
    const out = run(['井盖丢了好几天', 'XX路口', '13812345678', '匿名', '同意', '确认']);
    expect(out.type === 'submit' && out.draft.name).toBeNull();
  });
  it('refuses a bad phone and asks again, staying on the phone step', () => {
    const out = run(['井盖丢了好几天', 'XX路口', '12345']);
    expect(out.type).toBe('ask');
    expect(out.type === 'ask' && out.state.step).toBe('phone');
    expect(out.type === 'ask' && out.text).toContain('号码好像不对');
  });
  it('accepts a landline with area code', () => {
    const out = run(['井盖丢了好几天', 'XX路口', '0431-81234567']);
    expect(out.type === 'ask' && out.state.draft.phone).toBe('043181234567');
  });
  it('echoes the phone masked in the confirmation', () => {
    const out = run(['井盖丢了好几天', 'XX路口', '13812345678', '王', '同意']);
    expect(out.type === 'ask' && out.text).toContain('138****5678');
    expect(out.type === 'ask' && out.text).not.toContain('13812345678');
  });
  it('can be cancelled at any step, creating nothing', () => {
    for (let i = 0; i < 6; i += 1) {
      const answers = ['井盖丢了好几天', 'XX路口', '13812345678', '王', '同意'].slice(0, i);
      expect(run([...answers, '取消']).type).toBe('cancelled');
    }
  });
  it('corrects a field and returns to confirmation with the new value', () => {
    let out = run(['井盖丢了好几天', 'XX路口', '13812345678', '王', '同意', '电话填错了']);
    expect(out.type === 'ask' && out.state.step).toBe('phone');
    out = continueIntake((out as { state: IntakeState }).state, '13987654321');
    expect(out.type === 'ask' && out.state.step).toBe('confirm');
    expect(out.type === 'ask' && out.text).toContain('139****4321');
  });
  it('without consent nothing is filed', () => {
    expect(run(['井盖丢了好几天', 'XX路口', '13812345678', '王', '不同意']).type).toBe('cancelled');
  });
});

describe('starting an intake', () => {
  it.each(['我要向12345反映问题', '帮我登记一个工单', '我要投诉'])('"%s" carries no matter, so it asks what happened', (text) => {
    expect(startIntake(text).state.step).toBe('content');
  });
});
