import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { AccountService } from '../accounts/service.js';
import { SqliteAccountRepository } from '../accounts/sqlite.js';
import { AuthError, ROLES, type Role } from '../accounts/types.js';
import { loadConfig } from '../config.js';
import { parseArgs, runCli, UsageError } from './args.js';

/** The first line of stdin: the password never appears in the shell history or the process list. */
async function readPassword(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('password: ');
  const rl = createInterface({ input: process.stdin, terminal: false });
  for await (const line of rl) {
    rl.close();
    return line.replace(/\r$/, '');
  }
  throw new UsageError('no password on stdin (e.g. printf "a-long-password\\n" | npm run user:add -- --name li --role operator)');
}

runCli(async () => {
  const { values } = parseArgs(process.argv.slice(2), { values: ['name', 'role'], flags: [] });
  if (!values.name) throw new UsageError('--name NAME is required');
  if (!values.role || !ROLES.includes(values.role as Role)) throw new UsageError(`--role must be one of ${ROLES.join('|')}`);
  const password = await readPassword();
  const accounts = new AccountService(new SqliteAccountRepository(join(loadConfig().dataDir, 'xiaofa.sqlite')));
  try {
    await accounts.addUser(values.name, values.role as Role, password);
  } catch (err) {
    if (err instanceof AuthError) throw new UsageError(err.message);
    throw err;
  } finally {
    accounts.close();
  }
  console.log(`created ${values.role} ${values.name}`);
});
