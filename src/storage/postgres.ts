import pg from 'pg';
import { redactUrl, StorageError } from './errors.js';

// The same tables as the SQLite file, in PostgreSQL's types. Applied in order, each once, under a lock,
// so several instances starting together do not race; xiaofa_migrations records how far a database has come.
const MIGRATIONS: string[] = [
  `CREATE TABLE tickets (
    id BIGSERIAL UNIQUE, number TEXT COLLATE "C" PRIMARY KEY, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, channel TEXT NOT NULL,
    name TEXT, phone TEXT NOT NULL, address TEXT NOT NULL, request_type TEXT NOT NULL, content TEXT NOT NULL,
    category TEXT NOT NULL, department TEXT NOT NULL, urgency TEXT NOT NULL, consent INTEGER NOT NULL,
    deadline TEXT NOT NULL, status TEXT NOT NULL, reply TEXT, satisfaction TEXT, session_id TEXT, idempotency_key TEXT UNIQUE,
    callback_note TEXT, return_reason TEXT, supervised INTEGER NOT NULL DEFAULT 0, closed_at TEXT,
    amount_yuan DOUBLE PRECISION, wage_arrears INTEGER NOT NULL DEFAULT 0, workers INTEGER, recovered_yuan DOUBLE PRECISION,
    search_body TEXT NOT NULL,
    search_vector tsvector GENERATED ALWAYS AS (to_tsvector('simple', search_body)) STORED
  );
  CREATE INDEX tickets_created ON tickets (created_at);
  CREATE INDEX tickets_status_number ON tickets (status, number);
  CREATE INDEX tickets_category_number ON tickets (category, number);
  CREATE INDEX tickets_department_number ON tickets (department, number);
  CREATE INDEX tickets_status_deadline ON tickets (status, deadline);
  CREATE INDEX tickets_search ON tickets USING GIN (search_vector);
  CREATE TABLE ticket_history (
    id BIGSERIAL PRIMARY KEY, number TEXT COLLATE "C" NOT NULL REFERENCES tickets (number), at TEXT NOT NULL,
    actor TEXT NOT NULL, action TEXT NOT NULL, from_status TEXT, to_status TEXT, note TEXT
  );
  CREATE INDEX ticket_history_number ON ticket_history (number);
  CREATE TABLE users (name TEXT PRIMARY KEY, role TEXT NOT NULL, password_hash TEXT NOT NULL, created_at TEXT NOT NULL, disabled INTEGER NOT NULL DEFAULT 0);
  CREATE TABLE sessions (token_hash TEXT PRIMARY KEY, name TEXT NOT NULL REFERENCES users (name), csrf TEXT NOT NULL, created_at TEXT NOT NULL, expires_at TEXT NOT NULL);
  CREATE INDEX sessions_expires ON sessions (expires_at);
  CREATE TABLE audit (id BIGSERIAL PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL, target TEXT NOT NULL, detail TEXT);
  CREATE INDEX audit_target ON audit (target);
  CREATE TABLE bot_turns (id BIGSERIAL PRIMARY KEY, at TEXT NOT NULL, channel TEXT NOT NULL, action TEXT NOT NULL, intent TEXT, score DOUBLE PRECISION, text TEXT NOT NULL);
  CREATE INDEX bot_turns_at ON bot_turns (at);
  CREATE TABLE corrections (id BIGSERIAL PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL, text TEXT NOT NULL,
    kind TEXT NOT NULL, suggestion_id TEXT, verdict TEXT, predicted TEXT, corrected TEXT);`,
];

// pg_advisory_xact_lock keys: one for migrations, one per day's order numbering (hashtext of the prefix).
const MIGRATION_LOCK = 7_734_001;

/** SQL identifiers we build ourselves (a test's schema name), never user text. */
const IDENT = /^[a-z_][a-z0-9_]{0,62}$/;

export interface PgOptions {
  /** A schema of its own (created if missing): tests isolate themselves this way. */
  schema?: string;
  max?: number;
  /** false only for seeding benchmarks: commits do not wait for the disk (the server never sets this) */
  durable?: boolean;
}

/** One pool per process, shared by the repositories; transactions borrow a client and always give it back. */
export class PgDatabase {
  private constructor(readonly pool: pg.Pool) {}

  static async connect(url: string, opts: PgOptions = {}): Promise<PgDatabase> {
    if (opts.schema !== undefined && !IDENT.test(opts.schema)) throw new StorageError(`schema name "${opts.schema}" is not a plain identifier`);
    const pool = new pg.Pool({
      connectionString: url,
      max: opts.max ?? 10,
      connectionTimeoutMillis: 5000,
      ...(opts.schema || opts.durable === false
        ? { options: [opts.schema ? `-c search_path=${opts.schema}` : '', opts.durable === false ? '-c synchronous_commit=off' : ''].join(' ').trim() }
        : {}),
    });
    // An idle client that loses its server emits 'error'; without a listener that would end the process.
    pool.on('error', () => undefined);
    const db = new PgDatabase(pool);
    try {
      await db.migrate(opts.schema);
    } catch (err) {
      await pool.end();
      throw new StorageError(`PostgreSQL at ${redactUrl(url)}: ${(err as Error).message}`);
    }
    return db;
  }

  private async migrate(schema: string | undefined): Promise<void> {
    await this.transaction(async (c) => {
      await c.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      if (schema) await c.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      await c.query('CREATE TABLE IF NOT EXISTS xiaofa_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
      const { rows } = await c.query<{ v: number | null }>('SELECT MAX(version) AS v FROM xiaofa_migrations');
      for (let v = rows[0]?.v ?? 0; v < MIGRATIONS.length; v += 1) {
        await c.query(MIGRATIONS[v]!);
        await c.query('INSERT INTO xiaofa_migrations (version, applied_at) VALUES ($1, $2)', [v + 1, new Date().toISOString()]);
      }
    });
  }

  query<R extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<pg.QueryResult<R>> {
    return this.pool.query<R>(sql, params);
  }

  async transaction<T>(fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    const c = await this.pool.connect();
    try {
      await c.query('BEGIN');
      const out = await fn(c);
      await c.query('COMMIT');
      return out;
    } catch (err) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      c.release();
    }
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}

/** PostgreSQL's unique_violation: a concurrent insert of the same key. */
export const isUniqueViolation = (err: unknown, constraint?: string) =>
  err instanceof Error && (err as { code?: string }).code === '23505' && (constraint === undefined || (err as { constraint?: string }).constraint === constraint);
