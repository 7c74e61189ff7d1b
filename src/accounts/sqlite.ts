import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { toUser, type UserRow } from './rows.js';
import type { AccountRepository, AuditEntry, SessionRecord, User } from './types.js';

// Idempotent DDL, not PRAGMA user_version: that counter belongs to the tickets' migrations in the same file.
const SCHEMA = `
CREATE TABLE IF NOT EXISTS users (name TEXT PRIMARY KEY, role TEXT NOT NULL, password_hash TEXT NOT NULL, created_at TEXT NOT NULL, disabled INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS sessions (token_hash TEXT PRIMARY KEY, name TEXT NOT NULL REFERENCES users(name), csrf TEXT NOT NULL, created_at TEXT NOT NULL, expires_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS sessions_expires ON sessions(expires_at);
CREATE TABLE IF NOT EXISTS audit (id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL, target TEXT NOT NULL, detail TEXT);
CREATE INDEX IF NOT EXISTS audit_target ON audit(target);
`;

interface SessionRow {
  token_hash: string;
  name: string;
  csrf: string;
  created_at: string;
  expires_at: string;
}

/** Accounts, sessions and the audit log, in the same SQLite file as the orders (own connection, WAL). */
export class SqliteAccountRepository implements AccountRepository {
  private readonly db: Database.Database;
  // Every signed-in request reads a session and a user: prepare those once.
  private readonly userByName: Database.Statement<[string], UserRow>;
  private readonly sessionByHash: Database.Statement<[string], SessionRow>;

  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    // The audit log is evidence: a sign-in or a view of personal data must survive a power cut.
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA);
    this.userByName = this.db.prepare('SELECT name, role, password_hash, created_at, disabled FROM users WHERE name = ?');
    this.sessionByHash = this.db.prepare('SELECT token_hash, name, csrf, created_at, expires_at FROM sessions WHERE token_hash = ?');
  }

  async addUser(u: User): Promise<boolean> {
    const sql = 'INSERT INTO users (name, role, password_hash, created_at, disabled) VALUES (?, ?, ?, ?, ?) ON CONFLICT(name) DO NOTHING';
    return this.db.prepare(sql).run(u.name, u.role, u.passwordHash, u.createdAt, u.disabled ? 1 : 0).changes === 1;
  }

  async findUser(name: string): Promise<User | undefined> {
    const r = this.userByName.get(name);
    return r && toUser(r);
  }

  async createSession(s: SessionRecord): Promise<void> {
    this.db.prepare('INSERT INTO sessions (token_hash, name, csrf, created_at, expires_at) VALUES (?, ?, ?, ?, ?)').run(s.tokenHash, s.name, s.csrf, s.createdAt, s.expiresAt);
  }

  async findSession(tokenHash: string): Promise<SessionRecord | undefined> {
    const r = this.sessionByHash.get(tokenHash);
    return r && { tokenHash: r.token_hash, name: r.name, csrf: r.csrf, createdAt: r.created_at, expiresAt: r.expires_at };
  }

  async deleteSession(tokenHash: string): Promise<void> {
    this.db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(tokenHash);
  }

  async deleteExpired(now: string): Promise<void> {
    this.db.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(now);
  }

  async audit(e: AuditEntry): Promise<void> {
    this.db.prepare('INSERT INTO audit (at, actor, action, target, detail) VALUES (?, ?, ?, ?, ?)').run(e.at, e.actor, e.action, e.target, e.detail);
  }

  async auditLog(filter: { target?: string; actor?: string; limit?: number }): Promise<AuditEntry[]> {
    const where: string[] = [];
    const params: string[] = [];
    if (filter.target !== undefined) (where.push('target = ?'), params.push(filter.target));
    if (filter.actor !== undefined) (where.push('actor = ?'), params.push(filter.actor));
    const limit = Math.max(1, Math.min(Math.trunc(filter.limit ?? 200), 1000));
    return this.db
      .prepare<unknown[], AuditEntry>(`SELECT at, actor, action, target, detail FROM audit ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`)
      .all(...params, limit);
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
