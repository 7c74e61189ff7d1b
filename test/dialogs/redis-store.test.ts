import { describe, expect, it } from 'vitest';
import { RedisSessionStore } from '../../src/dialogs/redis-store.js';
import { freshPrefix, TEST_REDIS_URL, useTestRedis } from '../helpers/services.js';

describe.skipIf(!TEST_REDIS_URL)('conversation state in Redis', () => {
  const client = useTestRedis();

  it('one instance writes, another reads; delete ends it', async () => {
    const prefix = freshPrefix();
    const a = new RedisSessionStore(client(), 60_000, prefix);
    const b = new RedisSessionStore(client(), 60_000, prefix);
    await a.set('s1', { kind: 'status', step: 'last4', number: 'XF202611280001' });
    expect(await b.get('s1')).toEqual({ kind: 'status', step: 'last4', number: 'XF202611280001' });
    expect(await b.get('s2')).toBeUndefined();
    await b.delete('s1');
    expect(await a.get('s1')).toBeUndefined();
  });

  it('abandoned conversations expire', async () => {
    const store = new RedisSessionStore(client(), 150, freshPrefix());
    await store.set('s', { kind: 'status', step: 'number' });
    expect(await store.get('s')).toBeDefined();
    await new Promise((r) => setTimeout(r, 300));
    expect(await store.get('s')).toBeUndefined();
  });

  it('a value it cannot read restarts the conversation instead of failing it', async () => {
    const prefix = freshPrefix();
    await client().set(`${prefix}bad`, '{not json');
    expect(await new RedisSessionStore(client(), 60_000, prefix).get('bad')).toBeUndefined();
    expect(await client().get(`${prefix}bad`)).toBeNull();
  });
});
