import { maskPii } from '../pipeline/pii.js';
import type { PgDatabase } from '../storage/postgres.js';
import type { Correction, CorrectionStore } from './corrections.js';

/** Operators' corrections in PostgreSQL (DATABASE_URL); the same export as the SQLite store. */
export class PgCorrectionStore implements CorrectionStore {
  constructor(private readonly db: PgDatabase) {}

  async add(c: Correction): Promise<void> {
    // Personal data never reaches training files: phones, ID and card numbers are masked on the way in.
    await this.db.query(
      'INSERT INTO corrections (at, actor, text, kind, suggestion_id, verdict, predicted, corrected) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
      [c.at, c.actor, maskPii(c.text), c.kind, c.suggestionId, c.verdict, c.predicted, c.corrected],
    );
  }

  async categoryHistory(): Promise<{ text: string; label: string }[]> {
    // The latest verdict per text wins, as in the SQLite store.
    const { rows } = await this.db.query<{ text: string; label: string | null }>(
      `SELECT text, COALESCE(corrected, predicted) AS label FROM corrections
       WHERE kind = 'category' AND id IN (SELECT MAX(id) FROM corrections WHERE kind = 'category' GROUP BY text) ORDER BY id`,
    );
    return rows.filter((r): r is { text: string; label: string } => r.label !== null);
  }

  async suggestionVerdicts(): Promise<{ right: number; wrong: number }> {
    const { rows } = await this.db.query<{ verdict: string; n: number }>(`SELECT verdict, COUNT(*)::int AS n FROM corrections WHERE kind = 'suggestion' GROUP BY verdict`);
    return { right: rows.find((r) => r.verdict === 'right')?.n ?? 0, wrong: rows.find((r) => r.verdict === 'wrong')?.n ?? 0 };
  }

  async close(): Promise<void> {}
}
