import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SqliteTicketRepository } from '../../src/tickets/sqlite.js';
import type { NewTicket } from '../../src/tickets/types.js';

const draft: NewTicket & { deadline: string } = {
  channel: 'web',
  name: null,
  phone: '13812345678',
  address: 'XX路',
  requestType: '投诉',
  content: '井盖丢了',
  category: '城乡建设',
  department: '市住房和城乡建设局',
  urgency: 'high',
  consent: true,
  deadline: '2026-12-04T15:59:59.000Z',
};

describe('SQLite ticket repository', () => {
  it('numbers orders by day of receipt (China time) with a daily sequence', () => {
    const repo = new SqliteTicketRepository(':memory:');
    const a = repo.create(draft, undefined, new Date('2026-11-28T01:00:00Z'));
    const b = repo.create(draft, undefined, new Date('2026-11-28T02:00:00Z'));
    const c = repo.create(draft, undefined, new Date('2026-11-28T17:00:00Z'));
    expect([a.number, b.number, c.number]).toEqual(['XF202611280001', 'XF202611280002', 'XF202611290001']);
    expect(a.status).toBe('待派单');
    expect(repo.history(a.number)).toMatchObject([{ action: 'create', toStatus: '待派单' }]);
  });
  it('returns the first order for a repeated idempotency key', () => {
    const repo = new SqliteTicketRepository(':memory:');
    const a = repo.create(draft, 'key-123456');
    const b = repo.create({ ...draft, content: '别的' }, 'key-123456');
    expect(b.number).toBe(a.number);
    expect(b.content).toBe('井盖丢了');
  });
  it('a failed insert leaves no half-written order', () => {
    const repo = new SqliteTicketRepository(':memory:');
    expect(() => repo.create({ ...draft, content: null as unknown as string })).toThrow();
    expect(repo.get('XF' + '0'.repeat(12))).toBeUndefined();
    const ok = repo.create(draft, undefined, new Date('2026-11-28T01:00:00Z'));
    expect(ok.number).toBe('XF202611280001');
  });
});

describe('SQLite ticket repository: life and queue', () => {
  const seed = (repo: SqliteTicketRepository) => {
    const day = (d: number) => new Date(Date.UTC(2026, 10, d, 2));
    repo.create({ ...draft, content: '老板拖欠工资三个月，二十多个农民工要不回来', category: '劳动和社会保障', department: '市人力资源和社会保障局', wageArrears: true }, undefined, day(2));
    repo.create({ ...draft, content: '小区门口的路灯坏了半个月', deadline: '2026-11-05T15:59:59.000Z' }, undefined, day(3));
    repo.create({ ...draft, content: '饭店油烟太大影响休息', category: '环境保护', department: '市生态环境分局' }, undefined, day(4));
    return repo;
  };

  it('moves status only from the expected one, with a history row in the same transaction', () => {
    const repo = new SqliteTicketRepository(':memory:');
    const t = repo.create(draft);
    const change = { fromStatus: '待派单' as const, toStatus: '已派单' as const, set: { status: '已派单' as const }, note: '派往 市住建局' };
    const after = repo.update(t.number, change, 'op1', 'dispatch');
    expect(after.status).toBe('已派单');
    // The same change again: the order is no longer 待派单, so a second click is a conflict, not a second history row.
    expect(() => repo.update(t.number, change, 'op2', 'dispatch')).toThrow(expect.objectContaining({ code: 'conflict' }));
    expect(repo.history(t.number).map((h) => [h.action, h.actor, h.toStatus])).toEqual([
      ['create', 'citizen:web', '待派单'],
      ['dispatch', 'op1', '已派单'],
    ]);
    expect(() => repo.update('XF209901010001', change, 'op1', 'dispatch')).toThrow(expect.objectContaining({ code: 'not_found' }));
  });

  it('filters by category, overdue and full text over segmented Chinese', () => {
    const repo = seed(new SqliteTicketRepository(':memory:'));
    const now = new Date('2026-11-20T00:00:00Z');
    expect(repo.list({ category: '环境保护' }, { limit: 10 }, now).items.map((t) => t.content)).toEqual(['饭店油烟太大影响休息']);
    expect(repo.list({ overdue: true }, { limit: 10 }, now).items.map((t) => t.content)).toEqual(['小区门口的路灯坏了半个月']);
    expect(repo.list({ q: '农民工' }, { limit: 10 }, now).items).toHaveLength(1);
    expect(repo.list({ q: '拖欠 工资' }, { limit: 10 }, now).total).toBe(1);
    expect(repo.list({ q: '路灯' }, { limit: 10 }, now).items[0]!.content).toContain('路灯');
    expect(repo.list({ q: '火车站' }, { limit: 10 }, now).total).toBe(0);
  });

  it('pages newest first with a cursor, without skipping or repeating', () => {
    const repo = seed(new SqliteTicketRepository(':memory:'));
    const first = repo.list({}, { limit: 2 });
    expect(first.total).toBe(3);
    expect(first.items.map((t) => t.number)).toEqual(['XF202611040001', 'XF202611030001']);
    const second = repo.list({}, { limit: 2, cursor: first.nextCursor! });
    expect(second.items.map((t) => t.number)).toEqual(['XF202611020001']);
    expect(second.nextCursor).toBeNull();
    expect(() => repo.list({}, { limit: 2, cursor: "x' OR 1=1 --" })).toThrow(expect.objectContaining({ code: 'invalid' }));
  });

  it('upgrades a database written by the first version in place, indexing old orders for search', () => {
    const dir = mkdtempSync(join(tmpdir(), 'xf-migrate-'));
    const file = join(dir, 'old.sqlite');
    const old = new Database(file);
    old.exec(`CREATE TABLE tickets (number TEXT PRIMARY KEY, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, channel TEXT NOT NULL, name TEXT, phone TEXT NOT NULL, address TEXT NOT NULL, request_type TEXT NOT NULL, content TEXT NOT NULL, category TEXT NOT NULL, department TEXT NOT NULL, urgency TEXT NOT NULL, consent INTEGER NOT NULL, deadline TEXT NOT NULL, status TEXT NOT NULL, reply TEXT, satisfaction TEXT, session_id TEXT, idempotency_key TEXT UNIQUE);
      INSERT INTO tickets VALUES ('XF202611010001','2026-11-01T00:00:00Z','2026-11-01T00:00:00Z','web',NULL,'13812345678','XX路','投诉','井盖丢了很危险','城乡建设','市住房和城乡建设局','high',1,'2026-11-06T15:59:59Z','待派单',NULL,NULL,NULL,NULL);`);
    old.close();
    const repo = new SqliteTicketRepository(file);
    expect(repo.get('XF202611010001')).toMatchObject({ supervised: false, wageArrears: false, closedAt: null });
    expect(repo.list({ q: '井盖' }, { limit: 5 }).total).toBe(1);
    repo.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
