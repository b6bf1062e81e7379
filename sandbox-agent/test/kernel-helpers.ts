// Shared pieces of the kernel integration tests: a unique cgroup parent / run dir / slot per run, a
// terminal driver that types into a real sandbox shell and waits for a printed marker (never sleeps
// blindly), host-side snapshots for leak checks, and the fixtures every kernel test file starts with.
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { accessSync, constants, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import type { IPty } from 'node-pty';
import { afterAll, beforeAll, expect } from 'vitest';
import { parentDirs } from '../src/kernel/cgroup-layout';
import { defaultKernelConfig, IDS_PER_SLOT, type KernelConfig } from '../src/kernel/config';
import { type HostProbe, probeHost } from '../src/kernel/probe';
import { createSandbox, reclaimLeftovers, releaseHostResources, type Sandbox } from '../src/kernel/sandbox';

/** A run's own names: `gaiola-t<hex>` for the cgroup parent and `/run/gaiola-t<hex>` for the run dir. */
export function testKernelConfig(overrides: Partial<KernelConfig> = {}): KernelConfig {
  const tag = randomBytes(4).toString('hex');
  return defaultKernelConfig({
    cgroupParent: `gaiola-t${tag}`,
    runDir: `/run/gaiola-t${tag}`,
    ...overrides,
  });
}

/** Slots near the top of the range, away from a running agent's (it fills slots from 0). */
export function testSlot(offset = 0): number {
  return 150 + ((randomBytes(1)[0] ?? 0) % 40) + offset;
}

export function testId(): string {
  return `gaiola-t${randomBytes(5).toString('hex')}`;
}

/** Why the kernel tests cannot run here, or undefined. Printed, never silently passed (CONVENTIONS §12). */
export function kernelTestSkipReason(probe?: HostProbe): string | undefined {
  if (process.getuid?.() !== 0) return 'kernel tests need root';
  const cfg = defaultKernelConfig();
  try {
    accessSync(cfg.launcherPath, constants.X_OK);
  } catch {
    return `launcher ${cfg.launcherPath} not built (bash scripts/build-launcher.sh)`;
  }
  if (!existsSync(`${cfg.baseImageDir}/bin/bash`))
    return `no base image at ${cfg.baseImageDir} (bash scripts/build-base-image.sh)`;
  const p = probe ?? probeHost();
  if (p.problems.length > 0) return `host cannot run sandboxes: ${p.problems.join('; ')}`;
  return undefined;
}

export interface KernelSuite {
  /** The host, probed once for the whole file. */
  readonly probe: HostProbe;
  /** Why this file cannot run here (already printed), or undefined. */
  readonly skip: string | undefined;
}

/**
 * The preamble of a kernel test file: the host probed once, and why the file cannot run here (the kernel tests'
 * needs, then each of `more` in order, the first that answers), printed once as `[name] skipped: why`, so that a
 * `describe.skipIf(skip !== undefined)` never passes silently (CONVENTIONS §12).
 */
export function kernelSuite(name: string, ...more: ((probe: HostProbe) => string | undefined)[]): KernelSuite {
  const probe = probeHost();
  let skip = kernelTestSkipReason(probe);
  for (const why of more) skip ??= why(probe);
  if (skip) console.warn(`[${name}] skipped: ${skip}`);
  return { probe, skip };
}

/** Frees a test run's parent cgroups and its (empty) run dir. rmdir only: never removes anything non-empty. */
export function cleanupTestRun(cfg: KernelConfig, probe: HostProbe): Promise<void> {
  return releaseHostResources(cfg, probe);
}

/** Anything of this run still on the host: cgroup dirs under the parent, the run dir. */
export function leftovers(cfg: KernelConfig, probe: HostProbe): string[] {
  const out: string[] = [];
  for (const dir of parentDirs(probe.cgroup, cfg.cgroupParent)) if (existsSync(dir)) out.push(dir);
  if (existsSync(cfg.runDir)) out.push(cfg.runDir);
  return out;
}

/**
 * The mounts of a mountinfo text that a test could have made or leaked: every field that names a path or a
 * source (root, mount point, source, super options: an overlay's dirs) is checked for "gaiola", the prefix of
 * everything ours on the host (run dirs, images, the tmpfs sources the tests give). The host's own mounts come
 * and go meanwhile (systemd 257 mounts /run/credentials/<unit> while a unit starts) and must not count.
 * One "mount-point fstype source" per mount, sorted.
 */
export function gaiolaMounts(mountinfo: string): string[] {
  const out: string[] = [];
  for (const line of mountinfo.trim().split('\n')) {
    const [before, after = ''] = line.split(' - ');
    const [, , , root = '', mountPoint = ''] = (before ?? '').split(' ');
    const [fsType = '', source = '', superOptions = ''] = after.split(' ');
    if ([root, mountPoint, source, superOptions].some((f) => f.includes('gaiola')))
      out.push(`${mountPoint} ${fsType} ${source}`);
  }
  return out.sort();
}

/** The host's mounts (the test process's namespace) that are ours: see gaiolaMounts. */
export function hostMountPoints(): string[] {
  return gaiolaMounts(readFileSync('/proc/self/mountinfo', 'utf8'));
}

/** Every process's /proc/PID/`file` as [pid, text]; a process that exits meanwhile is left out. */
export function procFiles(file: string): [number, string][] {
  const out: [number, string][] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      out.push([Number(name), readFileSync(`/proc/${name}/${file}`, 'utf8')]);
    } catch {
      // exited meanwhile
    }
  }
  return out;
}

