// What this host offers, read once at agent start (CONVENTIONS §12). `evaluateHost` is pure and unit-tested
// on recorded facts; `probeHost` gathers the facts.
import { accessSync, constants, readFileSync, statfsSync, statSync } from 'node:fs';
import { release } from 'node:os';
import {
  type CgroupLayout,
  DEFAULT_V2_DELEGATE_FILES,
  detectCgroupLayout,
  parseDelegateFiles,
  sandboxHierarchies,
} from './cgroup-layout';
import { defaultKernelConfig, type KernelConfig } from './config';
import { parseControllers } from './parse';

export interface HostProbe {
  kernelRelease: string;
  cgroup: CgroupLayout;
  /** Human-readable reasons the host cannot serve sandboxes; empty when fine. */
  problems: string[];
  /** Things that work but limit some lessons. */
  warnings: string[];
  /** MemTotal of /proc/meminfo, for the parent's aggregate cap. */
  memTotalBytes: number;
  /** kernel.pid_max, for the parent's aggregate cap. */
  pidMax: number;
  /** v2: the files a delegated cgroup's owner needs (/sys/kernel/cgroup/delegate). */
  v2DelegateFiles: string[];
}

/** Everything probeHost reads, as plain data. */
export interface HostFacts {
  kernelRelease: string;
  isRoot: boolean;
  procSelfCgroup: string;
  mountinfo: string;
  /** cgroup.controllers of the v2 root, when v2 is in use. */
  v2RootControllers?: string;
  meminfo: string;
  pidMax: string;
  delegate?: string;
  maxUserNamespaces?: string;
  /** kernel.apparmor_restrict_unprivileged_userns (Ubuntu 23.10+), when present. */
  apparmorRestrictUserns?: string;
  launcherPath: string;
  launcherExecutable: boolean;
  baseImageDir: string;
  /** statfs f_type of the base image dir, undefined when it does not exist. */
  baseImageFsType?: number;
  baseImageHasShell: boolean;
}

/** Linux 5.19: overlay accepts idmapped lower layers (sandbox.md §6). */
const MIN_KERNEL: readonly [number, number] = [5, 19];
/** Linux 6.3: tmpfs can be idmapped; before that the base image must be on ext4/xfs/btrfs. */
const TMPFS_IDMAP_KERNEL: readonly [number, number] = [6, 3];
const TMPFS_MAGIC = 0x01021994;

export function kernelVersion(rel: string): [number, number] {
  const m = /^(\d+)\.(\d+)/.exec(rel);
  return m ? [Number(m[1]), Number(m[2])] : [0, 0];
}

function atLeast(v: readonly [number, number], min: readonly [number, number]): boolean {
  return v[0] > min[0] || (v[0] === min[0] && v[1] >= min[1]);
}

