import { createHash, randomBytes } from 'node:crypto';
import { DUMMY_HASH, hashPassword, verifyPassword } from './password.js';
import { FailureLimiter, type AttemptLimiter } from './rate-limit.js';
import { AuthError, ROLES, type AccountRepository, type AuditEntry, type Principal, type Role } from './types.js';

/** Fixed, not sliding: a stolen cookie is useful for one working day at most. */
export const SESSION_HOURS = 12;
export const MIN_PASSWORD = 10;
const NAME = /^[A-Za-z0-9_.\-\u3400-\u4dbf\u4e00-\u9fff]{2,32}$/;

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

export interface SignedIn {
  token: string;
  csrf: string;
  principal: Principal;
  expiresAt: Date;
}

/** Console accounts: scrypt passwords, server-side sessions (only token hashes stored), CSRF tokens, audit. */
export class AccountService {
  constructor(
    private readonly repo: AccountRepository,
    private readonly now: () => Date = () => new Date(),
    /** in memory by default; in Redis when configured, so every instance counts the same failures */
    private readonly limiter: AttemptLimiter = new FailureLimiter(),
  ) {}

  async addUser(name: string, role: Role, password: string): Promise<void> {
    if (!NAME.test(name)) throw new AuthError('invalid', 'name: 2-32 letters, digits, Chinese characters or _.-');
    if (!ROLES.includes(role)) throw new AuthError('invalid', `role must be one of ${ROLES.join(', ')}`);
    if (password.length < MIN_PASSWORD) throw new AuthError('invalid', `password: at least ${MIN_PASSWORD} characters`);
    const duplicate = () => new AuthError('conflict', `an account named "${name}" already exists`);
    if (await this.repo.findUser(name)) throw duplicate();
    const created = await this.repo.addUser({ name, role, passwordHash: await hashPassword(password), createdAt: this.now().toISOString(), disabled: false });
    // Two `user:add` runs at once both pass the check above; the primary key decides.
    if (!created) throw duplicate();
    await this.audit('system', 'user_add', name, role);
  }

  /** The same error whether the name or the password is wrong; repeated failures are refused for a while. */
  async signIn(name: string, password: string, clientKey: string): Promise<SignedIn> {
    const key = `${name}\n${clientKey}`;
    const wait = await this.limiter.blockedFor(key, this.now().getTime());
    if (wait > 0) throw new AuthError('rate_limited', `登录失败次数过多，请 ${Math.ceil(wait / 60)} 分钟后再试`, wait);
    const user = await this.repo.findUser(name);
    const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !ok || user.disabled) {
      await this.limiter.fail(key, this.now().getTime());
      await this.audit(name.slice(0, 32), 'sign_in_failed', 'session', `from ${clientKey}`);
      throw new AuthError('unauthenticated', '用户名或密码错误');
    }
    await this.limiter.succeed(key);
    const now = this.now();
    await this.repo.deleteExpired(now.toISOString());
    const token = randomBytes(32).toString('base64url');
    const csrf = randomBytes(24).toString('base64url');
    const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3600 * 1000);
    await this.repo.createSession({ tokenHash: tokenHash(token), name: user.name, csrf, createdAt: now.toISOString(), expiresAt: expiresAt.toISOString() });
    await this.audit(user.name, 'sign_in', 'session', `from ${clientKey}`);
    return { token, csrf, principal: { name: user.name, role: user.role }, expiresAt };
  }

  /** The role is read from the account on every request, so a changed or disabled account takes effect at once. */
  async authenticate(token: string | undefined): Promise<{ principal: Principal; csrf: string } | undefined> {
    if (!token || token.length > 100) return undefined;
    const s = await this.repo.findSession(tokenHash(token));
    if (!s || s.expiresAt <= this.now().toISOString()) return undefined;
    const user = await this.repo.findUser(s.name);
    if (!user || user.disabled) return undefined;
    return { principal: { name: user.name, role: user.role }, csrf: s.csrf };
  }

  async signOut(token: string): Promise<void> {
    const h = tokenHash(token);
    const s = await this.repo.findSession(h);
    if (!s) return;
    await this.repo.deleteSession(h);
    await this.audit(s.name, 'sign_out', 'session');
  }

  audit(actor: string, action: string, target: string, detail: string | null = null): Promise<void> {
    return this.repo.audit({ at: this.now().toISOString(), actor, action, target, detail });
  }

  /** Newest first. */
  auditLog(filter: { target?: string; actor?: string; limit?: number } = {}): Promise<AuditEntry[]> {
    return this.repo.auditLog(filter);
  }

  async close(): Promise<void> {
    await Promise.all([this.repo.close(), this.limiter.close()]);
  }
}
