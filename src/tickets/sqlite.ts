import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { TicketChange } from './lifecycle.js';
import { OPEN_STATUSES } from './lifecycle.js';
import { COLUMNS, cstDate, NUMBER, searchBody, searchWords, toHistory, toTicket, type HistoryRow, type Row } from './rows.js';
import { TicketError, type HistoryItem, type NewTicket, type PageRequest, type Ticket, type TicketFilter, type TicketPage, type TicketRepository } from './types.js';

// Migrations run in order on open; PRAGMA user_version records how far a file has come.
const MIGRATIONS: string[] = [
  `CREATE TABLE IF NOT EXISTS tickets (
    number TEXT PRIMARY KEY, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, channel TEXT NOT NULL,
    name TEXT, phone TEXT NOT NULL, address TEXT NOT NULL, request_type TEXT NOT NULL, content TEXT NOT NULL,
    category TEXT NOT NULL, department TEXT NOT NULL, urgency TEXT NOT NULL, consent INTEGER NOT NULL,
    deadline TEXT NOT NULL, status TEXT NOT NULL, reply TEXT, satisfaction TEXT, session_id TEXT, idempotency_key TEXT UNIQUE
  );
  CREATE TABLE IF NOT EXISTS ticket_history (
    id INTEGER PRIMARY KEY AUTOINCREMENT, number TEXT NOT NULL REFERENCES tickets(number), at TEXT NOT NULL,
    actor TEXT NOT NULL, action TEXT NOT NULL, from_status TEXT, to_status TEXT, note TEXT
  );
  CREATE INDEX IF NOT EXISTS ticket_history_number ON ticket_history(number);
  CREATE INDEX IF NOT EXISTS tickets_created ON tickets(created_at);`,
  `ALTER TABLE tickets ADD COLUMN callback_note TEXT;
  ALTER TABLE tickets ADD COLUMN return_reason TEXT;
  ALTER TABLE tickets ADD COLUMN supervised INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE tickets ADD COLUMN closed_at TEXT;
  ALTER TABLE tickets ADD COLUMN amount_yuan REAL;
  ALTER TABLE tickets ADD COLUMN wage_arrears INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE tickets ADD COLUMN workers INTEGER;
  ALTER TABLE tickets ADD COLUMN recovered_yuan REAL;
  CREATE INDEX tickets_status_number ON tickets(status, number);
  CREATE INDEX tickets_category_number ON tickets(category, number);
  CREATE INDEX tickets_department_number ON tickets(department, number);
  CREATE INDEX tickets_status_deadline ON tickets(status, deadline);
  CREATE VIRTUAL TABLE tickets_fts USING fts5(number UNINDEXED, body, tokenize = 'unicode61');`,
  // The index row shares the order's rowid: a search joins on integers, never on the stored number (4x faster at 100k).
];

export class SqliteTicketRepository implements TicketRepository {
  private readonly db: Database.Database;