export function evaluateHost(f: HostFacts): HostProbe {
  const problems: string[] = [];
  const warnings: string[] = [];
  const version = kernelVersion(f.kernelRelease);
  if (!f.isRoot) problems.push('the agent must run as root: it creates namespaces, mounts and cgroups');
  if (!atLeast(version, MIN_KERNEL)) {
    problems.push(`kernel ${f.kernelRelease} is too old: idmapped overlay lower layers need Linux 5.19 or later`);
  }
  let cgroup: CgroupLayout;
  try {
    cgroup = detectCgroupLayout(f.procSelfCgroup, f.mountinfo);
  } catch (err) {
    cgroup = { mode: 'none', reason: `cannot read the cgroup layout: ${(err as Error).message}` };
  }
  if (cgroup.mode === 'none') problems.push(`cgroups: ${cgroup.reason}`);
  if (cgroup.mode === 'v1') {
    const have = new Set(sandboxHierarchies(cgroup).flatMap((h) => h.controllers));
    for (const c of ['memory', 'pids'])
      if (!have.has(c)) problems.push(`cgroup v1: the ${c} controller is not mounted`);
    if (!have.has('cpu')) warnings.push('cgroup v1: the cpu controller is not mounted; sandboxes get no CPU cap');
  }
  if (cgroup.mode === 'v2') {
    let root: string[] = [];
    try {
      root = parseControllers(f.v2RootControllers ?? '');
    } catch {
      root = [];
    }
    for (const c of ['memory', 'pids']) {
      if (!root.includes(c)) problems.push(`cgroup v2: the ${c} controller is not available in ${cgroup.mountPoint}`);
    }
    if (!root.includes('cpu'))
      warnings.push('cgroup v2: the cpu controller is not available; sandboxes get no CPU cap');
  }
  if (f.maxUserNamespaces !== undefined && Number(f.maxUserNamespaces.trim()) === 0) {
    problems.push('user namespaces are disabled (user.max_user_namespaces = 0)');
  }
  if (f.apparmorRestrictUserns !== undefined && f.apparmorRestrictUserns.trim() === '1') {
    warnings.push(
      'kernel.apparmor_restrict_unprivileged_userns=1: nested `unshare --user` inside sandboxes will fail; set it to 0 on this VM',
    );
  }
  if (!f.launcherExecutable)
    problems.push(`the sandbox launcher ${f.launcherPath} is missing: run bash scripts/build-launcher.sh`);
  if (f.baseImageFsType === undefined || !f.baseImageHasShell) {
    problems.push(`the base image ${f.baseImageDir} is missing or incomplete: run bash scripts/build-base-image.sh`);
  } else if (f.baseImageFsType === TMPFS_MAGIC && !atLeast(version, TMPFS_IDMAP_KERNEL)) {
    problems.push(
      `the base image ${f.baseImageDir} is on tmpfs, which kernels before 6.3 cannot idmap: use ext4, xfs or btrfs`,
    );
  }
  const memKb = /^MemTotal:\s+(\d+) kB/m.exec(f.meminfo);
  const pidMax = Number.parseInt(f.pidMax.trim(), 10);
  return {
    kernelRelease: f.kernelRelease,
    cgroup,
    problems,
    warnings,
    memTotalBytes: memKb ? Number(memKb[1]) * 1024 : 0,
    pidMax: Number.isInteger(pidMax) && pidMax > 0 ? pidMax : 32768,
    v2DelegateFiles: f.delegate !== undefined ? parseDelegateFiles(f.delegate) : [...DEFAULT_V2_DELEGATE_FILES],
  };
}

function readOptional(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** Reads the host once. `cfg` only supplies the launcher and base image paths to check. */
export function probeHost(cfg: KernelConfig = defaultKernelConfig()): HostProbe {
  const procSelfCgroup = readFileSync('/proc/self/cgroup', 'utf8');
  const mountinfo = readFileSync('/proc/self/mountinfo', 'utf8');
  let layout: CgroupLayout | undefined;
  try {
    layout = detectCgroupLayout(procSelfCgroup, mountinfo);
  } catch {
    layout = undefined;
  }
  let launcherExecutable = true;
  try {
    accessSync(cfg.launcherPath, constants.X_OK);
  } catch {
    launcherExecutable = false;
  }
  let baseImageFsType: number | undefined;
  try {
    baseImageFsType = statfsSync(cfg.baseImageDir).type;
  } catch {
    baseImageFsType = undefined;
  }
  let baseImageHasShell = false;
  try {
    baseImageHasShell = statSync(`${cfg.baseImageDir}/bin/bash`).isFile();
  } catch {
    baseImageHasShell = false;
  }
  return evaluateHost({
    kernelRelease: release(),
    isRoot: process.getuid?.() === 0,
    procSelfCgroup,
    mountinfo,
    v2RootControllers: layout?.mode === 'v2' ? readOptional(`${layout.mountPoint}/cgroup.controllers`) : undefined,
    meminfo: readFileSync('/proc/meminfo', 'utf8'),
    pidMax: readOptional('/proc/sys/kernel/pid_max') ?? '32768',
    delegate: readOptional('/sys/kernel/cgroup/delegate'),
    maxUserNamespaces: readOptional('/proc/sys/user/max_user_namespaces'),
    apparmorRestrictUserns: readOptional('/proc/sys/kernel/apparmor_restrict_unprivileged_userns'),
    launcherPath: cfg.launcherPath,
    launcherExecutable,
    baseImageDir: cfg.baseImageDir,
    baseImageFsType,
    baseImageHasShell,
  });
}
