import { resolve } from 'node:path';
import { repoPath } from './paths.js';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

export interface Config {
  port: number;
  dataDir: string;
  modelDir: string;
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  logLevel: LogLevel;
  /** HMAC key for the conversation cookie; generated and kept under DATA_DIR when not given. */
  sessionSecret: string | undefined;
  /** deployment file: category -> department, local offices */
  deploymentFile: string;
}

const LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error', 'silent'];

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Environment -> typed config, with defaults that work on a fresh machine (DESIGN §5). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = env.PORT ? Number(env.PORT) : 3000;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT must be a port number, got "${env.PORT}"`);
  const logLevel = (env.LOG_LEVEL ?? 'info') as LogLevel;
  if (!LEVELS.includes(logLevel)) throw new ConfigError(`LOG_LEVEL must be one of ${LEVELS.join(', ')}, got "${env.LOG_LEVEL}"`);
  return {
    port,
    dataDir: resolve(env.DATA_DIR ?? 'data'),
    modelDir: resolve(env.MODEL_DIR ?? repoPath('build', 'model')),
    databaseUrl: env.DATABASE_URL || undefined,
    redisUrl: env.REDIS_URL || undefined,
    logLevel,
    sessionSecret: env.SESSION_SECRET || undefined,
    deploymentFile: resolve(env.DEPLOYMENT_FILE ?? repoPath('knowledge', 'deployment.json')),
  };
}
