import type { Server } from 'node:http';
import type { Express, NextFunction, Request, Response } from 'express';
import type { Logger } from '../../logger.js';
import type { Assistant } from '../../pipeline/assistant.js';
import { HttpError } from '../http/errors.js';
import type { Identity } from '../http/identity.js';
import type { Metrics } from '../http/metrics.js';
import { WebhookBody } from '../http/schemas.js';
import { createController, createSecureWebAdapter, type BotkitController } from './facade.js';

export const WEBHOOK = '/api/messages';
export const SOCKET_PATH = '/ws';

export interface BotkitChannel {
  controller: BotkitController;
  close(): void;
}

/**
 * Botkit at the edge: one handler hands each message to the pipeline and sends its reply.
 * Replies carry citations and quick replies in channelData, which the adapter merges into the message.
 */
export function attachBotkit(app: Express, server: Server, deps: { assistant: Assistant; identity: Identity; logger: Logger; metrics: Metrics }): BotkitChannel {
  // Validate and bind identity before Botkit's own webhook route sees the request.
  app.use(WEBHOOK, (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'POST') return next();
    const parsed = WebhookBody.safeParse(req.body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return next(new HttpError(400, 'invalid_request', `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'expected {type, text}'}`));
    }
    if (parsed.data.type === 'message' && !parsed.data.text?.trim()) return next(new HttpError(400, 'invalid_request', 'text must not be empty'));
    req.body = { ...parsed.data, user: deps.identity.ensure(req, res), channel: 'webhook' };
    next();
  });

  const adapter = createSecureWebAdapter({
    server,
    path: SOCKET_PATH,
    identify: (req) => deps.identity.fromRequest(req),
    onError: (err) => deps.logger.error('websocket error', { error: err instanceof Error ? err.message : String(err) }),
    maxPayload: 16 * 1024,
  });
  const controller = createController(app, adapter, WEBHOOK);

  controller.on('message', async (bot, message) => {
    const channel = message.channel === 'websocket' ? 'web' : 'webhook';
    try {
      const text = (message.text ?? '').slice(0, 2000);
      if (!text.trim()) {
        await bot.reply(message, { text: '请输入您的问题。', channelData: { citations: [], quick_replies: [] } });
        return;
      }
      const turn = await deps.assistant.handle({ text, sessionId: message.user, channel });
      deps.metrics.turns.inc({ action: turn.decision?.action ?? 'handoff', channel });
      await bot.reply(message, {
        text: turn.reply!.text,
        channelData: {
          action: turn.decision?.action,
          citations: turn.reply!.citations,
          quick_replies: turn.reply!.quickReplies.map((q) => ({ title: q, payload: q })),
          ticketNumber: turn.reply!.ticketNumber,
          nlu: { intent: turn.nlu?.intent, score: turn.nlu?.score, topic: turn.nlu?.topic, scam: turn.nlu?.scam },
        },
      });
    } catch (err) {
      // A handler that throws would be an unhandled rejection that stops Node: answer instead.
      deps.logger.error('bot handler failed', { error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
      await bot.reply(message, { text: '抱歉，系统出了点问题，请稍后再试，或直接拨打 12345。', channelData: { action: 'handoff', citations: [], quick_replies: [] } }).catch(() => undefined);
    }
  });
  return { controller, close: () => adapter.close() };
}
