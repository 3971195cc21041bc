// Limits on failures, kept in memory; a restart forgets them, which is acceptable for a
// single-server app. Two kinds of rule:
// - a fixed window: at most `max` failures per `windowMs`, then wait until the window ends;
// - growing delays: `free` failures, then each further attempt waits twice as long as the one
//   before (from `firstDelayMs` up to `maxDelayMs`); forgotten `forgetMs` after the last failure.
export type WindowRule = { max: number; windowMs: number };
export type BackoffRule = { free: number; firstDelayMs: number; maxDelayMs: number; forgetMs: number };
export type RateLimitRule = WindowRule | BackoffRule;

interface Entry {
  count: number;
  last: number;
  expiresAt: number;
}

export class RateLimiter {
  private hits = new Map<string, Entry>();

  constructor(private now: () => number = Date.now) {}

  /** Milliseconds until the key may try again; 0 when it may now. */
  retryAfterMs(key: string, rule: RateLimitRule): number {
    const t = this.now();
    const entry = this.hits.get(key);
    if (!entry || entry.expiresAt <= t) return 0;
    if ("windowMs" in rule) return entry.count >= rule.max ? entry.expiresAt - t : 0;
    if (entry.count < rule.free) return 0;
    const delay = Math.min(rule.firstDelayMs * 2 ** (entry.count - rule.free), rule.maxDelayMs);
    return Math.max(0, entry.last + delay - t);
  }

  /** True when the key has to wait before its next attempt. */
  isLimited(key: string, rule: RateLimitRule): boolean {
    return this.retryAfterMs(key, rule) > 0;
  }

  /** Counts one failure. */
  hit(key: string, rule: RateLimitRule): void {
    const t = this.now();
    let entry = this.hits.get(key);
    if (!entry || entry.expiresAt <= t) {
      entry = { count: 0, last: t, expiresAt: "windowMs" in rule ? t + rule.windowMs : 0 };
      this.hits.set(key, entry);
    }
    entry.count += 1;
    entry.last = t;
    if (!("windowMs" in rule)) entry.expiresAt = t + rule.forgetMs;
    if (this.hits.size > 50_000) this.sweep(t);
  }

  reset(key: string): void {
    this.hits.delete(key);
  }

  private sweep(t: number) {
    for (const [key, entry] of this.hits) if (entry.expiresAt <= t) this.hits.delete(key);
  }
}

export const loginLimits = {
  // Per account and address together: only that pair slows down, so wrong passwords typed
  // anywhere else never keep the owner of the account out. 5 free, then 5 s, 10 s, 20 s … 15 min.
  perPair: { free: 5, firstDelayMs: 5_000, maxDelayMs: 15 * 60_000, forgetMs: 24 * 3600_000 },
  // Per address over all accounts: someone trying many accounts from one place.
  perAddress: { max: 30, windowMs: 15 * 60_000 },
} satisfies Record<string, RateLimitRule>;
