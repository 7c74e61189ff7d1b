import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FailureLimiter } from '../../src/accounts/rate-limit.js';
import { AccountService } from '../../src/accounts/service.js';
import { SqliteAccountRepository } from '../../src/accounts/sqlite.js';
import { roleAtLeast } from '../../src/accounts/types.js';
import { accountServiceContract, PW } from './service-contract.js';

accountServiceContract('SQLite', async () => new SqliteAccountRepository(':memory:'));

describe('failure limiter', () => {
  it('blocks after five failures in the window, until the window ends', async () => {
    const l = new FailureLimiter(5, 60_000);
    for (let i = 0; i < 4; i += 1) await l.fail('k', 0);
    expect(await l.blockedFor('k', 1)).toBe(0);
    await l.fail('k', 2);
    expect(await l.blockedFor('k', 3)).toBe(60);
    expect(await l.blockedFor('other', 3)).toBe(0);
    expect(await l.blockedFor('k', 60_001)).toBe(0);
    await l.fail('k', 60_002); // a new window starts from one
    expect(await l.blockedFor('k', 60_003)).toBe(0);
  });

  it('a success forgets the failures', async () => {
    const l = new FailureLimiter(2, 60_000);
    await l.fail('j', 0);
    await l.succeed('j');
    await l.fail('j', 1);
    expect(await l.blockedFor('j', 2)).toBe(0);
  });

  it('stays bounded: expired windows go first, then the oldest', async () => {
    const l = new FailureLimiter(1, 60_000, 3);
    await l.fail('old', 0);
    await l.fail('a', 50_000);
    await l.fail('b', 50_000);
    await l.fail('c', 70_000); // full: 'old' has expired and makes room
    expect(l.size).toBe(3);
    expect(await l.blockedFor('a', 70_001)).toBeGreaterThan(0);
    await l.fail('d', 70_002); // full, nothing expired: the oldest ('a') goes
    expect(l.size).toBe(3);
    expect(await l.blockedFor('a', 70_003)).toBe(0);
    expect(await l.blockedFor('b', 70_003)).toBeGreaterThan(0);
    expect(await l.blockedFor('d', 70_003)).toBeGreaterThan(0);
  });
});

describe('account service on SQLite: storage details', () => {
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
      await svc.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('an unknown name costs a real scrypt too (no timing shortcut)', async () => {
    const { svc } = { svc: new AccountService(new SqliteAccountRepository(':memory:')) };
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

  it('roles are ordered operator < supervisor < admin', () => {
    expect(roleAtLeast('admin', 'supervisor')).toBe(true);
    expect(roleAtLeast('supervisor', 'operator')).toBe(true);
    expect(roleAtLeast('operator', 'operator')).toBe(true);
    expect(roleAtLeast('operator', 'supervisor')).toBe(false);
    expect(roleAtLeast('supervisor', 'admin')).toBe(false);
  });
});
