import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountService } from '../../src/accounts/service.js';
import { SqliteAccountRepository } from '../../src/accounts/sqlite.js';
import { repoPath } from '../../src/paths.js';
import { PgAccountRepository } from '../../src/accounts/postgres.js';
import { PgDatabase } from '../../src/storage/postgres.js';
import { dropSchema, freshSchema, TEST_DATABASE_URL } from '../helpers/services.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'xf-useradd-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The command as documented, with the password piped on stdin. */
const userAdd = (args: string[], stdin: string, env: NodeJS.ProcessEnv = { DATABASE_URL: '' }) =>
  spawnSync('npx', ['tsx', 'src/cli/user-add.ts', ...args], { cwd: repoPath(), env: { ...process.env, DATA_DIR: dir, ...env }, input: stdin, encoding: 'utf8', timeout: 60_000 });

describe('npm run user:add', () => {
  it('creates an account in DATA_DIR from a piped password, which then signs in', async () => {
    const ok = userAdd(['--name', 'wang', '--role', 'supervisor'], 'secret-pass-1\n');
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    expect(ok.stdout.trim()).toBe('created supervisor wang');
    // only the scrypt hash is stored (the WAL may still hold the newest pages, so read both)
    const stored = ['xiaofa.sqlite', 'xiaofa.sqlite-wal'].map((f) => {
      try {
        return readFileSync(join(dir, f), 'latin1');
      } catch {
        return '';
      }
    });
    expect(stored.join('')).toContain('scrypt$');
    expect(stored.join('')).not.toContain('secret-pass-1');

    const svc = new AccountService(new SqliteAccountRepository(join(dir, 'xiaofa.sqlite')));
    try {
      await expect(svc.signIn('wang', 'secret-pass-1', 'ip')).resolves.toMatchObject({ principal: { name: 'wang', role: 'supervisor' } });
      await expect(svc.signIn('wang', 'secret-pass-2', 'ip')).rejects.toMatchObject({ code: 'unauthenticated' });
      expect(await svc.auditLog({ target: 'wang' })).toMatchObject([{ actor: 'system', action: 'user_add', detail: 'supervisor' }]);
    } finally {
      await svc.close();
    }
  });

  it('takes only the first line, without its line ending (Windows pipes too)', async () => {
    const ok = userAdd(['--name', '李明', '--role', 'operator'], 'pass word 10\r\nsecond line\n');
    expect(ok.status).toBe(0);
    expect(ok.stdout.trim()).toBe('created operator 李明');
    const svc = new AccountService(new SqliteAccountRepository(join(dir, 'xiaofa.sqlite')));
    try {
      await expect(svc.signIn('李明', 'pass word 10', 'ip')).resolves.toMatchObject({ principal: { role: 'operator' } });
    } finally {
      await svc.close();
    }
  });

  it.each([
    ['a duplicate name', ['--name', 'wang', '--role', 'operator'], 'secret-pass-1\n', /already exists/],
    ['an unknown role', ['--name', 'zhao', '--role', 'boss'], 'secret-pass-1\n', /--role must be one of operator\|supervisor\|admin/],
    ['a short password', ['--name', 'zhao', '--role', 'operator'], 'short\n', /at least 10 characters/],
    ['no password at all', ['--name', 'zhao', '--role', 'operator'], '', /no password on stdin/],
    ['a missing name', ['--role', 'operator'], 'secret-pass-1\n', /--name NAME is required/],
    ['a bad name', ['--name', 'a b', '--role', 'operator'], 'secret-pass-1\n', /name: 2-32/],
    ['an unknown option', ['--name', 'zhao', '--role', 'operator', '--password', 'x'], 'secret-pass-1\n', /unknown option --password/],
  ])('refuses %s with a usage error (exit 2, no stack, no password echoed)', (_what, args, stdin, message) => {
    const r = userAdd(args, stdin);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^error: /);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout + r.stderr).not.toContain('secret-pass-1');
  });
});

describe.skipIf(!TEST_DATABASE_URL)('npm run user:add with DATABASE_URL', () => {
  it('creates the account in PostgreSQL, where every instance signs it in', async () => {
    const schema = freshSchema();
    const url = new URL(TEST_DATABASE_URL!);
    url.searchParams.set('options', `-c search_path=${schema}`);
    const db = await PgDatabase.connect(TEST_DATABASE_URL!, { schema });
    try {
      const ok = userAdd(['--name', 'pg_admin', '--role', 'admin'], 'secret-pass-pg\n', { DATABASE_URL: url.toString() });
      expect(ok.stderr).toBe('');
      expect(ok.status).toBe(0);
      const svc = new AccountService(new PgAccountRepository(db));
      await expect(svc.signIn('pg_admin', 'secret-pass-pg', 'ip')).resolves.toMatchObject({ principal: { role: 'admin' } });
    } finally {
      await db.close();
      await dropSchema(schema);
    }
  });

  it('an unreachable DATABASE_URL is a clear failure, not an account in SQLite', () => {
    const bad = userAdd(['--name', 'ghost', '--role', 'operator'], 'secret-pass-1\n', { DATABASE_URL: 'postgres://x:pw@127.0.0.1:1/none' });
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toContain('PostgreSQL');
    expect(bad.stderr).not.toContain(':pw@');
  });
});
