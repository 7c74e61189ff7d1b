import { Router, type Request, type Response } from 'express';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { AccountService } from '../../../accounts/service.js';
import { repoPath } from '../../../paths.js';
import { CATEGORIES, REQUEST_TYPES } from '../../../taxonomy.js';
import { SATISFACTION, RULES } from '../../../tickets/lifecycle.js';
import type { TicketService } from '../../../tickets/service.js';
import { STATUSES } from '../../../tickets/types.js';
import { pageGuard, principalOf, requireRole } from '../auth.js';

// The console's pages load only their own scripts and styles; user text is set with textContent.
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; form-action 'self'";
const ECHARTS = join(dirname(createRequire(import.meta.url).resolve('echarts/package.json')), 'dist');

export function consoleRouter(accounts: AccountService, tickets: TicketService): Router {
  const r = Router();
  const dir = repoPath('src', 'web', 'console');
  const page = (file: string) => (_req: Request, res: Response) => {
    res.setHeader('Content-Security-Policy', CSP);
    res.setHeader('Cache-Control', 'no-store');
    res.sendFile(file, { root: dir });
  };
  r.get('/console/login', page('login.html'));
  r.get('/console', pageGuard(accounts, 'operator'), page('console.html'));
  r.get('/console/report', pageGuard(accounts, 'supervisor'), page('report.html'));
  // ECharts from the installed package, served locally: the console works without any CDN.
  r.get('/static/vendor/echarts.min.js', (_req, res) => res.sendFile('echarts.min.js', { root: ECHARTS, headers: { 'Content-Type': 'text/javascript; charset=utf-8' } }));
  r.get('/api/console/meta', requireRole('operator'), (_req: Request, res: Response) => {
    res.json({
      me: principalOf(res),
      categories: CATEGORIES,
      departments: tickets.departments(),
      statuses: STATUSES,
      requestTypes: REQUEST_TYPES,
      satisfaction: SATISFACTION,
      calendarMissingYears: tickets.calendarMissingYears(),
      actions: Object.fromEntries(Object.entries(RULES).map(([a, rule]) => [a, { from: rule.from, to: rule.to, minRole: rule.minRole }])),
    });
  });
  return r;
}
