import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FailureLimiter } from '../../src/accounts/rate-limit.js';
import { AccountService } from '../../src/accounts/service.js';
import { SqliteAccountRepository } from '../../src/accounts/sqlite.js';
import { roleAtLeast } from '../../src/accounts/types.js';

const make = (clock = { t: new Date('2026-11-28T00:00:00Z') }) => ({ clock, svc: new AccountService(new SqliteAccountRepository(':memory:'), () => clock.t) });
const PW = 'a-long-password';

describe('failure limiter', () => {
  it('blocks after five failures in the window, until the window ends', () => {
    const l = new FailureLimiter(5, 60_000);
    for (let i = 0; i < 4; i += 1) l.fail('k', 0);
    expect(l.blockedFor('k', 1)).toBe(0);
    l.fail('k', 2);
    expect(l.blockedFor('k', 3)).toBe(60);
    expect(l.blockedFor('other', 3)).toBe(0);
    expect(l.blockedFor('k', 60_001)).toBe(0);
    l.fail('k', 60_002); // a new window starts from one
    expect(l.blockedFor('k', 60_003)).toBe(0);
  });

  it('a success forgets the failures', () => {
    const l = new FailureLimiter(2, 60_000);
    l.fail('j', 0);
    l.succeed('j');
    l.fail('j', 1);
    expect(l.blockedFor('j', 2)).toBe(0);
  });

  it('stays bounded: expired windows go first, then the oldest', () => {
    const l = new FailureLimiter(1, 60_000, 3);
    l.fail('old', 0);
    l.fail('a', 50_000);
    l.fail('b', 50_000);
    l.fail('c', 70_000); // full: 'old' has expired and makes room
    expect(l.size).toBe(3);
    expect(l.blockedFor('a', 70_001)).toBeGreaterThan(0);
    l.fail('d', 70_002); // full, nothing expired: the oldest ('a') goes
    expect(l.size).toBe(3);
    expect(l.blockedFor('a', 70_003)).toBe(0);
    expect(l.blockedFor('b', 70_003)).toBeGreaterThan(0);
    expect(l.blockedFor('d', 70_003)).toBeGreaterThan(0);
  });
});

