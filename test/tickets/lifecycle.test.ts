import { describe, expect, it } from 'vitest';
import { allowedActions, applyCommand, RULES, type TicketCommand } from '../../src/tickets/lifecycle.js';
import { STATUSES, TicketError, type Status, type Ticket } from '../../src/tickets/types.js';

const ticket = (status: Status, extra: Partial<Ticket> = {}): Ticket => ({
  number: 'XF202611280001',
  createdAt: '2026-11-28T01:00:00.000Z',
  updatedAt: '2026-11-28T01:00:00.000Z',
  channel: 'console',
  name: null,
  phone: '13812345678',
  address: '榆树市某街道',
  requestType: '投诉',
  content: '工资拖欠三个月',
  category: '劳动和社会保障',
  department: '市人力资源和社会保障局',
  urgency: 'medium',
  consent: true,
  deadline: '2026-12-04T15:59:59.000Z',
  status,
  reply: null,
  satisfaction: null,
  callbackNote: null,
  returnReason: null,
  supervised: false,
  closedAt: null,
  amountYuan: null,
  wageArrears: true,
  workers: null,
  recoveredYuan: null,
  ...extra,
});
const now = new Date('2026-11-30T02:00:00Z');
const commands: Record<string, TicketCommand> = {
  dispatch: { action: 'dispatch' },
  accept: { action: 'accept' },
  return: { action: 'return', reason: '不属于本单位职责' },
  close: { action: 'close', reply: '已协调企业支付' },
  callback: { action: 'callback', satisfaction: '满意' },
  supervise: { action: 'supervise', note: '群众多次反映' },
  recategorize: { action: 'recategorize', category: '政法', department: '市公安局' },
};

describe('work-order lifecycle', () => {
  it('walks the main path 待派单 -> 已派单 -> 办理中 -> 已办结 -> 已回访', () => {
    const path: [string, Status][] = [['dispatch', '已派单'], ['accept', '办理中'], ['close', '已办结'], ['callback', '已回访']];
    let t = ticket('待派单');
    for (const [action, to] of path) {
      const change = applyCommand(t, commands[action]!, 'operator', now);
      expect(change.toStatus).toBe(to);
      t = { ...t, ...change.set } as Ticket;
    }
    expect(t.satisfaction).toBe('满意');
    expect(t.closedAt).toBe(now.toISOString());
  });

  it('a returned order keeps its reason and is re-dispatched, which clears the reason', () => {
    const returned = applyCommand(ticket('办理中'), commands.return!, 'operator', now);
    expect(returned).toMatchObject({ toStatus: '退单', set: { returnReason: '不属于本单位职责' }, note: '不属于本单位职责' });
    const again = applyCommand(ticket('退单', { returnReason: 'x' }), { action: 'dispatch', department: '市公安局' }, 'operator', now);
    expect(again.set).toMatchObject({ status: '已派单', department: '市公安局', returnReason: null });
  });

  // Every (status, action) pair not in the table is refused: forged transitions cannot slip through.
  it.each(STATUSES.flatMap((s) => Object.keys(commands).map((a) => [s, a] as const)))('%s + %s is allowed only when the table says so', (status, action) => {
    const allowed = RULES[action as keyof typeof RULES].from.includes(status);
    const run = () => applyCommand(ticket(status), commands[action]!, 'admin', now);
    if (allowed) expect(run).not.toThrow();
    else expect(run).toThrow(expect.objectContaining({ code: 'illegal_transition' }));
  });

  it('督办 needs a supervisor and is refused twice', () => {
    expect(() => applyCommand(ticket('已派单'), commands.supervise!, 'operator', now)).toThrow(TicketError);
    expect(() => applyCommand(ticket('已派单'), commands.supervise!, 'operator', now)).toThrow(expect.objectContaining({ code: 'forbidden' }));
    expect(applyCommand(ticket('已派单'), commands.supervise!, 'supervisor', now).set).toEqual({ supervised: true });
    expect(() => applyCommand(ticket('已派单', { supervised: true }), commands.supervise!, 'admin', now)).toThrow(expect.objectContaining({ code: 'illegal_transition' }));
  });

  it('closing a wage case records workers and money recovered', () => {
    const c = applyCommand(ticket('办理中'), { action: 'close', reply: '已追回', wageArrears: { workers: 12, recoveredYuan: 86000 } }, 'operator', now);
    expect(c.set).toMatchObject({ wageArrears: true, workers: 12, recoveredYuan: 86000 });
  });

  it('offers only the actions the status and role allow', () => {
    expect(allowedActions(ticket('待派单'), 'operator').sort()).toEqual(['dispatch', 'recategorize']);
    expect(allowedActions(ticket('待派单'), 'supervisor').sort()).toEqual(['dispatch', 'recategorize', 'supervise']);
    expect(allowedActions(ticket('已回访'), 'admin')).toEqual([]);
  });
});
