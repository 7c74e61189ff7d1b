import { describe, expect, it } from 'vitest';
import type { NewTicket, TicketRepository } from '../../src/tickets/types.js';

export const draft: NewTicket & { deadline: string } = {
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

/**
 * What every TicketRepository must do, whatever it stores in: the same suite runs on SQLite and on PostgreSQL.
 * `make` gives an empty store; the suite closes it.
 */
export function ticketRepositoryContract(name: string, make: () => Promise<TicketRepository>, opts: { skip?: boolean } = {}) {
  const withRepo = (fn: (repo: TicketRepository) => Promise<void>) => async () => {
    const repo = await make();
    try {
      await fn(repo);
    } finally {
      await repo.close();
    }
  };

  describe.skipIf(opts.skip)(`${name} ticket repository`, () => {
    it('numbers orders by day of receipt (China time) with a daily sequence', withRepo(async (repo) => {
      const a = await repo.create(draft, undefined, new Date('2026-11-28T01:00:00Z'));
      const b = await repo.create(draft, undefined, new Date('2026-11-28T02:00:00Z'));
      const c = await repo.create(draft, undefined, new Date('2026-11-28T17:00:00Z'));
      expect([a.number, b.number, c.number]).toEqual(['XF202611280001', 'XF202611280002', 'XF202611290001']);
      expect(a.status).toBe('待派单');
      expect(await repo.history(a.number)).toMatchObject([{ action: 'create', toStatus: '待派单' }]);
    }));

    it('gives concurrent creates distinct numbers, and one order per idempotency key', withRepo(async (repo) => {
      const at = new Date('2026-11-28T03:00:00Z');
      const many = await Promise.all(Array.from({ length: 8 }, () => repo.create(draft, undefined, at)));
      expect(new Set(many.map((t) => t.number)).size).toBe(8);
      const same = await Promise.all(Array.from({ length: 4 }, (_, i) => repo.create({ ...draft, content: `第${i}个` }, 'key-123456', at)));
      expect(new Set(same.map((t) => t.number)).size).toBe(1);
      expect((await repo.findByIdempotencyKey('key-123456'))?.number).toBe(same[0]!.number);
    }));

    it('a failed insert leaves no half-written order', withRepo(async (repo) => {
      await expect(repo.create({ ...draft, content: null as unknown as string }, undefined, new Date('2026-11-28T01:00:00Z'))).rejects.toThrow();
      expect((await repo.list({}, { limit: 5 })).total).toBe(0);
      const ok = await repo.create(draft, undefined, new Date('2026-11-28T01:00:00Z'));
      expect(ok.number).toBe('XF202611280001');
      expect(await repo.history(ok.number)).toHaveLength(1);
    }));

    it('moves status only from the expected one, with a history row in the same transaction', withRepo(async (repo) => {
      const t = await repo.create(draft);
      const change = { fromStatus: '待派单' as const, toStatus: '已派单' as const, set: { status: '已派单' as const, supervised: true }, note: '派往 市住建局' };
      const after = await repo.update(t.number, change, 'op1', 'dispatch');
      expect(after).toMatchObject({ status: '已派单', supervised: true });
      // The same change again: the order is no longer 待派单, so a second click is a conflict, not a second history row.
      await expect(repo.update(t.number, change, 'op2', 'dispatch')).rejects.toMatchObject({ code: 'conflict' });
      expect((await repo.history(t.number)).map((h) => [h.action, h.actor, h.toStatus, h.note])).toEqual([
        ['create', 'citizen:web', '待派单', null],
        ['dispatch', 'op1', '已派单', '派往 市住建局'],
      ]);
      await expect(repo.update('XF209901010001', change, 'op1', 'dispatch')).rejects.toMatchObject({ code: 'not_found' });
    }));

    it('of two operators changing the same order at once, exactly one wins', withRepo(async (repo) => {
      const t = await repo.create(draft);
      const change = { fromStatus: '待派单' as const, toStatus: '已派单' as const, set: { status: '已派单' as const }, note: null };
      const results = await Promise.allSettled([repo.update(t.number, change, 'a', 'dispatch'), repo.update(t.number, change, 'b', 'dispatch')]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(await repo.history(t.number)).toHaveLength(2);
    }));

    const seed = async (repo: TicketRepository) => {
      const day = (d: number) => new Date(Date.UTC(2026, 10, d, 2));
      await repo.create({ ...draft, content: '老板拖欠工资三个月，二十多个农民工要不回来', category: '劳动和社会保障', department: '市人力资源和社会保障局', wageArrears: true, amountYuan: 86000 }, undefined, day(2));
      await repo.create({ ...draft, content: '小区门口的路灯坏了半个月', deadline: '2026-11-05T15:59:59.000Z', name: '王大力' }, undefined, day(3));
      await repo.create({ ...draft, content: '饭店油烟太大影响休息', category: '环境保护', department: '市生态环境分局' }, undefined, day(4));
    };

    it('filters by category, department, overdue and full text over segmented Chinese', withRepo(async (repo) => {
      await seed(repo);
      const now = new Date('2026-11-20T00:00:00Z');
      const contents = async (f: Parameters<TicketRepository['list']>[0]) => (await repo.list(f, { limit: 10 }, now)).items.map((t) => t.content);
      expect(await contents({ category: '环境保护' })).toEqual(['饭店油烟太大影响休息']);
      expect(await contents({ department: '市人力资源和社会保障局' })).toHaveLength(1);
      expect(await contents({ overdue: true })).toEqual(['小区门口的路灯坏了半个月']);
      expect(await contents({ q: '农民工' })).toHaveLength(1);
      expect((await repo.list({ q: '拖欠 工资' }, { limit: 10 }, now)).total).toBe(1);
      expect(await contents({ q: '王大力' })).toEqual(['小区门口的路灯坏了半个月']);
      expect(await contents({ q: '路灯', category: '城乡建设' })).toEqual(['小区门口的路灯坏了半个月']);
      expect((await repo.list({ q: '火车站' }, { limit: 10 }, now)).total).toBe(0);
      expect((await repo.list({ q: '！？' }, { limit: 10 }, now)).total).toBe(0);
      // Search text is data, never syntax.
      expect((await repo.list({ q: `路灯" OR 1=1 --'` }, { limit: 10 }, now)).total).toBeLessThanOrEqual(1);
    }));

    it('pages newest first with a cursor, without skipping or repeating', withRepo(async (repo) => {
      await seed(repo);
      const first = await repo.list({}, { limit: 2 });
      expect(first.total).toBe(3);
      expect(first.items.map((t) => t.number)).toEqual(['XF202611040001', 'XF202611030001']);
      const second = await repo.list({}, { limit: 2, cursor: first.nextCursor! });
      expect(second.items.map((t) => t.number)).toEqual(['XF202611020001']);
      expect(second.nextCursor).toBeNull();
      await expect(repo.list({}, { limit: 2, cursor: "x' OR 1=1 --" })).rejects.toMatchObject({ code: 'invalid' });
    }));

    it('keeps every field as it was written, and reads a range of days for reports', withRepo(async (repo) => {
      await seed(repo);
      const [wage] = await repo.range('2026-11-02T00:00:00.000Z', '2026-11-03T00:00:00.000Z');
      expect(wage).toMatchObject({ wageArrears: true, amountYuan: 86000, consent: true, supervised: false, workers: null, recoveredYuan: null, name: null, channel: 'web' });
      expect(await repo.range('2026-11-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z')).toHaveLength(3);
      const closed = await repo.update(wage!.number, { fromStatus: '待派单', toStatus: '已办结', set: { status: '已办结', workers: 12, recoveredYuan: 86000.5, closedAt: '2026-11-10T00:00:00.000Z' }, note: null }, 'op', 'close');
      expect(closed).toMatchObject({ workers: 12, recoveredYuan: 86000.5, closedAt: '2026-11-10T00:00:00.000Z' });
      expect(await repo.get('XF209901010001')).toBeUndefined();
    }));
  });
}
