import { afterAll, describe, expect, it } from 'vitest';
import { StorageError } from '../../src/storage/errors.js';
import { PgDatabase } from '../../src/storage/postgres.js';
import { PgTicketRepository } from '../../src/tickets/postgres.js';
import { dropSchema, freshSchema, TEST_DATABASE_URL } from '../helpers/services.js';
import { draft, ticketRepositoryContract } from './repository-contract.js';

const schemas: string[] = [];
const open = async (schema = freshSchema()) => {
  schemas.push(schema);
  return PgDatabase.connect(TEST_DATABASE_URL!, { schema, max: 4 });
};
afterAll(async () => {
  if (TEST_DATABASE_URL) for (const s of schemas) await dropSchema(s);
});

ticketRepositoryContract(
  'PostgreSQL',
  async () => {
    const db = await open();
    const repo = new PgTicketRepository(db);
    // The contract closes the repository; here the pool is the repository's to close.
    return Object.assign(repo, { close: () => db.close() });
  },
  { skip: !TEST_DATABASE_URL },
);

describe.skipIf(!TEST_DATABASE_URL)('PostgreSQL store set-up', () => {
  it('migrates once, even when several instances start together, and keeps orders across reconnects', async () => {
    const schema = freshSchema();
    const dbs = await Promise.all([open(schema), open(schema), open(schema)]);
    const t = await new PgTicketRepository(dbs[0]!).create(draft, undefined, new Date('2026-11-28T01:00:00Z'));
    await Promise.all(dbs.map((d) => d.close()));
    const again = await open(schema);
    expect((await new PgTicketRepository(again).get(t.number))?.content).toBe('井盖丢了');
    const { rows } = await again.query<{ n: string }>('SELECT COUNT(*) AS n FROM xiaofa_migrations');
    expect(Number(rows[0]!.n)).toBe(1);
    await again.close();
  });

  it('refuses to start on an unreachable database, naming it without the password', async () => {
    const err = await PgDatabase.connect('postgres://someone:secret-pw@127.0.0.1:1/nowhere').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StorageError);
    expect(String((err as Error).message)).toContain('127.0.0.1:1');
    expect(String((err as Error).message)).not.toContain('secret-pw');
  });
});
