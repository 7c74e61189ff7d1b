import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, json, startTestServer, type TestServer } from '../helpers/server.js';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => s.close());

describe('POST /api/ask', () => {
  it('answers a wage question with the DESIGN §5 shape and a verified-looking citation', async () => {
    const res = await fetch(`${s.url}/api/ask`, json({ text: '老板拖欠了我三个月工资不给，怎么办' }));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { action: string; reply: { text: string; citations: { law: string; article: string; quote: string }[]; quickReplies: string[] }; nlu: Record<string, unknown> };
    expect(body.action).toBe('answer');
    expect(body.nlu.intent).toMatch(/^labor\./);
    expect(body.nlu.topic).toBe('labor');
    expect(body.nlu.scam).toBe('none');
    expect(Array.isArray(body.nlu.ranking)).toBe(true);
    expect(typeof body.nlu.category).toBe('string');
    expect(body.reply.citations.length).toBeGreaterThan(0);
    expect(body.reply.citations[0]).toEqual({ law: expect.any(String), article: expect.stringMatching(/^第.+条$/), quote: expect.any(String) });
    expect(body.reply.text).toContain('不是针对您个人情况的法律意见');
  });
  it('/api/classify returns the nlu object alone', async () => {
    const res = await fetch(`${s.url}/api/classify`, json({ text: '【某银行】您的账户涉嫌洗钱，请立即转入安全账户配合调查' }));
    const nlu = (await res.json()) as { intent: string; scam: string; topic: string };
    expect(nlu.scam).toBe('impersonate_authority');
    expect(nlu.topic).toBe('fraud');
  });
  it.each([
    [{}, 400, 'invalid_request'],
    [{ text: '' }, 400, 'invalid_request'],
    [{ text: '   ' }, 400, 'invalid_request'],
    [{ text: 123 }, 400, 'invalid_request'],
    [{ text: 'a'.repeat(10_000) }, 400, 'invalid_request'],
    [{ text: '工资\u0007没发' }, 400, 'invalid_request'],
    [{ text: '你好', extra: 1 }, 400, 'invalid_request'],
  ])('bad body %j -> %d %s', async (body, status, code) => {
    const res = await fetch(`${s.url}/api/ask`, json(body));
    expect(res.status).toBe(status);
    expect(((await res.json()) as { error: { code: string; message: string } }).error).toEqual({ code, message: expect.any(String) });
  });
  it('non-JSON and wrong content types get a clear 4xx', async () => {
    const bad = await fetch(`${s.url}/api/ask`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"text": ' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('invalid_json');
    const text = await fetch(`${s.url}/api/ask`, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'hello' });
    expect(text.status).toBe(415);
    const huge = await fetch(`${s.url}/api/ask`, json({ text: 'x'.repeat(100_000) }));
    expect(huge.status).toBe(413);
  });
  it('HTML in the text is returned as data, never as markup in a page', async () => {
    const res = await fetch(`${s.url}/api/ask`, json({ text: '<script>alert(1)</script>老板不给工资' }));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
  });
  it('keeps a conversation by cookie and creates a work order through /api/ask', async () => {
    const c = client(s.url);
    const steps = ['我要投诉', '小区门口的路灯坏了半个月没人修', '榆树市XX街道XX小区', '13812345678', '匿名', '同意', '确认提交'];
    let last: { action: string; reply: { text: string; ticketNumber?: string } } | undefined;
    for (const text of steps) last = (await (await c('/api/ask', json({ text }))).json()) as typeof last;
    expect(last!.reply.ticketNumber).toMatch(/^XF\d{12}$/);
    const status = await fetch(`${s.url}/api/tickets/${last!.reply.ticketNumber}?phoneLast4=5678`);
    expect(status.status).toBe(200);
    const t = (await status.json()) as { status: string; phone: string; department: string };
    expect(t.status).toBe('待派单');
    expect(t.phone).toBe('138****5678');
    expect(t.department).toMatch(/局|委/);
  });
  it('logs never contain a full phone number', () => {
    expect(s.logs.join('\n')).not.toContain('13812345678');
  });
});

describe('/api/tickets', () => {
  const order = { content: '井盖丢了三天了很危险', address: 'XX路与XX街交口', phone: '13912345678', consent: true };
  it('creates with 201, idempotently', async () => {
    const init = (key: string): RequestInit => ({ ...json(order), headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key } });
    const a = await fetch(`${s.url}/api/tickets`, init('abc-12345678'));
    const b = await fetch(`${s.url}/api/tickets`, init('abc-12345678'));
    expect(a.status).toBe(201);
    const ta = (await a.json()) as { number: string; urgency: string; category: string; deadline: string };
    const tb = (await b.json()) as { number: string };
    expect(tb.number).toBe(ta.number);
    expect(ta.urgency).toBe('high');
    expect(ta.deadline > new Date().toISOString()).toBe(true);
    const other = await fetch(`${s.url}/api/tickets`, { ...json({ ...order, content: '另一件事：路灯不亮' }), headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'abc-12345678' } });
    expect(other.status).toBe(409);
  });
  it('refuses an order without consent or with a bad phone, and stores nothing', async () => {
    expect((await fetch(`${s.url}/api/tickets`, json({ ...order, consent: false }))).status).toBe(400);
    const bad = await fetch(`${s.url}/api/tickets`, json({ ...order, phone: '12345' }));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/phone/);
  });
  it('a citizen needs the right last four digits; operators need a session', async () => {
    const t = (await (await fetch(`${s.url}/api/tickets`, json(order))).json()) as { number: string };
    expect((await fetch(`${s.url}/api/tickets/${t.number}?phoneLast4=0000`)).status).toBe(404);
    expect((await fetch(`${s.url}/api/tickets/${t.number}`)).status).toBe(401);
    expect((await fetch(`${s.url}/api/tickets`)).status).toBe(401);
  });
});

describe('service endpoints', () => {
  it('/healthz and /metrics', async () => {
    expect(await (await fetch(`${s.url}/healthz`)).json()).toEqual({ status: 'ok' });
    const m = await (await fetch(`${s.url}/metrics`)).text();
    expect(m).toContain('xiaofa_turns_total');
    expect(m).toContain('xiaofa_http_requests_total');
  });
  it('unknown routes are a JSON 404', async () => {
    const res = await fetch(`${s.url}/api/nope`);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('not_found');
  });
  it('serves the chat page with a CSP and the widget script', async () => {
    const page = await fetch(`${s.url}/`);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('不是法律意见');
    const w = await fetch(`${s.url}/widget.js`);
    expect(w.headers.get('content-type')).toContain('javascript');
  });
});