/**
 * PIDs of processes whose real uid lies in [base, base + 65536): the sandbox's. Zombies count unless
 * `liveOnly` (a zombie whose parent died waits for the host's init to reap it).
 */
export function processesInUidRange(base: number, liveOnly = false): number[] {
  const out: number[] = [];
  for (const [pid, status] of procFiles('status')) {
    const uid = Number(/^Uid:\s+(\d+)/m.exec(status)?.[1] ?? -1);
    if (liveOnly && /^State:\s+Z/m.test(status)) continue;
    if (uid >= base && uid < base + IDS_PER_SLOT) out.push(pid);
  }
  return out;
}

/** Direct children of a process (host pids). */
export function childrenOf(pid: number): number[] {
  try {
    const text = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
    return text === '' ? [] : text.split(' ').map(Number);
  } catch {
    return [];
  }
}

export function processAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // a zombie is dead for our purposes
    return !/^\d+ \(.*\) Z /.test(stat);
  } catch {
    return false;
  }
}

/**
 * A process's identity that never repeats: its PID and its start time (clock ticks since boot, field 22 of
 * /proc/PID/stat, counted from the last ')' as the name may hold one). PIDs are reused, the pair is not; a
 * zombie keeps its identity until reaped. Undefined when no such process exists.
 */
export function processIdentity(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const startTime = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
    return startTime === undefined ? undefined : `${pid}@${startTime}`;
  } catch {
    return undefined;
  }
}

/** Whether the process `identity` (from processIdentity) still exists, as a zombie or not. */
export function identityExists(identity: string): boolean {
  return processIdentity(Number(identity.split('@')[0])) === identity;
}

export function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Polls `pred` until it holds or `timeoutMs` passes; returns whether it held (never asserts a duration). */
export async function eventually(pred: () => boolean, timeoutMs = 20_000, stepMs = 50): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!pred()) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, stepMs));
  }
  return true;
}

