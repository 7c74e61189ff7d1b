import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../src/accounts/password.js';
import { FailureLimiter } from '../../src/accounts/rate-limit.js';
import { AccountService } from '../../src/accounts/service.js';
import { SqliteAccountRepository } from '../../src/accounts/sqlite.js';
import { roleAtLeast } from '../../src/accounts/types.js';

describe('passwords', () => {
  it('scrypt hashes are salted, self-describing and verify only the right password', async () => {
    const a = await hashPassword('correct horse battery');
    const b = await hashPassword('correct horse battery');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(await verifyPassword('correct horse battery', a)).toBe(true);
    expect(await verifyPassword('correct horse batterY', a)).toBe(false);
    expect(await verifyPassword('x', 'md5$abc')).toBe(false);
  });
});

describe('failure limiter', () => {
  it('blocks after five failures in the window and forgets on success or expiry', () => {
    const l = new FailureLimiter(5, 60_000);
    for (let i = 0; i < 4; i += 1) l.fail('k', 0);
    expect(l.blockedFor('k', 1)).toBe(0);
    l.fail('k', 2);
    expect(l.blockedFor('k', 3)).toBe(60);
    expect(l.blockedFor('k', 60_001)).toBe(0);
    l.fail('j', 0);
    l.succeed('j');
    expect(l.blockedFor('j', 1)).toBe(0);
  });
  it('stays bounded', () => {
    const l = new FailureLimiter(1, 60_000, 3);
    for (const k of ['a', 'b', 'c', 'd']) l.fail(k, 0);
    expect(l.blockedFor('a', 1)).toBe(0);
    expect(l.blockedFor('d', 1)).toBeGreaterThan(0);
  });
});

describe('account service', () => {
  const make = (clock = { t: new Date('2026-11-28T00:00:00Z') }) => ({ clock, svc: new AccountService(new SqliteAccountRepository(':memory:'), () => clock.t) });

  it('signs in, authenticates the token, never stores it, signs out', async () => {
    const { svc } = make();
    await svc.addUser('li', 'operator', 'a-long-password');
    const s = await svc.signIn('li', 'a-long-password', '127.0.0.1');
    expect(s.principal).toEqual({ name: 'li', role: 'operator' });
    expect(svc.authenticate(s.token)).toEqual({ principal: { name: 'li', role: 'operator' }, csrf: s.csrf });
    expect(svc.authenticate(`${s.token}x`)).toBeUndefined();
    svc.signOut(s.token, 'li');
    expect(svc.authenticate(s.token)).toBeUndefined();
    expect(svc.auditLog({ actor: 'li' }).map((e) => e.action)).toEqual(['sign_out', 'sign_in']);
  });

  it('sessions expire after 12 hours', async () => {
    const { svc, clock } = make();
    await svc.addUser('li', 'operator', 'a-long-password');
    const s = await svc.signIn('li', 'a-long-password', 'ip');
    clock.t = new Date('2026-11-28T11:59:00Z');
    expect(svc.authenticate(s.token)).toBeDefined();
    clock.t = new Date('2026-11-28T12:00:01Z');
    expect(svc.authenticate(s.token)).toBeUndefined();
  });

  it('the same error for an unknown name and a wrong password; the sixth try is rate-limited', async () => {
    const { svc } = make();
    await svc.addUser('li', 'operator', 'a-long-password');
    await expect(svc.signIn('nobody', 'a-long-password', 'ip')).rejects.toMatchObject({ code: 'unauthenticated', message: '用户名或密码错误' });
    for (let i = 0; i < 5; i += 1) await expect(svc.signIn('li', 'wrong-password', 'ip')).rejects.toMatchObject({ code: 'unauthenticated' });
    await expect(svc.signIn('li', 'a-long-password', 'ip')).rejects.toMatchObject({ code: 'rate_limited' });
    // Another address is not locked out by someone guessing from elsewhere.
    await expect(svc.signIn('li', 'a-long-password', 'other-ip')).resolves.toMatchObject({ principal: { name: 'li' } });
  });

  it('refuses bad names, short passwords, unknown roles and duplicates', async () => {
    const { svc } = make();
    await expect(svc.addUser('x', 'operator', 'a-long-password')).rejects.toMatchObject({ code: 'invalid' });
    await expect(svc.addUser('<script>', 'operator', 'a-long-password')).rejects.toMatchObject({ code: 'invalid' });
    await expect(svc.addUser('li', 'operator', 'short')).rejects.toMatchObject({ code: 'invalid' });
    await expect(svc.addUser('li', 'boss' as 'admin', 'a-long-password')).rejects.toMatchObject({ code: 'invalid' });
    await svc.addUser('李明', 'admin', 'a-long-password');
    await expect(svc.addUser('李明', 'operator', 'a-long-password')).rejects.toMatchObject({ code: 'conflict' });
  });

  it('roles are ordered operator < supervisor < admin', () => {
    expect(roleAtLeast('admin', 'supervisor')).toBe(true);
    expect(roleAtLeast('supervisor', 'operator')).toBe(true);
    expect(roleAtLeast('operator', 'supervisor')).toBe(false);
  });
});
