import { createInterface } from 'node:readline';
import { AccountService } from '../accounts/service.js';
import { AuthError, ROLES, type Role } from '../accounts/types.js';
import { loadConfig } from '../config.js';
import { openStores } from '../storage/stores.js';
import { parseArgs, runCli, UsageError } from './args.js';

const USAGE = 'usage: printf "a-long-password\\n" | npm run user:add -- --name NAME --role operator|supervisor|admin';

/** The first line of stdin: the password never appears in the shell history or the process list. */
async function readPassword(): Promise<string> {
  if (process.stdin.isTTY) return readHidden();
  const rl = createInterface({ input: process.stdin, terminal: false });
  for await (const line of rl) {
    rl.close();
    return line.replace(/\r$/, '');
  }
  throw new UsageError(`no password on stdin (${USAGE})`);
}

/** Typed at a terminal: raw mode, so the characters are not echoed. */
function readHidden(): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write('password: ');
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = (err?: Error) => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
      if (err) reject(err);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') return finish();
        if (ch === '\u0003') return finish(new UsageError('cancelled'));
        if (ch === '\u007f' || ch === '\b') value = [...value].slice(0, -1).join('');
        else value += ch;
      }
    };
    stdin.setRawMode(true);
    stdin.setEncoding('utf8');
    stdin.on('data', onData);
    stdin.resume();
  });
}

runCli(async () => {
  const { values } = parseArgs(process.argv.slice(2), { values: ['name', 'role'], flags: [] });
  if (!values.name) throw new UsageError(`--name NAME is required\n${USAGE}`);
  if (!values.role || !ROLES.includes(values.role as Role)) throw new UsageError(`--role must be one of ${ROLES.join('|')}\n${USAGE}`);
  const role = values.role as Role;
  const password = await readPassword();
  // The same store the server uses: SQLite under DATA_DIR, or PostgreSQL when DATABASE_URL is set.
  const stores = await openStores(loadConfig());
  const accounts = new AccountService(stores.accounts);
  try {
    await accounts.addUser(values.name, role, password);
  } catch (err) {
    // Bad name, short password, duplicate: the operator's mistake, so a usage error (exit 2), no stack.
    if (err instanceof AuthError) throw new UsageError(err.message);
    throw err;
  } finally {
    await stores.close();
  }
  console.log(`created ${role} ${values.name}`);
});
