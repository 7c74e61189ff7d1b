import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { maskPii } from '../pipeline/pii.js';

/** An operator's verdict on an assist result: a suggestion right or wrong, or the right category. */
export interface Correction {
  at: string;
  actor: string;
  text: string;
  kind: 'suggestion' | 'category';
  suggestionId: string | null;
  verdict: 'right' | 'wrong' | null;
  predicted: string | null;
  corrected: string | null;
}

export interface CorrectionStore {
  add(c: Correction): Promise<void>;
  /** Category labels as training history (JSONL rows {text, label}): confirmed predictions and corrections. */
  categoryHistory(): Promise<{ text: string; label: string }[]>;
  suggestionVerdicts(): Promise<{ right: number; wrong: number }>;
  close(): Promise<void>;
}

export class SqliteCorrectionStore implements CorrectionStore {
  private readonly db: Database.Database;

  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(`CREATE TABLE IF NOT EXISTS corrections (id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, actor TEXT NOT NULL, text TEXT NOT NULL,
      kind TEXT NOT NULL, suggestion_id TEXT, verdict TEXT, predicted TEXT, corrected TEXT)`);
  }

  async add(c: Correction): Promise<void> {
    // Personal data never reaches training files: phones, ID and card numbers are masked on the way in.
    this.db
      .prepare('INSERT INTO corrections (at, actor, text, kind, suggestion_id, verdict, predicted, corrected) VALUES (@at, @actor, @text, @kind, @suggestionId, @verdict, @predicted, @corrected)')
      .run({ ...c, text: maskPii(c.text) });
  }

  async categoryHistory(): Promise<{ text: string; label: string }[]> {
    // The latest verdict per text wins: an operator who corrects a correction is not outvoted by it.
    const rows = this.db
      .prepare(`SELECT text, COALESCE(corrected, predicted) AS label FROM corrections WHERE kind = 'category' AND id IN (SELECT MAX(id) FROM corrections WHERE kind = 'category' GROUP BY text) ORDER BY id`)
      .all() as { text: string; label: string | null }[];
    return rows.filter((r): r is { text: string; label: string } => r.label !== null);
  }

  async suggestionVerdicts(): Promise<{ right: number; wrong: number }> {
    const rows = this.db.prepare(`SELECT verdict, COUNT(*) AS n FROM corrections WHERE kind = 'suggestion' GROUP BY verdict`).all() as { verdict: string; n: number }[];
    return { right: rows.find((r) => r.verdict === 'right')?.n ?? 0, wrong: rows.find((r) => r.verdict === 'wrong')?.n ?? 0 };
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
