// A student's sandbox: its cgroups, the `gaiola-sandbox create` process that holds its namespaces (its
// PID 1 is a keeper that only reaps), and the shells joined to it, each by a launcher that stays its parent.
// The launcher is sandbox-agent/launcher/ (create.c builds a sandbox, terminal.c joins a shell to it).
import { type ChildProcess, spawn } from 'node:child_process';
import { constants } from 'node:fs';
import { type FileHandle, mkdir, open, readlink, rmdir } from 'node:fs/promises';
import { type IPty, type IPtyForkOptions, spawn as spawnPty } from 'node-pty';
import type { SandboxCgroupPaths } from './cgroup-layout';
import {
  createSandboxCgroups,
  ensureCgroupParent,
  reclaimCgroups,
  releaseAgentLeaf,
  removeParentCgroups,
  removeSandboxCgroups,
} from './cgroups';
import { type KernelConfig, uidBaseOfSlot } from './config';
import { KernelOpError } from './errors';
import { NO_ENVIRONMENT, targetArgs } from './launcher-run';
import { pathIdentities } from './path-facts';
import type { HostProbe } from './probe';
import { openHandedOffShell } from './pty-handoff';
import type { ShellPty } from './pty-reader';

export interface Sandbox {
  /** e.g. 'gaiola-3f9a…' (also the cgroup dir name). */
  readonly id: string;
  /** Host name inside, short and friendly. */
  readonly hostname: string;
  readonly slot: number;
  /** Host uid (and gid) of root inside. */
  readonly uidBase: number;
  /** Host pid of the sandbox's PID 1. */
  readonly initPid: number;
  /**
   * The init's start time (clock ticks after boot, as the launcher read it while the init was its child):
   * with initPid, what names the init for good, since a pid number is reused. Absent for a test's fake sandbox.
   */
  readonly initStartTime?: number;
  /** Host pid of the `gaiola-sandbox create` process that owns the sandbox. */
  readonly launcherPid: number;
  /** The sandbox's cgroup directories on the host (one per v1 hierarchy, one on v2). */
  readonly cgroupDirs: readonly string[];
  /**
   * Identity of each of PREPARED_DIRS as the sandbox was made, before any shell ran in it: what the lessons
   * mean by that path, whatever a student later makes the path lead to. Absent for a test's fake sandbox.
   */
  readonly preparedIds?: Readonly<Record<string, string>>;
  /** Resolves when the sandbox dies (its launcher exited), whatever the reason. */
  readonly exited: Promise<void>;
  /** A login shell as root inside, on a pty of the sandbox's own devpts relayed to this node-pty. */
  spawnShell(size: { cols: number; rows: number }): IPty;
  /**
   * The same shell for a terminal tab, without the relay: the agent holds the pty's master itself (pty-handoff.ts);
   * its output read as bytes into one buffer reused for every read, neither decoded nor allocated anew.
   */
  openShell(size: { cols: number; rows: number }): ShellPty;
  /**
   * Runs lesson data's `script` (never a student's input) in `bash -e` inside the sandbox, as its root, in /root,
   * in the sandbox's cgroups like a shell, without a terminal tab: the lesson's preparation (lessons/types.ts).
   * Killed, its whole session, after `timeoutMs`.
   */
  runScript(script: string, timeoutMs: number): Promise<ScriptResult>;
  /** Idempotent: kills shells and init, removes the cgroups; resolves when nothing is left. */
  destroy(): Promise<void>;
}

/** How a preparation script ended: its exit code (null: killed), whether the time cap killed it, its last output. */
export interface ScriptResult {
  code: number | null;
  timedOut: boolean;
  /** The end of what it printed (its pty's output), for the agent's log. */
  output: string;
}

/** A preparation prints little; the end of anything longer is kept for the log. */
const MAX_SCRIPT_OUTPUT = 4096;

