import { describe, expect, it } from 'vitest';
import { AccountService } from '../../src/accounts/service.js';
import type { AccountRepository } from '../../src/accounts/types.js';

export const PW = 'a-long-password';

/**
 * What the account service does over any AccountRepository (SQLite, PostgreSQL): the same suite runs on each.
 * `makeRepo` gives an empty store; the clock is injected so expiry and rate-limit windows are exact.
 */
export function accountServiceContract(name: string, makeRepo: () => Promise<AccountRepository>, opts: { skip?: boolean } = {}) {
  const open: AccountService[] = [];
  const make = async (clock = { t: new Date('2026-11-28T00:00:00Z') }) => {
    const svc = new AccountService(await makeRepo(), () => clock.t);
    open.push(svc);
    return { clock, svc };
  };

  describe.skipIf(opts.skip)(`account service on ${name}`, () => {
    it('signs in, authenticates the token, signs out', async () => {
      const { svc } = await make();
      await svc.addUser('li', 'operator', PW);
      const s = await svc.signIn('li', PW, '127.0.0.1');
      expect(s.principal).toEqual({ name: 'li', role: 'operator' });
      expect(s.token).toMatch(/^[\w-]{43}$/); // 32 random bytes, base64url
      expect(s.csrf).not.toBe(s.token);
      expect(await svc.authenticate(s.token)).toEqual({ principal: { name: 'li', role: 'operator' }, csrf: s.csrf });
      expect(await svc.authenticate(`${s.token}x`)).toBeUndefined();
      expect(await svc.authenticate('')).toBeUndefined();
      expect(await svc.authenticate(undefined)).toBeUndefined();
      const other = await svc.signIn('li', PW, '127.0.0.1');
      expect(other.token).not.toBe(s.token);
      await svc.signOut(s.token);
      expect(await svc.authenticate(s.token)).toBeUndefined();
      expect(await svc.authenticate(other.token)).toBeDefined(); // only that session ends
      await svc.signOut(s.token); // twice is harmless
    });

    it('sessions expire 12 hours after sign-in (injected clock)', async () => {
      const { svc, clock } = await make();
      await svc.addUser('li', 'operator', PW);
      const s = await svc.signIn('li', PW, 'ip');
      expect(s.expiresAt.toISOString()).toBe('2026-11-28T12:00:00.000Z');
      clock.t = new Date('2026-11-28T11:59:59Z');
      expect(await svc.authenticate(s.token)).toBeDefined();
      clock.t = new Date('2026-11-28T12:00:00Z');
      expect(await svc.authenticate(s.token)).toBeUndefined();
    });

    it('the same error for an unknown name and a wrong password', async () => {
      const { svc } = await make();
      await svc.addUser('li', 'operator', PW);
      const unknown = await svc.signIn('nobody', PW, 'ip').catch((e: unknown) => e);
      const wrong = await svc.signIn('li', 'wrong-password', 'ip').catch((e: unknown) => e);
      expect(unknown).toMatchObject({ code: 'unauthenticated', message: '用户名或密码错误' });
      expect(wrong).toMatchObject({ code: 'unauthenticated', message: (unknown as Error).message });
    });

    it('rate-limits the sixth attempt per name and address, and a success resets the count', async () => {
      const { svc, clock } = await make();
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
      const { svc } = await make();
      for (const name of ['x', '<script>', 'a b', 'x'.repeat(33), '']) await expect(svc.addUser(name, 'operator', PW)).rejects.toMatchObject({ code: 'invalid' });
      await expect(svc.addUser('li', 'operator', 'short-pw1')).rejects.toMatchObject({ code: 'invalid' });
      await expect(svc.addUser('li', 'boss' as 'admin', PW)).rejects.toMatchObject({ code: 'invalid' });
      await svc.addUser('李明', 'admin', PW);
      await svc.addUser('wang.er-2_x', 'supervisor', 'exactly10!');
      await expect(svc.addUser('李明', 'operator', PW)).rejects.toMatchObject({ code: 'conflict' });
    });

    it('two simultaneous adds of one name: exactly one wins', async () => {
      const { svc } = await make();
      const results = await Promise.allSettled([svc.addUser('zhao', 'operator', PW), svc.addUser('zhao', 'admin', PW)]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'conflict' } });
    });

    it('audits who did what, when: account creation, sign-in, failures, sign-out, custom entries', async () => {
      const { svc, clock } = await make();
      await svc.addUser('li', 'supervisor', PW);
      await svc.signIn('li', 'wrong-password', '10.0.0.1').catch(() => undefined);
      clock.t = new Date('2026-11-28T00:05:00Z');
      const s = await svc.signIn('li', PW, '10.0.0.1');
      await svc.audit('li', 'view_pii', 'XF202611280001', 'phone');
      await svc.audit('li', 'export_csv', '2026-11');
      await svc.signOut(s.token);
      const log = await svc.auditLog();
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
      expect(await svc.auditLog({ target: 'XF202611280001' })).toHaveLength(1);
      expect(await svc.auditLog({ limit: 2 })).toHaveLength(2);
      expect(JSON.stringify(log)).not.toContain(PW);
    });


    it('closes cleanly', async () => {
      for (const svc of open.splice(0)) await svc.close();
    });
  });
}
