import { createHash } from 'node:crypto';
import type { Redis } from '../storage/redis.js';
import type { AttemptLimiter } from './rate-limit.js';

/**
 * Failed sign-ins counted in Redis (REDIS_URL), so an attacker cannot spread guesses over instances.
 * The window starts at the first failure and is kept by Redis's own expiry (the `now` arguments are for the
 * memory limiter's tests). Keys are hashed: no account names or addresses sit in Redis in clear.
 */
export class RedisFailureLimiter implements AttemptLimiter {
  constructor(
    private readonly redis: Redis,
    private readonly max = 5,
    private readonly windowMs = 15 * 60 * 1000,
    private readonly prefix = 'xf:signin:',
  ) {}

  private key(k: string): string {
    return this.prefix + createHash('sha256').update(k).digest('hex').slice(0, 32);
  }

  async blockedFor(key: string): Promise<number> {
    const k = this.key(key);
    const [count, ttl] = await Promise.all([this.redis.get(k), this.redis.pTTL(k)]);
    if (count === null || Number(count) < this.max || ttl <= 0) return 0;
    return Math.ceil(ttl / 1000);
  }

  async fail(key: string): Promise<void> {
    const k = this.key(key);
    // One round trip, atomic: the window opens with the first failure and is never extended by later ones.
    await this.redis.multi().set(k, '0', { expiration: { type: 'PX', value: this.windowMs }, condition: 'NX' }).incr(k).exec();
  }

  async succeed(key: string): Promise<void> {
    await this.redis.del(this.key(key));
  }

  /** The client belongs to the process's stores, which close it once. */
  async close(): Promise<void> {}
}
