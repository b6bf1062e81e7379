import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limit';

describe('RateLimiter', () => {
  it('allows a burst, then refills at the given rate', () => {
    let now = 0;
    const r = new RateLimiter(10, 3, () => now);
    expect([r.take(), r.take(), r.take(), r.take()]).toEqual([true, true, true, false]);
    now += 100;
    expect(r.take()).toBe(true);
    expect(r.take()).toBe(false);
    now += 10_000;
    expect([r.take(), r.take(), r.take(), r.take()]).toEqual([true, true, true, false]);
  });
});
