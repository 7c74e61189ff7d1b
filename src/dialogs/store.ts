import type { IntakeState } from './intake.js';

export interface StatusState {
  kind: 'status';
  step: 'number' | 'last4';
  number?: string;
}

export type DialogState = IntakeState | StatusState;

/** Conversation state per session; in memory by default (a Redis store can serve many instances). */
export interface SessionStore {
  get(sessionId: string): Promise<DialogState | undefined>;
  set(sessionId: string, state: DialogState): Promise<void>;
  delete(sessionId: string): Promise<void>;
}

/** Bounded and expiring, so abandoned conversations cannot grow memory without limit. */
export class MemorySessionStore implements SessionStore {
  private readonly map = new Map<string, { state: DialogState; expires: number }>();

  constructor(
    private readonly ttlMs = 30 * 60 * 1000,
    private readonly maxSessions = 50_000,
  ) {}

  async get(id: string): Promise<DialogState | undefined> {
    const v = this.map.get(id);
    if (!v) return undefined;
    if (v.expires < Date.now()) {
      this.map.delete(id);
      return undefined;
    }
    return v.state;
  }

  async set(id: string, state: DialogState): Promise<void> {
    this.map.delete(id);
    if (this.map.size >= this.maxSessions) {
      const oldest = this.map.keys().next().value;
      if (oldest !== undefined) this.map.delete(oldest);
    }
    this.map.set(id, { state, expires: Date.now() + this.ttlMs });
  }

  async delete(id: string): Promise<void> {
    this.map.delete(id);
  }
}
