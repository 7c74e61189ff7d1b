import { afterAll, describe, expect, it } from 'vitest';
import { PgAccountRepository } from '../../src/accounts/postgres.js';
import { AccountService } from '../../src/accounts/service.js';
import { PgDatabase } from '../../src/storage/postgres.js';
import { dropSchema, freshSchema, TEST_DATABASE_URL } from '../helpers/services.js';
import { accountServiceContract, PW } from './service-contract.js';

const dbs: PgDatabase[] = [];
const schemas: string[] = [];
const open = async (schema = freshSchema()) => {
  schemas.push(schema);
  const db = await PgDatabase.connect(TEST_DATABASE_URL!, { schema, max: 4 });
  dbs.push(db);
  return db;
};
afterAll(async () => {
  for (const db of dbs) await db.close();
  if (TEST_DATABASE_URL) for (const s of schemas) await dropSchema(s);
});

accountServiceContract('PostgreSQL', async () => new PgAccountRepository(await open()), { skip: !TEST_DATABASE_URL });

describe.skipIf(!TEST_DATABASE_URL)('accounts on PostgreSQL: shared by instances', () => {
  it('a session signed in on one instance is valid on another, and only its hash is stored', async () => {
    const schema = freshSchema();
    const a = new AccountService(new PgAccountRepository(await open(schema)));
    const b = new AccountService(new PgAccountRepository(await open(schema)));
    await a.addUser('li', 'operator', PW);
    const s = await a.signIn('li', PW, '10.0.0.1');
    expect(await b.authenticate(s.token)).toMatchObject({ principal: { name: 'li', role: 'operator' }, csrf: s.csrf });
    await b.signOut(s.token);
    expect(await a.authenticate(s.token)).toBeUndefined();
    const { rows } = await dbs[dbs.length - 1]!.query<{ token_hash: string; password_hash: string }>('SELECT s.token_hash, u.password_hash FROM sessions s, users u');
    for (const r of rows) {
      expect(r.token_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(r.password_hash).toMatch(/^scrypt\$/);
    }
    expect((await a.auditLog()).map((e) => e.action)).toEqual(['sign_out', 'sign_in', 'user_add']);
  });
});
