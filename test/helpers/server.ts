import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { buildServer, type Running } from '../../src/server.js';
import { testNlu } from './nlu.js';

export interface TestServer {
  url: string;
  running: Running;
  logs: string[];
  close(): Promise<void>;
}

/** The real server (Express + Botkit + SQLite) on a random loopback port, with its own data dir. */
export async function startTestServer(): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'xiaofa-test-'));
  const config = { ...loadConfig({}), port: 0, dataDir, logLevel: 'info' as const };
  const logs: string[] = [];
  const running = buildServer(config, await testNlu(), createLogger('info', (l) => logs.push(l)));
  await new Promise<void>((resolve) => running.server.listen(0, '127.0.0.1', resolve));
  const { port } = running.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    running,
    logs,
    close: async () => {
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
