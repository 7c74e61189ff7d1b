import { z } from 'zod';
import { MAX_TEXT } from '../../pipeline/assistant.js';
import { CATEGORIES, REQUEST_TYPES } from '../../taxonomy.js';

// Control characters (other than newline/tab) are refused, not silently stripped, at the API edge.
const text = z
  .string({ error: 'text must be a string' })
  .refine((s) => s.trim().length > 0, 'text must not be empty')
  .refine((s) => s.length <= MAX_TEXT, `text must be at most ${MAX_TEXT} characters`)
  .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), 'text contains control characters');

export const AskBody = z.object({ text, sessionId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'sessionId: 1-64 letters, digits, - or _').optional() }).strict();
export const ClassifyBody = z.object({ text }).strict();

export const CreateTicketBody = z
  .object({
    content: z.string().min(1).max(2000),
    address: z.string().min(1).max(200),
    phone: z.string().min(5).max(30),
    name: z.string().max(50).nullable().optional(),
    consent: z.literal(true, { error: 'consent must be true: the order is shared with the handling department' }),
    requestType: z.enum(REQUEST_TYPES).optional(),
    category: z.enum(CATEGORIES).optional(),
  })
  .strict();

export const WebhookBody = z.object({
  type: z.string().min(1).max(40),
  text: z.string().max(MAX_TEXT).optional(),
  user: z.string().max(200).optional(),
  channel: z.string().max(40).optional(),
});
