import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { AccountService } from '../../../accounts/service.js';
import { AuthError } from '../../../accounts/types.js';
import { clearConsoleCookie, principalOf, requireRole, setConsoleCookie } from '../auth.js';

const SignInBody = z.object({ name: z.string().min(1).max(64), password: z.string().min(1).max(200) }).strict();

/** POST /api/session signs in (204 + cookie), GET tells the console who it is and its CSRF token, DELETE signs out. */
export function sessionRouter(accounts: AccountService): Router {
  const r = Router();
  r.post('/', async (req: Request, res: Response) => {
    const { name, password } = SignInBody.parse(req.body);
    try {
      const s = await accounts.signIn(name, password, req.ip ?? req.socket.remoteAddress ?? 'unknown');
      setConsoleCookie(req, res, s.token, s.expiresAt);
      res.status(204).end();
    } catch (err) {
      clearConsoleCookie(req, res);
      if (err instanceof AuthError && err.retryAfterS) res.setHeader('Retry-After', String(err.retryAfterS));
      throw err;
    }
  });
  r.get('/', requireRole('operator'), (_req: Request, res: Response) => {
    const p = principalOf(res);
    res.json({ name: p.name, role: p.role, csrfToken: res.locals.csrf as string });
  });
  r.delete('/', requireRole('operator'), (req: Request, res: Response) => {
    accounts.signOut(res.locals.sessionToken as string, principalOf(res).name);
    clearConsoleCookie(req, res);
    res.status(204).end();
  });
  return r;
}
