import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';

export const COOKIE = 'xf_sid';
/** The same signed value, for pages embedded on other sites where the browser withholds the cookie. */
export const HEADER = 'x-xiaofa-session';

/**
 * A conversation's identity comes from a server-issued, HMAC-signed cookie, never from what a
 * client claims (the Botkit web adapter otherwise trusts the `user` field of every message).
 */
export class Identity {
  constructor(private readonly secret: Buffer) {}

  /** The secret is given, or generated once and kept under DATA_DIR so restarts keep sessions. */
  static fromConfig(dataDir: string, secret?: string): Identity {
    if (secret) return new Identity(Buffer.from(secret, 'utf8'));
    const file = join(dataDir, 'session-secret');
    if (!existsSync(file)) {
      mkdirSync(dataDir, { recursive: true });
      writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
    }
    return new Identity(Buffer.from(readFileSync(file, 'utf8').trim(), 'utf8'));
  }

  sign(id: string): string {
    return `${id}.${createHmac('sha256', this.secret).update(id).digest('base64url')}`;
  }

  verify(value: string | undefined): string | undefined {
    if (!value) return undefined;
    const dot = value.lastIndexOf('.');
    if (dot <= 0) return undefined;
    const id = value.slice(0, dot);
    const expected = Buffer.from(this.sign(id));
    const got = Buffer.from(value);
    return expected.length === got.length && timingSafeEqual(expected, got) ? id : undefined;
  }

  /** Cookie first; then the header (HTTP) or the `sid` query parameter (websocket upgrade) of an embedded page. */
  fromRequest(req: IncomingMessage): string | undefined {
    const fromCookie = this.verify(readCookie(req.headers.cookie, COOKIE));
    if (fromCookie) return fromCookie;
    const header = req.headers[HEADER];
    if (typeof header === 'string') return this.verify(header);
    const sid = new URL(req.url ?? '/', 'http://x').searchParams.get('sid');
    return sid ? this.verify(sid) : undefined;
  }

  /**
   * The verified id of the request, issuing a new one when there is none. The signed value goes
   * out as an HttpOnly cookie and as a response header, which an embedded chat keeps in
   * sessionStorage when third-party cookies are blocked.
   */
  ensure(req: IncomingMessage, res: ServerResponse): string {
    const existing = this.fromRequest(req);
    const id = existing ?? randomBytes(16).toString('hex');
    if (!existing) res.appendHeader('Set-Cookie', `${COOKIE}=${this.sign(id)}; Path=/; HttpOnly; SameSite=Lax; Max-Age=2592000`);
    if (!res.headersSent) res.setHeader(HEADER, this.sign(id));
    return id;
  }
}

/** One cookie from a Cookie header, without a cookie-parser dependency; a malformed value is no cookie. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) {
      try {
        return decodeURIComponent(part.slice(i + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}
