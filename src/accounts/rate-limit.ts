/** Failed sign-ins per key in a fixed window; one implementation in memory, one in Redis for many instances. */
export interface AttemptLimiter {
  /** Seconds to wait if the key is blocked, else 0. */
  blockedFor(key: string, now?: number): Promise<number>;
  fail(key: string, now?: number): Promise<void>;
  succeed(key: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Failed sign-ins per key (name + client address) in a fixed window; a success clears the key.
 * Memory is bounded: when full, expired windows go first, then the oldest.
 */
export class FailureLimiter implements AttemptLimiter {
  private readonly windows = new Map<string, { count: number; until: number }>();

  constructor(
    private readonly max = 5,
    private readonly windowMs = 15 * 60 * 1000,
    private readonly maxKeys = 10_000,
  ) {}

  async blockedFor(key: string, now = Date.now()): Promise<number> {
    const w = this.windows.get(key);
    if (!w || w.until <= now || w.count < this.max) return 0;
    return Math.ceil((w.until - now) / 1000);
  }

  async fail(key: string, now = Date.now()): Promise<void> {
    const w = this.windows.get(key);
    if (w && w.until > now) {
      w.count += 1;
      return;
    }
    this.windows.delete(key); // re-inserted below, so insertion order stays oldest-first
    if (this.windows.size >= this.maxKeys) this.evict(now);
    this.windows.set(key, { count: 1, until: now + this.windowMs });
  }

  async succeed(key: string): Promise<void> {
    this.windows.delete(key);
  }

  async close(): Promise<void> {}

  get size(): number {
    return this.windows.size;
  }

  private evict(now: number): void {
    for (const [k, w] of this.windows) if (w.until <= now) this.windows.delete(k);
    if (this.windows.size >= this.maxKeys) this.windows.delete(this.windows.keys().next().value!);
  }
}
