// Where the cgroups of the agent and of each sandbox live, and what to write there: pure functions over
// recorded strings (/proc/self/cgroup, /proc/self/mountinfo, cgroup.controllers), so that the v2 logic is
// unit-tested on hosts that only have v1 (this project's CI machine is a v1/v2 hybrid).
// Model: research/sandbox.md §0.1 (table "cgroup settings per sandbox") and §2.
import { CPU_PERIOD_US } from './config';
import { parseControllers, parseMountinfo, parseProcCgroup } from './parse';

/** One mounted v1 hierarchy (cpu and cpuacct are often co-mounted as one). */
export interface V1Hierarchy {
  /** e.g. /sys/fs/cgroup/memory or /sys/fs/cgroup/cpu,cpuacct */
  mountPoint: string;
  controllers: string[];
  /** The reading process's cgroup in this hierarchy, from /proc/self/cgroup. */
  ownPath: string;
}

export type CgroupLayout =
  /** v1 or hybrid: the resource controllers live in v1 hierarchies (a cgroup2 mount may exist beside them). */
  | { mode: 'v1'; hierarchies: V1Hierarchy[] }
  /** Pure v2: one hierarchy; `ownPath` is the agent's cgroup (`0::` line), e.g. /system.slice/gaiola.service. */
  | { mode: 'v2'; mountPoint: string; ownPath: string }
  | { mode: 'none'; reason: string };

/** v1 controllers a sandbox gets a cgroup in. Students may create child cgroups in each (delegated). */
export const V1_SANDBOX_CONTROLLERS = ['memory', 'pids', 'cpu', 'cpuacct', 'freezer'] as const;
/** v2 controllers enabled for the sandboxes and inside them. */
export const V2_SANDBOX_CONTROLLERS = ['memory', 'pids', 'cpu'] as const;
/**
 * v2: the agent leaves its service cgroup for this leaf, because a cgroup with processes cannot enable
 * controllers for its children (the no-internal-process rule, cgroup-v2.rst).
 */
export const V2_AGENT_LEAF = 'gaiola-agent';
/** v2: the sandbox's PID 1 moves itself into this leaf of the sandbox cgroup, for the same rule. */
export const V2_INIT_LEAF = 'init';
/** Files cgroup-v2.rst lists as delegatable, used when /sys/kernel/cgroup/delegate is absent (< 4.15). */
export const DEFAULT_V2_DELEGATE_FILES = ['cgroup.procs', 'cgroup.threads', 'cgroup.subtree_control'] as const;
/** v1: files the sandbox's root must own to create child cgroups and move its processes. */
export const V1_DELEGATE_FILES = ['cgroup.procs', 'tasks', 'cgroup.clone_children'] as const;
/**
 * Memory kept for the host outside every sandbox: the agent, the site, sshd and the page cache they need.
 * 1 GiB was ample in the prototype (sandbox.md §5.11: host unaffected with the parent capped below RAM).
 */
export const HOST_MEMORY_RESERVE_BYTES = 1024 * 1024 * 1024;
/** The sandboxes together may use at most this share of kernel.pid_max, so host daemons can always fork. */
export const PARENT_PIDS_SHARE = 0.75;

function joinCgroup(mountPoint: string, ...rel: string[]): string {
  const parts = [mountPoint.replace(/\/+$/, ''), ...rel.map((r) => r.replace(/^\/+|\/+$/g, ''))].filter(
    (p) => p !== '',
  );
  return parts.join('/') || '/';
}