describe('account service', () => {
  it('signs in, authenticates the token, signs out', async () => {
    const { svc } = make();
    await svc.addUser('li', 'operator', PW);
    const s = await svc.signIn('li', PW, '127.0.0.1');
    expect(s.principal).toEqual({ name: 'li', role: 'operator' });
    expect(s.token).toMatch(/^[\w-]{43}$/); // 32 random bytes, base64url
    expect(s.csrf).not.toBe(s.token);
    expect(svc.authenticate(s.token)).toEqual({ principal: { name: 'li', role: 'operator' }, csrf: s.csrf });
    expect(svc.authenticate(`${s.token}x`)).toBeUndefined();
    expect(svc.authenticate('')).toBeUndefined();
    expect(svc.authenticate(undefined)).toBeUndefined();
    const other = await svc.signIn('li', PW, '127.0.0.1');
    expect(other.token).not.toBe(s.token);
    svc.signOut(s.token);
    expect(svc.authenticate(s.token)).toBeUndefined();
    expect(svc.authenticate(other.token)).toBeDefined(); // only that session ends
    svc.signOut(s.token); // twice is harmless
  });

  it('sessions expire 12 hours after sign-in (injected clock)', async () => {
    const { svc, clock } = make();
    await svc.addUser('li', 'operator', PW);
    const s = await svc.signIn('li', PW, 'ip');
    expect(s.expiresAt.toISOString()).toBe('2026-11-28T12:00:00.000Z');
    clock.t = new Date('2026-11-28T11:59:59Z');
    expect(svc.authenticate(s.token)).toBeDefined();
    clock.t = new Date('2026-11-28T12:00:00Z');
    expect(svc.authenticate(s.token)).toBeUndefined();
  });

  it('stores only a hash of the session token, and expired sessions are purged', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xf-accounts-'));
    try {
      const file = join(dir, 'xiaofa.sqlite');
      const clock = { t: new Date('2026-11-28T00:00:00Z') };
      const svc = new AccountService(new SqliteAccountRepository(file), () => clock.t);
      await svc.addUser('li', 'operator', PW);
      const first = await svc.signIn('li', PW, 'ip');
      const db = new Database(file, { readonly: true });
      const rows = () => db.prepare('SELECT token_hash FROM sessions').all() as { token_hash: string }[];
      expect(rows()).toHaveLength(1);
      expect(rows()[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(rows()[0]!.token_hash).not.toContain(first.token);
      const users = db.prepare('SELECT password_hash FROM users').all() as { password_hash: string }[];
      expect(users[0]!.password_hash).toMatch(/^scrypt\$/);
      clock.t = new Date('2026-11-29T00:00:00Z');
      await svc.signIn('li', PW, 'ip');
      expect(rows()).toHaveLength(1); // the expired one went when the new one came
      db.close();
      svc.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the same error for an unknown name and a wrong password', async () => {
    const { svc } = make();
    await svc.addUser('li', 'operator', PW);
    const unknown = await svc.signIn('nobody', PW, 'ip').catch((e: unknown) => e);
    const wrong = await svc.signIn('li', 'wrong-password', 'ip').catch((e: unknown) => e);
    expect(unknown).toMatchObject({ code: 'unauthenticated', message: '用户名或密码错误' });
    expect(wrong).toMatchObject({ code: 'unauthenticated', message: (unknown as Error).message });
  });

  it('an unknown name costs a real scrypt too (no timing shortcut)', async () => {
    const { svc } = make();
    await svc.addUser('li', 'operator', PW);
    const time = async (name: string) => {
      const ts: number[] = [];
      for (let i = 0; i < 3; i += 1) {
        const t0 = performance.now();
        await svc.signIn(name, 'wrong-password', `ip${i}`).catch(() => undefined);
        ts.push(performance.now() - t0);
      }
      return ts.sort((a, b) => a - b)[1]!;
    };
    const known = await time('li');
    const unknown = await time('nobody');
    expect(known).toBeGreaterThan(5); // scrypt N=2^15 is tens of milliseconds
    expect(unknown).toBeGreaterThan(known * 0.3);
  });

  it('rate-limits the sixth attempt per name and address, and a success resets the count', async () => {
    const { svc, clock } = make();
    await svc.addUser('li', 'operator', PW);
    for (let i = 0; i < 4; i += 1) await expect(svc.signIn('li', 'wrong-password', 'ip')).rejects.toMatchObject({ code: 'unauthenticated' });
    await svc.signIn('li', PW, 'ip'); // resets
    for (let i = 0; i < 5; i += 1) await expect(svc.signIn('li', 'wrong-password', 'ip')).rejects.toMatchObject({ code: 'unauthenticated' });
    const blocked = await svc.signIn('li', PW, 'ip').catch((e: unknown) => e);
    expect(blocked).toMatchObject({ code: 'rate_limited' });
    expect((blocked as { retryAfterS: number }).retryAfterS).toBeGreaterThan(0);
    expect((blocked as { retryAfterS: number }).retryAfterS).toBeLessThanOrEqual(15 * 60);
    // Someone guessing from another address does not lock the owner out.
    await expect(svc.signIn('li', PW, 'other-ip')).resolves.toMatchObject({ principal: { name: 'li' } });
    // The window is 15 minutes from the first failure of the series.
    clock.t = new Date('2026-11-28T00:14:59Z');
    await expect(svc.signIn('li', PW, 'ip')).rejects.toMatchObject({ code: 'rate_limited' });
    clock.t = new Date('2026-11-28T00:15:00Z');
    await expect(svc.signIn('li', PW, 'ip')).resolves.toMatchObject({ principal: { name: 'li' } });
  });

  it('refuses bad names, short passwords, unknown roles and duplicates', async () => {
    const { svc } = make();
    for (const name of ['x', '<script>', 'a b', 'x'.repeat(33), '']) await expect(svc.addUser(name, 'operator', PW)).rejects.toMatchObject({ code: 'invalid' });
    await expect(svc.addUser('li', 'operator', 'short-pw1')).rejects.toMatchObject({ code: 'invalid' });
    await expect(svc.addUser('li', 'boss' as 'admin', PW)).rejects.toMatchObject({ code: 'invalid' });
    await svc.addUser('李明', 'admin', PW);
    await svc.addUser('wang.er-2_x', 'supervisor', 'exactly10!');
    await expect(svc.addUser('李明', 'operator', PW)).rejects.toMatchObject({ code: 'conflict' });
  });

  it('two simultaneous adds of one name: exactly one wins', async () => {
    const { svc } = make();
    const results = await Promise.allSettled([svc.addUser('zhao', 'operator', PW), svc.addUser('zhao', 'admin', PW)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'conflict' } });
  });

  it('audits who did what, when: account creation, sign-in, failures, sign-out, custom entries', async () => {
    const { svc, clock } = make();
    await svc.addUser('li', 'supervisor', PW);
    await svc.signIn('li', 'wrong-password', '10.0.0.1').catch(() => undefined);
    clock.t = new Date('2026-11-28T00:05:00Z');
    const s = await svc.signIn('li', PW, '10.0.0.1');
    svc.audit('li', 'view_pii', 'XF202611280001', 'phone');
    svc.audit('li', 'export_csv', '2026-11');
    svc.signOut(s.token);
    const log = svc.auditLog();
    expect(log.map((e) => [e.actor, e.action, e.target])).toEqual([
      ['li', 'sign_out', 'session'],
      ['li', 'export_csv', '2026-11'],
      ['li', 'view_pii', 'XF202611280001'],
      ['li', 'sign_in', 'session'],
      ['li', 'sign_in_failed', 'session'],
      ['system', 'user_add', 'li'],
    ]);
    expect(log[1]!.detail).toBeNull();
    expect(log[2]).toEqual({ at: '2026-11-28T00:05:00.000Z', actor: 'li', action: 'view_pii', target: 'XF202611280001', detail: 'phone' });
    expect(log[4]).toMatchObject({ at: '2026-11-28T00:00:00.000Z', detail: 'from 10.0.0.1' });
    expect(svc.auditLog({ target: 'XF202611280001' })).toHaveLength(1);
    expect(svc.auditLog({ limit: 2 })).toHaveLength(2);
    expect(JSON.stringify(log)).not.toContain(PW);
  });

  it('roles are ordered operator < supervisor < admin', () => {
    expect(roleAtLeast('admin', 'supervisor')).toBe(true);
    expect(roleAtLeast('supervisor', 'operator')).toBe(true);
    expect(roleAtLeast('operator', 'operator')).toBe(true);
    expect(roleAtLeast('operator', 'supervisor')).toBe(false);
    expect(roleAtLeast('supervisor', 'admin')).toBe(false);
  });
});
