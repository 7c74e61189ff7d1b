import type { Role } from '../accounts/types.js';
import { roleAtLeast } from '../accounts/types.js';
import { TicketError, type Status, type Ticket } from './types.js';

export const SATISFACTION = ['满意', '基本满意', '不满意'] as const;
export type Satisfaction = (typeof SATISFACTION)[number];

/** What an operator can do to an order; each command names the only statuses it may start from. */
export type TicketCommand =
  | { action: 'dispatch'; department?: string; note?: string }
  | { action: 'accept'; note?: string }
  | { action: 'return'; reason: string }
  | { action: 'close'; reply: string; wageArrears?: { workers: number; recoveredYuan: number } }
  | { action: 'callback'; satisfaction: Satisfaction; note?: string }
  | { action: 'supervise'; note: string }
  | { action: 'recategorize'; category: string; department: string; note?: string };

export type TicketAction = TicketCommand['action'];

/** How the console names each action (messages to operators are in Chinese). */
export const ACTION_LABEL: Record<TicketAction, string> = { dispatch: '派单', accept: '签收', return: '退单', close: '办结', callback: '回访', supervise: '督办', recategorize: '改分类' };
const ROLE_LABEL = { operator: '话务员', supervisor: '班长', admin: '管理员' } as const;

interface Rule {
  from: readonly Status[];
  to: Status | null;
  minRole: Role;
}

/**
 * 待派单 -> 已派单 -> 办理中 -> 已办结 -> 已回访; 退单 from 已派单/办理中 (with a reason) goes back
 * to the dispatcher and is re-dispatched; 督办 is a supervisor's flag, not a status.
 */
export const RULES: Record<TicketAction, Rule> = {
  dispatch: { from: ['待派单', '退单'], to: '已派单', minRole: 'operator' },
  accept: { from: ['已派单'], to: '办理中', minRole: 'operator' },
  return: { from: ['已派单', '办理中'], to: '退单', minRole: 'operator' },
  close: { from: ['办理中'], to: '已办结', minRole: 'operator' },
  callback: { from: ['已办结'], to: '已回访', minRole: 'operator' },
  supervise: { from: ['待派单', '已派单', '办理中', '退单'], to: null, minRole: 'supervisor' },
  recategorize: { from: ['待派单', '退单'], to: null, minRole: 'operator' },
};

/** The fields a command changes, computed without touching storage. */
export interface TicketChange {
  fromStatus: Status;
  toStatus: Status;
  set: Partial<Pick<Ticket, 'status' | 'department' | 'category' | 'reply' | 'satisfaction' | 'callbackNote' | 'returnReason' | 'supervised' | 'closedAt' | 'wageArrears' | 'workers' | 'recoveredYuan'>>;
  note: string | null;
}

export const OPEN_STATUSES: readonly Status[] = ['待派单', '已派单', '办理中', '退单'];

export function allowedActions(t: Ticket, role: Role): TicketAction[] {
  return (Object.keys(RULES) as TicketAction[]).filter((a) => RULES[a].from.includes(t.status) && roleAtLeast(role, RULES[a].minRole) && !(a === 'supervise' && t.supervised));
}

export function applyCommand(t: Ticket, cmd: TicketCommand, role: Role, now: Date): TicketChange {
  const rule = RULES[cmd.action];
  const label = ACTION_LABEL[cmd.action];
  if (!roleAtLeast(role, rule.minRole)) throw new TicketError('forbidden', `${label}需要${ROLE_LABEL[rule.minRole]}及以上权限`);
  if (!rule.from.includes(t.status)) {
    throw new TicketError('illegal_transition', `工单 ${t.number} 当前为「${t.status}」，不能${label}（只能在 ${rule.from.join('/')} 时${label}）`);
  }
  const to = rule.to ?? t.status;
  const base = { fromStatus: t.status, toStatus: to };
  switch (cmd.action) {
    case 'dispatch':
      return { ...base, set: { status: to, department: cmd.department ?? t.department, returnReason: null }, note: cmd.note ?? `派往 ${cmd.department ?? t.department}` };
    case 'accept':
      return { ...base, set: { status: to }, note: cmd.note ?? null };
    case 'return':
      return { ...base, set: { status: to, returnReason: cmd.reason }, note: cmd.reason };
    case 'close':
      return {
        ...base,
        set: { status: to, reply: cmd.reply, closedAt: now.toISOString(), ...(cmd.wageArrears ? { wageArrears: true, workers: cmd.wageArrears.workers, recoveredYuan: cmd.wageArrears.recoveredYuan } : {}) },
        note: cmd.reply,
      };
    case 'callback':
      return { ...base, set: { status: to, satisfaction: cmd.satisfaction, callbackNote: cmd.note ?? null }, note: `${cmd.satisfaction}${cmd.note ? `：${cmd.note}` : ''}` };
    case 'supervise':
      if (t.supervised) throw new TicketError('illegal_transition', `工单 ${t.number} 已在督办中`);
      return { ...base, set: { supervised: true }, note: cmd.note };
    case 'recategorize':
      return { ...base, set: { category: cmd.category, department: cmd.department }, note: cmd.note ?? `${t.category} -> ${cmd.category}` };
  }
}
