// A sandbox in the launcher's cgroup v2 mode on a hybrid host's controller-less unified hierarchy
// (/sys/fs/cgroup/unified), started by the launcher itself as the agent would on a pure v2 host: how a
// hybrid host (this project's CI machine) exercises the v2 code of the launcher.
import { type ChildProcess, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, readFileSync, rmdirSync } from 'node:fs';
import { type IPty, spawn as spawnPty } from 'node-pty';
import { removeCgroupTree } from '../src/kernel/cgroups';
import type { KernelConfig } from '../src/kernel/config';
import { childOutput } from './kernel-helpers';

export const UNIFIED = '/sys/fs/cgroup/unified';

/** Why this host has no unified hierarchy to run the v2 mode on, or undefined. */
export function unifiedSkipReason(): string | undefined {
  try {
    if (readFileSync('/proc/self/mountinfo', 'utf8').includes(` ${UNIFIED} `) && existsSync(`${UNIFIED}/cgroup.procs`))
      return undefined;
  } catch {}
  return `no cgroup2 at ${UNIFIED} (not a hybrid host)`;
}

export interface UnifiedSandbox {
  launcher: ChildProcess;
  initPid: number;
  /** The sandbox's cgroup; its init's leaf is `${dir}/init`. */
  dir: string;
  /** A login shell in it, as the agent starts one. */
  spawnShell(): IPty;
  /** EOF on the launcher's stdin (the agent's death): resolves with its exit code. */
  stop(): Promise<number | null>;
}

/** Starts a sandbox under `${UNIFIED}/${cfg.cgroupParent}/${id}`, delegated to `base` as the agent does. */
export async function startOnUnified(
  cfg: KernelConfig,
  id: string,
  base: number,
  entry: 'clone' | 'move' = 'clone',
): Promise<UnifiedSandbox> {
  const dir = `${UNIFIED}/${cfg.cgroupParent}/${id}`;
  mkdirSync(dir, { recursive: true });
  for (const p of [dir, `${dir}/cgroup.procs`, `${dir}/cgroup.threads`, `${dir}/cgroup.subtree_control`])
    chownSync(p, base, base);
  mkdirSync(`${cfg.runDir}/mnt`, { recursive: true });
  const args = ['create', '--id', id, '--uid-base', String(base), '--lower', cfg.baseImageDir];
  args.push('--mnt', `${cfg.runDir}/mnt`, '--tmpfs-bytes', String(cfg.tmpfsBytes), '--hostname', 'gaiola-v2');
  args.push('--cgroup-mode', 'v2', '--cgroup', dir, '--cgroup-entry', entry);
  const launcher = spawn(cfg.launcherPath, args, { stdio: ['pipe', 'pipe', 'pipe'], env: {} });
  const ready = await childOutput(launcher).printed(/^ready (\d+) \d+\n/, 'launcher');
  const initPid = Number(ready[1]);
  const shellArgs = ['shell', '--pid', String(initPid), '--cgroup-procs', `${dir}/init/cgroup.procs`];
  shellArgs.push('--cgroup-entry', entry);
  return {
    launcher,
    initPid,
    dir,
    spawnShell: () =>
      spawnPty(cfg.launcherPath, [...shellArgs, '--', '/bin/bash', '-l'], {
        name: 'xterm-256color',
        cols: 160,
        rows: 40,
        cwd: '/',
        env: {},
      }),
    stop() {
      if (launcher.exitCode !== null || launcher.signalCode !== null) return Promise.resolve(launcher.exitCode);
      const gone = new Promise<number | null>((r) => launcher.once('exit', (code) => r(code)));
      launcher.stdin?.end();
      return gone;
    },
  };
}

/** Frees what startOnUnified made for `cfg`: the parent cgroup (rmdir only, depth first) and the run dir. */
export async function cleanupUnified(cfg: KernelConfig): Promise<void> {
  await removeCgroupTree(`${UNIFIED}/${cfg.cgroupParent}`);
  for (const d of [`${cfg.runDir}/mnt`, cfg.runDir]) if (existsSync(d)) rmdirSync(d);
}
