import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { attachBotkit, type BotkitChannel } from './channels/botkit/channel.js';
import { createApp } from './channels/http/app.js';
import { Identity } from './channels/http/identity.js';
import { createMetrics } from './channels/http/metrics.js';
import type { Config } from './config.js';
import { MemorySessionStore } from './dialogs/store.js';
import { KnowledgeBase } from './knowledge/base.js';
import { loadKnowledge } from './knowledge/loader.js';
import { createLogger, type Logger } from './logger.js';
import type { Nlu } from './nlu/model.js';
import { Assistant } from './pipeline/assistant.js';
import { SqliteTicketRepository } from './tickets/sqlite.js';
import { TicketService } from './tickets/service.js';
import { loadCalendar, loadDeployment } from './triage/deployment.js';
import { KnowledgeSearch } from './knowledge/search.js';
import { SqliteTurnLog } from './stats/turn-log.js';
import { AccountService } from './accounts/service.js';
import { SqliteAccountRepository } from './accounts/sqlite.js';
import { AssistService } from './triage/assist.js';
import { SqliteCorrectionStore } from './triage/corrections.js';

export interface Running {
  server: Server;
  assistant: Assistant;
  tickets: TicketService;
  accounts: AccountService;
  logger: Logger;
  close(): Promise<void>;
}

/** Wires the product together; the NLU is passed in so tests can share one trained model. */
export function buildServer(config: Config, nlu: Nlu, logger = createLogger(config.logLevel)): Running {
  const kb = new KnowledgeBase(loadKnowledge());
  const dbFile = join(config.dataDir, 'xiaofa.sqlite');
  const repo = new SqliteTicketRepository(dbFile);
  const turns = new SqliteTurnLog(dbFile);
  const accounts = new AccountService(new SqliteAccountRepository(dbFile));
  const corrections = new SqliteCorrectionStore(dbFile);
  const deployment = loadDeployment(config.deploymentFile);
  const tickets = new TicketService(repo, nlu, deployment, loadCalendar());
  const assistant = new Assistant({ nlu, kb, tickets, sessions: new MemorySessionStore(), logger, turns });
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
    close: async () => {
      botkit?.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      repo.close();
      turns.close();
      accounts.close();
      corrections.close();
    },
  };
}
