import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { AccountService } from '../../../accounts/service.js';
import { AuthError } from '../../../accounts/types.js';
import { clearConsoleCookie, csrfError, csrfValid, principalOf, requireRole, setConsoleCookie } from '../auth.js';
import { HttpError } from '../errors.js';

export const SignInBody = z.object({ name: z.string().min(1).max(64), password: z.string().min(1).max(200) }).strict();

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
      // A failed attempt also ends whatever session this browser had: no half signed-in state.
      clearConsoleCookie(req, res);
      if (!(err instanceof AuthError)) throw err;
      if (err.code === 'rate_limited' && err.retryAfterS) res.setHeader('Retry-After', String(err.retryAfterS));
      // One code and message for an unknown name and a wrong password: the answer must not tell them apart.
      if (err.code === 'unauthenticated') throw new HttpError(401, 'invalid_credentials', err.message);
      throw err;
    }
  });
  r.get('/', requireRole('operator'), (_req: Request, res: Response) => {
    const p = principalOf(res);
    res.setHeader('Cache-Control', 'no-store');
    res.json({ name: p.name, role: p.role, csrfToken: res.locals.csrf as string });
  });
  // Signing out twice, or with an expired session, is not an error; signing someone out needs their CSRF token.
  r.delete('/', async (req: Request, res: Response) => {
    const token = res.locals.sessionToken as string | undefined;
    if (token !== undefined) {
      if (!csrfValid(req, res)) throw csrfError();
      await accounts.signOut(token);
    }
    clearConsoleCookie(req, res);
    res.status(204).end();
  });
  return r;
}
