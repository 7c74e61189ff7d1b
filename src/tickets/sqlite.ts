import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { HistoryItem, NewTicket, Ticket, TicketRepository } from './types.js';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS tickets (
  number TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  channel TEXT NOT NULL,
  name TEXT,
  phone TEXT NOT NULL,
  address TEXT NOT NULL,
  request_type TEXT NOT NULL,
  content TEXT NOT NULL,
  category TEXT NOT NULL,
  department TEXT NOT NULL,
  urgency TEXT NOT NULL,
  consent INTEGER NOT NULL,
  deadline TEXT NOT NULL,
  status TEXT NOT NULL,
  reply TEXT,
  satisfaction TEXT,
  session_id TEXT,
  idempotency_key TEXT UNIQUE
);
CREATE TABLE IF NOT EXISTS ticket_history (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  number TEXT NOT NULL REFERENCES tickets(number),
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  from_status TEXT,
  to_status TEXT,
  note TEXT
);
CREATE INDEX IF NOT EXISTS ticket_history_number ON ticket_history(number);
CREATE INDEX IF NOT EXISTS tickets_created ON tickets(created_at);
`;

interface Row {
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
}

const toTicket = (r: Row): Ticket => ({
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
});

// Numbers read like 12345 practice: date of receipt (CST) and a daily sequence.
const cstDate = (d: Date) => new Date(d.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10).replace(/-/g, '');

export class SqliteTicketRepository implements TicketRepository {
  private readonly db: Database.Database;

  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    // FULL: a 201 means the order is on disk, not in a page cache.
    this.db.pragma('synchronous = FULL');
    this.db.exec(SCHEMA);
  }

  create(t: NewTicket & { deadline: string }, idempotencyKey?: string, now = new Date()): Ticket {
    const tx = this.db.transaction((): Ticket => {
      if (idempotencyKey) {
        const existing = this.db.prepare('SELECT * FROM tickets WHERE idempotency_key = ?').get(idempotencyKey) as Row | undefined;
        if (existing) return toTicket(existing);
      }
      const prefix = `XF${cstDate(now)}`;
      const last = this.db.prepare('SELECT number FROM tickets WHERE number LIKE ? ORDER BY number DESC LIMIT 1').get(`${prefix}%`) as { number: string } | undefined;
      const seq = last ? Number(last.number.slice(prefix.length)) + 1 : 1;
      const number = `${prefix}${String(seq).padStart(4, '0')}`;
      const at = now.toISOString();
      this.db
        .prepare(
          `INSERT INTO tickets (number, created_at, updated_at, channel, name, phone, address, request_type, content, category, department, urgency, consent, deadline, status, session_id, idempotency_key)
           VALUES (@number, @at, @at, @channel, @name, @phone, @address, @requestType, @content, @category, @department, @urgency, @consent, @deadline, '待派单', @sessionId, @idempotencyKey)`,
        )
        .run({ ...t, number, at, consent: t.consent ? 1 : 0, sessionId: t.sessionId ?? null, idempotencyKey: idempotencyKey ?? null });
      this.db
        .prepare(`INSERT INTO ticket_history (number, at, actor, action, from_status, to_status, note) VALUES (?, ?, ?, 'create', NULL, '待派单', NULL)`)
        .run(number, at, `citizen:${t.channel}`);
      return this.get(number)!;
    });
    return tx.immediate();
  }

  findByIdempotencyKey(key: string): Ticket | undefined {
    const row = this.db.prepare('SELECT * FROM tickets WHERE idempotency_key = ?').get(key) as Row | undefined;
    return row ? toTicket(row) : undefined;
  }

  get(number: string): Ticket | undefined {
    const row = this.db.prepare('SELECT * FROM tickets WHERE number = ?').get(number) as Row | undefined;
    return row ? toTicket(row) : undefined;
  }

  history(number: string): HistoryItem[] {
    return (
      this.db.prepare('SELECT at, actor, action, from_status, to_status, note FROM ticket_history WHERE number = ? ORDER BY id').all(number) as {
        at: string;
        actor: string;
        action: string;
        from_status: HistoryItem['fromStatus'];
        to_status: HistoryItem['toStatus'];
        note: string | null;
      }[]
    ).map((h) => ({ at: h.at, actor: h.actor, action: h.action, fromStatus: h.from_status, toStatus: h.to_status, note: h.note }));
  }

  close(): void {
    this.db.close();
  }
}