/** Reads the layout from /proc/self/cgroup and /proc/self/mountinfo. */
export function detectCgroupLayout(procSelfCgroup: string, mountinfo: string): CgroupLayout {
  const entries = parseProcCgroup(procSelfCgroup);
  const mounts = parseMountinfo(mountinfo).filter((m) => m.root === '/');
  const hierarchies: V1Hierarchy[] = [];
  for (const e of entries) {
    if (e.hierarchyId === 0 || e.controllers.some((c) => c.startsWith('name='))) continue;
    // A hierarchy can be mounted several times (binds); prefer the canonical place under /sys/fs/cgroup.
    const candidates = mounts.filter(
      (m) => m.fsType === 'cgroup' && e.controllers.every((c) => m.superOptions.includes(c)),
    );
    const mount = candidates.find((m) => m.mountPoint.startsWith('/sys/fs/cgroup/')) ?? candidates[0];
    if (mount) hierarchies.push({ mountPoint: mount.mountPoint, controllers: e.controllers, ownPath: e.path });
  }
  if (hierarchies.some((h) => h.controllers.includes('memory'))) return { mode: 'v1', hierarchies };
  const unified = entries.find((e) => e.hierarchyId === 0);
  const v2 = mounts.filter((m) => m.fsType === 'cgroup2');
  const v2mount = v2.find((m) => m.mountPoint === '/sys/fs/cgroup') ?? v2[0];
  if (unified && v2mount && hierarchies.length === 0) {
    return { mode: 'v2', mountPoint: v2mount.mountPoint, ownPath: unified.path };
  }
  if (hierarchies.length > 0) return { mode: 'none', reason: 'cgroup v1 is mounted without the memory controller' };
  return { mode: 'none', reason: 'no cgroup hierarchy with the memory controller is mounted' };
}

/** v1 hierarchies that sandboxes get a cgroup in. */
export function sandboxHierarchies(layout: Extract<CgroupLayout, { mode: 'v1' }>): V1Hierarchy[] {
  return layout.hierarchies.filter((h) =>
    h.controllers.some((c) => (V1_SANDBOX_CONTROLLERS as readonly string[]).includes(c)),
  );
}

/**
 * v2: the agent's service cgroup (where the gaiola parent goes) and its own leaf. An agent restarted inside its
 * leaf (`.../gaiola-agent`) keeps the same service cgroup; an agent in the root cgroup needs no leaf.
 */
export function v2AgentCgroups(ownPath: string): { service: string; leaf: string | undefined } {
  const clean = ownPath.replace(/\/+$/, '') || '/';
  if (clean === '/') return { service: '/', leaf: undefined };
  const parts = clean.split('/');
  if (parts[parts.length - 1] === V2_AGENT_LEAF) {
    const service = parts.slice(0, -1).join('/') || '/';
    return { service, leaf: service === '/' ? undefined : clean };
  }
  return { service: clean, leaf: `${clean}/${V2_AGENT_LEAF}` };
}

/** v2: the directory of the agent's leaf (made by planParent or already there), or undefined without one. */
export function v2AgentLeafDir(layout: CgroupLayout): string | undefined {
  if (layout.mode !== 'v2') return undefined;
  const { leaf } = v2AgentCgroups(layout.ownPath);
  return leaf === undefined ? undefined : joinCgroup(layout.mountPoint, leaf);
}

/** Directories that hold one sub-directory per sandbox (the gaiola parent), one per hierarchy. */
export function parentDirs(layout: CgroupLayout, parent: string): string[] {
  if (layout.mode === 'v1') return sandboxHierarchies(layout).map((h) => joinCgroup(h.mountPoint, parent));
  if (layout.mode === 'v2') return [joinCgroup(layout.mountPoint, v2AgentCgroups(layout.ownPath).service, parent)];
  return [];
}

/** The cgroup directories of one sandbox, and the cgroup.procs files its shells join. */
export interface SandboxCgroupPaths {
  mode: 'v1' | 'v2';
  /** Passed to `gaiola-sandbox create --cgroup`: the init joins each before unsharing its cgroup namespace. */
  dirs: string[];
  /** Passed to `gaiola-sandbox shell --cgroup-procs`. On v2 the init's leaf, since the root has controllers on. */
  shellProcs: string[];
}

export function sandboxCgroupPaths(layout: CgroupLayout, parent: string, id: string): SandboxCgroupPaths {
  if (layout.mode === 'none') throw new Error(`no usable cgroup hierarchy: ${layout.reason}`);
  const dirs = parentDirs(layout, parent).map((p) => joinCgroup(p, id));
  if (layout.mode === 'v1') return { mode: 'v1', dirs, shellProcs: dirs.map((d) => `${d}/cgroup.procs`) };
  return { mode: 'v2', dirs, shellProcs: dirs.map((d) => `${d}/${V2_INIT_LEAF}/cgroup.procs`) };
}

