import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Role } from '../../src/accounts/types.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { buildServer, type Running } from '../../src/server.js';
import { openStores } from '../../src/storage/stores.js';
import { testNlu } from './nlu.js';

export interface TestServer {
  url: string;
  running: Running;
  logs: string[];
  close(): Promise<void>;
}

/** Running servers by URL, so signIn(url, …) can create accounts in the right store. */
const servers = new Map<string, Running>();

export interface TestServerOptions {
  /** PostgreSQL and Redis instead of the embedded defaults (several servers may share them) */
  databaseUrl?: string;
  redisUrl?: string;
  pgSchema?: string;
  /** the conversation cookie's key: instances behind one load balancer share it */
  sessionSecret?: string;
}

/** The real server (Express + Botkit; SQLite and memory unless told otherwise) on a random loopback port, with its own data dir. */
export async function startTestServer(opts: TestServerOptions = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'xiaofa-test-'));
  const config = { ...loadConfig({}), port: 0, dataDir, logLevel: 'info' as const, databaseUrl: opts.databaseUrl, redisUrl: opts.redisUrl, sessionSecret: opts.sessionSecret };
  const logs: string[] = [];
  const logger = createLogger('info', (l) => logs.push(l));
  const stores = await openStores(config, { pg: opts.pgSchema ? { schema: opts.pgSchema, max: 4 } : undefined });
  const running = await buildServer(config, await testNlu(), logger, stores);
  await new Promise<void>((resolve) => running.server.listen(0, '127.0.0.1', resolve));
  const { port } = running.server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  servers.set(url, running);
  return {
    url,
    running,
    logs,
    close: async () => {
      servers.delete(url);
      await running.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** fetch that keeps the server's cookie, like a browser. */
export function client(base: string) {
  let cookie = '';
  return async (path: string, init: RequestInit = {}): Promise<Response> => {
    const headers = new Headers(init.headers);
    if (cookie) headers.set('Cookie', cookie);
    const res = await fetch(base + path, { ...init, headers });
    const set = res.headers.get('set-cookie');
    if (set) cookie = set.split(';')[0]!;
    return res;
  };
}

export const json = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

export interface ConsoleLogin {
  /** `xf_console=…`, for a Cookie header */
  cookie: string;
  /** for the X-CSRF-Token header of POST/PATCH/PUT/DELETE */
  csrf: string;
}

/**
 * A console account on the server at `url` (created through its AccountService, password
 * `${name}-password-1`), signed in over HTTP like the login page does. Call once per name.
 */
export async function signIn(url: string, name: string, role: Role): Promise<ConsoleLogin> {
  const running = servers.get(url);
  if (!running) throw new Error(`signIn: no test server at ${url}`);
  const password = `${name}-password-1`;
  await running.accounts.addUser(name, role, password);
  const res = await fetch(`${url}/api/session`, json({ name, password }));
  if (res.status !== 204) throw new Error(`signIn ${name}: POST /api/session answered ${res.status} ${await res.text()}`);
  const cookie = res.headers.get('set-cookie')?.split(';')[0];
  if (!cookie) throw new Error(`signIn ${name}: no session cookie`);
  const me = await fetch(`${url}/api/session`, { headers: { Cookie: cookie } });
  const { csrfToken } = (await me.json()) as { csrfToken: string };
  return { cookie, csrf: csrfToken };
}
