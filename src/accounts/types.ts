export const ROLES = ['operator', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface Principal {
  name: string;
  role: Role;
}

/** admin > supervisor > operator: a higher role may do what a lower one may. */
export function roleAtLeast(role: Role, min: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(min);
}

/** The accounts layer's one error type; the HTTP edge maps its code to a status. */
export class AuthError extends Error {
  constructor(
    readonly code: 'unauthenticated' | 'forbidden' | 'rate_limited' | 'invalid' | 'conflict',
    message: string,
    /** for rate_limited: seconds until another attempt is accepted */
    readonly retryAfterS?: number,
  ) {
    super(message);
    this.name = 'AuthError';
  }
}

export interface User {
  name: string;
  role: Role;
  passwordHash: string;
  createdAt: string;
  disabled: boolean;
}

export interface SessionRecord {
  tokenHash: string;
  name: string;
  csrf: string;
  createdAt: string;
  expiresAt: string;
}

/** Who did what to what, and when: order changes, views of unmasked personal data, sign-ins, exports. */
export interface AuditEntry {
  at: string;
  actor: string;
  action: string;
  target: string;
  detail: string | null;
}

export interface AccountRepository {
  /** false when the name is taken */
  addUser(u: User): Promise<boolean>;
  findUser(name: string): Promise<User | undefined>;
  createSession(s: SessionRecord): Promise<void>;
  findSession(tokenHash: string): Promise<SessionRecord | undefined>;
  deleteSession(tokenHash: string): Promise<void>;
  deleteExpired(now: string): Promise<void>;
  audit(entry: AuditEntry): Promise<void>;
  auditLog(filter: { target?: string; actor?: string; limit?: number }): Promise<AuditEntry[]>;
  close(): Promise<void>;
}
