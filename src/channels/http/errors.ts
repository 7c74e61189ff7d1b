import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ZodError } from 'zod';
import type { Logger } from '../../logger.js';
import { AuthError } from '../../accounts/types.js';
import { TicketError } from '../../tickets/types.js';

/** The HTTP layer's one error type: a status and a stable code for clients. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const notFound: RequestHandler = (req, _res, next) => next(new HttpError(404, 'not_found', `no route for ${req.method} ${req.path}`));

/** The one Express error handler: every error becomes `{error: {code, message}}`, nothing thrown is lost. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    let e: HttpError;
    if (err instanceof HttpError) e = err;
    else if (err instanceof ZodError) {
      const issue = err.issues[0];
      e = new HttpError(400, 'invalid_request', `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}`);
    } else if (err instanceof TicketError) {
      const status = { not_found: 404, forbidden: 403, conflict: 409, illegal_transition: 409, invalid: 400 }[err.code];
      e = new HttpError(status, err.code === 'invalid' ? 'invalid_request' : err.code, err.message);
    }
    else if (err instanceof AuthError) {
      const [status, code] = ({ unauthenticated: [401, 'unauthenticated'], forbidden: [403, 'forbidden'], rate_limited: [429, 'rate_limited'], invalid: [400, 'invalid_request'], conflict: [409, 'conflict'] } as const)[err.code];
      e = new HttpError(status, code, err.message);
    }
    else if (isBodyParserError(err)) {
      const known: Record<string, [string, string]> = {
        'entity.too.large': ['payload_too_large', 'request body too large'],
        unsupported: ['unsupported_media_type', 'send the body as application/json'],
      };
      const [code, message] = known[err.type] ?? ['invalid_json', 'request body is not valid JSON'];
      e = new HttpError(err.status, code, message);
    }
    else {
      logger.error('unhandled error', { path: req.path, error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
      e = new HttpError(500, 'internal', 'internal error');
    }
    if (res.headersSent) return;
    res.status(e.status).json({ error: { code: e.code, message: e.message } });
  };
}

function isBodyParserError(err: unknown): err is { status: number; type: string } {
  return typeof err === 'object' && err !== null && 'type' in err && 'status' in err && typeof (err as { status: unknown }).status === 'number' && (err as { status: number }).status < 500;
}
