import { timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import type { AccountService } from '../../accounts/service.js';
import { roleAtLeast, type Principal, type Role } from '../../accounts/types.js';
import { HttpError } from './errors.js';
import { readCookie } from './identity.js';

export const CONSOLE_COOKIE = 'xf_console';
export const CSRF_HEADER = 'x-csrf-token';


// Secure only over https (req.secure), so the console also works on http://localhost.
// Strict: the browser never sends the cookie on a request started by another site.
const cookieOptions = (req: Request) => ({ httpOnly: true, sameSite: 'strict' as const, secure: req.secure, path: '/' });

export function setConsoleCookie(req: Request, res: Response, token: string, expiresAt: Date): void {
  res.cookie(CONSOLE_COOKIE, token, { ...cookieOptions(req), maxAge: Math.max(0, expiresAt.getTime() - Date.now()) });
}

export function clearConsoleCookie(req: Request, res: Response): void {
  res.clearCookie(CONSOLE_COOKIE, cookieOptions(req));
}

/** Puts the signed-in operator (if any) on res.locals; a missing, forged or expired cookie is simply no session. */
export function consoleSession(accounts: AccountService): RequestHandler {
  return (req, res, next) => {
    const token = readCookie(req.headers.cookie, CONSOLE_COOKIE);
    if (token === undefined) return next();
    // A store that cannot be reached is a 5xx through the error handler, never a silent "signed out".
    accounts.authenticate(token).then((s) => {
      if (s) {
        res.locals.principal = s.principal;
        res.locals.csrf = s.csrf;
        res.locals.sessionToken = token;
      }
      next();
    }, next);
  };
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * SameSite=Strict already keeps other sites' requests cookie-less; the token is the second lock
 * (older browsers, a sibling subdomain). Compared in constant time.
 */
export function csrfValid(req: Request, res: Response): boolean {
  const expected = Buffer.from(String(res.locals.csrf ?? ''));
  const got = Buffer.from(req.get(CSRF_HEADER) ?? '');
  return expected.length > 0 && got.length === expected.length && timingSafeEqual(got, expected);
}

export const csrfError = () => new HttpError(403, 'csrf', '请求缺少有效的 X-CSRF-Token，请刷新页面后重试');

/** 401 without a session, 403 `csrf` for an unsafe method without the session's token, 403 `forbidden` below the role. */
export function requireRole(min: Role): RequestHandler {
  return (req, res, next) => {
    const p = res.locals.principal as Principal | undefined;
    if (!p) return next(new HttpError(401, 'unauthenticated', '请先登录（/console/login）'));
    if (UNSAFE.has(req.method) && !csrfValid(req, res)) return next(csrfError());
    if (!roleAtLeast(p.role, min)) return next(new HttpError(403, 'forbidden', `需要 ${min} 及以上权限`));
    next();
  };
}

/** The signed-in principal inside a route handler (behind requireRole, so absence is a 401, not a crash). */
export function principalOf(res: Response): Principal {
  const p = res.locals.principal as Principal | undefined;
  if (!p) throw new HttpError(401, 'unauthenticated', '请先登录（/console/login）');
  return p;
}

/** Console pages: to the login page without a session (coming back afterwards), 403 below the role. */
export function pageGuard(accounts: AccountService, min: Role): RequestHandler {
  const session = consoleSession(accounts);
  const guard: RequestHandler = (req, res, next) => {
    const p = res.locals.principal as Principal | undefined;
    if (!p) return res.redirect(302, `/console/login?next=${encodeURIComponent(req.originalUrl)}`);
    if (!roleAtLeast(p.role, min)) {
      res.status(403).type('text/plain; charset=utf-8').send(`403：此页面需要 ${min} 权限`);
      return;
    }
    next();
  };
  // Usable on a router where consoleSession has not run yet.
  return (req, res, next) => {
    if (res.locals.principal !== undefined) return guard(req, res, next);
    session(req, res, (err?: unknown) => (err ? next(err) : guard(req, res, next)));
  };
}
