import { describe, expect, it } from 'vitest';
import { RedisFailureLimiter } from '../../src/accounts/rate-limit-redis.js';
import { connectRedis } from '../../src/storage/redis.js';
import { StorageError } from '../../src/storage/errors.js';
import { freshPrefix, TEST_REDIS_URL, useTestRedis } from '../helpers/services.js';

describe.skipIf(!TEST_REDIS_URL)('failed sign-ins counted in Redis', () => {
  const client = useTestRedis();

  it('blocks after the fifth failure for the rest of the window, per key; a success forgets', async () => {
    const prefix = freshPrefix();
    // Two limiters on one Redis: two instances of the server see the same count.
    const a = new RedisFailureLimiter(client(), 5, 60_000, prefix);
    const b = new RedisFailureLimiter(client(), 5, 60_000, prefix);
    for (let i = 0; i < 4; i += 1) await (i % 2 ? a : b).fail('li\n10.0.0.1');
    expect(await a.blockedFor('li\n10.0.0.1')).toBe(0);
    await b.fail('li\n10.0.0.1');
    const wait = await a.blockedFor('li\n10.0.0.1');
    expect(wait).toBeGreaterThan(55);
    expect(wait).toBeLessThanOrEqual(60);
    expect(await a.blockedFor('li\n10.0.0.2')).toBe(0);
    await b.succeed('li\n10.0.0.1');
    expect(await a.blockedFor('li\n10.0.0.1')).toBe(0);
    // No names or addresses in clear in Redis.
    const keys = await client().keys(`${prefix}*`);
    expect(keys.join(' ')).not.toContain('10.0.0');
  });

  it('the window starts at the first failure and later failures do not extend it', async () => {
    const l = new RedisFailureLimiter(client(), 2, 400, freshPrefix());
    await l.fail('k');
    await new Promise((r) => setTimeout(r, 250));
    await l.fail('k');
    expect(await l.blockedFor('k')).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 250));
    expect(await l.blockedFor('k')).toBe(0);
  });

  it('refuses to start on an unreachable Redis, without the password in the message', async () => {
    const err = await connectRedis('redis://:secret-pw@127.0.0.1:1').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StorageError);
    expect((err as Error).message).not.toContain('secret-pw');
  });
});
