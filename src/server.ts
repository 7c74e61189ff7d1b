import { createServer, type Server } from 'node:http';
import { attachBotkit, type BotkitChannel } from './channels/botkit/channel.js';
import { createApp } from './channels/http/app.js';
import { Identity } from './channels/http/identity.js';
import { createMetrics } from './channels/http/metrics.js';
import type { Config } from './config.js';
import { KnowledgeBase } from './knowledge/base.js';
import { loadKnowledge } from './knowledge/loader.js';
import { createLogger, type Logger } from './logger.js';
import type { Nlu } from './nlu/model.js';
import { Assistant } from './pipeline/assistant.js';
import { TicketService } from './tickets/service.js';
import { loadCalendar, loadDeployment } from './triage/deployment.js';
import { missingCalendarYears } from './tickets/deadline.js';
import { KnowledgeSearch } from './knowledge/search.js';
import { AccountService } from './accounts/service.js';
import { AssistService } from './triage/assist.js';
import { openStores, type Stores } from './storage/stores.js';

export interface Running {
  server: Server;
  assistant: Assistant;
  tickets: TicketService;
  accounts: AccountService;
  logger: Logger;
  stores: Stores;
  close(): Promise<void>;
}

/**
 * Wires the product together; the NLU is passed in so tests can share one trained model, and the stores may be
 * (tests on PostgreSQL and Redis); by default they are opened from the configuration.
 */
export async function buildServer(config: Config, nlu: Nlu, logger = createLogger(config.logLevel), given?: Stores): Promise<Running> {
  const kb = new KnowledgeBase(loadKnowledge());
  const deployment = loadDeployment(config.deploymentFile);
  const calendar = loadCalendar();
  const missing = missingCalendarYears(calendar);
  if (missing.length) logger.warn('holiday calendar missing', { years: missing, fix: `add knowledge/calendar/${missing[0]}.json from the State Council notice; until then deadlines skip weekends only` });
  const stores = given ?? (await openStores(config, { onRedisError: (err) => logger.warn('redis connection', { error: err.message }) }));
  const { turns, corrections } = stores;
  const accounts = new AccountService(stores.accounts, undefined, stores.limiter);
  const tickets = new TicketService(stores.tickets, nlu, deployment, calendar);
  const assistant = new Assistant({ nlu, kb, tickets, sessions: stores.sessions, logger, turns });
  const assist = new AssistService({ nlu, kb, search: new KnowledgeSearch(kb.entries), departmentOf: (c) => deployment.departments[c]! });
  const identity = Identity.fromConfig(config.dataDir, config.sessionSecret);
  const metrics = createMetrics();
  const server = createServer();
  let botkit: BotkitChannel | undefined;
  const app = createApp({
    assistant,
    tickets,
    accounts,
    assist,
    corrections,
    turns,
    identity,
    metrics,
    logger,
    beforeNotFound: (a) => {
      botkit = attachBotkit(a, server, { assistant, identity, logger, metrics });
    },
  });
  server.on('request', app);
  return {
    server,
    assistant,
    tickets,
    accounts,
    logger,
    stores,
    close: async () => {
      botkit?.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await stores.close();
    },
  };
}