/**
 * Directories the base image prepares for the lessons: the course rootfs (busybox) that lessons 01, 07 and
 * 09 chroot or pivot into. Their identity is recorded at creation (Sandbox.preparedIds).
 */
export const PREPARED_DIRS: readonly string[] = ['/root/rootfs'];

/** The launcher prints "ready PID" within milliseconds (sandbox.md §4); 10 s means it is stuck. */
export const READY_TIMEOUT_MS = 10_000;
/** How long destroy waits for the launcher to exit after SIGTERM before it SIGKILLs it. */
const LAUNCHER_EXIT_TIMEOUT_MS = 5_000;
/** How long destroy waits for the shells' launchers to report their exit. */
const SHELL_EXIT_TIMEOUT_MS = 2_000;
/** A tab's shell reads its pty into a buffer this large: a pty read returns at most a few KiB anyway. */
const SHELL_READ_BYTES = 16 * 1024;
/** What a shell runs: a login shell, as root inside. */
const SHELL_COMMAND: readonly string[] = ['/bin/bash', '-l'];
/** Terminal sizes outside these bounds are clamped (the protocol validates them earlier). */
const MAX_TERMINAL_COLS = 1000;
const MAX_TERMINAL_ROWS = 1000;

const ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
const HOSTNAME = /^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

function clampSize(n: number, max: number): number {
  return Number.isFinite(n) ? Math.min(max, Math.max(1, Math.floor(n))) : 80;
}

function firstLine(text: string): string {
  return text.split('\n').find((l) => l.trim() !== '') ?? '';
}

function waitExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/**
 * Resolves with the init's pid and start time on the launcher's "ready PID START" line; rejects with its stderr
 * otherwise.
 */
function waitReady(child: ChildProcess, id: string, stderr: () => string): Promise<{ pid: number; startTime: number }> {
  return new Promise((resolve, reject) => {
    let out = '';
    const done = (fn: () => void) => {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.off('exit', onExit);
      child.off('error', onError);
      fn();
    };
    const onData = (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const m = /^ready (\d+) (\d+)\n/.exec(out);
      if (m) done(() => resolve({ pid: Number(m[1]), startTime: Number(m[2]) }));
      else if (out.includes('\n') || out.length > 64)
        done(() => reject(new Error(`sandbox ${id}: unexpected launcher output ${JSON.stringify(out)}`)));
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
      // stderr may still be in flight when 'exit' fires; give it a moment.
      setTimeout(() => {
        const why = firstLine(stderr()) || `launcher exited (${signal ?? `code ${code}`}) before it was ready`;
        done(() => reject(new Error(`sandbox ${id}: ${why}`)));
      }, 20);
    };
    const onError = (err: Error) =>
      done(() => reject(new Error(`sandbox ${id}: cannot start the launcher: ${err.message}`)));
    const timer = setTimeout(() => {
      const why = firstLine(stderr());
      done(() =>
        reject(new Error(`sandbox ${id}: launcher not ready within ${READY_TIMEOUT_MS} ms${why ? `: ${why}` : ''}`)),
      );
    }, READY_TIMEOUT_MS);
    child.stdout?.on('data', onData);
    child.once('exit', onExit);
    child.once('error', onError);
  });
}

class LiveSandbox implements Sandbox {
  readonly exited: Promise<void>;
  readonly cgroupDirs: readonly string[];
  private readonly shells = new Set<ShellPty>();
  private readonly shellExits = new Map<ShellPty, Promise<void>>();
  private destroying: Promise<void> | undefined;

  constructor(
    private readonly cfg: KernelConfig,
    private readonly launcher: ChildProcess,
    private readonly cgroups: SandboxCgroupPaths,
    readonly id: string,
    readonly hostname: string,
    readonly slot: number,
    readonly uidBase: number,
    readonly initPid: number,
    readonly initStartTime: number,
    private readonly image: FileHandle | undefined,
    readonly preparedIds: Readonly<Record<string, string>>,
  ) {
    this.cgroupDirs = cgroups.dirs;
    this.exited = new Promise((resolve) => {
      if (launcher.exitCode !== null || launcher.signalCode !== null) resolve();
      else launcher.once('exit', () => resolve());
    });
  }

