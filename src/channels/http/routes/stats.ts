import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { AccountService } from '../../../accounts/service.js';
import { dashboard } from '../../../stats/dashboard.js';
import { monthlyReport, monthRange, ticketsCsv } from '../../../stats/monthly.js';
import type { TurnLog } from '../../../stats/turn-log.js';
import type { TicketService } from '../../../tickets/service.js';
import { principalOf, requireRole } from '../auth.js';

export const DashboardQuery = z.object({ days: z.coerce.number().int().min(1).max(366).default(30) }).strict();
export const MonthQuery = z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'month must look like 2026-11') }).strict();

export function statsRouter(tickets: TicketService, turns: TurnLog, accounts: AccountService): Router {
  const r = Router();
  r.get('/stats', requireRole('operator'), async (req: Request, res: Response) => {
    const { days } = DashboardQuery.parse(req.query);
    const now = new Date();
    const to = new Date(now.getTime() + 1000).toISOString();
    const from = new Date(now.getTime() - days * 86_400_000).toISOString();
    const [orders, bot] = await Promise.all([tickets.range(from, to), turns.stats(from, to)]);
    res.json(dashboard(orders, bot, from, to, now));
  });
  r.get('/reports/monthly', requireRole('supervisor'), async (req: Request, res: Response) => {
    const { month } = MonthQuery.parse(req.query);
    const { from, to } = monthRange(month);
    res.json(monthlyReport(month, await tickets.range(from, to)));
  });
  r.get('/reports/monthly.csv', requireRole('supervisor'), async (req: Request, res: Response) => {
    const { month } = MonthQuery.parse(req.query);
    const { from, to } = monthRange(month);
    const rows = await tickets.range(from, to);
    await accounts.audit(principalOf(res).name, 'export_csv', month, `${rows.length} orders`);
    res.type('text/csv; charset=utf-8').setHeader('Content-Disposition', `attachment; filename="xiaofa-${month}.csv"`);
    res.send(ticketsCsv(rows));
  });
  return r;
}
