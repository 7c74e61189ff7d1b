import type pg from 'pg';
import { isUniqueViolation, type PgDatabase } from '../storage/postgres.js';
import type { TicketChange } from './lifecycle.js';
import { OPEN_STATUSES } from './lifecycle.js';
import { COLUMNS, cstDate, NUMBER, searchBody, searchWords, toHistory, toTicket, type HistoryRow, type Row } from './rows.js';
import { TicketError, type HistoryItem, type NewTicket, type PageRequest, type Ticket, type TicketFilter, type TicketPage, type TicketRepository } from './types.js';

const COLS = `number, created_at, updated_at, channel, name, phone, address, request_type, content, category, department, urgency, consent,
  deadline, status, reply, satisfaction, session_id, callback_note, return_reason, supervised, closed_at, amount_yuan, wage_arrears, workers, recovered_yuan`;
const SELECT = `SELECT ${COLS} FROM tickets`;

/** Work orders in PostgreSQL (DATABASE_URL): same behaviour as the SQLite store, for many instances on one database. */
export class PgTicketRepository implements TicketRepository {
  constructor(private readonly db: PgDatabase) {}

  async create(t: NewTicket & { deadline: string }, idempotencyKey?: string, now = new Date()): Promise<Ticket> {
    try {
      return await this.db.transaction(async (c) => {
        const prefix = `XF${cstDate(now)}`;
        // One numbering at a time per day, across every instance: the lock ends with the transaction.
        await c.query('SELECT pg_advisory_xact_lock(hashtext($1))', [prefix]);
        if (idempotencyKey) {
          const existing = await c.query<Row>(`${SELECT} WHERE idempotency_key = $1`, [idempotencyKey]);
          if (existing.rows[0]) return toTicket(existing.rows[0]);
        }
        const last = await c.query<{ number: string }>('SELECT number FROM tickets WHERE number >= $1 AND number < $2 ORDER BY number DESC LIMIT 1', [prefix, `${prefix}~`]);
        const seq = last.rows[0] ? Number(last.rows[0].number.slice(prefix.length)) + 1 : 1;
        if (seq > 9999) throw new TicketError('conflict', 'daily order sequence exhausted');
        const number = `${prefix}${String(seq).padStart(4, '0')}`;
        const at = now.toISOString();
        const inserted = await c.query<Row>(
          `INSERT INTO tickets (number, created_at, updated_at, channel, name, phone, address, request_type, content, category, department, urgency, consent,
             deadline, status, session_id, idempotency_key, amount_yuan, wage_arrears, search_body)
           VALUES ($1, $2, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, '待派单', $14, $15, $16, $17, $18)
           RETURNING ${COLS}`,
          [
            number, at, t.channel, t.name, t.phone, t.address, t.requestType, t.content, t.category, t.department, t.urgency, t.consent ? 1 : 0,
            t.deadline, t.sessionId ?? null, idempotencyKey ?? null, t.amountYuan ?? null, t.wageArrears ? 1 : 0, searchBody(t),
          ],
        );
        await this.addHistory(c, { number, at, actor: t.createdBy ?? `citizen:${t.channel}`, action: 'create', from: null, to: '待派单', note: null });
        return toTicket(inserted.rows[0]!);
      });
    } catch (err) {
      // The same key from two requests across midnight (two numbering locks): the first order wins.
      if (idempotencyKey && isUniqueViolation(err, 'tickets_idempotency_key_key')) {
        const first = await this.findByIdempotencyKey(idempotencyKey);
        if (first) return first;
      }
      throw err;
    }
  }

  async findByIdempotencyKey(key: string): Promise<Ticket | undefined> {
    const { rows } = await this.db.query<Row>(`${SELECT} WHERE idempotency_key = $1`, [key]);
    return rows[0] && toTicket(rows[0]);
  }

  async get(number: string): Promise<Ticket | undefined> {
    const { rows } = await this.db.query<Row>(`${SELECT} WHERE number = $1`, [number]);
    return rows[0] && toTicket(rows[0]);
  }

