/**
 * Failed sign-ins per key (name + client address) in a fixed window; a success clears the key.
 * Bounded: when full, the oldest windows are dropped first (they are the least useful to keep).
 */
export class FailureLimiter {
  private readonly windows = new Map<string, { count: number; until: number }>();

  constructor(
    private readonly max = 5,
    private readonly windowMs = 15 * 60 * 1000,
    private readonly maxKeys = 10_000,
  ) {}

  /** Seconds to wait if the key is blocked, else 0. */
  blockedFor(key: string, now = Date.now()): number {
    const w = this.windows.get(key);
    if (!w || w.until <= now) return 0;
    return w.count >= this.max ? Math.ceil((w.until - now) / 1000) : 0;
  }

  fail(key: string, now = Date.now()): void {
    const w = this.windows.get(key);
    if (!w || w.until <= now) {
      if (this.windows.size >= this.maxKeys) this.windows.delete(this.windows.keys().next().value!);
      this.windows.set(key, { count: 1, until: now + this.windowMs });
    } else w.count += 1;
  }

  succeed(key: string): void {
    this.windows.delete(key);
  }
}
