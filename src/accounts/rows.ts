import type { Role, User } from './types.js';

/** A users row as both stores hold it (SQLite and PostgreSQL): the flag is a 0/1 integer. */
export interface UserRow {
  name: string;
  role: Role;
  password_hash: string;
  created_at: string;
  disabled: number;
}

export const toUser = (r: UserRow): User => ({ name: r.name, role: r.role, passwordHash: r.password_hash, createdAt: r.created_at, disabled: r.disabled === 1 });
