import express, { type Express } from 'express';
import type { Assistant } from '../../pipeline/assistant.js';
import type { TicketService } from '../../tickets/service.js';
import type { Logger } from '../../logger.js';
import { repoPath } from '../../paths.js';
import { errorHandler, notFound } from './errors.js';
import type { Identity } from './identity.js';
import type { Metrics } from './metrics.js';
import { apiRouter } from './routes/api.js';
import { assistRouter } from './routes/assist.js';
import { consoleRouter } from './routes/console.js';
import { sessionRouter } from './routes/session.js';
import { consoleSession } from './auth.js';
import { openApiDocument } from './openapi.js';
import { statsRouter } from './routes/stats.js';
import { ticketsRouter } from './routes/tickets.js';
import type { AccountService } from '../../accounts/service.js';
import type { AssistService } from '../../triage/assist.js';
import type { CorrectionStore } from '../../triage/corrections.js';
import type { TurnLog } from '../../stats/turn-log.js';

export interface AppDeps {
  assistant: Assistant;
  tickets: TicketService;
  accounts: AccountService;
  assist: AssistService;
  corrections: CorrectionStore;
  turns: TurnLog;
  identity: Identity;
  metrics: Metrics;
  logger: Logger;
  /** routes a channel adds between the API and the 404 (the Botkit webhook) */
  beforeNotFound?: (app: Express) => void;
}

export const BODY_LIMIT = '64kb';

export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  app.use((req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'same-origin');
    res.on('finish', () => deps.metrics.requests.inc({ method: req.method, route: req.route?.path ? `${req.baseUrl}${String(req.route.path)}` : 'other', status: String(res.statusCode) }));
    next();
  });
  app.use('/api', express.json({ limit: BODY_LIMIT, strict: true }));
  // A POST that is not JSON gets a clear 415 instead of an empty body passing through.
  app.use('/api', (req, _res, next) => {
    if (req.method === 'POST' || req.method === 'PATCH') {
      if (!req.is('application/json')) return next(Object.assign(new Error('content type'), { status: 415, type: 'unsupported' }));
    }
    next();
  });

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  const openapi = openApiDocument();
  app.get('/api/openapi.json', (_req, res) => {
    res.json(openapi);
  });
  app.get('/metrics', async (_req, res) => {
    res.type(deps.metrics.registry.contentType).send(await deps.metrics.registry.metrics());
  });
  // Only the API reads the console cookie; console pages authenticate in pageGuard, static files never.
  app.use('/api', consoleSession(deps.accounts));
  app.use('/api/session', sessionRouter(deps.accounts));
  app.use('/api', apiRouter(deps.assistant, deps.identity, deps.metrics));
  app.use('/api/tickets', ticketsRouter(deps.tickets, deps.identity, deps.accounts));
  app.use('/api', assistRouter(deps.assist, deps.corrections, deps.accounts));
  app.use('/api', statsRouter(deps.tickets, deps.turns, deps.accounts));
  app.use(consoleRouter(deps.accounts, deps.tickets));

  const web = repoPath('src', 'web');
  app.get('/', (req, res) => {
    deps.identity.ensure(req, res);
    res.setHeader('Content-Security-Policy', "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data:");
    res.sendFile('index.html', { root: web });
  });
  app.get('/widget.js', (_req, res) => res.sendFile('widget.js', { root: web, headers: { 'Content-Type': 'text/javascript; charset=utf-8' } }));
  app.use('/static', express.static(web, { index: false }));

  deps.beforeNotFound?.(app);
  app.use(notFound);
  app.use(errorHandler(deps.logger));
  return app;
}
