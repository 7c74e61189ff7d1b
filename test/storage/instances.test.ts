import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, signIn, type TestServer } from '../helpers/server.js';
import { dropSchema, freshSchema, TEST_DATABASE_URL, TEST_REDIS_URL } from '../helpers/services.js';

const enabled = Boolean(TEST_DATABASE_URL && TEST_REDIS_URL);

/**
 * Two instances of the whole product on one PostgreSQL database and one Redis, as behind a load balancer:
 * a conversation, an order and a console session may each hop between them.
 */
describe.skipIf(!enabled)('two instances on PostgreSQL and Redis', () => {
  const schema = freshSchema();
  let a: TestServer;
  let b: TestServer;
  beforeAll(async () => {
    const shared = { databaseUrl: TEST_DATABASE_URL, redisUrl: TEST_REDIS_URL, pgSchema: schema, sessionSecret: 'test-secret-shared-by-instances-0123456789' };
    [a, b] = await Promise.all([startTestServer(shared), startTestServer(shared)]);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await dropSchema(schema);
  });

  it('a citizen files an order in a conversation that alternates instances; an operator on either sees it', async () => {
    expect(a.running.stores.describe).toMatchObject({ database: expect.stringContaining('postgresql'), state: expect.stringContaining('redis') });
    let cookie = '';
    const say = async (server: TestServer, text: string) => {
      const res = await fetch(`${server.url}/api/ask`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...(cookie ? { Cookie: cookie } : {}) }, body: JSON.stringify({ text }) });
      expect(res.status).toBe(200);
      cookie ||= (res.headers.get('set-cookie') ?? '').split(';')[0]!;
      return (await res.json()) as { action: string; reply: { text: string } };
    };
    expect((await say(a, '我要向12345反映问题')).reply.text).toContain('发生了什么');
    expect((await say(b, '我们小区门口的井盖丢了好几天了，晚上特别危险')).reply.text).toContain('哪里');
    expect((await say(a, '榆树市XX街道XX小区南门')).reply.text).toContain('电话');
    expect((await say(b, '13812345678')).reply.text).toContain('称呼');
    expect((await say(a, '王先生')).reply.text).toContain('同意');
    expect((await say(b, '同意')).reply.text).toContain('138****5678');
    const done = await say(a, '确认提交');
    const number = /XF\d{12}/.exec(done.reply.text)?.[0];
    expect(number).toBeDefined();

    // Signed in on A, the same cookie works on B: sessions live in the shared database.
    const op = await signIn(a.url, 'op_pg', 'operator');
    const list = await fetch(`${b.url}/api/tickets?q=${encodeURIComponent('井盖')}`, { headers: { Cookie: op.cookie } });
    expect(list.status).toBe(200);
    const page = (await list.json()) as { items: { number: string; phone: string }[]; total: number };
    expect(page.items.map((t) => t.number)).toContain(number);
    expect(page.items[0]!.phone).toBe('138****5678');

    // Dispatched on B with the CSRF token from A; the status is visible to the citizen on A.
    const patch = await fetch(`${b.url}/api/tickets/${number}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json', Cookie: op.cookie, 'X-CSRF-Token': op.csrf },
      body: JSON.stringify({ action: 'dispatch' }),
    });
    expect(patch.status).toBe(200);
    const status = await fetch(`${a.url}/api/tickets/${number}?phoneLast4=5678`);
    expect(((await status.json()) as { status: string }).status).toBe('已派单');

    // And the audit trail of both instances is one log.
    const audit = await b.running.accounts.auditLog({ target: number! });
    expect(audit.map((e) => e.action)).toEqual(['ticket.dispatch']);
  });

  it('failed sign-ins are counted across instances', async () => {
    // A name of its own per run: Redis keeps a window of failures for 15 minutes.
    const name = `guess_${Date.now().toString(36)}`;
    await a.running.accounts.addUser(name, 'operator', 'guess_me-password-1');
    const attempt = (server: TestServer, password: string) =>
      fetch(`${server.url}/api/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name, password }) });
    for (let i = 0; i < 5; i += 1) expect((await attempt(i % 2 ? a : b, 'wrong-password')).status).toBe(401);
    const blocked = await attempt(a, 'guess_me-password-1');
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
