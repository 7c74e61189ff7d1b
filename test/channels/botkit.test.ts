import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, json, startTestServer, type TestServer } from '../helpers/server.js';

const require = createRequire(import.meta.url);
const WebSocket = require('ws') as typeof import('ws').WebSocket;

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => s.close());

type BotMessage = { type: string; text: string; citations?: unknown[]; quick_replies?: { title: string }[]; action?: string; ticketNumber?: string };

describe('Botkit webhook POST /api/messages', () => {
  it('answers in-line with the reply, its citations and quick replies', async () => {
    const res = await fetch(`${s.url}/api/messages`, json({ type: 'message', text: '老板不给开支咋整', user: 'x', channel: 'webhook' }));
    expect(res.status).toBe(200);
    const [msg] = (await res.json()) as BotMessage[];
    expect(msg!.type).toBe('message');
    expect(msg!.action).toBe('answer');
    expect(msg!.citations!.length).toBeGreaterThan(0);
    expect(msg!.quick_replies!.map((q) => q.title)).toContain('找人工 / 登记工单');
  });
  it.each([
    ['no body', { method: 'POST' }, 415],
    ['not JSON', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: 'nope' }, 400],
    ['no type', json({ text: 'hi' }), 400],
    ['text not a string', json({ type: 'message', text: { a: 1 } }), 400],
    ['empty text', json({ type: 'message', text: '' }), 400],
  ])('%s -> %d, and the server keeps serving', async (_name, init, status) => {
    const res = await fetch(`${s.url}/api/messages`, init as RequestInit);
    expect(res.status).toBe(status);
    expect(((await res.json()) as { error: { code: string } }).error.code).toEqual(expect.any(String));
    expect((await fetch(`${s.url}/healthz`)).status).toBe(200);
  });
  it('identity comes from the signed cookie, not from the "user" a client sends', async () => {
    const alice = client(s.url);
    await alice('/api/messages', json({ type: 'message', text: '我要投诉', user: 'shared-name' }));
    // Mallory claims the same user string: she must not land in Alice's intake dialog.
    const mallory = await fetch(`${s.url}/api/messages`, json({ type: 'message', text: '小区门口的路灯坏了半个月', user: 'shared-name' }));
    const [m] = (await mallory.json()) as BotMessage[];
    expect(m!.action).not.toBe('intake');
    const [a] = (await (await alice('/api/messages', json({ type: 'message', text: '小区门口的路灯坏了半个月' }))).json()) as BotMessage[];
    expect(a!.action).toBe('intake');
  });
});

describe('Botkit websocket /ws', () => {
  async function cookieOf(): Promise<string> {
    const res = await fetch(`${s.url}/`);
    return res.headers.get('set-cookie')!.split(';')[0]!;
  }
  function open(cookie?: string): Promise<import('ws').WebSocket> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(`${s.url.replace('http', 'ws')}/ws`, { headers: cookie ? { Cookie: cookie } : {} });
      ws.once('open', () => resolve(ws));
      ws.once('error', reject);
      ws.once('unexpected-response', (_req, res) => reject(new Error(`status ${res.statusCode}`)));
    });
  }
  const next = (ws: import('ws').WebSocket) => new Promise<BotMessage>((resolve) => ws.once('message', (d) => resolve(JSON.parse(String(d)) as BotMessage)));

  it('an embedded page without cookies keeps its conversation through the signed header and ?sid=', async () => {
    const first = await fetch(`${s.url}/api/messages`, json({ type: 'message', text: '我要投诉' }));
    const signed = first.headers.get('x-xiaofa-session')!;
    expect(signed).toMatch(/^[0-9a-f]{32}\./);
    const again = await fetch(`${s.url}/api/messages`, { ...json({ type: 'message', text: '小区门口的路灯坏了半个月' }), headers: { 'Content-Type': 'application/json', 'X-Xiaofa-Session': signed } });
    expect(((await again.json()) as BotMessage[])[0]!.action).toBe('intake');
    const ws = await new Promise<import('ws').WebSocket>((resolve, reject) => {
      const w = new WebSocket(`${s.url.replace('http', 'ws')}/ws?sid=${encodeURIComponent(signed)}`);
      w.once('open', () => resolve(w));
      w.once('error', reject);
    });
    const reply = next(ws);
    ws.send(JSON.stringify({ type: 'message', text: '取消' }));
    expect((await reply).text).toContain('已取消');
    ws.close();
  });
  it('refuses a connection without the signed cookie', async () => {
    await expect(open()).rejects.toThrow(/401|status/);
    await expect(open('xf_sid=forged.signature')).rejects.toThrow();
  });
  it('answers over the socket, and a bad frame gets an error frame, not a crash', async () => {
    const ws = await open(await cookieOf());
    ws.send('not json');
    expect((await next(ws)).type).toBe('error');
    const reply = next(ws);
    ws.send(JSON.stringify({ type: 'message', text: '離婚了孩子撫養權歸誰', user: 'someone-else' }));
    const msg = await reply;
    expect(msg.type).toBe('message');
    expect(msg.citations!.length).toBeGreaterThan(0);
    ws.close();
  });
});
