import express from 'express';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountService } from '../../src/accounts/service.js';
import { SqliteAccountRepository } from '../../src/accounts/sqlite.js';
import { consoleSession, pageGuard, principalOf, requireRole } from '../../src/channels/http/auth.js';
import { errorHandler } from '../../src/channels/http/errors.js';
import { createLogger } from '../../src/logger.js';
import { json, signIn, startTestServer, type TestServer } from '../helpers/server.js';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
  await s.running.accounts.addUser('zhang', 'operator', 'zhang-password-1');
});
afterAll(async () => s.close());

const errorCode = async (r: Response) => ((await r.json()) as { error: { code: string } }).error.code;
const cookieOf = (r: Response) => r.headers.get('set-cookie')!.split(';')[0]!;

describe('/api/session', () => {
  it('signs in with an HttpOnly, SameSite=Strict, 12-hour cookie (not Secure over http)', async () => {
    const res = await fetch(`${s.url}/api/session`, json({ name: 'zhang', password: 'zhang-password-1' }));
    expect(res.status).toBe(204);
    const set = res.headers.get('set-cookie')!;
    expect(set).toMatch(/^xf_console=[\w-]{43};/);
    expect(set).toMatch(/;\s*HttpOnly/i);
    expect(set).toMatch(/;\s*SameSite=Strict/i);
    expect(set).toMatch(/;\s*Path=\/(;|$)/);
    expect(Number(/Max-Age=(\d+)/i.exec(set)?.[1])).toBeGreaterThan(12 * 3600 - 60);
    expect(Number(/Max-Age=(\d+)/i.exec(set)?.[1])).toBeLessThanOrEqual(12 * 3600);
    expect(set).not.toMatch(/Secure/i);
  });

  it('GET tells the console who is signed in, its role and the CSRF token; DELETE needs that token', async () => {
    const cookie = cookieOf(await fetch(`${s.url}/api/session`, json({ name: 'zhang', password: 'zhang-password-1' })));
    const meRes = await fetch(`${s.url}/api/session`, { headers: { Cookie: cookie } });
    expect(meRes.status).toBe(200);
    expect(meRes.headers.get('cache-control')).toBe('no-store');
    const me = (await meRes.json()) as { name: string; role: string; csrfToken: string };
    expect(me).toEqual({ name: 'zhang', role: 'operator', csrfToken: expect.stringMatching(/^[\w-]{32}$/) as string });

    const noCsrf = await fetch(`${s.url}/api/session`, { method: 'DELETE', headers: { Cookie: cookie } });
    expect(noCsrf.status).toBe(403);
    expect(await errorCode(noCsrf)).toBe('csrf');
    const wrongCsrf = await fetch(`${s.url}/api/session`, { method: 'DELETE', headers: { Cookie: cookie, 'X-CSRF-Token': `${me.csrfToken.slice(1)}A` } });
    expect(wrongCsrf.status).toBe(403);
    expect((await fetch(`${s.url}/api/session`, { headers: { Cookie: cookie } })).status).toBe(200); // still signed in

    const out = await fetch(`${s.url}/api/session`, { method: 'DELETE', headers: { Cookie: cookie, 'X-CSRF-Token': me.csrfToken } });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/^xf_console=;.*Expires=Thu, 01 Jan 1970/i);
    const after = await fetch(`${s.url}/api/session`, { headers: { Cookie: cookie } });
    expect(after.status).toBe(401);
    expect(await errorCode(after)).toBe('unauthenticated');
    // Signing out again (stale cookie, no session) is fine.
    expect((await fetch(`${s.url}/api/session`, { method: 'DELETE', headers: { Cookie: cookie } })).status).toBe(204);
  });

  it('401 invalid_credentials with one message for a wrong password and an unknown name; the cookie is cleared', async () => {
    const wrong = await fetch(`${s.url}/api/session`, json({ name: 'zhang', password: 'nope-nope-nope' }));
    const unknown = await fetch(`${s.url}/api/session`, json({ name: 'nobody', password: 'nope-nope-nope' }));
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.headers.get('set-cookie')).toMatch(/^xf_console=;/);
    const [a, b] = (await Promise.all([wrong.json(), unknown.json()])) as [unknown, unknown];
    expect(a).toEqual({ error: { code: 'invalid_credentials', message: '用户名或密码错误' } });
    expect(b).toEqual(a);
  });

  it('the sixth attempt within the window is 429 with Retry-After, even with the right password', async () => {
    await s.running.accounts.addUser('liu', 'operator', 'liu-password-1');
    for (let i = 0; i < 5; i += 1) {
      const r = await fetch(`${s.url}/api/session`, json({ name: 'liu', password: 'nope-nope-nope' }));
      expect(r.status).toBe(401);
    }
    const blocked = await fetch(`${s.url}/api/session`, json({ name: 'liu', password: 'liu-password-1' }));
    expect(blocked.status).toBe(429);
    expect(await errorCode(blocked)).toBe('rate_limited');
    const retry = Number(blocked.headers.get('retry-after'));
    expect(retry).toBeGreaterThan(14 * 60);
    expect(retry).toBeLessThanOrEqual(15 * 60);
    expect(blocked.headers.get('set-cookie')).toMatch(/^xf_console=;/);
  });

  it('audits sign_in, sign_in_failed and sign_out with the actor', async () => {
    await s.running.accounts.addUser('sun', 'operator', 'sun-password-1');
    await fetch(`${s.url}/api/session`, json({ name: 'sun', password: 'bad-password-1' }));
    const { cookie, csrf } = await (async () => {
      const r = await fetch(`${s.url}/api/session`, json({ name: 'sun', password: 'sun-password-1' }));
      const c = cookieOf(r);
      const me = (await (await fetch(`${s.url}/api/session`, { headers: { Cookie: c } })).json()) as { csrfToken: string };
      return { cookie: c, csrf: me.csrfToken };
    })();
    await fetch(`${s.url}/api/session`, { method: 'DELETE', headers: { Cookie: cookie, 'X-CSRF-Token': csrf } });
    const actions = (await s.running.accounts.auditLog({ actor: 'sun' })).map((e) => e.action);
    expect(actions).toEqual(['sign_out', 'sign_in', 'sign_in_failed']);
  });

  it('a forged, malformed or absent cookie is no session, never an error', async () => {
    for (const cookie of ['xf_console=forged-token', 'xf_console=%E0%A4%A', `xf_console=${'a'.repeat(5000)}`, 'xf_console', 'other=1']) {
      const res = await fetch(`${s.url}/api/session`, { headers: { Cookie: cookie } });
      expect(res.status, cookie).toBe(401);
    }
  });

  it('refuses malformed bodies: 400, not a sign-in attempt', async () => {
    expect((await fetch(`${s.url}/api/session`, json({ name: 'zhang' }))).status).toBe(400);
    expect((await fetch(`${s.url}/api/session`, json({ name: 'zhang', password: 'x', role: 'admin' }))).status).toBe(400);
    expect((await fetch(`${s.url}/api/session`, json({ name: 'zhang', password: 123 }))).status).toBe(400);
    const form = await fetch(`${s.url}/api/session`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'name=zhang&password=zhang-password-1' });
    expect(form.status).toBe(415);
  });

  it('the test helper signIn returns a cookie and CSRF token that work', async () => {
    const { cookie, csrf } = await signIn(s.url, 'helper1', 'supervisor');
    const me = (await (await fetch(`${s.url}/api/session`, { headers: { Cookie: cookie } })).json()) as { role: string; csrfToken: string };
    expect(me.role).toBe('supervisor');
    expect(me.csrfToken).toBe(csrf);
  });
});

