import { Router, type Request, type Response } from 'express';
import type { Assistant } from '../../../pipeline/assistant.js';
import type { Turn } from '../../../pipeline/turn.js';
import type { Metrics } from '../metrics.js';
import type { Identity } from '../identity.js';
import { AskBody, ClassifyBody } from '../schemas.js';

export function askResponse(turn: Turn) {
  return {
    action: turn.decision?.action ?? 'handoff',
    reply: { text: turn.reply!.text, citations: turn.reply!.citations, quickReplies: turn.reply!.quickReplies, ...(turn.reply!.ticketNumber ? { ticketNumber: turn.reply!.ticketNumber } : {}) },
    nlu: turn.nlu,
    reason: turn.decision?.reason,
  };
}

/** POST /api/ask and /api/classify (DESIGN §5). */
export function apiRouter(assistant: Assistant, identity: Identity, metrics: Metrics): Router {
  const r = Router();
  r.post('/ask', async (req: Request, res: Response) => {
    const body = AskBody.parse(req.body);
    // A client-chosen sessionId is namespaced under the caller's signed identity: it cannot join another's conversation.
    const owner = identity.ensure(req, res);
    const sessionId = body.sessionId ? `${owner}:${body.sessionId}` : owner;
    const turn = await assistant.handle({ text: body.text, sessionId, channel: 'api' });
    metrics.turns.inc({ action: turn.decision?.action ?? 'handoff', channel: 'api' });
    res.json(askResponse(turn));
  });
  r.post('/classify', async (req: Request, res: Response) => {
    const body = ClassifyBody.parse(req.body);
    const end = metrics.classifySeconds.startTimer();
    const nlu = await assistant.classify(body.text);
    end();
    res.json(nlu);
  });
  return r;
}
