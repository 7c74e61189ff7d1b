import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, startTestServer, type TestServer } from '../helpers/server.js';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
  await s.running.accounts.addUser('zhang', 'operator', 'zhang-password-1');
});
afterAll(async () => s.close());

describe('/api/session', () => {
  it('signs in with an HttpOnly, SameSite=Strict cookie and hands out a CSRF token', async () => {
    const res = await fetch(`${s.url}/api/session`, json({ name: 'zhang', password: 'zhang-password-1' }));
    expect(res.status).toBe(204);
    const set = res.headers.get('set-cookie')!;
    expect(set).toMatch(/^xf_console=/);
    expect(set).toMatch(/HttpOnly/i);
    expect(set).toMatch(/SameSite=Strict/i);
    const cookie = set.split(';')[0]!;
    const me = (await (await fetch(`${s.url}/api/session`, { headers: { Cookie: cookie } })).json()) as { name: string; role: string; csrfToken: string };
    expect(me).toMatchObject({ name: 'zhang', role: 'operator' });
    expect(me.csrfToken.length).toBeGreaterThan(20);

    const noCsrf = await fetch(`${s.url}/api/session`, { method: 'DELETE', headers: { Cookie: cookie } });
    expect(noCsrf.status).toBe(403);
    const out = await fetch(`${s.url}/api/session`, { method: 'DELETE', headers: { Cookie: cookie, 'X-CSRF-Token': me.csrfToken } });
    expect(out.status).toBe(204);
    expect((await fetch(`${s.url}/api/session`, { headers: { Cookie: cookie } })).status).toBe(401);
  });

  it('401 for a wrong password, then 429 with Retry-After', async () => {
    for (let i = 0; i < 5; i += 1) {
      const r = await fetch(`${s.url}/api/session`, json({ name: 'zhang', password: 'nope-nope-nope' }));
      expect(r.status).toBe(401);
      expect(((await r.json()) as { error: { code: string } }).error.code).toBe('invalid_credentials');
    }
    const blocked = await fetch(`${s.url}/api/session`, json({ name: 'zhang', password: 'zhang-password-1' }));
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('a forged cookie is no session', async () => {
    const res = await fetch(`${s.url}/api/tickets`, { headers: { Cookie: 'xf_console=forged-token' } });
    expect(res.status).toBe(401);
  });

  it('refuses malformed bodies', async () => {
    expect((await fetch(`${s.url}/api/session`, json({ name: 'zhang' }))).status).toBe(400);
    expect((await fetch(`${s.url}/api/session`, json({ name: 'zhang', password: 'x', role: 'admin' }))).status).toBe(400);
  });
});
