// Lesson fixtures: processes the agent starts inside a sandbox for a step to act on. Lesson 01's `marca` is
// a `gaiola-sandbox marker`: an ordinary-looking process of the sandbox (its cgroups, namespaces and root,
// uid 0 inside) that waits to be signalled and records who did it (si_pid, the killer's root and its
// parent's root), so that "kill it from inside the chroot" is checked from the kernel's own account.
//
// Lifetime: stop() kills it by PID. It also dies with its sandbox (the sandbox's pid namespace dies with
// its init and takes it along; the launcher then exits) and with the agent (the launcher sees EOF on stdin).
import { type ChildProcess, spawn } from 'node:child_process';
import { defaultKernelConfig } from './config';
import { sandboxJoinProcs } from './inspect';
import { NO_ENVIRONMENT, targetArgs } from './launcher-run';
import type { Sandbox } from './sandbox';
import type { FileId, FixtureState } from './snapshot';

/** The marker is up within milliseconds; 10 s means something is stuck (as for the sandbox itself). */
export const FIXTURE_READY_TIMEOUT_MS = 10_000;
/** How long stop() waits after SIGTERM (the launcher then SIGKILLs the marker) before it SIGKILLs the launcher. */
const STOP_TIMEOUT_MS = 2_000;
/** The launcher prints two short lines at most; more is a bug, and must not grow the agent's memory. */
const MAX_OUTPUT = 1024;

export interface FixtureHandle {
  readonly name: string;
  /** Resolves once the fixture runs inside the sandbox; rejects with the launcher's reason when it cannot start. */
  readonly ready: Promise<FixtureState>;
  /** Resolves when the fixture's launcher has exited, whatever the reason. */
  readonly exited: Promise<void>;
  /** Its PID as the sandbox sees it, once ready (null before). */
  sandboxPid(): number | null;
  state(): FixtureState;
  /** Kills it (if alive) and resolves once its launcher has exited. Idempotent. */
  stop(): Promise<void>;
}

const READY = /^ready pid=(\d+) host-pid=(\d+)$/;
const KILLED = /^killed-by signal=(\d+) pid=(\d+) root=(\d+:\d+|-) parent-root=(\d+:\d+|-)$/;

const idOrNull = (s: string | undefined): FileId | null => (s === undefined || s === '-' ? null : s);

class MarkerFixture implements FixtureHandle {
  readonly ready: Promise<FixtureState>;
  readonly exited: Promise<void>;
  private readonly child: ChildProcess;
  private hostPid: number | null = null;
  private insidePid: number | null = null;
  private alive = true;
  private killedBy: FixtureState['killedBy'] = null;
  private out = '';
  private stderr = '';
  private stopping: Promise<void> | undefined;

  constructor(
    readonly name: string,
    launcherPath: string,
    args: string[],
  ) {
    // stdin stays an open pipe we never write: EOF tells the launcher the agent is gone.
    this.child = spawn(launcherPath, args, { stdio: ['pipe', 'pipe', 'pipe'], env: NO_ENVIRONMENT });
    this.exited = new Promise((resolve) => {
      this.child.once('close', () => {
        this.alive = false;
        this.hostPid = null;
        resolve();
      });
      this.child.once('error', () => {
        this.alive = false;
        resolve();
      });
    });
    this.child.stderr?.on('data', (c: Buffer) => {
      this.stderr = (this.stderr + c.toString('utf8')).slice(-MAX_OUTPUT);
    });
    this.ready = new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`fixture ${name}: not ready within ${FIXTURE_READY_TIMEOUT_MS} ms ${this.stderr.trim()}`));
        void this.stop();
      }, FIXTURE_READY_TIMEOUT_MS);
      this.child.stdout?.on('data', (c: Buffer) => {
        this.out += c.toString('utf8');
        let nl = this.out.indexOf('\n');
        while (nl !== -1) {
          const line = this.out.slice(0, nl);
          this.out = this.out.slice(nl + 1);
          const r = READY.exec(line);
          const k = KILLED.exec(line);
          if (r) {
            this.insidePid = Number(r[1]);
            this.hostPid = Number(r[2]);
            clearTimeout(timer);
            resolve(this.state());
          } else if (k) {
            this.killedBy = {
              signal: Number(k[1]),
              pid: Number(k[2]),
              rootId: idOrNull(k[3]),
              parentRootId: idOrNull(k[4]),
            };
          }
          nl = this.out.indexOf('\n');
        }
        if (this.out.length > MAX_OUTPUT) this.out = '';
      });
      this.exited.then(() => {
        clearTimeout(timer);
        const why = this.stderr.trim().split('\n')[0] || 'the launcher exited';
        reject(new Error(`fixture ${name}: ${why}`));
      });
    });
    // A caller that never awaits `ready` must not see an unhandled rejection.
    this.ready.catch(() => {});
  }

  sandboxPid(): number | null {
    return this.alive ? this.insidePid : null;
  }

  state(): FixtureState {
    return { hostPid: this.alive ? this.hostPid : null, alive: this.alive, killedBy: this.killedBy };
  }

  stop(): Promise<void> {
    this.stopping ??= (async () => {
      if (!this.alive) return this.exited;
      const timeout = () => new Promise<boolean>((r) => setTimeout(() => r(false), STOP_TIMEOUT_MS).unref());
      this.child.kill('SIGTERM');
      if (!(await Promise.race([this.exited.then(() => true), timeout()]))) {
        this.child.kill('SIGKILL'); // the marker dies too: its parent-death signal is SIGKILL
        await Promise.race([this.exited, timeout()]);
      }
    })();
    return this.stopping;
  }
}

/**
 * Starts fixture `name` in the sandbox: a marker process whose command name is `name` (1-15 characters of
 * [A-Za-z0-9._-]), joined to the sandbox like a shell. Never throws for a sandbox that is gone: the handle's
 * `ready` rejects and its state says not alive.
 */
export function startFixture(sb: Sandbox, name: string, opts: { launcherPath?: string } = {}): FixtureHandle {
  if (!/^[A-Za-z0-9_][A-Za-z0-9._-]{0,14}$/.test(name)) throw new RangeError(`fixture name ${JSON.stringify(name)}`);
  const launcherPath = opts.launcherPath ?? defaultKernelConfig().launcherPath;
  // The pid and its start time name the init for good: a later holder of the number is refused.
  const args = ['marker', ...targetArgs(sb.initPid, sb.initStartTime), '--name', name];
  for (const f of sandboxJoinProcs(sb)) args.push('--cgroup-procs', f);
  return new MarkerFixture(name, launcherPath, args);
}
