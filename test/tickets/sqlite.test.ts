import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SqliteTicketRepository } from '../../src/tickets/sqlite.js';
import { ticketRepositoryContract } from './repository-contract.js';

ticketRepositoryContract('SQLite', async () => new SqliteTicketRepository(':memory:'));

describe('SQLite ticket repository: migrations', () => {
  it('upgrades a database written by the first version in place, indexing old orders for search', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xf-migrate-'));
    const file = join(dir, 'old.sqlite');
    const old = new Database(file);
    old.exec(`CREATE TABLE tickets (number TEXT PRIMARY KEY, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, channel TEXT NOT NULL, name TEXT, phone TEXT NOT NULL, address TEXT NOT NULL, request_type TEXT NOT NULL, content TEXT NOT NULL, category TEXT NOT NULL, department TEXT NOT NULL, urgency TEXT NOT NULL, consent INTEGER NOT NULL, deadline TEXT NOT NULL, status TEXT NOT NULL, reply TEXT, satisfaction TEXT, session_id TEXT, idempotency_key TEXT UNIQUE);
      INSERT INTO tickets VALUES ('XF202611010001','2026-11-01T00:00:00Z','2026-11-01T00:00:00Z','web',NULL,'13812345678','XX路','投诉','井盖丢了很危险','城乡建设','市住房和城乡建设局','high',1,'2026-11-06T15:59:59Z','待派单',NULL,NULL,NULL,NULL);`);
    old.close();
    const repo = new SqliteTicketRepository(file);
    expect(await repo.get('XF202611010001')).toMatchObject({ supervised: false, wageArrears: false, closedAt: null });
    expect((await repo.list({ q: '井盖' }, { limit: 5 })).total).toBe(1);
    await repo.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
