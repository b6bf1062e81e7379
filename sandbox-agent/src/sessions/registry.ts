// Which student has which sandbox, which shells live in it, and when an unused one is freed.
// One sandbox per student; one shell per terminal tab; a sandbox outlives its last tab by the grace period.
// Layer: imports only kernel/, checks/ and protocol/ (README, How it fits together; biome.json enforces it).
import { randomBytes } from 'node:crypto';
import type { KernelConfig } from '../kernel/config';
import type { HostProbe } from '../kernel/probe';
import type { Sandbox } from '../kernel/sandbox';
import { type ServerMessage, TAB_COUNT, type WarmPoolState } from '../protocol';
import { type ShellActivity, type ShellClient, ShellSession } from './shell-session';
import { ActivityRelay, WarmPool, type WarmSandbox } from './warm-pool';

export type CreateSandbox = (
  cfg: KernelConfig,
  probe: HostProbe,
  opts: { id: string; slot: number; hostname: string },
) => Promise<Sandbox>;

export interface RegistryEvents {
  sandboxCreated(sandboxId: string, studentId: string): void;
  sandboxDestroyed(sandboxId: string, reason: string, studentId: string): void;
  /** Hooks a new shell's activity (prompts, quiet after input) to whoever runs the checks. */
  shellActivity?(studentId: string): ShellActivity | undefined;
  /** The warm pool's ready or starting count changed. */
  warmChanged?(): void;
}

export class CapacityError extends Error {
  constructor(max: number) {
    super(`all ${max} sandboxes are in use`);
  }
}

/** The size a warm sandbox's idle shell starts at; the tab that takes it resizes it to its own. */
const WARM_SHELL_SIZE = { cols: 80, rows: 24 };

interface Entry {
  studentId: string;
  sandbox: Sandbox;
  shells: (ShellSession | undefined)[];
  /** A warm sandbox's idle shell, until the first tab that needs a shell takes it. */
  spare: ShellSession | undefined;
  clients: Set<ShellClient>;
  graceTimer: NodeJS.Timeout | undefined;
  destroying: Promise<void> | undefined;
}

export interface Attachment {
  shell: ShellSession;
  sandboxName: string;
  resumed: boolean;
}

export class SandboxRegistry {
  private readonly entries = new Map<string, Promise<Entry>>();
  private readonly usedSlots = new Set<number>();
  private readonly warm: WarmPool<WarmSandbox>;
  /** Students' sandboxes starting now (a warm refill waits for them). */
  private starting = 0;
  private closing = false;

  constructor(
    private readonly kernel: KernelConfig,
    private readonly probe: HostProbe,
    private readonly opts: {
      graceMs: number;
      /** Sandboxes at once, warm ones included. */
      maxSandboxes: number;
      /** Kept started for the next students (GAIOLA_WARM_SANDBOXES); none when absent. */
      warmSandboxes?: number;
    },
    private readonly createSandbox: CreateSandbox,
    private readonly events: RegistryEvents,
    private readonly log: (line: string) => void = () => {},
  ) {
    this.warm = new WarmPool({
      target: opts.warmSandboxes ?? 0,
      room: () => this.entries.size + this.warm.size < this.opts.maxSandboxes,
      busy: () => this.starting > 0,
      start: () => this.startWarm(),
      free: (w) => this.freeWarm(w),
      log: this.log,
      changed: () => this.events.warmChanged?.(),
    });
  }

  /** Students' sandboxes (warm ones are not yet anyone's). */
  get size(): number {
    return this.entries.size;
  }

  /** Warm sandboxes ready for the next students. */
  get warmReady(): number {
    return this.warm.readyCount;
  }

  /** The warm pool: ready, starting, and how many it keeps ready (the instructor's page shows them). */
  get warmPool(): WarmPoolState {
    return { ready: this.warm.readyCount, starting: this.warm.startingCount, target: this.warm.targetCount };
  }

  /**
   * Keeps `n` warm from now on (an instructor warming for the class): more start in the background, one at a time
   * and after the students' own starts; fewer frees the surplus warm ones, which are nobody's, never a student's.
   * Capped by the capacity as ever: warm ones count against it.
   */
  setWarmTarget(n: number): void {
    if (!this.closing) this.warm.setTarget(n);
  }

  /** The warm sandboxes ready now (tests and benchmarks compare them with what a student gets). */
  get warmSandboxes(): readonly Sandbox[] {
    return this.warm.readyNow.map((w) => w.sandbox);
  }

  /** Starts filling the warm pool (the agent calls it once it serves). */
  startWarming(): void {
    if (!this.closing) this.warm.refill(0);
  }

