import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/accounts/types.js';
import { json, startTestServer, type TestServer } from '../helpers/server.js';

let s: TestServer;
interface Session {
  get(path: string): Promise<Response>;
  send(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
}

/** A signed-in console user: session cookie plus the CSRF token on every unsafe request. */
async function signIn(name: string, role: Role): Promise<Session> {
  await s.running.accounts.addUser(name, role, `${name}-password-1`);
  const res = await fetch(`${s.url}/api/session`, json({ name, password: `${name}-password-1` }));
  expect(res.status).toBe(204);
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  const me = (await (await fetch(`${s.url}/api/session`, { headers: { Cookie: cookie } })).json()) as { csrfToken: string };
  return {
    get: (path) => fetch(s.url + path, { headers: { Cookie: cookie } }),
    send: (method, path, body, headers = {}) =>
      fetch(s.url + path, { method, headers: { Cookie: cookie, 'X-CSRF-Token': me.csrfToken, 'Content-Type': 'application/json', ...headers }, body: body === undefined ? undefined : JSON.stringify(body) }),
  };
}
const errorCode = async (r: Response) => ((await r.json()) as { error: { code: string } }).error.code;

let op: Session;
let sup: Session;
beforeAll(async () => {
  s = await startTestServer();
  op = await signIn('op1', 'operator');
  sup = await signIn('sup1', 'supervisor');
});
afterAll(async () => s.close());

const CALL = '您好，我叫李德福，电话13904451234，我们在榆树市华昌街道幸福小区工地干活的12个农民工，被吉林某某建筑有限公司拖欠工资共计8万元，从今年5月拖到现在，过年回不了家，咋整啊';

describe('operator API: access', () => {
  it.each([
    ['GET', '/api/tickets'],
    ['GET', '/api/tickets/XF202611280001'],
    ['PATCH', '/api/tickets/XF202611280001'],
    ['POST', '/api/assist'],
    ['GET', '/api/stats'],
    ['GET', '/api/reports/monthly?month=2026-11'],
    ['GET', '/api/corrections.jsonl'],
  ])('%s %s without a session -> 401', async (method, path) => {
    const res = await fetch(s.url + path, { method, headers: { 'Content-Type': 'application/json' }, body: method === 'GET' ? undefined : '{}' });
    expect(res.status).toBe(401);
  });
  it('an operator is refused supervisor endpoints with 403', async () => {
    expect((await op.get('/api/reports/monthly?month=2026-11')).status).toBe(403);
    expect((await op.get('/api/reports/monthly.csv?month=2026-11')).status).toBe(403);
    expect((await op.get('/api/corrections.jsonl')).status).toBe(403);
    expect((await sup.get('/api/reports/monthly?month=2026-11')).status).toBe(200);
  });
  it('an unsafe request without the CSRF token is refused even with a valid cookie', async () => {
    const cookieOnly = await op.get('/api/console/meta');
    expect(cookieOnly.status).toBe(200);
    const res = await fetch(`${s.url}/api/assist`, { method: 'POST', headers: { Cookie: (await loginCookie('op1')), 'Content-Type': 'application/json' }, body: JSON.stringify({ text: '你好' }) });
    expect(res.status).toBe(403);
  });
  it('the console page sends a visitor without a session to the login page', async () => {
    const res = await fetch(`${s.url}/console`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toMatch(/^\/console\/login/);
  });
});

async function loginCookie(name: string): Promise<string> {
  const res = await fetch(`${s.url}/api/session`, json({ name, password: `${name}-password-1` }));
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

describe('assist', () => {
  it('suggests cited answers, triages, extracts fields and drafts an order', async () => {
    const res = await op.send('POST', '/api/assist', { text: CALL });
    expect(res.status).toBe(200);
    const a = (await res.json()) as {
      suggestions: { id: string; citations: unknown[]; score: number }[];
      requestType: string;
      category: string;
      department: string;
      urgency: string;
      evidence: { requestType: string[]; category: string[]; urgency: string[] };
      fields: { phone?: string; address?: string; amounts: { yuan: number }[]; companies: string[]; workers?: number };
      draft: { content: string; phone: string; category: string };
    };
    expect(a.suggestions.length).toBeGreaterThan(0);
    expect(a.suggestions.length).toBeLessThanOrEqual(3);
    expect(a.suggestions[0]!.id).toMatch(/^labor\./);
    expect(a.suggestions[0]!.citations.length).toBeGreaterThan(0);
    expect(a.category).toBe('劳动和社会保障');
    expect(a.department).toBe('市人力资源和社会保障局');
    expect(a.requestType).toBe('投诉');
    expect(a.evidence.requestType).toContain('拖欠');
    expect(a.evidence.category.length).toBeGreaterThan(0);
    expect(a.urgency).toBe('medium');
    expect(a.fields).toMatchObject({ phone: '13904451234', workers: 12 });
    expect(a.fields.amounts[0]!.yuan).toBe(80000);
    expect(a.fields.address).toContain('榆树市华昌街道');
    expect(a.draft).toMatchObject({ phone: '13904451234', category: '劳动和社会保障' });
  });
  it('refuses oversized and empty text with a clear 400', async () => {
    expect(await errorCode(await op.send('POST', '/api/assist', { text: 'x'.repeat(5001) }))).toBe('invalid_request');
    expect(await errorCode(await op.send('POST', '/api/assist', { text: ' ' }))).toBe('invalid_request');
  });
  it('keeps category corrections and exports them as training history with personal data masked', async () => {
    expect((await op.send('POST', '/api/assist/feedback', { kind: 'category', text: '村里的路修了一半不修了 13812345678', predicted: '城乡建设', corrected: '农村农业' })).status).toBe(204);
    expect((await op.send('POST', '/api/assist/feedback', { kind: 'suggestion', text: CALL, suggestionId: 'labor.wage-arrears.what-to-do', verdict: 'right' })).status).toBe(204);
    expect((await op.send('POST', '/api/assist/feedback', { kind: 'category', text: 'x', predicted: '城乡建设', corrected: '火星' })).status).toBe(400);
    const res = await sup.get('/api/corrections.jsonl');
    const lines = (await res.text()).trim().split('\n').map((l) => JSON.parse(l) as { text: string; label: string });
    expect(lines).toEqual([{ text: '村里的路修了一半不修了 138****5678', label: '农村农业' }]);
  });
});

describe('the life of an order over the API', () => {
  it('create -> dispatch -> accept -> return -> re-dispatch -> accept -> close -> callback, all in the history', async () => {
    const created = await op.send('POST', '/api/tickets', { content: CALL, address: '榆树市华昌街道幸福小区', phone: '13904451234', name: '李德福', consent: true }, { 'Idempotency-Key': 'console-test-0001' });
    expect(created.status).toBe(201);
    const t = (await created.json()) as { number: string; phone: string; name: string; allowedActions: string[]; wageArrears: boolean };
    expect(t.phone).toBe('139****1234');
    expect(t.name).toBe('李**');
    expect(t.wageArrears).toBe(true);
    expect(t.allowedActions).toContain('dispatch');
    const steps: [unknown, string][] = [
      [{ action: 'dispatch' }, '已派单'],
      [{ action: 'accept' }, '办理中'],
      [{ action: 'return', reason: '涉及总包单位，需住建部门协同' }, '退单'],
      [{ action: 'dispatch', department: '市住房和城乡建设局' }, '已派单'],
      [{ action: 'accept' }, '办理中'],
      [{ action: 'close', reply: '已协调支付', wageArrears: { workers: 12, recoveredYuan: 80000 } }, '已办结'],
      [{ action: 'callback', satisfaction: '满意', note: '钱已到账' }, '已回访'],
    ];
    for (const [cmd, status] of steps) {
      const res = await op.send('PATCH', `/api/tickets/${t.number}`, cmd);
      expect(res.status, JSON.stringify(cmd)).toBe(200);
      expect(((await res.json()) as { status: string }).status).toBe(status);
    }
    const detail = (await (await op.get(`/api/tickets/${t.number}`)).json()) as { history: { action: string; actor: string }[]; department: string; allowedActions: string[] };
    expect(detail.history.map((h) => h.action)).toEqual(['create', 'dispatch', 'accept', 'return', 'dispatch', 'accept', 'close', 'callback']);
    expect(detail.history.slice(1).every((h) => h.actor === 'op1')).toBe(true);
    expect(detail.department).toBe('市住房和城乡建设局');
    expect(detail.allowedActions).toEqual([]);

    const report = (await (await sup.get(`/api/reports/monthly?month=${new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7)}`)).json()) as { sentences: string[] };
    expect(report.sentences.join('')).toContain('为 12 名农民工追回欠薪 8 万元');
    const csv = await sup.get(`/api/reports/monthly.csv?month=${new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7)}`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain(t.number);
    expect(bytes.toString('utf8')).not.toContain('13904451234');
  });

  it('refuses forged transitions, unknown actions and unknown departments', async () => {
    const created = (await (await op.send('POST', '/api/tickets', { content: '路灯坏了', address: '榆树市正阳街道', phone: '13904451234', consent: true })).json()) as { number: string };
    const close = await op.send('PATCH', `/api/tickets/${created.number}`, { action: 'close', reply: '好了' });
    expect(close.status).toBe(409);
    expect(await errorCode(close)).toBe('illegal_transition');
    expect((await op.send('PATCH', `/api/tickets/${created.number}`, { action: 'delete' })).status).toBe(400);
    expect((await op.send('PATCH', `/api/tickets/${created.number}`, { action: 'dispatch', department: '不存在的局' })).status).toBe(400);
    expect((await op.send('PATCH', `/api/tickets/${created.number}`, { action: 'return' })).status).toBe(400);
    expect((await op.send('PATCH', `/api/tickets/${created.number}`, { action: 'supervise', note: '催办' })).status).toBe(403);
    expect((await sup.send('PATCH', `/api/tickets/${created.number}`, { action: 'supervise', note: '催办' })).status).toBe(200);
    expect((await op.send('PATCH', '/api/tickets/XF209901010001', { action: 'dispatch' })).status).toBe(404);
  });

  it('lists masked, filters, searches and records every view of unmasked data in the audit', async () => {
    const list = (await (await op.get(`/api/tickets?q=${encodeURIComponent('农民工')}`)).json()) as { items: { phone: string; content: string }[]; total: number };
    expect(list.total).toBeGreaterThan(0);
    expect(JSON.stringify(list)).not.toContain('13904451234');
    expect((await op.get('/api/tickets?status=不存在')).status).toBe(400);
    expect((await op.get('/api/tickets?limit=1000')).status).toBe(400);
    const first = (await (await op.get('/api/tickets?limit=1')).json()) as { items: { number: string }[] };
    const number = first.items[0]!.number;
    const revealed = (await (await op.get(`/api/tickets/${number}?reveal=1`)).json()) as { phone: string };
    expect(revealed.phone).toBe('13904451234');
    expect((await s.running.accounts.auditLog({ target: number })).some((e) => e.action === 'view_pii' && e.actor === 'op1')).toBe(true);
  });

  it('the dashboard counts orders and bot turns', async () => {
    await fetch(`${s.url}/api/ask`, json({ text: '今天天气怎么样' }));
    const d = (await (await op.get('/api/stats?days=7')).json()) as { tickets: number; bot: { turns: number }; topUnanswered: { text: string }[]; byCategory: unknown[] };
    expect(d.tickets).toBeGreaterThanOrEqual(2);
    expect(d.bot.turns).toBeGreaterThan(0);
    expect(d.topUnanswered.map((x) => x.text)).toContain('今天天气怎么样');
  });
});
