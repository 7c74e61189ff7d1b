import { Agent, request } from 'node:http';

export interface LoadResult {
  requests: number;
  errors: number;
  rps: number;
  p50: number;
  p99: number;
}

/**
 * A closed-loop load generator on loopback: `concurrency` keep-alive clients send POSTs back to
 * back for `durationMs`, bounded in time and count. The same function measures both servers.
 */
export async function runLoad(url: string, bodies: string[], concurrency: number, durationMs: number, maxRequests = 200_000): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const target = new URL(url);
  const times: number[] = [];
  let errors = 0;
  let sent = 0;
  const end = Date.now() + durationMs;
  const one = (body: string) =>
    new Promise<void>((resolve) => {
      const t0 = performance.now();
      const req = request(
        { host: target.hostname, port: target.port, path: target.pathname, method: 'POST', agent, headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } },
        (res) => {
          res.resume();
          res.on('end', () => {
            if (res.statusCode !== 200) errors += 1;
            times.push(performance.now() - t0);
            resolve();
          });
        },
      );
      req.on('error', () => {
        errors += 1;
        resolve();
      });
      req.end(body);
    });
  const started = Date.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, c) => {
      while (Date.now() < end && sent < maxRequests) {
        sent += 1;
        await one(bodies[(sent + c) % bodies.length]!);
      }
    }),
  );
  const elapsed = (Date.now() - started) / 1000;
  agent.destroy();
  times.sort((a, b) => a - b);
  const pct = (p: number) => (times.length ? Math.round(times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)]! * 100) / 100 : 0);
  return { requests: times.length, errors, rps: Math.round(times.length / elapsed), p50: pct(50), p99: pct(99) };
}
