// Readers of a snapshot's cgroups shared by the lesson 05-06 checks. Pure: no I/O. Groups are found by the
// name the lesson gives, in the hierarchy of the controller the step is about (v1), or in the one tree (v2);
// the hints name the files of the host the student is on.
import type { CgroupGroup, ProcInfo, SandboxSnapshot } from '../kernel/snapshot';

export type Controller = 'memory' | 'pids' | 'cpu' | 'freezer';

/** Groups in the tree of `controller`: its v1 hierarchy (maybe co-mounted, 'cpu,cpuacct'), or v2's one tree. */
export function groupsOf(snap: SandboxSnapshot, controller: Controller): CgroupGroup[] {
  return snap.cgroups.groups.filter((g) =>
    snap.cgroups.version === 2 ? g.hierarchy === 'unified' : g.hierarchy.split(',').includes(controller),
  );
}

/**
 * The group the lesson names (`demo` → '/demo'), in the tree of `controller`. A group of that name nested
 * deeper counts too (v2's rules can make a student nest one), the shallowest first.
 */
export function findGroup(snap: SandboxSnapshot, controller: Controller, name: string): CgroupGroup | undefined {
  const candidates = groupsOf(snap, controller).filter((g) => g.path === `/${name}` || g.path.endsWith(`/${name}`));
  return candidates.sort((a, b) => a.path.length - b.path.length)[0];
}

/** The live processes of a group: in its cgroup.procs and alive in the sandbox (zombies left out). */
export function liveMembers(snap: SandboxSnapshot, group: CgroupGroup): ProcInfo[] {
  const procs = new Set(group.procs);
  return snap.processes.filter((p) => procs.has(p.hostPid));
}

/** File names a hint shows, per cgroup version. */
export const CGROUP_FILES = {
  memoryLimit: { 1: 'memory.limit_in_bytes', 2: 'memory.max' },
  memoryUsage: { 1: 'memory.usage_in_bytes', 2: 'memory.current' },
  memoryEvents: { 1: 'memory.oom_control', 2: 'memory.events' },
  cpuQuota: { 1: 'cpu.cfs_quota_us', 2: 'cpu.max' },
} as const;

export function fileName(snap: SandboxSnapshot, file: keyof typeof CGROUP_FILES): string {
  return CGROUP_FILES[file][snap.cgroups.version];
}

/** The CPU quota file's text as the host shows it: v1 cpu.cfs_quota_us (-1 for none), v2 cpu.max ("max 100000"). */
export function cpuQuotaShown(snap: SandboxSnapshot, cpu: { quotaUs: number | null; periodUs: number }): string {
  return snap.cgroups.version === 1 ? String(cpu.quotaUs ?? -1) : `${cpu.quotaUs ?? 'max'} ${cpu.periodUs}`;
}