/** A step of cgroup setup; `ifExists` steps are skipped when the file is absent (e.g. no swap accounting). */
export type CgroupOp =
  /** `exclusive`: the directory must not exist yet (a sandbox's own cgroup is never reused). */
  | { kind: 'mkdir'; path: string; exclusive?: boolean }
  | { kind: 'write'; path: string; value: string; ifExists?: boolean }
  | { kind: 'chown'; path: string; uid: number; gid: number; ifExists?: boolean }
  /** Write the wanted controllers that `dir/cgroup.controllers` offers into `dir/cgroup.subtree_control`. */
  | { kind: 'enable-controllers'; dir: string; wanted: readonly string[] }
  /** Move every process of `from` into `to` (both cgroup directories). */
  | { kind: 'move-procs'; from: string; to: string };

/** Aggregate caps of the gaiola parent: everything the sandboxes may use together. */
export interface ParentCaps {
  memoryBytes: number;
  pidsMax: number;
}

export function parentCaps(memTotalBytes: number, pidMax: number): ParentCaps {
  return {
    // Never below 256 MiB, so a tiny test VM still runs one sandbox.
    memoryBytes: Math.max(256 * 1024 * 1024, memTotalBytes - HOST_MEMORY_RESERVE_BYTES),
    pidsMax: Math.max(64, Math.floor(pidMax * PARENT_PIDS_SHARE)),
  };
}

/** "+memory +pids" for the wanted controllers that a cgroup.controllers text offers ('' when none). */
export function controllersToEnable(cgroupControllers: string, wanted: readonly string[]): string {
  const available = new Set(parseControllers(cgroupControllers));
  return wanted
    .filter((c) => available.has(c))
    .map((c) => `+${c}`)
    .join(' ');
}

/** Creates the gaiola parent and caps it; on v2 first moves the agent into its leaf and enables controllers. */
export function planParent(layout: CgroupLayout, parent: string, caps: ParentCaps): CgroupOp[] {
  const ops: CgroupOp[] = [];
  if (layout.mode === 'v1') {
    for (const h of sandboxHierarchies(layout)) {
      const dir = joinCgroup(h.mountPoint, parent);
      ops.push({ kind: 'mkdir', path: dir });
      if (h.controllers.includes('memory')) {
        ops.push({ kind: 'write', path: `${dir}/memory.limit_in_bytes`, value: String(caps.memoryBytes) });
      }
      if (h.controllers.includes('pids'))
        ops.push({ kind: 'write', path: `${dir}/pids.max`, value: String(caps.pidsMax) });
    }
    return ops;
  }
  if (layout.mode === 'v2') {
    const { service, leaf } = v2AgentCgroups(layout.ownPath);
    if (leaf !== undefined) {
      // The service's processes (the agent, perhaps the site started with it) go to the leaf first.
      ops.push({ kind: 'mkdir', path: joinCgroup(layout.mountPoint, leaf) });
      ops.push({
        kind: 'move-procs',
        from: joinCgroup(layout.mountPoint, service),
        to: joinCgroup(layout.mountPoint, leaf),
      });
    }
    // Enable the controllers on every level from the root down to the parent.
    const segments = service === '/' ? [] : service.split('/').filter(Boolean);
    for (let i = 0; i <= segments.length; i++) {
      ops.push({
        kind: 'enable-controllers',
        dir: joinCgroup(layout.mountPoint, ...segments.slice(0, i)),
        wanted: V2_SANDBOX_CONTROLLERS,
      });
    }
    const dir = joinCgroup(layout.mountPoint, service, parent);
    ops.push({ kind: 'mkdir', path: dir });
    ops.push({ kind: 'enable-controllers', dir, wanted: V2_SANDBOX_CONTROLLERS });
    ops.push({ kind: 'write', path: `${dir}/memory.max`, value: String(caps.memoryBytes) });
    ops.push({ kind: 'write', path: `${dir}/pids.max`, value: String(caps.pidsMax) });
    return ops;
  }
  throw new Error(`no usable cgroup hierarchy: ${layout.reason}`);
}

/** v2, at shutdown: how to take the agent's leaf away again (see planLeafRelease). */
export interface LeafRelease {
  serviceDir: string;
  leafDir: string;
  /** For the service's cgroup.subtree_control: "-memory -pids -cpu", or '' when none is on. */
  disable: string;
}

/**
 * v2, at shutdown: undoes what planParent did to the service when it made the agent's leaf, so the leaf can go.
 * Only when the leaf is the service's last child: another agent's gaiola parent beside it still needs the
 * controllers on. They go off first (they were off before: the service had processes, and a cgroup with
 * controllers on for its children cannot take processes back); then the leaf's processes return to the
 * service (the agent among them: a process cannot remove the cgroup it is in) and the leaf is removed.
 * Undefined when there is nothing to undo.
 */
