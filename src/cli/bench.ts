import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { loadConfig } from '../config.js';
import { provisionNlu } from '../nlu/provision.js';
import { percentile } from '../nlu/metrics.js';
import { normalize } from '../nlu/normalize.js';
import { repoPath } from '../paths.js';
import { runLoad } from '../bench/load.js';
import { seedOrders } from '../bench/seed-orders.js';
import { AccountService } from '../accounts/service.js';
import { SqliteAccountRepository } from '../accounts/sqlite.js';
import { SqliteTicketRepository } from '../tickets/sqlite.js';
import { PgAccountRepository } from '../accounts/postgres.js';
import { PgTicketRepository } from '../tickets/postgres.js';
import { PgDatabase } from '../storage/postgres.js';
import { parseArgs, runCli } from './args.js';

// Project-written inputs (never evaluation rows): short chat questions and long caller transcripts.
const SHORT = ['老板不给开支咋整', '離婚孩子歸誰', '借条怎么写才有效', '这短信是骗子吗', '被狗咬了谁赔', '工伤怎么认定', '定金能退吗', '我要投诉'];
const LONG_UNIT = '我在XX镇的工地干了八个月的活，包工头一直说等工程款下来就结账，现在过年了人也找不着，电话打过去不接，我们一共十几个人，每人被欠两三万，家里老人看病等着用钱，请问我们应该去哪里反映，能不能找总包公司要，需要准备什么材料？';
// A caller's words as an operator pastes them: about 500 characters, written for the benchmark.
const TRANSCRIPT = (
  '话务员您好，我姓刘，是五棵树镇的，电话是13904431234。我想反映一个事，去年三月到十一月我们十四个人在城郊街道一个小区的工地上干木工活，' +
  '活是一个姓孙的包工头找的，说是给吉林某某建筑工程有限公司干，一天三百块，说好年底一次结清。结果到现在快两个月了，钱一直不给，' +
  '一共欠我们二十一万六千元，我自己就被欠了一万八。我们去工地找过好几次，项目部的人说钱已经拨给包工头了，包工头电话不接，微信也把我们拉黑了。' +
  '我们也没签合同，就有个记工的本子，还有几张在工地拍的照片和微信聊天记录。家里老人住院等着用钱，孩子开学学费也交不上，眼看要过年了，' +
  '大伙儿都急得不行，有人说要去公司门口拉横幅，我劝住了。我就想问问，像我们这样没签合同的能不能要回来，应该找哪个部门，' +
  '是去劳动监察还是去法院，要准备哪些材料，要不要花钱请律师，这个事能不能帮我们登记一下转给有关部门处理。' +
  '另外还有个事，我们住的那个工棚是临时搭的，冬天没有暖气，电线也是随便拉的，晚上有人用电炉子取暖，我怕出事。' +
  '包工头以前还扣过我们每人五百块的押金说是工具钱，走的时候也没退。还有我一个工友干活的时候从架子上摔下来把腿摔伤了，' +
  '包工头只给了两千块就不管了，后来的药费都是自己掏的，他这个能不能算工伤，能不能一起反映，谢谢你们了。'
).slice(0, 499);
const LONG = [LONG_UNIT.repeat(3).slice(0, 500), `楼上邻居装修噪音太大，${LONG_UNIT}`.slice(0, 500)];

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function waitHealthy(port: number, child: ChildProcess, timeoutMs: number): Promise<number> {
  const t0 = Date.now();
  while (Date.now() - t0 < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const r = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (r.ok) return Date.now() - t0;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('server did not become healthy in time');
}

function rssMB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

function spawnNode(script: string, env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', script], { cwd: repoPath(), env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
}

runCli(async () => {
  const { flags, values } = parseArgs(process.argv.slice(2), { values: ['seconds', 'concurrency', 'orders', 'pg'], flags: ['json'] });
  const orders = Number(values.orders ?? 100_000);
  const seconds = Number(values.seconds ?? 5);
  const concurrency = Number(values.concurrency ?? 16);
  const config = loadConfig();

  // 1. Classification latency, in process, after warm-up.
  const nlu = await provisionNlu(config.modelDir, { progress: (m) => console.log(m) });
  const time = async (texts: string[], n: number) => {
    for (const t of texts) await nlu.classify(normalize(t).clean);
    const times: number[] = [];
    for (let i = 0; i < n; i += 1) {
      const t0 = performance.now();
      await nlu.classify(normalize(texts[i % texts.length]!).clean);
      times.push(performance.now() - t0);
    }
    return { p50: percentile(times, 50), p99: percentile(times, 99) };
  };
  const classify = { short: await time(SHORT, 2000), long: await time(LONG, 500) };
  console.log('classify', JSON.stringify(classify));

  // 2. The operators' queue at scale: `orders` work orders over a year, then the console's queries.
  const dataDir = mkdtempSync(join(tmpdir(), 'xiaofa-bench-'));
  const dbFile = join(dataDir, 'xiaofa.sqlite');
  const seeding = new SqliteTicketRepository(dbFile, { durable: false });
  const seedMs = await seedOrders(seeding, orders);
  await seeding.close();
  console.log(`seeded ${orders} orders in ${seedMs} ms`);
  const queueQueries: Record<string, string> = {
    firstPage: '',
    status: 'status=办理中',
    categoryOverdue: 'category=城乡建设&overdue=1',
    search: `q=${encodeURIComponent('拖欠工资')}`,
    searchAndStatus: `q=${encodeURIComponent('路灯')}&status=待派单`,
  };
  const repo = new SqliteTicketRepository(dbFile);
  const deepCursor = await (async () => {
    let cursor: string | undefined;
    for (let i = 0; i < 200; i += 1) cursor = (await repo.list({}, { limit: 20, cursor })).nextCursor ?? cursor;
    return cursor!;
  })();
  await repo.close();
  queueQueries.page200 = `cursor=${deepCursor}`;
  const accounts = new AccountService(new SqliteAccountRepository(dbFile));
  await accounts.addUser('bench', 'supervisor', 'bench-password-1');
  await accounts.close();

  // 3. Cold start of the real server (saved model), then throughput against it and a bare Express app.
  const askPort = await freePort();
  const barePort = await freePort();
  // The embedded default is what is measured here: a DATABASE_URL or REDIS_URL in the caller's environment is not inherited.
  const server = spawnNode('src/main.ts', { PORT: String(askPort), DATA_DIR: dataDir, MODEL_DIR: config.modelDir, LOG_LEVEL: 'silent', DATABASE_URL: '', REDIS_URL: '' });
  const bare = spawnNode('src/bench/bare-express.ts', { PORT: String(barePort) });
  try {
    const coldStartMs = await waitHealthy(askPort, server, 120_000);
    await waitHealthy(barePort, bare, 30_000);
    const askBodies = SHORT.map((text) => JSON.stringify({ text }));
    await runLoad(`http://127.0.0.1:${askPort}/api/ask`, askBodies, 4, 1000);
    const ask = await runLoad(`http://127.0.0.1:${askPort}/api/ask`, askBodies, concurrency, seconds * 1000);
    await runLoad(`http://127.0.0.1:${barePort}/echo`, askBodies, 4, 1000);
    const express = await runLoad(`http://127.0.0.1:${barePort}/echo`, askBodies, concurrency, seconds * 1000);
    const rss = rssMB(server.pid!);
    const base = `http://127.0.0.1:${askPort}`;
    const signIn = await fetch(`${base}/api/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name: 'bench', password: 'bench-password-1' }) });
    if (signIn.status !== 204) throw new Error(`bench sign-in failed: ${signIn.status}`);
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0]!;
    const { csrfToken } = (await (await fetch(`${base}/api/session`, { headers: { Cookie: cookie } })).json()) as { csrfToken: string };
    const timed = async (n: number, call: (i: number) => Promise<Response>) => {
      const times: number[] = [];
      for (let i = 0; i < n; i += 1) {
        const t0 = performance.now();
        const r = await call(i);
        await r.arrayBuffer();
        if (!r.ok) throw new Error(`bench request failed: ${r.status}`);
        times.push(performance.now() - t0);
      }
      return { p50: percentile(times, 50), p99: percentile(times, 99) };
    };
    const headers = { Cookie: cookie, 'X-CSRF-Token': csrfToken, 'Content-Type': 'application/json' };
    await timed(20, (i) => fetch(`${base}/api/assist`, { method: 'POST', headers, body: JSON.stringify({ text: `${TRANSCRIPT}${i % 10}` }) }));
    const assist = { chars: TRANSCRIPT.length + 1, ...(await timed(300, (i) => fetch(`${base}/api/assist`, { method: 'POST', headers, body: JSON.stringify({ text: `${TRANSCRIPT}${i % 10}` }) }))) };
    const queue: Record<string, { p50: number; p99: number }> = {};
    for (const [name, qs] of Object.entries(queueQueries)) queue[name] = await timed(50, () => fetch(`${base}/api/tickets?limit=20&${qs}`, { headers: { Cookie: cookie } }));
    console.log('assist', JSON.stringify(assist));
    console.log('queue', JSON.stringify(queue));
    // 4. With --pg URL: the same queue, seeded into a fresh schema of that PostgreSQL and served by a second instance on it.
    const queuePostgres = values.pg ? await pgQueue(values.pg, orders, queueQueries, config.modelDir, timed) : undefined;
    if (queuePostgres) console.log('queuePostgres', JSON.stringify(queuePostgres));
    console.log('ask', JSON.stringify(ask));
    console.log('express', JSON.stringify(express));
    const summary = {
      classify,
      http: { askRps: ask.rps, expressRps: express.rps, ratio: Math.round((ask.rps / Math.max(1, express.rps)) * 1000) / 1000, askP99: ask.p99, askErrors: ask.errors },
      coldStartMs,
      rssMB: rss,
      assist,
      queue: { orders, seedMs, ...queue },
      ...(queuePostgres ? { queuePostgres } : {}),
    };
    if (flags.has('json')) console.log(JSON.stringify(summary));
    else console.log(summary);
  } finally {
    server.kill('SIGTERM');
    bare.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
});

type Timed = (n: number, call: (i: number) => Promise<Response>) => Promise<{ p50: number; p99: number }>;

/** The operators' queue on PostgreSQL: seeded in a schema of its own (dropped afterwards), queried over HTTP. */
async function pgQueue(url: string, orders: number, queries: Record<string, string>, modelDir: string, timed: Timed) {
  const schema = `xf_bench_${Date.now().toString(36)}`;
  const seedDb = await PgDatabase.connect(url, { schema, durable: false });
  const port = await freePort();
  let server: ChildProcess | undefined;
  try {
    const seedMs = await seedOrders(new PgTicketRepository(seedDb), orders);
    console.log(`seeded ${orders} orders in PostgreSQL in ${seedMs} ms`);
    await seedDb.query('ANALYZE');
    await new AccountService(new PgAccountRepository(seedDb)).addUser('bench', 'supervisor', 'bench-password-1');
    const tickets = new PgTicketRepository(seedDb);
    let cursor: string | undefined;
    for (let i = 0; i < 200; i += 1) cursor = (await tickets.list({}, { limit: 20, cursor })).nextCursor ?? cursor;
    const withSchema = new URL(url);
    withSchema.searchParams.set('options', `-c search_path=${schema}`);
    server = spawnNode('src/main.ts', { PORT: String(port), DATA_DIR: mkdtempSync(join(tmpdir(), 'xiaofa-bench-pg-')), MODEL_DIR: modelDir, LOG_LEVEL: 'silent', DATABASE_URL: withSchema.toString(), REDIS_URL: '' });
    await waitHealthy(port, server, 120_000);
    const base = `http://127.0.0.1:${port}`;
    const signIn = await fetch(`${base}/api/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name: 'bench', password: 'bench-password-1' }) });
    if (signIn.status !== 204) throw new Error(`bench sign-in (PostgreSQL) failed: ${signIn.status}`);
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0]!;
    const out: Record<string, unknown> = { orders, seedMs };
    for (const [name, qs] of Object.entries({ ...queries, page200: `cursor=${cursor}` })) out[name] = await timed(50, () => fetch(`${base}/api/tickets?limit=20&${qs}`, { headers: { Cookie: cookie } }));
    return out;
  } finally {
    server?.kill('SIGTERM');
    await seedDb.query(`DROP SCHEMA ${schema} CASCADE`).catch(() => undefined);
    await seedDb.close();
  }
}
