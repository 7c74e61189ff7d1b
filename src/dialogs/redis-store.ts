import type { Redis } from '../storage/redis.js';
import type { DialogState, SessionStore } from './store.js';

/**
 * Conversation state in Redis (REDIS_URL): any instance can take the next message of a conversation.
 * Each key expires like the memory store's entries, so abandoned intakes do not pile up.
 */
export class RedisSessionStore implements SessionStore {
  constructor(
    private readonly redis: Redis,
    private readonly ttlMs = 30 * 60 * 1000,
    private readonly prefix = 'xf:dialog:',
  ) {}

  async get(id: string): Promise<DialogState | undefined> {
    const raw = await this.redis.get(this.prefix + id);
    if (raw === null) return undefined;
    try {
      return JSON.parse(raw) as DialogState;
    } catch {
      // A value we cannot read is a conversation we restart, not an error the citizen sees.
      await this.redis.del(this.prefix + id);
      return undefined;
    }
  }

  async set(id: string, state: DialogState): Promise<void> {
    await this.redis.set(this.prefix + id, JSON.stringify(state), { expiration: { type: 'PX', value: this.ttlMs } });
  }

  async delete(id: string): Promise<void> {
    await this.redis.del(this.prefix + id);
  }
}
