import { segmentForSearch } from '../nlu/segmenter.js';
import type { TicketChange } from './lifecycle.js';
import type { HistoryItem, Ticket } from './types.js';

// The column layout both stores share (SQLite and PostgreSQL): flags are 0/1 integers, times ISO-8601 text.
export interface Row {
  number: string;
  created_at: string;
  updated_at: string;
  channel: Ticket['channel'];
  name: string | null;
  phone: string;
  address: string;
  request_type: Ticket['requestType'];
  content: string;
  category: string;
  department: string;
  urgency: Ticket['urgency'];
  consent: number;
  deadline: string;
  status: Ticket['status'];
  reply: string | null;
  satisfaction: string | null;
  session_id: string | null;
  callback_note: string | null;
  return_reason: string | null;
  supervised: number;
  closed_at: string | null;
  amount_yuan: number | null;
  wage_arrears: number;
  workers: number | null;
  recovered_yuan: number | null;
}

export const toTicket = (r: Row): Ticket => ({
  number: r.number,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  channel: r.channel,
  name: r.name,
  phone: r.phone,
  address: r.address,
  requestType: r.request_type,
  content: r.content,
  category: r.category,
  department: r.department,
  urgency: r.urgency,
  consent: r.consent === 1,
  deadline: r.deadline,
  status: r.status,
  reply: r.reply,
  satisfaction: r.satisfaction,
  sessionId: r.session_id ?? undefined,
  callbackNote: r.callback_note,
  returnReason: r.return_reason,
  supervised: r.supervised === 1,
  closedAt: r.closed_at,
  amountYuan: r.amount_yuan,
  wageArrears: r.wage_arrears === 1,
  workers: r.workers,
  recoveredYuan: r.recovered_yuan,
});

export const COLUMNS: Record<keyof TicketChange['set'], string> = {
  status: 'status',
  department: 'department',
  category: 'category',
  reply: 'reply',
  satisfaction: 'satisfaction',
  callbackNote: 'callback_note',
  returnReason: 'return_reason',
  supervised: 'supervised',
  closedAt: 'closed_at',
  wageArrears: 'wage_arrears',
  workers: 'workers',
  recoveredYuan: 'recovered_yuan',
};

// Numbers read like 12345 practice: date of receipt (CST) and a daily sequence.
export const cstDate = (d: Date) => new Date(d.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10).replace(/-/g, '');
export const NUMBER = /^XF\d{12}$/;

/** Search terms for the full-text index: jieba search-mode words, so 欠薪 finds 拖欠薪水's 欠薪 too. */
export const searchBody = (t: Pick<Ticket, 'content' | 'address' | 'name'>) => segmentForSearch(`${t.content} ${t.address} ${t.name ?? ''}`).join(' ');

/** The words of a queue search (at most eight, punctuation dropped); every one must match. */
export const searchWords = (q: string): string[] => [...new Set(segmentForSearch(q.trim()))].filter((w) => /[\p{L}\p{N}]/u.test(w)).slice(0, 8);

export interface HistoryRow {
  at: string;
  actor: string;
  action: string;
  from_status: HistoryItem['fromStatus'];
  to_status: HistoryItem['toStatus'];
  note: string | null;
}

export const toHistory = (h: HistoryRow): HistoryItem => ({ at: h.at, actor: h.actor, action: h.action, fromStatus: h.from_status, toStatus: h.to_status, note: h.note });

