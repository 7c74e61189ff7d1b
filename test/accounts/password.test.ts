import { describe, expect, it } from 'vitest';
import { DUMMY_HASH, hashPassword, verifyPassword } from '../../src/accounts/password.js';

describe('password hashing (scrypt)', () => {
  it('hashes are salted and self-describing: scrypt$N$r$p$salt$hash', async () => {
    const a = await hashPassword('correct horse battery');
    const b = await hashPassword('correct horse battery');
    expect(a).not.toBe(b);
    const parts = a.split('$');
    expect(parts.slice(0, 4)).toEqual(['scrypt', '32768', '8', '1']);
    expect(Buffer.from(parts[4]!, 'base64url')).toHaveLength(16);
    expect(Buffer.from(parts[5]!, 'base64url')).toHaveLength(32);
    expect(a).not.toContain('correct horse');
  });

  it('verifies the right password only', async () => {
    const h = await hashPassword('正确的密码-123');
    expect(await verifyPassword('正确的密码-123', h)).toBe(true);
    expect(await verifyPassword('正确的密码-124', h)).toBe(false);
    expect(await verifyPassword('', h)).toBe(false);
  });

  it('verifies hashes written with other cost parameters (they travel with the hash)', async () => {
    const { scryptSync } = await import('node:crypto');
    const salt = Buffer.alloc(16, 7);
    const key = scryptSync('old-password-1', salt, 32, { N: 1024, r: 8, p: 1 });
    expect(await verifyPassword('old-password-1', `scrypt$1024$8$1$${salt.toString('base64url')}$${key.toString('base64url')}`)).toBe(true);
  });

  it('rejects malformed or hostile hashes instead of throwing or burning memory', async () => {
    const h = await hashPassword('a-long-password');
    const [, , , , salt, key] = h.split('$');
    for (const bad of ['', 'md5$abc', 'scrypt$32768$8$1$onlyfive', `scrypt$1000$8$1$${salt}$${key}`, `scrypt$${2 ** 24}$8$1$${salt}$${key}`, `scrypt$32768$8$1$${salt}$c2hvcnQ`, `scrypt$x$8$1$${salt}$${key}`]) {
      expect(await verifyPassword('a-long-password', bad)).toBe(false);
    }
  });

  it('the dummy hash for unknown names has the real cost and matches nothing', async () => {
    const real = await hashPassword('whatever-password');
    expect(DUMMY_HASH.split('$').slice(0, 4)).toEqual(real.split('$').slice(0, 4));
    expect(DUMMY_HASH.length).toBe(real.length);
    expect(await verifyPassword('', DUMMY_HASH)).toBe(false);
    expect(await verifyPassword('whatever-password', DUMMY_HASH)).toBe(false);
  });
});
