import type { RequestType } from '../taxonomy.js';
import type { Urgency } from '../triage/request-type.js';

export const STATUSES = ['待派单', '已派单', '办理中', '已办结', '已回访', '退单'] as const;
export type Status = (typeof STATUSES)[number];

export interface NewTicket {
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
}

export interface HistoryItem {
  at: string;
  actor: string;
  action: string;
  fromStatus: Status | null;
  toStatus: Status | null;
  note: string | null;
}

/** One repository interface per kind of data; SQLite is the embedded default. */
export interface TicketRepository {
  /** Durable before it returns; the same idempotency key returns the first order, never a second. */
  create(t: NewTicket & { deadline: string }, idempotencyKey?: string, now?: Date): Ticket;
  get(number: string): Ticket | undefined;
  findByIdempotencyKey(key: string): Ticket | undefined;
  history(number: string): HistoryItem[];
  close(): void;
}

export class TicketError extends Error {
  constructor(
    readonly code: 'not_found' | 'invalid' | 'forbidden' | 'conflict',
    message: string,
  ) {
    super(message);
    this.name = 'TicketError';
  }
}