  get launcherPid(): number {
    return this.launcher.pid ?? -1;
  }

  spawnShell(size: { cols: number; rows: number }): IPty {
    const { args, options } = this.shellSpawn(size);
    return this.track(spawnPty(this.cfg.launcherPath, args, options));
  }

  openShell(size: { cols: number; rows: number }): ShellPty {
    const cols = clampSize(size.cols, MAX_TERMINAL_COLS);
    const rows = clampSize(size.rows, MAX_TERMINAL_ROWS);
    const args = this.shellArgs();
    return this.track(openHandedOffShell(this.cfg.launcherPath, args, SHELL_COMMAND, { cols, rows }, SHELL_READ_BYTES));
  }

  private shellArgs(): string[] {
    if (this.destroying) throw new Error(`sandbox ${this.id} is being destroyed`);
    if (this.launcher.exitCode !== null || this.launcher.signalCode !== null)
      throw new Error(`sandbox ${this.id} has exited`);
    const args = ['shell', ...targetArgs(this.initPid, this.initStartTime)];
    for (const f of this.cgroups.shellProcs) args.push('--cgroup-procs', f);
    args.push('--cgroup-entry', this.cfg.cgroupEntry, '--cwd', '/root');
    return args;
  }

  runScript(script: string, timeoutMs: number): Promise<ScriptResult> {
    // A tab's shell's launcher arguments (root inside, in /root, in the shells' cgroups), running bash on the script.
    const args = [...this.shellArgs(), '--', '/bin/bash', '--noprofile', '--norc', '-e', '-c', script];
    return new Promise((resolve, reject) => {
      // Without --hand-off the launcher relays the command's pty to its stdin and stdout; its stdin stays open
      // (an EOF there ends the session) until the command is done.
      const child = spawn(this.cfg.launcherPath, args, { stdio: ['pipe', 'pipe', 'pipe'], env: NO_ENVIRONMENT });
      let output = '';
      let timedOut = false;
      const keep = (c: Buffer) => {
        output = (output + c.toString('utf8')).slice(-MAX_SCRIPT_OUTPUT);
      };
      child.stdout.on('data', keep);
      child.stderr.on('data', keep);
      // SIGTERM: the launcher kills the command's whole session and reaps it.
      const timer = setTimeout(() => {
        timedOut = true;
        child.kill('SIGTERM');
      }, timeoutMs);
      child.on('error', (err) => {
        clearTimeout(timer);
        reject(new Error(`sandbox ${this.id}: cannot start ${this.cfg.launcherPath} shell: ${err.message}`));
      });
      child.on('close', (code) => {
        clearTimeout(timer);
        child.stdin.destroy();
        resolve({ code: timedOut ? null : code, timedOut, output: output.trim() });
      });
    });
  }

  private shellSpawn(size: { cols: number; rows: number }): { args: string[]; options: IPtyForkOptions } {
    const args = [...this.shellArgs(), '--', ...SHELL_COMMAND];
    const options: IPtyForkOptions = {
      name: 'xterm-256color',
      cols: clampSize(size.cols, MAX_TERMINAL_COLS),
      rows: clampSize(size.rows, MAX_TERMINAL_ROWS),
      cwd: '/',
      // Nothing of the agent's environment; the launcher gives the shell its own allow-list anyway.
      env: NO_ENVIRONMENT,
    };
    return { args, options };
  }

  /** Kept until it exits: teardown signals every shell's launcher and waits for it. */
  private track<P extends ShellPty>(shell: P): P {
    this.shells.add(shell);
    this.shellExits.set(
      shell,
      new Promise((resolve) =>
        shell.onExit(() => {
          this.shells.delete(shell);
          this.shellExits.delete(shell);
          resolve();
        }),
      ),
    );
    return shell;
  }

