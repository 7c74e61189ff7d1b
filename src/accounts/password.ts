import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const scrypt = (password: string, salt: Buffer, keylen: number, opts: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) => scryptCb(password, salt, keylen, opts, (err, key) => (err ? reject(err) : resolve(key))));

// N = 2^15, r = 8: about 32 MB and tens of milliseconds per attempt, which is the point. OWASP's floor
// is N = 2^17; 2^15 keeps sign-in quick on 2 cores, and the cost is stored per hash so it can be raised.
const N = 2 ** 15;
const R = 8;
const P = 1;
const KEYLEN = 32;
// Node refuses scrypt above 32 MB by default, and 128 * N * r is exactly 32 MB: leave headroom.
const maxmemFor = (n: number, r: number) => 2 * 128 * n * r;

/** scrypt$N$r$p$salt$hash: the parameters travel with the hash so a later cost increase still verifies old ones. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, KEYLEN, { N, r: R, p: P, maxmem: maxmemFor(N, R) });
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  const parts = encoded.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [n, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  // A hash we did not write (or a corrupted row) must not become a way to burn CPU or memory.
  if (![n, r, p].every(Number.isInteger) || n < 2 || n > 2 ** 20 || r < 1 || r > 32 || p < 1 || p > 16) return false;
  const salt = Buffer.from(parts[4]!, 'base64url');
  const expected = Buffer.from(parts[5]!, 'base64url');
  if (expected.length < 16) return false;
  try {
    const key = await scrypt(password, salt, expected.length, { N: n, r, p, maxmem: maxmemFor(n, r) });
    return timingSafeEqual(key, expected);
  } catch {
    return false; // e.g. N not a power of two
  }
}

/**
 * Checked when the name does not exist, so an unknown name costs the same scrypt as a wrong
 * password. It needs the same parameters, not a real password behind it, so no hashing at startup.
 */
export const DUMMY_HASH = `scrypt$${N}$${R}$${P}$${randomBytes(16).toString('base64url')}$${randomBytes(KEYLEN).toString('base64url')}`;
