import { Router, type NextFunction, type Request, type Response } from 'express';
import { z } from 'zod';
import type { AccountService } from '../../../accounts/service.js';
import { maskPhone, maskPii } from '../../../pipeline/pii.js';
import { CATEGORIES } from '../../../taxonomy.js';
import { TicketCommandSchema } from '../../../tickets/commands.js';
import { allowedActions, OPEN_STATUSES } from '../../../tickets/lifecycle.js';
import type { TicketService } from '../../../tickets/service.js';
import { STATUSES, type Ticket } from '../../../tickets/types.js';
import { principalOf, requireRole } from '../auth.js';
import { HttpError } from '../errors.js';
import type { Identity } from '../identity.js';
import { CreateTicketBody } from '../schemas.js';

/** What a citizen may see of an order: masked phone, no session id. */
export function citizenView(t: Ticket) {
  return {
    number: t.number,
    createdAt: t.createdAt,
    status: t.status,
    requestType: t.requestType,
    category: t.category,
    department: t.department,
    urgency: t.urgency,
    deadline: t.deadline,
    content: t.content,
    address: t.address,
    name: t.name,
    phone: maskPhone(t.phone),
    reply: t.reply,
  };
}

export const maskName = (name: string | null) => (name ? `${name.slice(0, 1)}${'*'.repeat(Math.max(1, name.length - 1))}` : null);
const DUE_SOON_MS = 24 * 3600 * 1000;

/** A queue row: personal data masked (phones also inside the text), overdue and nearly-due flagged. */
export function listView(t: Ticket, now: Date) {
  const open = OPEN_STATUSES.includes(t.status);
  const left = new Date(t.deadline).getTime() - now.getTime();
  return {
    number: t.number,
    createdAt: t.createdAt,
    status: t.status,
    requestType: t.requestType,
    category: t.category,
    department: t.department,
    urgency: t.urgency,
    deadline: t.deadline,
    supervised: t.supervised,
    overdue: open && left < 0,
    dueSoon: open && left >= 0 && left < DUE_SOON_MS,
    name: maskName(t.name),
    phone: maskPhone(t.phone),
    address: t.address,
    content: maskPii(t.content.length > 140 ? `${t.content.slice(0, 140)}…` : t.content),
  };
}

export const ListQuery = z
  .object({
    status: z.enum(STATUSES).optional(),
    category: z.enum(CATEGORIES).optional(),
    department: z.string().max(60).optional(),
    overdue: z.enum(['1', 'true', '0', 'false']).optional(),
    supervised: z.enum(['1', 'true', '0', 'false']).optional(),
    q: z.string().max(100).optional(),
    cursor: z.string().max(40).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();
const yes = (v: string | undefined) => v === '1' || v === 'true';

export function ticketsRouter(tickets: TicketService, identity: Identity, accounts: AccountService): Router {
  const r = Router();
  const operator = requireRole('operator');
  // A signed-in operator goes through the role and CSRF checks; everyone else is a citizen.
  const ifOperator = (req: Request, res: Response, next: NextFunction) => (res.locals.principal ? operator(req, res, next) : next());

  r.post('/', ifOperator, async (req: Request, res: Response) => {
    const body = CreateTicketBody.parse(req.body);
    const key = req.get('Idempotency-Key');
    if (key !== undefined && !/^[A-Za-z0-9_.:-]{8,128}$/.test(key)) throw new HttpError(400, 'invalid_request', 'Idempotency-Key: 8-128 letters, digits or _.:-');
    if (res.locals.principal) {
      const by = principalOf(res);
      const t = await tickets.create({ ...body, channel: 'console', createdBy: by.name }, key ? `console:${key}` : undefined);
      await accounts.audit(by.name, 'ticket.create', t.number, null);
      res.status(201).json(await operatorView(t, tickets, by.role, false));
      return;
    }
    const owner = identity.ensure(req, res);
    const t = await tickets.create({ ...body, channel: 'api', sessionId: owner }, key ? `api:${key}` : undefined);
    res.status(201).json(citizenView(t));
  });

  r.get('/', operator, async (req: Request, res: Response) => {
    const q = ListQuery.parse(req.query);
    const now = new Date();
    const page = await tickets.list(
      { status: q.status, category: q.category, department: q.department, overdue: yes(q.overdue), supervised: yes(q.supervised), q: q.q?.trim() || undefined },
      { limit: q.limit, cursor: q.cursor || undefined },
      now,
    );
    res.json({ items: page.items.map((t) => listView(t, now)), nextCursor: page.nextCursor, total: page.total });
  });

  r.get('/:number', async (req: Request, res: Response, next: NextFunction) => {
    if (res.locals.principal) return operator(req, res, next);
    const last4 = String(req.query.phoneLast4 ?? req.get('X-Phone-Last4') ?? '');
    if (!last4) throw new HttpError(401, 'unauthenticated', 'give phoneLast4 (last four digits of the phone on the order), or sign in as an operator');
    if (!/^\d{4}$/.test(last4)) throw new HttpError(400, 'invalid_request', 'phoneLast4 must be four digits');
    res.json(citizenView(await tickets.statusFor(String(req.params.number), last4)));
  }, async (req: Request, res: Response) => {
    const by = principalOf(res);
    const reveal = req.query.reveal === '1';
    const t = await tickets.get(String(req.params.number));
    // Unmasked personal data is shown only on request, and each showing is audited before it is sent.
    if (reveal) await accounts.audit(by.name, 'view_pii', t.number, 'phone, name');
    res.json(await operatorView(t, tickets, by.role, reveal));
  });

  r.patch('/:number', operator, async (req: Request, res: Response) => {
    const by = principalOf(res);
    const cmd = TicketCommandSchema.parse(req.body);
    const t = await tickets.transition(String(req.params.number), cmd, by);
    await accounts.audit(by.name, `ticket.${cmd.action}`, t.number, JSON.stringify(cmd).slice(0, 500));
    res.json(await operatorView(t, tickets, by.role, false));
  });
  return r;
}

async function operatorView(t: Ticket, tickets: TicketService, role: Parameters<typeof allowedActions>[1], reveal: boolean) {
  const now = new Date();
  const history = await tickets.history(t.number);
  return {
    ...listView(t, now),
    content: reveal ? t.content : maskPii(t.content),
    name: reveal ? t.name : maskName(t.name),
    phone: reveal ? t.phone : maskPhone(t.phone),
    revealed: reveal,
    channel: t.channel,
    reply: t.reply,
    returnReason: t.returnReason,
    satisfaction: t.satisfaction,
    callbackNote: t.callbackNote,
    closedAt: t.closedAt,
    updatedAt: t.updatedAt,
    amountYuan: t.amountYuan,
    wageArrears: t.wageArrears,
    workers: t.workers,
    recoveredYuan: t.recoveredYuan,
    history,
    allowedActions: allowedActions(t, role),
  };
}