  destroy(): Promise<void> {
    this.destroying ??= this.teardown();
    return this.destroying;
  }

  private async teardown(): Promise<void> {
    try {
      // SIGHUP, not SIGKILL, for the shells' launchers: each SIGKILLs its shell and reaps it. A SIGKILLed one would
      // hand the shell's zombie to the host's init (the reaper comes from the dying parent's pid namespace), and
      // the sandbox's pid namespace cannot finish dying until that init reaps it.
      for (const shell of this.shells) signal(shell.pid, 'SIGHUP');
      // The launcher SIGKILLs the init; the pid namespace takes every process inside with it.
      if (!(await waitExit(this.launcher, 0))) {
        this.launcher.kill('SIGTERM');
        if (!(await waitExit(this.launcher, LAUNCHER_EXIT_TIMEOUT_MS))) {
          this.launcher.kill('SIGKILL');
          await waitExit(this.launcher, LAUNCHER_EXIT_TIMEOUT_MS);
        }
      }
    } finally {
      try {
        if (!(await this.shellsGone(SHELL_EXIT_TIMEOUT_MS))) {
          for (const shell of this.shells) signal(shell.pid, 'SIGKILL');
          await this.shellsGone(SHELL_EXIT_TIMEOUT_MS);
        }
      } finally {
        try {
          await removeSandboxCgroups(this.cgroups);
        } finally {
          await this.image?.close().catch(() => undefined);
        }
      }
    }
  }