  /**
   * Finds (or creates) a student's sandbox and the shell of a tab. The caller greets the client and then
   * calls `shell.attach(client)`, which replays recent output: the greeting must come first.
   */
  async attach(
    studentId: string,
    tab: number,
    size: { cols: number; rows: number },
    client: ShellClient,
  ): Promise<Attachment> {
    if (this.closing) throw new Error('agent is shutting down');
    if (!Number.isInteger(tab) || tab < 0 || tab >= TAB_COUNT) throw new RangeError(`tab ${tab}`);
    let entry = await this.entryFor(studentId);
    // A tab that (re)connects while the student's sandbox is being torn down (a reset, the grace period's end)
    // waits for the teardown and gets the fresh sandbox: never a shell of the dying one.
    while (entry.destroying) {
      await entry.destroying.catch(() => undefined);
      if (this.closing) throw new Error('agent is shutting down');
      entry = await this.entryFor(studentId);
    }
    if (entry.graceTimer) {
      clearTimeout(entry.graceTimer);
      entry.graceTimer = undefined;
    }
    let shell = entry.shells[tab];
    const resumed = shell !== undefined && !shell.exited;
    if (!shell || shell.exited) {
      shell =
        takeSpare(entry, size) ??
        new ShellSession(entry.sandbox.openShell(size), this.events.shellActivity?.(studentId));
      entry.shells[tab] = shell;
      const current = shell;
      current.onExit(() => {
        if (entry.shells[tab] === current) entry.shells[tab] = undefined;
      });
    }
    // A new shell too: it learns the size it was opened at (a look draws at it); the kernel ignores a same size.
    shell.resize(size.cols, size.rows);
    entry.clients.add(client);
    return { shell, sandboxName: entry.sandbox.hostname, resumed };
  }

  /** A tab closed: when it was the sandbox's last, the grace period starts. */
  detach(studentId: string, shell: ShellSession, client: ShellClient): void {
    shell.detach(client);
    const pending = this.entries.get(studentId);
    if (!pending) return;
    void pending.then((entry) => {
      entry.clients.delete(client);
      if (entry.clients.size === 0 && !entry.destroying && !entry.graceTimer) {
        entry.graceTimer = setTimeout(() => void this.destroy(studentId, 'grace-expired'), this.opts.graceMs);
        entry.graceTimer.unref();
      }
    });
  }

  /** Frees a student's sandbox now (its tabs are closed with `closeCode`); never rejects: a failure is logged. */
  async destroy(studentId: string, reason: string, closeCode = 4008): Promise<void> {
    const pending = this.entries.get(studentId);
    if (!pending) return;
    let entry: Entry;
    try {
      entry = await pending;
    } catch {
      return;
    }
    entry.destroying ??= (async () => {
      if (entry.graceTimer) clearTimeout(entry.graceTimer);
      for (const c of entry.clients) c.close(closeCode);
      entry.clients.clear();
      try {
        for (const s of entry.shells) s?.kill();
        entry.spare?.kill();
        await entry.sandbox.destroy();
      } catch (err) {
        // Said, not thrown: most callers free a sandbox in the background (the grace timer, a restart, a
        // preparation, an exited sandbox), where a rejection would end the whole agent; what the teardown could
        // not free is reclaimed at the next start.
        this.log(`freeing sandbox ${entry.sandbox.id} (${reason}): ${(err as Error).message}`);
      } finally {
        this.usedSlots.delete(entry.sandbox.slot);
        if (this.entries.get(studentId) === pending) this.entries.delete(studentId);
        this.events.sandboxDestroyed(entry.sandbox.id, reason, studentId);
        // Room again under the capacity: the pool may refill.
        this.warm.refill();
      }
    })();
    return entry.destroying;
  }

  /** The student's sandbox, when it is running (not while it is being created or destroyed). */
  async sandboxOf(studentId: string): Promise<Sandbox | undefined> {
    const pending = this.entries.get(studentId);
    if (!pending) return undefined;
    try {
      const entry = await pending;
      return entry.destroying ? undefined : entry.sandbox;
    } catch {
      return undefined;
    }
  }

  /** Host PID of each tab's pty process (the launcher that started its shell), by tab; undefined where no shell runs. */
  async ptyPids(studentId: string): Promise<(number | undefined)[]> {
    const pending = this.entries.get(studentId);
    if (!pending) return [];
    try {
      return (await pending).shells.map((s) => (s && !s.exited ? s.pid : undefined));
    } catch {
      return [];
    }
  }

  /** The student's running shells, by tab (an instructor's look watches them); empty without a sandbox. */
  async shellsOf(studentId: string): Promise<(ShellSession | undefined)[]> {
    const pending = this.entries.get(studentId);
    if (!pending) return [];
    try {
      const entry = await pending;
      return entry.destroying ? [] : entry.shells.map((s) => (s && !s.exited ? s : undefined));
    } catch {
      return [];
    }
  }

