import { timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import type { AccountService } from '../../accounts/service.js';
import { roleAtLeast, type Principal, type Role } from '../../accounts/types.js';
import { HttpError } from './errors.js';

export const CONSOLE_COOKIE = 'xf_console';
export const CSRF_HEADER = 'x-csrf-token';

/** The one cookie we need, without a cookie-parser dependency. */
export function readCookie(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

export function setConsoleCookie(req: Request, res: Response, token: string, expiresAt: Date): void {
  res.cookie(CONSOLE_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure: req.secure, path: '/', expires: expiresAt });
}

export function clearConsoleCookie(req: Request, res: Response): void {
  res.clearCookie(CONSOLE_COOKIE, { httpOnly: true, sameSite: 'strict', secure: req.secure, path: '/' });
}

/** Puts the signed-in operator (if any) on res.locals; a missing or stale cookie is simply no session. */
export function consoleSession(accounts: AccountService): RequestHandler {
  return (req, res, next) => {
    const token = readCookie(req, CONSOLE_COOKIE);
    const s = accounts.authenticate(token);
    if (s && token) {
      res.locals.principal = s.principal;
      res.locals.csrf = s.csrf;
      res.locals.sessionToken = token;
    }
    next();
  };
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** 401 without a session, 403 below the role; unsafe methods also need the session's CSRF token. */
export function requireRole(min: Role): RequestHandler {
  return (req, res, next) => {
    const p = res.locals.principal as Principal | undefined;
    if (!p) return next(new HttpError(401, 'unauthenticated', '请先登录（/console/login）'));
    if (UNSAFE.has(req.method) && !same(String(req.get(CSRF_HEADER) ?? ''), String(res.locals.csrf ?? ''))) {
      return next(new HttpError(403, 'csrf', '请求缺少有效的 X-CSRF-Token，请刷新页面后重试'));
    }
    if (!roleAtLeast(p.role, min)) return next(new HttpError(403, 'forbidden', `需要 ${min} 及以上权限`));
    next();
  };
}

export function principalOf(res: Response): Principal {
  const p = res.locals.principal as Principal | undefined;
  if (!p) throw new HttpError(401, 'unauthenticated', '请先登录（/console/login）');
  return p;
}

/** Console pages: to the login page without a session (coming back afterwards), 403 below the role. */
export function pageGuard(_accounts: AccountService, min: Role): RequestHandler {
  return (req, res, next) => {
    const p = res.locals.principal as Principal | undefined;
    if (!p) return res.redirect(302, `/console/login?next=${encodeURIComponent(req.originalUrl)}`);
    if (!roleAtLeast(p.role, min)) {
      res.status(403).type('text/plain; charset=utf-8').send(`403：此页面需要 ${min} 权限`);
      return;
    }
    next();
  };
}