  private async shellsGone(timeoutMs: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    try {
      return await Promise.race([Promise.all(this.shellExits.values()).then(() => true), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch {
    // already gone
  }
}

/**
 * Opens the base image for one sandbox: `baseImageDir` may be a symlink that a rebuild switches to a new
 * image (scripts/build-base-image.sh). Opening resolves it once; the launcher gets the real directory, and the
 * handle stays open for the sandbox's life, which is how the build script knows the image is still in use.
 * When it cannot be opened, the launcher gets the path as configured and reports the problem itself.
 */
async function openBaseImage(dir: string): Promise<{ handle: FileHandle | undefined; realDir: string }> {
  let handle: FileHandle;
  try {
    handle = await open(dir, constants.O_RDONLY | constants.O_DIRECTORY);
  } catch {
    return { handle: undefined, realDir: dir };
  }
  try {
    return { handle, realDir: await readlink(`/proc/self/fd/${handle.fd}`) };
  } catch (err) {
    await handle.close().catch(() => undefined);
    throw new KernelOpError('resolving the base image', dir, err);
  }
}

/** Creates a sandbox and waits until its PID 1 is ready. On failure nothing is left and the error carries the launcher's reason. */
export async function createSandbox(
  cfg: KernelConfig,
  probe: HostProbe,
  opts: { id: string; slot: number; hostname: string },
): Promise<Sandbox> {
  if (probe.problems.length > 0) throw new Error(`this host cannot run sandboxes: ${probe.problems.join('; ')}`);
  if (!ID.test(opts.id))
    throw new RangeError(`sandbox id ${JSON.stringify(opts.id)}: letters, digits, '.', '_' and '-' only`);
  if (!HOSTNAME.test(opts.hostname))
    throw new RangeError(`sandbox hostname ${JSON.stringify(opts.hostname)} is not a host name`);
  if (probe.cgroup.mode === 'none') throw new Error(`no usable cgroups: ${probe.cgroup.reason}`);
  const uidBase = uidBaseOfSlot(cfg, opts.slot);
  await ensureCgroupParent(cfg, probe);
  const mnt = `${cfg.runDir}/mnt`;
  try {
    await mkdir(mnt, { recursive: true, mode: 0o755 });
  } catch (err) {
    throw new KernelOpError('creating', mnt, err);
  }
  const image = await openBaseImage(cfg.baseImageDir);
  let cgroups: SandboxCgroupPaths;
  try {
    cgroups = await createSandboxCgroups(cfg, probe, opts.id, uidBase);
  } catch (err) {
    await image.handle?.close().catch(() => undefined);
    throw err;
  }
  let launcher: ChildProcess | undefined;
  try {
    const args = [
      'create',
      '--id',
      opts.id,
      '--uid-base',
      String(uidBase),
      '--lower',
      image.realDir,
      '--mnt',
      mnt,
      '--tmpfs-bytes',
      String(cfg.tmpfsBytes),
      '--hostname',
      opts.hostname,
      '--cgroup-mode',
      cgroups.mode,
    ];
    for (const dir of cgroups.dirs) args.push('--cgroup', dir);
    args.push('--cgroup-entry', cfg.cgroupEntry);
    // stdin stays an open pipe we never write: if the agent dies, the launcher sees EOF and frees the sandbox.
    launcher = spawn(cfg.launcherPath, args, { stdio: ['pipe', 'pipe', 'pipe'], env: NO_ENVIRONMENT });
    let stderr = '';
    launcher.stderr?.on('data', (chunk: Buffer) => {
      // Keep only the tail: a launcher never says much, but a bug must not grow the agent's memory.
      stderr = (stderr + chunk.toString('utf8')).slice(-4096);
    });
    const { pid: initPid, startTime } = await waitReady(launcher, opts.id, () => stderr);
    launcher.stdout?.resume();
    // Before any shell exists, so that nothing of a student's is there yet.
    const preparedIds = await pathIdentities(
      cfg.launcherPath,
      { initPid, initStartTime: startTime, uidBase },
      PREPARED_DIRS,
    );
    return new LiveSandbox(
      cfg,
      launcher,
      cgroups,
      opts.id,
      opts.hostname,
      opts.slot,
      uidBase,
      initPid,
      startTime,
      image.handle,
      preparedIds,
    );
  } catch (err) {
    try {
      if (launcher && !(await waitExit(launcher, 0))) {
        launcher.kill('SIGKILL');
        await waitExit(launcher, LAUNCHER_EXIT_TIMEOUT_MS);
      }
    } finally {
      try {
        await removeSandboxCgroups(cgroups);
      } finally {
        await image.handle?.close().catch(() => undefined);
      }
    }
    throw err;
  }
}

/**
 * At agent start: frees what a crashed run left under the gaiola parent. Processes listed in the sandbox
 * cgroups are killed by PID and the cgroups removed depth-first. `cgroups` counts sandboxes (one per name,
 * whatever the number of v1 hierarchies); `processes` the PIDs killed.
 */
export function reclaimLeftovers(cfg: KernelConfig, probe: HostProbe): Promise<{ cgroups: number; processes: number }> {
  if (probe.cgroup.mode === 'none') return Promise.resolve({ cgroups: 0, processes: 0 });
  return reclaimCgroups(cfg, probe);
}

/**
 * At agent shutdown, after every sandbox is destroyed: removes the gaiola parent cgroups when they are
 * empty, and the run dir's empty mount point, so a stopped agent leaves nothing on the host.
 */
export async function releaseHostResources(cfg: KernelConfig, probe: HostProbe): Promise<void> {
  try {
    if (probe.cgroup.mode !== 'none') await removeParentCgroups(cfg, probe);
    await releaseAgentLeaf(probe);
  } finally {
    // rmdir, never a recursive delete: a non-empty run dir means something is still mounted or running.
    for (const dir of [`${cfg.runDir}/mnt`, cfg.runDir]) {
      await rmdir(dir).catch((err: NodeJS.ErrnoException) => {
        if (err.code !== 'ENOENT') throw new KernelOpError('removing', dir, err);
      });
    }
  }
}