/** Polls `cond` every `stepMs` until it holds; fails naming `what` after `timeoutMs`. */
export async function until(what: string, cond: () => boolean, timeoutMs = 10_000, stepMs = 20): Promise<void> {
  if (!(await eventually(cond, timeoutMs, stepMs)))
    throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

/** The cgroup directories (sandboxes') directly below each of `parents` that exist. */
export function sandboxDirsUnder(parents: string[]): string[] {
  return parents.flatMap((p) =>
    existsSync(p)
      ? readdirSync(p, { withFileTypes: true })
          .filter((e) => e.isDirectory())
          .map((e) => `${p}/${e.name}`)
      : [],
  );
}

/** What a child process (a launcher, a helper script) printed so far, collected as it comes. */
export interface ChildOutput {
  readonly out: string;
  readonly err: string;
  /** Resolves with the match once stdout so far matches `pattern`; rejects, naming `what`, if the child exits first. */
  printed(pattern: RegExp, what: string): Promise<RegExpExecArray>;
}

/** Collects `child`'s stdout and stderr from now on (call it right after spawn). */
export function childOutput(child: ChildProcess): ChildOutput {
  let out = '';
  let err = '';
  const onOut = new Set<() => void>();
  child.stdout?.on('data', (c: Buffer) => {
    out += c.toString();
    for (const look of onOut) look();
  });
  child.stderr?.on('data', (c: Buffer) => {
    err += c.toString();
  });
  return {
    get out() {
      return out;
    },
    get err() {
      return err;
    },
    printed(pattern, what) {
      return new Promise((resolve, reject) => {
        const look = () => {
          const m = pattern.exec(out);
          if (!m) return;
          onOut.delete(look);
          resolve(m);
        };
        onOut.add(look);
        look();
        child.once('exit', (code) => reject(new Error(`${what} exited (${code}) before it was ready: ${out}${err}`)));
      });
    },
  };
}

/** How long a single command may take inside a sandbox before a test fails. */
export const COMMAND_TIMEOUT_MS = 20_000;

export interface CommandResult {
  out: string;
  code: number;
}

/**
 * Drives a sandbox shell: each command is wrapped in begin/end markers whose printed form never appears
 * in the typed (echoed) line, so the output between them is exactly the command's.
 */
export class Terminal {
  private buffer = '';
  private seq = 0;
  private exitInfo: { exitCode: number; signal?: number } | undefined;
  private waiters: (() => void)[] = [];

  constructor(readonly pty: IPty) {
    pty.onData((d) => {
      this.buffer += d;
      this.wake();
    });
    pty.onExit((e) => {
      this.exitInfo = e;
      this.wake();
    });
  }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }

  get output(): string {
    return this.buffer;
  }

  get exited(): { exitCode: number; signal?: number } | undefined {
    return this.exitInfo;
  }

  /** Waits until `pred` holds on the whole output, or fails with the output's tail. */
  async waitFor(pred: (out: string) => boolean, what: string, timeoutMs = COMMAND_TIMEOUT_MS): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!pred(this.buffer)) {
      if (this.exitInfo)
        throw new Error(
          `shell exited (${JSON.stringify(this.exitInfo)}) while waiting for ${what}; output:\n${this.buffer.slice(-2000)}`,
        );
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}; output tail:\n${this.buffer.slice(-2000)}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  /** Waits for the shell to be ready to read commands. */
  async ready(): Promise<void> {
    await this.run('true');
  }

  /** Runs one command line; returns its output (\r\n → \n) and exit status. */
  async run(cmd: string, timeoutMs = COMMAND_TIMEOUT_MS): Promise<CommandResult> {
    const n = ++this.seq;
    const begin = `GAIOLA-BEGIN-${n}-`;
    const end = `GAIOLA-END-${n}-`;
    // printf joins the halves: the echoed command line holds "GAIOLA-BEGIN-1 -", the output "GAIOLA-BEGIN-1-".
    // One line, so that no prompt or echo of a typed-ahead line lands between the markers.
    this.pty.write(`printf '%s%s\\n' GAIOLA-BEGIN-${n} -; ${cmd}; printf '\\n%s%s%d\\n' GAIOLA-END-${n} - $?\n`);
    const re = new RegExp(`${begin}\\r?\\n([\\s\\S]*?)\\r?\\n${end}(\\d+)\\r?\\n`);
    await this.waitFor((o) => re.test(o), `command ${JSON.stringify(cmd)}`, timeoutMs);
    const m = re.exec(this.buffer);
    if (!m) throw new Error('unreachable');
    return { out: (m[1] ?? '').replace(/\r\n/g, '\n'), code: Number(m[2]) };
  }

  /** Runs a command that must succeed; returns its trimmed output. */
  async ok(cmd: string, timeoutMs?: number): Promise<string> {
    const r = await this.run(cmd, timeoutMs);
    if (r.code !== 0) throw new Error(`command ${JSON.stringify(cmd)} exited ${r.code}:\n${r.out}`);
    return r.out.trim();
  }

  async waitExit(timeoutMs = COMMAND_TIMEOUT_MS): Promise<{ exitCode: number; signal?: number }> {
    await this.waitFor(() => this.exitInfo !== undefined, 'the shell to exit', timeoutMs).catch((err: Error) => {
      if (!this.exitInfo) throw err;
    });
    return this.exitInfo as { exitCode: number; signal?: number };
  }
}