  /** `durable: false` is for seeding benchmarks only: the server always writes with synchronous FULL. */
  constructor(file: string, opts: { durable?: boolean } = {}) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    // FULL: a 201 means the order is on disk, not in a page cache.
    this.db.pragma(`synchronous = ${opts.durable === false ? 'OFF' : 'FULL'}`);
    this.db.pragma('busy_timeout = 5000');
    this.migrate();
  }

  private migrate(): void {
    const version = this.db.pragma('user_version', { simple: true }) as number;
    for (let v = version; v < MIGRATIONS.length; v += 1) {
      this.db.transaction(() => {
        this.db.exec(MIGRATIONS[v]!);
        if (v === 1) {
          const insert = this.db.prepare('INSERT INTO tickets_fts (rowid, number, body) VALUES (?, ?, ?)');
          for (const r of this.db.prepare('SELECT rowid AS id, number, content, address, name FROM tickets').all() as (Pick<Row, 'number' | 'content' | 'address' | 'name'> & { id: number })[]) insert.run(r.id, r.number, searchBody(r));
        }
        this.db.pragma(`user_version = ${v + 1}`);
      })();
    }
  }

  async create(t: NewTicket & { deadline: string }, idempotencyKey?: string, now = new Date()): Promise<Ticket> {
    const tx = this.db.transaction((): Ticket => {
      if (idempotencyKey) {
        const existing = this.db.prepare('SELECT * FROM tickets WHERE idempotency_key = ?').get(idempotencyKey) as Row | undefined;
        if (existing) return toTicket(existing);
      }
      const prefix = `XF${cstDate(now)}`;
      const last = this.db.prepare('SELECT number FROM tickets WHERE number LIKE ? ORDER BY number DESC LIMIT 1').get(`${prefix}%`) as { number: string } | undefined;
      const seq = last ? Number(last.number.slice(prefix.length)) + 1 : 1;
      // Four digits keep numbers sortable; a day past 9,999 orders is refused rather than misnumbered.
      if (seq > 9999) throw new TicketError('conflict', 'daily order sequence exhausted');
      const number = `${prefix}${String(seq).padStart(4, '0')}`;
      const at = now.toISOString();
      const inserted = this.db
        .prepare(
          `INSERT INTO tickets (number, created_at, updated_at, channel, name, phone, address, request_type, content, category, department, urgency, consent, deadline, status, session_id, idempotency_key, amount_yuan, wage_arrears)
           VALUES (@number, @at, @at, @channel, @name, @phone, @address, @requestType, @content, @category, @department, @urgency, @consent, @deadline, '待派单', @sessionId, @idempotencyKey, @amountYuan, @wageArrears)`,
        )
        .run({ ...t, number, at, consent: t.consent ? 1 : 0, sessionId: t.sessionId ?? null, idempotencyKey: idempotencyKey ?? null, amountYuan: t.amountYuan ?? null, wageArrears: t.wageArrears ? 1 : 0 });
      this.db.prepare('INSERT INTO tickets_fts (rowid, number, body) VALUES (?, ?, ?)').run(inserted.lastInsertRowid, number, searchBody(t));
      this.db
        .prepare(`INSERT INTO ticket_history (number, at, actor, action, from_status, to_status, note) VALUES (?, ?, ?, 'create', NULL, '待派单', NULL)`)
        .run(number, at, t.createdBy ?? `citizen:${t.channel}`);
      return this.read(number)!;
    });
    return tx.immediate();
  }

  async findByIdempotencyKey(key: string): Promise<Ticket | undefined> {
    const row = this.db.prepare('SELECT * FROM tickets WHERE idempotency_key = ?').get(key) as Row | undefined;
    return row ? toTicket(row) : undefined;
  }

  async get(number: string): Promise<Ticket | undefined> {
    return this.read(number);
  }

  private read(number: string): Ticket | undefined {
    const row = this.db.prepare('SELECT * FROM tickets WHERE number = ?').get(number) as Row | undefined;
    return row ? toTicket(row) : undefined;
  }

  async update(number: string, change: TicketChange, actor: string, action: string, now = new Date()): Promise<Ticket> {
    const tx = this.db.transaction((): Ticket => {
      const sets = Object.entries(change.set).map(([k]) => `${COLUMNS[k as keyof TicketChange['set']]} = @${k}`);
      const params: Record<string, unknown> = { number, from: change.fromStatus, at: now.toISOString() };
      for (const [k, v] of Object.entries(change.set)) params[k] = typeof v === 'boolean' ? (v ? 1 : 0) : v;
      const res = this.db.prepare(`UPDATE tickets SET ${[...sets, 'updated_at = @at'].join(', ')} WHERE number = @number AND status = @from`).run(params);
      if (res.changes !== 1) {
        if (!this.read(number)) throw new TicketError('not_found', `没有工单 ${number}`);
        throw new TicketError('conflict', `工单 ${number} 刚被别人改过，请刷新后再操作`);
      }
      this.db
        .prepare('INSERT INTO ticket_history (number, at, actor, action, from_status, to_status, note) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(number, params.at, actor, action, change.fromStatus, change.toStatus, change.note);
      return this.read(number)!;
    });
    return tx.immediate();
  }

  async list(filter: TicketFilter, page: PageRequest, now = new Date()): Promise<TicketPage> {
    const where: string[] = [];
    const params: Record<string, unknown> = {};
    if (filter.status) (where.push('status = @status'), (params.status = filter.status));
    if (filter.category) (where.push('category = @category'), (params.category = filter.category));
    if (filter.department) (where.push('department = @department'), (params.department = filter.department));
    if (filter.supervised) where.push('supervised = 1');
    if (filter.overdue) {
      where.push(`status IN (${OPEN_STATUSES.map((s) => `'${s}'`).join(', ')}) AND deadline < @now`);
      params.now = now.toISOString();
    }
    if (filter.q) {
      const words = searchWords(filter.q);
      if (!words.length) return { items: [], nextCursor: null, total: 0 };
      const q = words.map((w) => `"${w.replace(/"/g, '""')}"`).join(' ');
      where.push('rowid IN (SELECT rowid FROM tickets_fts WHERE tickets_fts MATCH @q)');
      params.q = q;
    }
    const total = (this.db.prepare(`SELECT COUNT(*) AS n FROM tickets ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`).get(params) as { n: number }).n;
    if (page.cursor !== undefined) {
      if (!NUMBER.test(page.cursor)) throw new TicketError('invalid', 'cursor: not a cursor this list returned');
      where.push('number < @cursor');
      params.cursor = page.cursor;
    }
    const rows = this.db
      .prepare(`SELECT * FROM tickets ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY number DESC LIMIT @limit`)
      .all({ ...params, limit: page.limit + 1 }) as Row[];
    const items = rows.slice(0, page.limit).map(toTicket);
    return { items, nextCursor: rows.length > page.limit ? items[items.length - 1]!.number : null, total };
  }

  async range(from: string, to: string): Promise<Ticket[]> {
    return (this.db.prepare('SELECT * FROM tickets WHERE created_at >= ? AND created_at < ? ORDER BY number').all(from, to) as Row[]).map(toTicket);
  }

  async history(number: string): Promise<HistoryItem[]> {
    return (this.db.prepare('SELECT at, actor, action, from_status, to_status, note FROM ticket_history WHERE number = ? ORDER BY id').all(number) as HistoryRow[]).map(toHistory);
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
