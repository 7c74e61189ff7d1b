import { join } from 'node:path';
import { PgAccountRepository } from '../accounts/postgres.js';
import { FailureLimiter, type AttemptLimiter } from '../accounts/rate-limit.js';
import { RedisFailureLimiter } from '../accounts/rate-limit-redis.js';
import { SqliteAccountRepository } from '../accounts/sqlite.js';
import type { AccountRepository } from '../accounts/types.js';
import { RedisSessionStore } from '../dialogs/redis-store.js';
import { MemorySessionStore, type SessionStore } from '../dialogs/store.js';
import { PgTurnLog } from '../stats/turn-log-postgres.js';
import { SqliteTurnLog, type TurnLog } from '../stats/turn-log.js';
import { PgTicketRepository } from '../tickets/postgres.js';
import { SqliteTicketRepository } from '../tickets/sqlite.js';
import type { TicketRepository } from '../tickets/types.js';
import { PgCorrectionStore } from '../triage/corrections-postgres.js';
import { SqliteCorrectionStore, type CorrectionStore } from '../triage/corrections.js';
import { redactUrl } from './errors.js';
import { PgDatabase, type PgOptions } from './postgres.js';
import { connectRedis } from './redis.js';

/** Every store the product writes to, opened together and closed together. */
export interface Stores {
  tickets: TicketRepository;
  accounts: AccountRepository;
  turns: TurnLog;
  corrections: CorrectionStore;
  /** conversation state (intake progress, status lookups) */
  sessions: SessionStore;
  /** failed sign-ins */
  limiter: AttemptLimiter;
  /** where things live, for the start-up line and /healthz (no passwords) */
  describe: { database: string; state: string };
  close(): Promise<void>;
}

export interface StoreConfig {
  dataDir: string;
  databaseUrl?: string;
  redisUrl?: string;
}

/**
 * SQLite under DATA_DIR and memory by default (a fresh machine needs nothing); PostgreSQL when DATABASE_URL is set,
 * Redis when REDIS_URL is set. A configured service that cannot be reached stops the start: better than a silent fallback.
 */
export async function openStores(config: StoreConfig, opts: { pg?: PgOptions; onRedisError?: (err: Error) => void } = {}): Promise<Stores> {
  const closers: (() => Promise<void>)[] = [];
  const closeAll = async () => {
    for (const c of closers.reverse()) await c().catch(() => undefined);
  };
  try {
    let data: Pick<Stores, 'tickets' | 'accounts' | 'turns' | 'corrections'>;
    let database: string;
    if (config.databaseUrl) {
      const db = await PgDatabase.connect(config.databaseUrl, opts.pg);
      closers.push(() => db.close());
      data = { tickets: new PgTicketRepository(db), accounts: new PgAccountRepository(db), turns: new PgTurnLog(db), corrections: new PgCorrectionStore(db) };
      database = `postgresql ${redactUrl(config.databaseUrl)}`;
    } else {
      const file = join(config.dataDir, 'xiaofa.sqlite');
      data = { tickets: new SqliteTicketRepository(file), accounts: new SqliteAccountRepository(file), turns: new SqliteTurnLog(file), corrections: new SqliteCorrectionStore(file) };
      closers.push(() => data.tickets.close(), () => data.accounts.close(), () => data.turns.close(), () => data.corrections.close());
      database = `sqlite ${file}`;
    }
    let sessions: SessionStore = new MemorySessionStore();
    let limiter: AttemptLimiter = new FailureLimiter();
    let state = 'memory';
    if (config.redisUrl) {
      const redis = await connectRedis(config.redisUrl, opts.onRedisError);
      closers.push(() => redis.close());
      sessions = new RedisSessionStore(redis);
      limiter = new RedisFailureLimiter(redis);
      state = `redis ${redactUrl(config.redisUrl)}`;
    }
    return { ...data, sessions, limiter, describe: { database, state }, close: closeAll };
  } catch (err) {
    await closeAll();
    throw err;
  }
}
