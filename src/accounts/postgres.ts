import type { PgDatabase } from '../storage/postgres.js';
import { toUser, type UserRow } from './rows.js';
import type { AccountRepository, AuditEntry, SessionRecord, User } from './types.js';

/** Accounts, sessions and the audit log in PostgreSQL (DATABASE_URL): a session signed in on one instance works on all. */
export class PgAccountRepository implements AccountRepository {
  constructor(private readonly db: PgDatabase) {}

  async addUser(u: User): Promise<boolean> {
    const res = await this.db.query(
      'INSERT INTO users (name, role, password_hash, created_at, disabled) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (name) DO NOTHING',
      [u.name, u.role, u.passwordHash, u.createdAt, u.disabled ? 1 : 0],
    );
    return res.rowCount === 1;
  }

  async findUser(name: string): Promise<User | undefined> {
    const { rows } = await this.db.query<UserRow>('SELECT name, role, password_hash, created_at, disabled FROM users WHERE name = $1', [name]);
    const r = rows[0];
    return r && toUser(r);
  }

  async createSession(s: SessionRecord): Promise<void> {
    await this.db.query('INSERT INTO sessions (token_hash, name, csrf, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)', [s.tokenHash, s.name, s.csrf, s.createdAt, s.expiresAt]);
  }

  async findSession(tokenHash: string): Promise<SessionRecord | undefined> {
    const { rows } = await this.db.query<SessionRecord>(
      'SELECT token_hash AS "tokenHash", name, csrf, created_at AS "createdAt", expires_at AS "expiresAt" FROM sessions WHERE token_hash = $1',
      [tokenHash],
    );
    return rows[0];
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.db.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
  }

  async deleteExpired(now: string): Promise<void> {
    await this.db.query('DELETE FROM sessions WHERE expires_at <= $1', [now]);
  }

  async audit(e: AuditEntry): Promise<void> {
    await this.db.query('INSERT INTO audit (at, actor, action, target, detail) VALUES ($1, $2, $3, $4, $5)', [e.at, e.actor, e.action, e.target, e.detail]);
  }

  async auditLog(filter: { target?: string; actor?: string; limit?: number }): Promise<AuditEntry[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.target !== undefined) (params.push(filter.target), where.push(`target = $${params.length}`));
    if (filter.actor !== undefined) (params.push(filter.actor), where.push(`actor = $${params.length}`));
    params.push(Math.max(1, Math.min(Math.trunc(filter.limit ?? 200), 1000)));
    const { rows } = await this.db.query<AuditEntry>(
      `SELECT at, actor, action, target, detail FROM audit ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT $${params.length}`,
      params,
    );
    return rows;
  }

  /** The pool belongs to the process's stores, which close it once. */
  async close(): Promise<void> {}
}
