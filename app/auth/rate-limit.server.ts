// Failed-login limits, kept in memory: per account and per client address, each a fixed
// window. A restart forgets them, which is acceptable for a single-server app.
export interface RateLimitRule {
  max: number;
  windowMs: number;
}

export class RateLimiter {
  private hits = new Map<string, { count: number; resetAt: number }>();

  constructor(private now: () => number = Date.now) {}

  /** True when the key has used up its allowance in the current window. */
  isLimited(key: string, rule: RateLimitRule): boolean {
    const entry = this.hits.get(key);
    return !!entry && entry.resetAt > this.now() && entry.count >= rule.max;
  }

  hit(key: string, rule: RateLimitRule): void {
    const t = this.now();
    const entry = this.hits.get(key);
    if (!entry || entry.resetAt <= t) this.hits.set(key, { count: 1, resetAt: t + rule.windowMs });
    else entry.count += 1;
    if (this.hits.size > 50_000) this.sweep(t);
  }

  reset(key: string): void {
    this.hits.delete(key);
  }

  private sweep(t: number) {
    for (const [key, entry] of this.hits) if (entry.resetAt <= t) this.hits.delete(key);
  }
}

export const loginLimits = {
  perAccount: { max: 5, windowMs: 15 * 60_000 },
  perAddress: { max: 30, windowMs: 15 * 60_000 },
} satisfies Record<string, RateLimitRule>;
