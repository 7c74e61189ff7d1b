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
