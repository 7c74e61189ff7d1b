import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { AccountService } from '../../../accounts/service.js';
import { CATEGORIES } from '../../../taxonomy.js';
import type { AssistService } from '../../../triage/assist.js';
import type { CorrectionStore } from '../../../triage/corrections.js';
import { principalOf, requireRole } from '../auth.js';

/** A pasted call transcript can be longer than a chat message; beyond this it is refused, not cut. */
export const ASSIST_MAX_TEXT = 5000;

const text = z
  .string()
  .refine((s) => s.trim().length > 0, 'text must not be empty')
  .refine((s) => s.length <= ASSIST_MAX_TEXT, `text must be at most ${ASSIST_MAX_TEXT} characters`)
  .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), 'text contains control characters');

export const AssistBody = z.object({ text }).strict();
export const FeedbackBody = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('suggestion'), text, suggestionId: z.string().min(1).max(120), verdict: z.enum(['right', 'wrong']) }).strict(),
  z.object({ kind: z.literal('category'), text, predicted: z.enum(CATEGORIES), corrected: z.enum(CATEGORIES) }).strict(),
]);

export function assistRouter(assist: AssistService, corrections: CorrectionStore, accounts: AccountService): Router {
  const r = Router();
  r.post('/assist', requireRole('operator'), async (req: Request, res: Response) => {
    const { text: t } = AssistBody.parse(req.body);
    const started = performance.now();
    const result = await assist.assist(t);
    res.json({ ...result, latencyMs: Math.round((performance.now() - started) * 10) / 10 });
  });
  // Right/wrong on a suggestion, or the category as it should have been: kept as labelled history.
  r.post('/assist/feedback', requireRole('operator'), async (req: Request, res: Response) => {
    const body = FeedbackBody.parse(req.body);
    const by = principalOf(res);
    await corrections.add({
      at: new Date().toISOString(),
      actor: by.name,
      text: body.text,
      kind: body.kind,
      suggestionId: body.kind === 'suggestion' ? body.suggestionId : null,
      verdict: body.kind === 'suggestion' ? body.verdict : null,
      predicted: body.kind === 'category' ? body.predicted : null,
      corrected: body.kind === 'category' ? body.corrected : null,
    });
    res.status(204).end();
  });
  // `npm run train -- --history FILE` reads exactly this: one {text, label} per line.
  r.get('/corrections.jsonl', requireRole('supervisor'), async (_req: Request, res: Response) => {
    const by = principalOf(res);
    const rows = await corrections.categoryHistory();
    await accounts.audit(by.name, 'export_history', 'corrections', `${rows.length} rows`);
    res.type('application/x-ndjson; charset=utf-8').setHeader('Content-Disposition', 'attachment; filename="category-history.jsonl"');
    res.send(rows.map((r) => JSON.stringify(r)).join('\n') + (rows.length ? '\n' : ''));
  });
  return r;
}
