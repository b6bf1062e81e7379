// The warm pool's bookkeeping with sandboxes that are only names and a death: how many it keeps, when it
// starts one, what a take and a close do. The real sandboxes are in test/warm-sandboxes.kernel.test.ts.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { REFILL_DELAY_MS, WarmPool } from './warm-pool';

interface Fake {
  name: string;
  sandbox: { exited: Promise<void> };
  die(): void;
}

/** `holdFrees`: a free ends only when the test calls releaseFrees (a sandbox's teardown takes a while). */
function rig(target: number, capacity = 10, holdFrees = false) {
  let n = 0;
  const made: Fake[] = [];
  const freed: string[] = [];
  const pending: { resolve(): void; reject(err: Error): void }[] = [];
  const state = { busy: false, held: 0 };
  const heldFrees: (() => void)[] = [];
  const changes = { n: 0 };
  const pool: WarmPool<Fake> = new WarmPool<Fake>({
    target,
    changed: () => {
      changes.n += 1;
    },
    room: () => state.held + pool.size < capacity,
    busy: () => state.busy,
    start: () =>
      new Promise<Fake>((resolve, reject) => {
        let die = () => {};
        const fake: Fake = {
          name: `w${n++}`,
          sandbox: { exited: new Promise<void>((r) => (die = r)) },
          die: () => die(),
        };
        pending.push({
          resolve: () => {
            made.push(fake);
            resolve(fake);
          },
          reject,
        });
      }),
    free: async (w) => {
      if (holdFrees) await new Promise<void>((r) => heldFrees.push(r));
      freed.push(w.name);
    },
    log: () => {},
  });
  /** Lets the start asked for last finish (or fail), then runs what follows it. */
  const finish = async (err?: Error) => {
    const p = pending.shift();
    if (!p) throw new Error('no start pending');
    if (err) p.reject(err);
    else p.resolve();
    await vi.advanceTimersByTimeAsync(0);
  };
  const releaseFrees = () => {
    for (const r of heldFrees.splice(0)) r();
  };
  return { pool, made, freed, pending, state, finish, releaseFrees, changes };
}

