import { Router, type Request, type Response } from 'express';
import { maskPhone } from '../../../pipeline/pii.js';
import type { TicketService } from '../../../tickets/service.js';
import type { Ticket } from '../../../tickets/types.js';
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

export function ticketsRouter(tickets: TicketService, identity: Identity): Router {
  const r = Router();
  r.post('/', async (req: Request, res: Response) => {
    const body = CreateTicketBody.parse(req.body);
    const key = req.get('Idempotency-Key');
    if (key !== undefined && !/^[A-Za-z0-9_.:-]{8,128}$/.test(key)) throw new HttpError(400, 'invalid_request', 'Idempotency-Key: 8-128 letters, digits or _.:-');
    const owner = identity.ensure(req, res);
    const t = await tickets.create({ ...body, channel: 'api', sessionId: owner }, key ? `api:${key}` : undefined);
    res.status(201).json(citizenView(t));
  });
  // Operators' list and status changes need a signed-in console account (accounts: the console issue).
  r.get('/', () => {
    throw new HttpError(401, 'unauthenticated', 'operator sign-in required');
  });
  r.patch('/:number', () => {
    throw new HttpError(401, 'unauthenticated', 'operator sign-in required');
  });
  r.get('/:number', (req: Request, res: Response) => {
    const last4 = String(req.query.phoneLast4 ?? req.get('X-Phone-Last4') ?? '');
    if (!last4) throw new HttpError(401, 'unauthenticated', 'give phoneLast4 (last four digits of the phone on the order), or sign in as an operator');
    if (!/^\d{4}$/.test(last4)) throw new HttpError(400, 'invalid_request', 'phoneLast4 must be four digits');
    res.json(citizenView(tickets.statusFor(String(req.params.number), last4)));
  });
  return r;
}