  /** Sends a control message to every open tab of a student. */
  broadcast(studentId: string, msg: ServerMessage): void {
    void this.entries.get(studentId)?.then(
      (entry) => {
        for (const c of entry.clients) c.send(msg);
      },
      () => {},
    );
  }

  async destroyAll(reason: string): Promise<void> {
    this.closing = true;
    await Promise.allSettled([
      this.warm.close(),
      ...[...this.entries.keys()].map((id) => this.destroy(id, reason, 4011)),
    ]);
  }

  /**
   * A warm sandbox when one is ready; else a new one when it fits; else, when the pool holds the rest of the
   * capacity, the next warm one to be ready; else the class is full.
   */
  private entryFor(studentId: string): Promise<Entry> {
    const existing = this.entries.get(studentId);
    if (existing) return existing;
    const warm = this.warm.take();
    let pending: Promise<Entry>;
    if (warm) pending = Promise.resolve(this.adoptWarm(studentId, warm));
    else if (this.entries.size + this.warm.size < this.opts.maxSandboxes) pending = this.create(studentId);
    else if (this.warm.size > 0)
      pending = this.warm.next().then((w) => {
        if (!w) throw new CapacityError(this.opts.maxSandboxes);
        return this.adoptWarm(studentId, w);
      });
    else return Promise.reject(new CapacityError(this.opts.maxSandboxes));
    this.entries.set(studentId, pending);
    pending.catch(() => {
      if (this.entries.get(studentId) === pending) this.entries.delete(studentId);
    });
    return pending;
  }

  private async create(studentId: string): Promise<Entry> {
    this.starting += 1;
    try {
      return this.adopt(studentId, await this.startSandbox());
    } finally {
      this.starting -= 1;
      this.warm.refill();
    }
  }

  /** A new sandbox with a fresh slot; the slot is freed again when the start fails. */
  private async startSandbox(): Promise<Sandbox> {
    const slot = this.takeSlot();
    // A fresh random name: cgroup and mount names on the host never reveal who the student is.
    const name = randomBytes(5).toString('hex');
    try {
      return await this.createSandbox(this.kernel, this.probe, {
        id: `gaiola-${name}`,
        slot,
        hostname: `gaiola-${name.slice(0, 4)}`,
      });
    } catch (err) {
      this.usedSlots.delete(slot);
      throw err;
    }
  }

  /** A warm sandbox becomes this student's, its idle shell's prompts going to their checks. */
  private adoptWarm(studentId: string, warm: WarmSandbox): Entry {
    warm.activity.target = this.events.shellActivity?.(studentId);
    return this.adopt(studentId, warm.sandbox, warm.shell);
  }

  /** A sandbox becomes this student's: from here on it is theirs in the store, the engine and the panel. */
  private adopt(studentId: string, sandbox: Sandbox, spare?: ShellSession): Entry {
    this.events.sandboxCreated(sandbox.id, studentId);
    const entry: Entry = {
      studentId,
      sandbox,
      shells: new Array<ShellSession | undefined>(TAB_COUNT).fill(undefined),
      spare,
      clients: new Set(),
      graceTimer: undefined,
      destroying: undefined,
    };
    void sandbox.exited.then(() => {
      if (!entry.destroying) void this.destroy(studentId, 'sandbox-exited');
    });
    return entry;
  }

  /** A sandbox for nobody yet, with its first shell started and paused. */
  private async startWarm(): Promise<WarmSandbox> {
    const sandbox = await this.startSandbox();
    try {
      const activity = new ActivityRelay();
      return { sandbox, shell: new ShellSession(sandbox.openShell(WARM_SHELL_SIZE), activity), activity };
    } catch (err) {
      await this.freeSandbox(sandbox);
      throw err;
    }
  }

  private async freeWarm(warm: WarmSandbox): Promise<void> {
    warm.shell.kill();
    await this.freeSandbox(warm.sandbox);
  }

  private async freeSandbox(sandbox: Sandbox): Promise<void> {
    try {
      await sandbox.destroy();
    } finally {
      this.usedSlots.delete(sandbox.slot);
    }
  }

  private takeSlot(): number {
    for (let s = 0; s < this.kernel.maxSlots; s++) {
      if (!this.usedSlots.has(s)) {
        this.usedSlots.add(s);
        return s;
      }
    }
    throw new CapacityError(this.kernel.maxSlots);
  }
}

/** A warm sandbox's idle shell for the first tab that needs one, at that tab's size; undefined when there is none. */
function takeSpare(entry: Entry, size: { cols: number; rows: number }): ShellSession | undefined {
  const spare = entry.spare;
  entry.spare = undefined;
  if (!spare || spare.exited) return undefined;
  spare.resize(size.cols, size.rows);
  return spare;
}
