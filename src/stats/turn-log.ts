import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/** One bot turn as the dashboard counts it; the text is already masked and cut. */
export interface TurnRecord {
  at: string;
  channel: string;
  action: string;
  intent: string | null;
  score: number | null;
  text: string;
}

export interface TurnStats {
  total: number;
  byAction: Record<string, number>;
  /** questions the bot did not answer (handed off or asked back), most frequent first */
  topUnanswered: { text: string; count: number }[];
}

export interface TurnLog {
  record(t: TurnRecord): Promise<void>;
  stats(from: string, to: string, top?: number): Promise<TurnStats>;
  close(): Promise<void>;
}

/** Bot turns in the same SQLite file as the orders; a failed write is logged by the caller, never fatal. */
export class SqliteTurnLog implements TurnLog {
  private readonly db: Database.Database;
  private readonly insert: Database.Statement;

  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(`CREATE TABLE IF NOT EXISTS bot_turns (id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, channel TEXT NOT NULL, action TEXT NOT NULL, intent TEXT, score REAL, text TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS bot_turns_at ON bot_turns(at);`);
    this.insert = this.db.prepare('INSERT INTO bot_turns (at, channel, action, intent, score, text) VALUES (@at, @channel, @action, @intent, @score, @text)');
  }

  async record(t: TurnRecord): Promise<void> {
    this.insert.run(t);
  }

  async stats(from: string, to: string, top = 10): Promise<TurnStats> {
    const rows = this.db.prepare('SELECT action, COUNT(*) AS n FROM bot_turns WHERE at >= ? AND at < ? GROUP BY action').all(from, to) as { action: string; n: number }[];
    const byAction = Object.fromEntries(rows.map((r) => [r.action, r.n]));
    const topUnanswered = this.db
      .prepare(`SELECT text, COUNT(*) AS count FROM bot_turns WHERE at >= ? AND at < ? AND action IN ('handoff', 'clarify') GROUP BY text ORDER BY count DESC, MAX(at) DESC LIMIT ?`)
      .all(from, to, top) as { text: string; count: number }[];
    return { total: rows.reduce((a, r) => a + r.n, 0), byAction, topUnanswered };
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
