import type { PgDatabase } from '../storage/postgres.js';
import type { TurnLog, TurnRecord, TurnStats } from './turn-log.js';

/** Bot turns in PostgreSQL (DATABASE_URL), so the dashboard counts every instance's conversations. */
export class PgTurnLog implements TurnLog {
  constructor(private readonly db: PgDatabase) {}

  async record(t: TurnRecord): Promise<void> {
    await this.db.query('INSERT INTO bot_turns (at, channel, action, intent, score, text) VALUES ($1, $2, $3, $4, $5, $6)', [t.at, t.channel, t.action, t.intent, t.score, t.text]);
  }

  async stats(from: string, to: string, top = 10): Promise<TurnStats> {
    const [byAction, unanswered] = await Promise.all([
      this.db.query<{ action: string; n: number }>('SELECT action, COUNT(*)::int AS n FROM bot_turns WHERE at >= $1 AND at < $2 GROUP BY action', [from, to]),
      this.db.query<{ text: string; count: number }>(
        `SELECT text, COUNT(*)::int AS count FROM bot_turns WHERE at >= $1 AND at < $2 AND action IN ('handoff', 'clarify') GROUP BY text ORDER BY count DESC, MAX(at) DESC LIMIT $3`,
        [from, to, top],
      ),
    ]);
    return {
      total: byAction.rows.reduce((a, r) => a + r.n, 0),
      byAction: Object.fromEntries(byAction.rows.map((r) => [r.action, r.n])),
      topUnanswered: unanswered.rows,
    };
  }

  async close(): Promise<void> {}
}
