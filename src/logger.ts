import type { LogLevel } from './config.js';
import { maskPii } from './pipeline/pii.js';

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

/** JSON lines on stderr; every string passes through the PII mask, so no phone or ID reaches a log. */
export function createLogger(level: LogLevel, write: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): Logger {
  const log = (lvl: LogLevel) => (msg: string, fields: Record<string, unknown> = {}) => {
    if (ORDER[lvl] < ORDER[level]) return;
    const line = JSON.stringify({ t: new Date().toISOString(), level: lvl, msg, ...fields }, (_k, v: unknown) => (typeof v === 'string' ? maskPii(v) : v));
    write(line);
  };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}
