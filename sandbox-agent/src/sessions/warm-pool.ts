// Sandboxes started before a student asks (issue 18, "Warm sandboxes"): a few kept ready, each with its
// namespaces, overlay root, cgroups and one idle shell, so a new student's first tab finds a prompt already
// printed. A warm sandbox belongs to nobody: no student id, no store row, no event, until the registry takes
// it; the registry also decides whether one more fits (warm ones count against the capacity).
// Layer: sessions/, imports only kernel/ types and its own folder (README, How it fits together).
import type { Sandbox } from '../kernel/sandbox';
import type { ShellActivity, ShellSession } from './shell-session';

/**
 * A refill waits this long after the last student start or take: a student's second tab and first checks come
 * right after the first tab, and a warm start (a launcher, mounts, cgroups, a bash) would take the same CPUs.
 * Not `nice`: the sandbox's processes would inherit it, and a student would find their shell niced.
 */
export const REFILL_DELAY_MS = 250;
/** After a failed start the next waits twice as long, up to this: a broken host is not retried in a loop. */
const MAX_RETRY_DELAY_MS = 30_000;

/** Hands a warm shell's prompts and quiet moments to whoever runs the checks, once a student owns it. */
export class ActivityRelay implements ShellActivity {
  target: ShellActivity | undefined;

  prompt(): void {
    this.target?.prompt();
  }

  quietAfterInput(): void {
    this.target?.quietAfterInput();
  }
}

export interface WarmSandbox {
  readonly sandbox: Sandbox;
  /** The first tab's shell: started, paused (nothing of it read) until a tab attaches. */
  readonly shell: ShellSession;
  readonly activity: ActivityRelay;
}

/** What the pool needs to know of what it holds: when it dies. */
interface Held {
  readonly sandbox: { readonly exited: Promise<void> };
}

export interface WarmPoolDeps<W extends Held> {
  /** How many to keep ready at first (GAIOLA_WARM_SANDBOXES); 0 keeps none. `setTarget` changes it. */
  target: number;
  /** Whether one more sandbox fits under the capacity, counting the pool's own. */
  room(): boolean;
  /** Whether a student's sandbox is starting now: a refill waits until none is. */
  busy(): boolean;
  /** Starts one with a fresh name and slot; on failure it has freed what it made. */
  start(): Promise<W>;
  /** Frees one that nobody took. */
  free(warm: W): Promise<void>;
  log(line: string): void;
  /** How many are ready or starting changed (the instructor's page shows them). */
  changed?(): void;
}

export class WarmPool<W extends Held> {
  private readonly ready: W[] = [];
  private readonly starting = new Set<Promise<void>>();
  /** Frees under way (one that died while warm): close waits for them, or the agent would exit mid-teardown. */
  private readonly freeing = new Set<Promise<void>>();
  private timer: NodeJS.Timeout | undefined;
  private failures = 0;
  private closed = false;
  private target: number;
  /** Students waiting in `next` for the one starting: a start that ends above the target goes to them first. */
  private waiting = 0;

  constructor(private readonly deps: WarmPoolDeps<W>) {
    this.target = deps.target;
  }

  /** Ready and starting: what the pool holds against the capacity. */
  get size(): number {
    return this.ready.length + this.starting.size;
  }

  get readyCount(): number {
    return this.ready.length;
  }

  get startingCount(): number {
    return this.starting.size;
  }

  /** How many it keeps ready. */
  get targetCount(): number {
    return this.target;
  }

  /**
   * Keeps `n` ready from now on (an instructor warming for a class). A higher target fills in the background as
   * a take does, one start at a time after the students' own; a lower one frees the ready ones beyond it now,
   * and a start under way that ends beyond it is freed then, unless a student waits for it.
   */
  setTarget(n: number): void {
    if (this.closed) return;
    this.target = Math.max(0, Math.floor(n));
    const surplus = this.ready.splice(this.target);
    for (const w of surplus) void this.free(w);
    if (surplus.length > 0) this.deps.changed?.();
    this.refill(0);
  }

  /** The ones ready now, oldest first (tests and benchmarks look at them). */
  get readyNow(): readonly W[] {
    return [...this.ready];
  }

  /** A ready one, now, or undefined; the pool refills in the background. */
  take(): W | undefined {
    const warm = this.ready.shift();
    if (warm) this.deps.changed?.();
    this.refill();
    return warm;
  }

  /** A ready one, or the next to be ready when one is starting (before a student is refused); else undefined. */
  async next(): Promise<W | undefined> {
    this.waiting += 1;
    try {
      for (;;) {
        const warm = this.take();
        if (warm || this.starting.size === 0) return warm;
        await Promise.race(this.starting);
      }
    } finally {
      this.waiting -= 1;
    }
  }

  /** Starts filling after `delayMs`, or postpones a fill already planned: it waits for a quiet moment. */
  refill(delayMs = REFILL_DELAY_MS): void {
    if (this.closed || this.target <= 0) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.fill();
    }, delayMs);
    this.timer.unref();
  }

  /** Stops refilling and frees every warm sandbox, those still starting and those being freed included. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await Promise.allSettled(this.starting);
    for (const w of this.ready.splice(0)) void this.free(w);
    await Promise.all(this.freeing);
  }

  /** One start at a time; each one's end plans the next. */
  private fill(): void {
    if (this.closed || this.starting.size > 0) return;
    if (this.ready.length >= this.target || !this.deps.room()) return;
    if (this.deps.busy()) {
      this.refill();
      return;
    }
    const started = this.deps.start().then(
      (warm) => {
        this.failures = 0;
        // The target was lowered while it started: beyond it, and nobody waiting for it.
        if (this.closed || this.ready.length >= this.target + this.waiting) return this.free(warm);
        this.ready.push(warm);
        void warm.sandbox.exited.then(() => this.dropDead(warm));
      },
      (err: Error) => {
        this.failures += 1;
        this.deps.log(`warm sandbox failed to start: ${err.message}`);
      },
    );
    const tracked = started.finally(() => {
      this.starting.delete(tracked);
      this.deps.changed?.();
      this.refill(this.failures === 0 ? 0 : Math.min(MAX_RETRY_DELAY_MS, REFILL_DELAY_MS * 2 ** this.failures));
    });
    this.starting.add(tracked);
    this.deps.changed?.();
  }

  /** A warm sandbox died before anyone took it (its launcher exited): freed and replaced. */
  private dropDead(warm: W): void {
    const at = this.ready.indexOf(warm);
    if (at < 0) return;
    this.ready.splice(at, 1);
    void this.free(warm);
    this.deps.changed?.();
    this.refill();
  }

  private free(warm: W): Promise<void> {
    const freed = this.deps
      .free(warm)
      .catch((err: Error) => this.deps.log(`freeing a warm sandbox: ${err.message}`))
      .finally(() => this.freeing.delete(freed));
    this.freeing.add(freed);
    return freed;
  }
}
