import type { RequestType } from '../taxonomy.js';
import type { Urgency } from '../triage/request-type.js';
import type { TicketChange } from './lifecycle.js';

export const STATUSES = ['待派单', '已派单', '办理中', '已办结', '已回访', '退单'] as const;
export type Status = (typeof STATUSES)[number];

export interface NewTicket {
  /** who keyed it in (a console account); citizens' orders name their channel instead */
  createdBy?: string;
  amountYuan?: number | null;
  wageArrears?: boolean;
  channel: 'web' | 'api' | 'console' | 'webhook';
  name: string | null;
  phone: string;
  address: string;
  requestType: RequestType;
  content: string;
  category: string;
  department: string;
  urgency: Urgency;
  consent: boolean;
  sessionId?: string;
}

export interface Ticket extends NewTicket {
  number: string;
  createdAt: string;
  updatedAt: string;
  deadline: string;
  status: Status;
  reply: string | null;
  satisfaction: string | null;
  callbackNote: string | null;
  returnReason: string | null;
  /** 督办: a supervisor's flag; it stays on the order */
  supervised: boolean;
  closedAt: string | null;
  /** amount at stake found in the content (yuan), for reports */
  amountYuan: number | null;
  /** a wage-arrears case: set from the content, confirmed with figures when closed */
  wageArrears: boolean;
  workers: number | null;
  recoveredYuan: number | null;
}

export interface HistoryItem {
  at: string;
  actor: string;
  action: string;
  fromStatus: Status | null;
  toStatus: Status | null;
  note: string | null;
}

/** One repository interface per kind of data: SQLite is the embedded default, PostgreSQL when DATABASE_URL is set. */
export interface TicketRepository {
  /** Durable before it returns; the same idempotency key returns the first order, never a second. */
  create(t: NewTicket & { deadline: string }, idempotencyKey?: string, now?: Date): Promise<Ticket>;
  get(number: string): Promise<Ticket | undefined>;
  findByIdempotencyKey(key: string): Promise<Ticket | undefined>;
  history(number: string): Promise<HistoryItem[]>;
  /**
   * Applies a change only if the order is still in `change.fromStatus` (two operators clicking at
   * once: the second gets a conflict, not a silent overwrite); the history row is in the same transaction.
   */
  update(number: string, change: TicketChange, actor: string, action: string, now?: Date): Promise<Ticket>;
  list(filter: TicketFilter, page: PageRequest, now?: Date): Promise<TicketPage>;
  /** Every order created in [from, to), for statistics and reports (bounded by the caller's range). */
  range(from: string, to: string): Promise<Ticket[]>;
  close(): Promise<void>;
}

export interface TicketFilter {
  status?: Status;
  category?: string;
  department?: string;
  overdue?: boolean;
  supervised?: boolean;
  /** full text over content, address and name (segmented Chinese) */
  q?: string;
}

export interface PageRequest {
  limit: number;
  /** opaque: the last number of the previous page (orders sort newest first by number) */
  cursor?: string;
}

export interface TicketPage {
  items: Ticket[];
  nextCursor: string | null;
  total: number;
}

export class TicketError extends Error {
  constructor(
    readonly code: 'not_found' | 'invalid' | 'forbidden' | 'conflict' | 'illegal_transition',
    message: string,
  ) {
    super(message);
    this.name = 'TicketError';
  }
}