describe('WarmPool', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('fills to its target one start at a time, and keeps none at 0', async () => {
    const r = rig(2);
    r.pool.refill(0);
    await vi.advanceTimersByTimeAsync(0);
    expect(r.pending).toHaveLength(1);
    expect(r.pool.size).toBe(1);
    expect(r.pool.readyCount).toBe(0);
    await r.finish();
    expect(r.pending).toHaveLength(1);
    await r.finish();
    expect(r.pool.readyCount).toBe(2);
    await vi.advanceTimersByTimeAsync(10 * REFILL_DELAY_MS);
    expect(r.pending).toHaveLength(0);

    const none = rig(0);
    none.pool.refill(0);
    await vi.advanceTimersByTimeAsync(10 * REFILL_DELAY_MS);
    expect(none.pending).toHaveLength(0);
  });

  it('counts against the capacity: no start when the last place is taken', async () => {
    const r = rig(2, 3);
    r.state.held = 2;
    r.pool.refill(0);
    await vi.advanceTimersByTimeAsync(0);
    await r.finish();
    await vi.advanceTimersByTimeAsync(10 * REFILL_DELAY_MS);
    expect(r.pool.size).toBe(1);
    expect(r.pending).toHaveLength(0);
  });

  it('waits while a student’s sandbox starts, then refills after a take', async () => {
    const r = rig(1);
    r.state.busy = true;
    r.pool.refill(0);
    await vi.advanceTimersByTimeAsync(5 * REFILL_DELAY_MS);
    expect(r.pending).toHaveLength(0);
    r.state.busy = false;
    await vi.advanceTimersByTimeAsync(REFILL_DELAY_MS);
    await r.finish();
    const taken = r.pool.take();
    expect(taken?.name).toBe('w0');
    expect(r.pool.take()).toBeUndefined();
    expect(r.pending).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(REFILL_DELAY_MS);
    expect(r.pending).toHaveLength(1);
  });

  it('hands the one starting to a student who would otherwise be refused; undefined when none is', async () => {
    const r = rig(1);
    expect(await r.pool.next()).toBeUndefined();
    r.pool.refill(0);
    await vi.advanceTimersByTimeAsync(0);
    const next = r.pool.next();
    await r.finish();
    expect((await next)?.name).toBe('w0');
  });

  it('replaces one that died while warm, and frees it', async () => {
    const r = rig(1);
    r.pool.refill(0);
    await vi.advanceTimersByTimeAsync(0);
    await r.finish();
    r.made[0]?.die();
    await vi.advanceTimersByTimeAsync(0);
    expect(r.freed).toEqual(['w0']);
    expect(r.pool.readyCount).toBe(0);
    await vi.advanceTimersByTimeAsync(REFILL_DELAY_MS);
    await r.finish();
    expect(r.pool.readyNow.map((w) => w.name)).toEqual(['w1']);
  });

  it('waits on close for one it is still freeing: a warm sandbox that died as the agent stops (Ctrl-C)', async () => {
    const r = rig(1, 10, true);
    r.pool.refill(0);
    await vi.advanceTimersByTimeAsync(0);
    await r.finish();
    r.made[0]?.die();
    await vi.advanceTimersByTimeAsync(0);
    expect(r.pool.size).toBe(0);
    let closed = false;
    const closing = r.pool.close().then(() => {
      closed = true;
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(closed, 'close waits for the free under way').toBe(false);
    r.releaseFrees();
    await closing;
    expect(r.freed).toEqual(['w0']);
  });

  it('backs off after a failed start instead of retrying in a loop', async () => {
    const r = rig(1);
    r.pool.refill(0);
    await vi.advanceTimersByTimeAsync(0);
    await r.finish(new Error('no launcher'));
    await vi.advanceTimersByTimeAsync(REFILL_DELAY_MS);
    expect(r.pending).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(2 * REFILL_DELAY_MS);
    expect(r.pending).toHaveLength(1);
  });

  it('raised by the instructor: fills to the new target in the background, one start at a time, and says so', async () => {
    const r = rig(1);
    r.pool.refill(0);
    await vi.advanceTimersByTimeAsync(0);
    await r.finish();
    expect(r.pool.readyCount).toBe(1);
    const told = r.changes.n;
    r.pool.setTarget(3);
    expect(r.pool.targetCount).toBe(3);
    await vi.advanceTimersByTimeAsync(0);
    expect(r.pending).toHaveLength(1);
    expect(r.pool.startingCount).toBe(1);
    expect(r.changes.n, 'a start begun is told').toBeGreaterThan(told);
    // a student's start comes first: the pool waits for it
    r.state.busy = true;
    await r.finish();
    await vi.advanceTimersByTimeAsync(5 * REFILL_DELAY_MS);
    expect(r.pending).toHaveLength(0);
    expect(r.pool.readyCount).toBe(2);
    r.state.busy = false;
    await vi.advanceTimersByTimeAsync(REFILL_DELAY_MS);
    await r.finish();
    expect(r.pool.readyCount).toBe(3);
    expect(r.pool.startingCount).toBe(0);
    await vi.advanceTimersByTimeAsync(10 * REFILL_DELAY_MS);
    expect(r.pending).toHaveLength(0);
  });

  it('raised beyond the capacity: stops where the capacity does', async () => {
    const r = rig(0, 3);
    r.state.held = 1;
    r.pool.setTarget(5);
    await vi.advanceTimersByTimeAsync(0);
    await r.finish();
    await r.finish();
    await vi.advanceTimersByTimeAsync(10 * REFILL_DELAY_MS);
    expect(r.pending).toHaveLength(0);
    expect(r.pool.readyCount).toBe(2);
  });

  it('lowered: frees the surplus ready ones at once, keeps the oldest, and starts no more', async () => {
    const r = rig(3);
    r.pool.refill(0);
    await vi.advanceTimersByTimeAsync(0);
    for (let i = 0; i < 3; i++) await r.finish();
    expect(r.pool.readyCount).toBe(3);
    const told = r.changes.n;
    r.pool.setTarget(1);
    await vi.advanceTimersByTimeAsync(0);
    expect(r.freed.sort()).toEqual(['w1', 'w2']);
    expect(r.pool.readyNow.map((w) => w.name)).toEqual(['w0']);
    expect(r.changes.n).toBeGreaterThan(told);
    await vi.advanceTimersByTimeAsync(10 * REFILL_DELAY_MS);
    expect(r.pending).toHaveLength(0);
    // to 0: none left, and a take does not start another
    r.pool.setTarget(0);
    await vi.advanceTimersByTimeAsync(0);
    expect(r.freed.sort()).toEqual(['w0', 'w1', 'w2']);
    expect(r.pool.size).toBe(0);
    expect(r.pool.take()).toBeUndefined();
    await vi.advanceTimersByTimeAsync(10 * REFILL_DELAY_MS);
    expect(r.pending).toHaveLength(0);
  });

  it('lowered while one starts: that one is freed when it is ready, unless a student waits for it', async () => {
    const r = rig(2);
    r.pool.refill(0);
    await vi.advanceTimersByTimeAsync(0);
    await r.finish();
    expect(r.pool.startingCount).toBe(1);
    r.pool.setTarget(1);
    await r.finish();
    expect(r.freed).toEqual(['w1']);
    expect(r.pool.readyNow.map((w) => w.name)).toEqual(['w0']);
    expect(r.pool.size).toBe(1);

    // a student who would otherwise be refused waits for the one starting: it is theirs, not freed
    const s = rig(1);
    s.pool.refill(0);
    await vi.advanceTimersByTimeAsync(0);
    const next = s.pool.next();
    s.pool.setTarget(0);
    await s.finish();
    expect((await next)?.name).toBe('w0');
    expect(s.freed).toEqual([]);
  });

  it('frees every one on close, a start still running included, and starts no more', async () => {
    const r = rig(2);
    r.pool.refill(0);
    await vi.advanceTimersByTimeAsync(0);
    await r.finish();
    expect(r.pending).toHaveLength(1);
    const closed = r.pool.close();
    await r.finish();
    await closed;
    expect(r.freed.sort()).toEqual(['w0', 'w1']);
    expect(r.pool.size).toBe(0);
    r.pool.refill(0);
    await vi.advanceTimersByTimeAsync(10 * REFILL_DELAY_MS);
    expect(r.pending).toHaveLength(0);
  });
});