  async update(number: string, change: TicketChange, actor: string, action: string, now = new Date()): Promise<Ticket> {
    return this.db.transaction(async (c) => {
      const at = now.toISOString();
      const params: unknown[] = [number, change.fromStatus, at];
      const sets = Object.entries(change.set).map(([k, v]) => {
        params.push(typeof v === 'boolean' ? (v ? 1 : 0) : v);
        return `${COLUMNS[k as keyof TicketChange['set']]} = $${params.length}`;
      });
      const res = await c.query<{ number: string }>(`UPDATE tickets SET ${[...sets, 'updated_at = $3'].join(', ')} WHERE number = $1 AND status = $2 RETURNING number`, params);
      if (res.rowCount !== 1) {
        const exists = await c.query('SELECT 1 FROM tickets WHERE number = $1', [number]);
        if (!exists.rowCount) throw new TicketError('not_found', `没有工单 ${number}`);
        throw new TicketError('conflict', `工单 ${number} 刚被别人改过，请刷新后再操作`);
      }
      await this.addHistory(c, { number, at, actor, action, from: change.fromStatus, to: change.toStatus, note: change.note });
      const { rows } = await c.query<Row>(`${SELECT} WHERE number = $1`, [number]);
      return toTicket(rows[0]!);
    });
  }

  async list(filter: TicketFilter, page: PageRequest, now = new Date()): Promise<TicketPage> {
    const where: string[] = [];
    const params: unknown[] = [];
    const p = (v: unknown) => (params.push(v), `$${params.length}`);
    if (filter.status) where.push(`status = ${p(filter.status)}`);
    if (filter.category) where.push(`category = ${p(filter.category)}`);
    if (filter.department) where.push(`department = ${p(filter.department)}`);
    if (filter.supervised) where.push('supervised = 1');
    if (filter.overdue) where.push(`status = ANY(${p([...OPEN_STATUSES])}) AND deadline < ${p(now.toISOString())}`);
    if (filter.q) {
      const words = searchWords(filter.q);
      if (!words.length) return { items: [], nextCursor: null, total: 0 };
      // The stored words are the same jieba search-mode tokens; plainto_tsquery wants every one of them.
      where.push(`search_vector @@ plainto_tsquery('simple', ${p(words.join(' '))})`);
    }
    const clause = () => (where.length ? `WHERE ${where.join(' AND ')}` : '');
    const total = Number((await this.db.query<{ n: string }>(`SELECT COUNT(*) AS n FROM tickets ${clause()}`, params)).rows[0]!.n);
    if (page.cursor !== undefined) {
      if (!NUMBER.test(page.cursor)) throw new TicketError('invalid', 'cursor: not a cursor this list returned');
      where.push(`number < ${p(page.cursor)}`);
    }
    const { rows } = await this.db.query<Row>(`${SELECT} ${clause()} ORDER BY number DESC LIMIT ${p(page.limit + 1)}`, params);
    const items = rows.slice(0, page.limit).map(toTicket);
    return { items, nextCursor: rows.length > page.limit ? items[items.length - 1]!.number : null, total };
  }

  async range(from: string, to: string): Promise<Ticket[]> {
    const { rows } = await this.db.query<Row>(`${SELECT} WHERE created_at >= $1 AND created_at < $2 ORDER BY number`, [from, to]);
    return rows.map(toTicket);
  }

  async history(number: string): Promise<HistoryItem[]> {
    const { rows } = await this.db.query<HistoryRow>('SELECT at, actor, action, from_status, to_status, note FROM ticket_history WHERE number = $1 ORDER BY id', [number]);
    return rows.map(toHistory);
  }

  /** The pool belongs to the process's stores, which close it once. */
  async close(): Promise<void> {}

  private async addHistory(c: pg.PoolClient, h: { number: string; at: string; actor: string; action: string; from: string | null; to: string | null; note: string | null }): Promise<void> {
    await c.query('INSERT INTO ticket_history (number, at, actor, action, from_status, to_status, note) VALUES ($1, $2, $3, $4, $5, $6, $7)', [h.number, h.at, h.actor, h.action, h.from, h.to, h.note]);
  }
}