export function planLeafRelease(
  layout: CgroupLayout,
  serviceChildren: readonly string[],
  serviceSubtreeControl: string,
): LeafRelease | undefined {
  if (layout.mode !== 'v2') return undefined;
  const { service, leaf } = v2AgentCgroups(layout.ownPath);
  if (leaf === undefined) return undefined;
  if (serviceChildren.length !== 1 || serviceChildren[0] !== V2_AGENT_LEAF) return undefined;
  return {
    serviceDir: joinCgroup(layout.mountPoint, service),
    leafDir: joinCgroup(layout.mountPoint, leaf),
    disable: parseControllers(serviceSubtreeControl)
      .map((c) => `-${c}`)
      .join(' '),
  };
}

export interface SandboxLimits {
  memoryBytes: number;
  pidsMax: number;
  cpuQuotaUs: number;
}

/**
 * One sandbox's cgroups: limits stay root-owned (not writable inside); the directory and the delegatable files
 * go to the sandbox's root (host uid `uidBase`), so the student can create child cgroups and move processes.
 */
export function planSandbox(
  layout: CgroupLayout,
  parent: string,
  id: string,
  limits: SandboxLimits,
  uidBase: number,
  v2DelegateFiles: readonly string[] = DEFAULT_V2_DELEGATE_FILES,
): CgroupOp[] {
  const paths = sandboxCgroupPaths(layout, parent, id);
  const ops: CgroupOp[] = [];
  const own = (path: string, ifExists = false): CgroupOp => ({
    kind: 'chown',
    path,
    uid: uidBase,
    gid: uidBase,
    ifExists,
  });
  if (layout.mode === 'v1') {
    sandboxHierarchies(layout).forEach((h, i) => {
      const dir = paths.dirs[i] as string;
      ops.push({ kind: 'mkdir', path: dir, exclusive: true });
      if (h.controllers.includes('memory')) {
        ops.push({ kind: 'write', path: `${dir}/memory.limit_in_bytes`, value: String(limits.memoryBytes) });
        // Only with swap accounting; must come after memory.limit_in_bytes (memsw >= limit).
        ops.push({
          kind: 'write',
          path: `${dir}/memory.memsw.limit_in_bytes`,
          value: String(limits.memoryBytes),
          ifExists: true,
        });
      }
      if (h.controllers.includes('pids'))
        ops.push({ kind: 'write', path: `${dir}/pids.max`, value: String(limits.pidsMax) });
      if (h.controllers.includes('cpu')) {
        ops.push({ kind: 'write', path: `${dir}/cpu.cfs_period_us`, value: String(CPU_PERIOD_US) });
        ops.push({ kind: 'write', path: `${dir}/cpu.cfs_quota_us`, value: String(limits.cpuQuotaUs) });
      }
      ops.push(own(dir));
      for (const f of V1_DELEGATE_FILES) ops.push(own(`${dir}/${f}`, f === 'cgroup.clone_children'));
    });
    return ops;
  }
  const dir = paths.dirs[0] as string;
  ops.push({ kind: 'mkdir', path: dir, exclusive: true });
  ops.push({ kind: 'write', path: `${dir}/memory.max`, value: String(limits.memoryBytes) });
  // No swap: the memory cap is the whole budget (absent when the kernel has no swap support).
  ops.push({ kind: 'write', path: `${dir}/memory.swap.max`, value: '0', ifExists: true });
  ops.push({ kind: 'write', path: `${dir}/pids.max`, value: String(limits.pidsMax) });
  ops.push({ kind: 'write', path: `${dir}/cpu.max`, value: `${limits.cpuQuotaUs} ${CPU_PERIOD_US}`, ifExists: true });
  ops.push(own(dir));
  // memory.oom.group stays 0 on purpose: a student's own OOM demo must kill only the hog, not the sandbox.
  for (const f of v2DelegateFiles) ops.push(own(`${dir}/${f}`, true));
  return ops;
}

/** /sys/kernel/cgroup/delegate: one file name per line. */
export function parseDelegateFiles(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => /^[a-z_.]+$/.test(l));
}
