/**
 * Typed facade over Botkit 4 and botbuilder-adapter-web (no usable types for how we use them).
 * The web adapter is subclassed to fix its failure modes (DESIGN §7): the websocket identity comes
 * from the signed cookie of the upgrade request, not from the `user` field a client sends; a bad
 * frame is answered, not thrown; the heartbeat timer does not keep the process alive.
 */
import { createRequire } from 'node:module';
import type { IncomingMessage, Server } from 'node:http';
import type { Express } from 'express';

const require = createRequire(import.meta.url);

export interface BotkitMessage {
  type: string;
  text?: string;
  user: string;
  channel: string;
}
export interface BotWorker {
  reply(message: BotkitMessage, reply: { text: string; channelData?: Record<string, unknown> }): Promise<unknown>;
}
export interface BotkitController {
  on(event: 'message', handler: (bot: BotWorker, message: BotkitMessage) => Promise<void>): void;
  ready(fn: () => void): void;
  shutdown(): Promise<void>;
}
interface WsLike {
  readyState: number;
  send(data: string): void;
  on(event: string, fn: (...args: unknown[]) => void): void;
  ping(): void;
  terminate(): void;
  isAlive?: boolean;
  xfUser?: string;
}
interface WssLike {
  clients: Set<WsLike>;
  on(event: 'connection', fn: (ws: WsLike, req: IncomingMessage) => void): void;
  close(): void;
}

const { Botkit } = require('botkit') as { Botkit: new (config: Record<string, unknown>) => BotkitController };
const { WebAdapter } = require('botbuilder-adapter-web') as { WebAdapter: new (options: Record<string, unknown>) => Record<string, unknown> };
const { TurnContext, ActivityTypes } = require('botbuilder') as {
  TurnContext: new (adapter: unknown, activity: Record<string, unknown>) => { activity: { channelId: string } };
  ActivityTypes: { Message: string; Event: string };
};
const WebSocket = require('ws') as { Server: new (options: Record<string, unknown>) => WssLike };

export interface SecureAdapterOptions {
  server: Server;
  path: string;
  /** the verified conversation id of an upgrade request, or undefined to refuse it */
  identify: (req: IncomingMessage) => string | undefined;
  onError: (err: unknown) => void;
  maxPayload: number;
}

type Logic = (context: unknown) => Promise<void>;

export function createSecureWebAdapter(opts: SecureAdapterOptions): Record<string, unknown> & { close(): void } {
  const adapter = new WebAdapter({ server: opts.server }) as Record<string, unknown> & {
    runMiddleware(context: unknown, logic: Logic): Promise<void>;
    close(): void;
  };
  const sockets = new Map<string, Set<WsLike>>();
  let wss: WssLike | undefined;
  let timer: NodeJS.Timeout | undefined;

  adapter.createSocketServer = (_server: unknown, _options: unknown, logic: Logic) => {
    wss = new WebSocket.Server({
      server: opts.server,
      path: opts.path,
      maxPayload: opts.maxPayload,
      verifyClient: (info: { req: IncomingMessage }) => opts.identify(info.req) !== undefined,
    });
    wss.on('connection', (ws, req) => {
      const user = opts.identify(req)!;
      ws.xfUser = user;
      ws.isAlive = true;
      if (!sockets.has(user)) sockets.set(user, new Set());
      sockets.get(user)!.add(ws);
      ws.on('pong', () => (ws.isAlive = true));
      ws.on('close', () => sockets.get(user)?.delete(ws));
      ws.on('error', opts.onError);
      ws.on('message', (payload: unknown) => {
        let message: { type?: unknown; text?: unknown };
        try {
          message = JSON.parse(String(payload)) as typeof message;
        } catch {
          ws.send(JSON.stringify({ type: 'error', error: { code: 'invalid_json', message: 'frame is not valid JSON' } }));
          return;
        }
        if (typeof message !== 'object' || message === null || typeof message.type !== 'string' || (message.text !== undefined && typeof message.text !== 'string')) {
          ws.send(JSON.stringify({ type: 'error', error: { code: 'invalid_request', message: 'expected {type, text}' } }));
          return;
        }
        const activity = {
          timestamp: new Date(),
          channelId: 'websocket',
          conversation: { id: user },
          from: { id: user },
          recipient: { id: 'bot' },
          channelData: { type: message.type, text: message.text, user, channel: 'websocket' },
          text: message.text,
          type: message.type === 'message' ? ActivityTypes.Message : ActivityTypes.Event,
        };
        adapter.runMiddleware(new TurnContext(adapter, activity), logic).catch(opts.onError);
      });
    });
    timer = setInterval(() => {
      for (const ws of wss?.clients ?? []) {
        if (ws.isAlive === false) ws.terminate();
        else {
          ws.isAlive = false;
          ws.ping();
        }
      }
    }, 30_000);
    timer.unref();
  };

  const sendActivities = adapter.sendActivities as (context: { activity: { channelId: string } }, activities: Record<string, unknown>[]) => Promise<unknown[]>;
  adapter.sendActivities = async (context: { activity: { channelId: string } }, activities: Record<string, unknown>[]) => {
    if (context.activity.channelId !== 'websocket') return sendActivities.call(adapter, context, activities);
    for (const activity of activities) {
      const message = (adapter.activityToMessage as (a: unknown) => Record<string, unknown>).call(adapter, activity);
      const to = (activity.recipient as { id: string }).id;
      for (const ws of sockets.get(to) ?? []) if (ws.readyState === 1) ws.send(JSON.stringify(message));
    }
    return [];
  };
  adapter.close = () => {
    if (timer) clearInterval(timer);
    for (const ws of wss?.clients ?? []) ws.terminate();
    wss?.close();
  };
  return adapter;
}

export function createController(app: Express, adapter: unknown, webhookUri: string): BotkitController {
  return new Botkit({ webserver: app, adapter, webhook_uri: webhookUri, disable_console: true });
}
