import { loadConfig } from './config.js';
import { createLogger } from './logger.js';
import { provisionNlu } from './nlu/provision.js';
import { buildServer } from './server.js';

const config = loadConfig();
const logger = createLogger(config.logLevel);

// Nothing thrown is lost, and nothing stray takes the service down (Botkit's failure mode).
process.on('unhandledRejection', (reason) => logger.error('unhandled rejection', { error: reason instanceof Error ? (reason.stack ?? reason.message) : String(reason) }));

const nlu = await provisionNlu(config.modelDir, { progress: (m) => console.log(`[xiaofa] ${m}`) });
const running = await buildServer(config, nlu, logger);
const where = running.stores.describe;
running.server.listen(config.port, () => {
  console.log(`[xiaofa] listening on http://localhost:${config.port} (orders and accounts: ${where.database}; conversation state: ${where.state})`);
});
const stop = () => {
  void running.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
