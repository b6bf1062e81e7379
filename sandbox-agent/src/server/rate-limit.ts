// A token bucket: `perSecond` messages a second on average, bursts up to `burst`.
export class RateLimiter {
  private tokens: number;
  private last: number;

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = burst;
    this.last = now();
  }

  take(): boolean {
    const t = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((t - this.last) / 1000) * this.perSecond);
    this.last = t;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/** One RateLimiter per key (a client address, a student), remembering at most `maxKeys`: the oldest go first. */
export class KeyedRateLimiter {
  private readonly limiters = new Map<string, RateLimiter>();

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly maxKeys: number,
  ) {}

  take(key: string): boolean {
    let l = this.limiters.get(key);
    if (!l) {
      if (this.limiters.size >= this.maxKeys) {
        const oldest = this.limiters.keys().next().value;
        if (oldest !== undefined) this.limiters.delete(oldest);
      }
      l = new RateLimiter(this.perSecond, this.burst);
      this.limiters.set(key, l);
    }
    return l.take();
  }
}
