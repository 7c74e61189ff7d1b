import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AccountService } from '../../src/accounts/service.js';
import { SqliteAccountRepository } from '../../src/accounts/sqlite.js';

const run = (dataDir: string, args: string[], input: string) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/user-add.ts', ...args], { env: { ...process.env, DATA_DIR: dataDir }, input, encoding: 'utf8' });

describe('npm run user:add', () => {
  it('creates an account from a piped password in DATA_DIR, which then signs in', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xf-useradd-'));
    try {
      const ok = run(dir, ['--name', 'wang', '--role', 'supervisor'], 'secret-pass-1\n');
      expect(ok.stderr).toBe('');
      expect(ok.stdout.trim()).toBe('created supervisor wang');
      expect(ok.stdout + ok.stderr).not.toContain('secret-pass-1');
      expect(run(dir, ['--name', 'wang', '--role', 'supervisor'], 'secret-pass-1\n').status).toBe(2);
      expect(run(dir, ['--name', 'zhao', '--role', 'boss'], 'secret-pass-1\n').status).toBe(2);
      expect(run(dir, ['--name', 'zhao', '--role', 'operator'], 'short\n').status).toBe(2);
      expect(run(dir, ['--name', 'zhao', '--role', 'operator'], '').status).toBe(2);
      const svc = new AccountService(new SqliteAccountRepository(join(dir, 'xiaofa.sqlite')));
      await expect(svc.signIn('wang', 'secret-pass-1', 'ip')).resolves.toMatchObject({ principal: { name: 'wang', role: 'supervisor' } });
      await expect(svc.signIn('zhao', 'secret-pass-1', 'ip')).rejects.toMatchObject({ code: 'unauthenticated' });
      svc.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