export interface SandboxFixtureOptions {
  /** The run's caps and names (testKernelConfig overrides). */
  config?: Partial<KernelConfig>;
  /** One sandbox per name (each `gaiola-…`), made in beforeAll in consecutive slots from the fixture's `slot`. */
  hostnames?: readonly string[];
  /** Shells opened in each of them, all ready before the first test. */
  shells?: number;
  /** The shells' size. */
  size?: { cols: number; rows: number };
  /** After the destroys, reclaim what a killed launcher left (reclaimLeftovers, as the agent does at start). */
  reclaim?: boolean;
  /** A destroy that fails does not fail the file (the leftovers are still checked). */
  settle?: boolean;
  /** At the end, expect the host's mounts of ours to be those before the first sandbox (hostMountPoints). */
  checkMounts?: boolean;
  /** At the end, expect no process left in any sandbox's uid range (zombies count). */
  checkProcesses?: boolean;
  /** The file's own things, freed first at the end even after a failure (processes it started, temp files). */
  release?: () => unknown;
}

export interface SandboxFixture {
  readonly cfg: KernelConfig;
  /** The first sandbox's slot; the others follow it. */
  readonly slot: number;
  /** The host's mounts of ours before the first sandbox (valid inside tests). */
  readonly mountsBefore: readonly string[];
  /** The `i`th sandbox of `hostnames` (valid inside tests). */
  sandbox(i?: number): Sandbox;
  /** Shell `j` of sandbox `i` (valid inside tests). */
  shell(j?: number, i?: number): Terminal;
  /** A sandbox a test made itself, to be destroyed at the end with the others. */
  own(sb: Sandbox): Sandbox;
}

/**
 * Registers the beforeAll/afterAll of a kernel test file's sandboxes: a run of its own (cgroup parent, run dir,
 * slots), the sandboxes of `hostnames` with their shells; at the end `release`, every sandbox destroyed, the
 * run's cgroups and run dir removed even when a step failed, and nothing of the run left on the host. Call
 * inside `describe`.
 */
export function sandboxFixture(probe: HostProbe, opts: SandboxFixtureOptions = {}): SandboxFixture {
  const cfg = testKernelConfig(opts.config);
  const slot = testSlot();
  const size = opts.size ?? { cols: 200, rows: 50 };
  const made: Sandbox[] = [];
  const shells: Terminal[][] = [];
  let mountsBefore: string[] = [];

  beforeAll(async () => {
    mountsBefore = hostMountPoints();
    for (const [i, hostname] of (opts.hostnames ?? []).entries())
      made.push(await createSandbox(cfg, probe, { id: testId(), slot: slot + i, hostname }));
    for (const sb of made)
      shells.push(Array.from({ length: opts.shells ?? 0 }, () => new Terminal(sb.spawnShell(size))));
    await Promise.all(shells.flat().map((t) => t.ready()));
  });

  afterAll(async () => {
    try {
      await opts.release?.();
      const destroyed = await Promise.allSettled(made.map((sb) => sb.destroy()));
      if (opts.reclaim) await reclaimLeftovers(cfg, probe);
      const failed = destroyed.find((r) => r.status === 'rejected');
      if (failed && !opts.settle) throw failed.reason;
    } finally {
      await cleanupTestRun(cfg, probe);
    }
    expect(leftovers(cfg, probe)).toEqual([]);
    if (opts.checkMounts) expect(hostMountPoints()).toEqual(mountsBefore);
    if (opts.checkProcesses) for (const sb of made) expect(processesInUidRange(sb.uidBase)).toEqual([]);
  });

  return {
    cfg,
    slot,
    get mountsBefore(): readonly string[] {
      return mountsBefore;
    },
    sandbox(i = 0): Sandbox {
      const sb = made[i];
      if (!sb) throw new Error(`sandbox ${i} is not ready`);
      return sb;
    },
    shell(j = 0, i = 0): Terminal {
      const t = shells[i]?.[j];
      if (!t) throw new Error(`shell ${j} of sandbox ${i} is not ready`);
      return t;
    },
    own(sb: Sandbox): Sandbox {
      made.push(sb);
      return sb;
    },
  };
}
