import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface Metrics {
  registry: Registry;
  requests: Counter<'method' | 'route' | 'status'>;
  turns: Counter<'action' | 'channel'>;
  classifySeconds: Histogram<string>;
}

/** One registry per app instance, so tests can build several apps without name clashes. */
export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'xiaofa_' });
  return {
    registry,
    requests: new Counter({ name: 'xiaofa_http_requests_total', help: 'HTTP requests by route and status', labelNames: ['method', 'route', 'status'], registers: [registry] }),
    turns: new Counter({ name: 'xiaofa_turns_total', help: 'Conversation turns by decided action', labelNames: ['action', 'channel'], registers: [registry] }),
    classifySeconds: new Histogram({ name: 'xiaofa_classify_seconds', help: 'Time to classify one text', buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25], registers: [registry] }),
  };
}
