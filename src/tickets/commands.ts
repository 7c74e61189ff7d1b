import { z } from 'zod';
import { CATEGORIES } from '../taxonomy.js';
import { SATISFACTION, type TicketCommand } from './lifecycle.js';

// Free text that reaches the console is stored as typed and rendered as text; only sizes and control characters are refused.
const free = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max, `at most ${max} characters`)
    .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), 'contains control characters');

/** A status change as the console sends it (PATCH /api/tickets/:number); unknown fields are refused. */
export const TicketCommandSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('dispatch'), department: free(60).optional(), note: free(500).optional() }).strict(),
  z.object({ action: z.literal('accept'), note: free(500).optional() }).strict(),
  z.object({ action: z.literal('return'), reason: free(500) }).strict(),
  z
    .object({
      action: z.literal('close'),
      reply: free(2000),
      wageArrears: z.object({ workers: z.number().int().min(1).max(100_000), recoveredYuan: z.number().min(0).max(1e10) }).strict().optional(),
    })
    .strict(),
  z.object({ action: z.literal('callback'), satisfaction: z.enum(SATISFACTION), note: free(500).optional() }).strict(),
  z.object({ action: z.literal('supervise'), note: free(500) }).strict(),
  z.object({ action: z.literal('recategorize'), category: z.enum(CATEGORIES), note: free(500).optional() }).strict(),
]);

export type TicketCommandInput = z.infer<typeof TicketCommandSchema>;
export type { TicketCommand };