describe('guards (requireRole, pageGuard) on a bare app', () => {
  let url: string;
  let close: () => Promise<void>;
  let accounts: AccountService;
  const login = async (name: string) => {
    const r = await accounts.signIn(name, `${name}-password-1`, 'test');
    return { Cookie: `xf_console=${r.token}`, csrf: r.csrf };
  };

  beforeAll(async () => {
    accounts = new AccountService(new SqliteAccountRepository(':memory:'));
    await accounts.addUser('op', 'operator', 'op-password-1');
    await accounts.addUser('boss', 'supervisor', 'boss-password-1');
    const app = express();
    app.get('/page', pageGuard(accounts, 'supervisor'), (_req, res) => {
      res.send('page');
    });
    app.use('/api', consoleSession(accounts));
    app.get('/api/x', requireRole('supervisor'), (_req, res) => {
      res.json(principalOf(res));
    });
    app.post('/api/x', requireRole('operator'), (_req, res) => {
      res.json(principalOf(res));
    });
    app.get('/api/open', (_req, res) => {
      res.json(principalOf(res));
    });
    app.use(errorHandler(createLogger('silent')));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => new Promise((r) => server.close(() => r()));
  });
  afterAll(async () => {
    await close();
    accounts.close();
  });

  it('401 without a session, 403 below the role, 200 at or above it', async () => {
    expect((await fetch(`${url}/api/x`)).status).toBe(401);
    const op = await login('op');
    const denied = await fetch(`${url}/api/x`, { headers: { Cookie: op.Cookie } });
    expect(denied.status).toBe(403);
    expect(await errorCode(denied)).toBe('forbidden');
    const boss = await login('boss');
    const ok = await fetch(`${url}/api/x`, { headers: { Cookie: boss.Cookie } });
    expect(await ok.json()).toEqual({ name: 'boss', role: 'supervisor' });
  });

  it('unsafe methods need the X-CSRF-Token of the same session', async () => {
    const op = await login('op');
    const other = await login('op');
    expect((await fetch(`${url}/api/x`, { method: 'POST', headers: { Cookie: op.Cookie } })).status).toBe(403);
    expect((await fetch(`${url}/api/x`, { method: 'POST', headers: { Cookie: op.Cookie, 'X-CSRF-Token': other.csrf } })).status).toBe(403);
    expect((await fetch(`${url}/api/x`, { method: 'POST', headers: { Cookie: op.Cookie, 'X-CSRF-Token': op.csrf } })).status).toBe(200);
  });

  it('principalOf is a 401 where no guard ran', async () => {
    expect((await fetch(`${url}/api/open`)).status).toBe(401);
  });

  it('pages: redirect to the login page with next=, 403 text below the role, served at the role', async () => {
    const anon = await fetch(`${url}/page?tab=2`, { redirect: 'manual' });
    expect(anon.status).toBe(302);
    expect(anon.headers.get('location')).toBe('/console/login?next=%2Fpage%3Ftab%3D2');
    const op = await fetch(`${url}/page`, { headers: { Cookie: (await login('op')).Cookie }, redirect: 'manual' });
    expect(op.status).toBe(403);
    expect(op.headers.get('content-type')).toMatch(/^text\/plain/);
    const boss = await fetch(`${url}/page`, { headers: { Cookie: (await login('boss')).Cookie } });
    expect(await boss.text()).toBe('page');
  });
});
