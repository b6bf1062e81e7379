// Lessons 11-13: whole containers judged property by property. A container's init is PID 1 of a PID
// namespace of the student's; the checks name what it still lacks (namespaces, pivot_root, overlay root,
// host name, cgroup, network) from the namespaces, mount tables, cgroup files and interface tables.

import type { CgroupGroup, ProcInfo, SandboxSnapshot } from '../kernel/snapshot';
import type { CheckParamsOf } from '../protocol/check-params';
import { findGroup, groupsOf } from './cgroup-util';
import { baseMountAt } from './mount-util';
import { rootHow } from './mounts';
import { studentNets } from './network';
import { mostSeccompFilters } from './security';
import { type CheckResult, defineCheck } from './types';
import { inNewPidNs, innermostPid, lessonDirId } from './util';

/** PID 1 of each PID namespace of the student's. */
export function containerInits(snap: SandboxSnapshot): ProcInfo[] {
  return snap.processes.filter((p) => inNewPidNs(snap, p) && innermostPid(p) === 1);
}

/** The group that holds `p`, in the tree of `controller`. */
function groupOf(snap: SandboxSnapshot, p: ProcInfo, controller: 'memory' | 'pids'): CgroupGroup | undefined {
  return groupsOf(snap, controller).find((g) => g.procs.includes(p.hostPid));
}

/** A namespace of the student's with an interface other than lo, up, with an IPv4 address. */
function linked(snap: SandboxSnapshot, p: ProcInfo): boolean {
  const n = studentNets(snap).find(([ns]) => ns === p.ns.net)?.[1];
  return n?.interfaces.some((i) => i.name !== 'lo' && i.up && i.addrs.some((a) => !a.includes(':'))) ?? false;
}

/** What a container init lacks, in the order the lesson builds it. */
function missingOf(snap: SandboxSnapshot, p: ProcInfo, params: CheckParamsOf<'container-complete'>): string[] {
  const path = params.path;
  const missing: string[] = [];
  for (const kind of ['mnt', 'uts', 'ipc', 'net'] as const)
    if (p.ns[kind] === undefined || p.ns[kind] === snap.base.ns[kind]) missing.push(kind);
  const id = lessonDirId(snap, path);
  if (!id || p.rootId !== id || rootHow(snap, p) !== 'pivoted') missing.push('pivot_root');
  if (baseMountAt(snap, path)?.fsType !== 'overlay') missing.push('overlay');
  if (p.ns.uts === undefined || snap.hostnames[p.ns.uts] !== params.hostname) missing.push('hostname');
  const group = findGroup(snap, 'memory', params.group);
  if (!group?.procs.includes(p.hostPid)) missing.push('cgroup');
  if (params.network === true && !linked(snap, p)) missing.push('veth');
  return missing;
}

/** The capstone: a container with every property the lesson built; else the one closest to it, and what it lacks. */
export const containerComplete = defineCheck('container-complete', (snap, params): CheckResult => {
  const inits = containerInits(snap);
  if (inits.length === 0) return { done: false, hint: 'no-container' };
  const best = inits.map((p) => missingOf(snap, p, params)).sort((a, b) => a.length - b.length)[0] ?? [];
  return best.length === 0 ? { done: true } : { done: false, hint: 'missing', params: { what: best.join(', ') } };
});

const PAGE = 4096;

/** Which of the memory and pids limits the cgroups of `p` lack. */
function limitsMissing(snap: SandboxSnapshot, p: ProcInfo, memoryBytes: number, pidsMax: number): string[] {
  const missing: string[] = [];
  const mem = groupOf(snap, p, 'memory')?.memory?.limit;
  if (mem === null || mem === undefined || Math.abs(mem - memoryBytes) > PAGE) missing.push('memory');
  if (groupOf(snap, p, 'pids')?.pids?.max !== pidsMax) missing.push('pids');
  return missing;
}

/**
 * `docker run --memory M --pids-limit N --network none` by hand: a container init in a network namespace of
 * its own with only lo, in cgroups with those limits. Else what the closest one lacks: limits, a network
 * namespace without other interfaces (`has-network`, naming them), or one of its own (`sandbox-net`, naming the
 * sandbox's, as `readlink /proc/PID/ns/net` prints it).
 */
export const dockerLike = defineCheck('docker-like', (snap, params): CheckResult => {
  const memoryBytes = params.memoryBytes;
  const pidsMax = params.pidsMax;
  const inits = containerInits(snap);
  if (inits.length === 0) return { done: false, hint: 'no-container' };
  let best: string[] | undefined;
  let others: string[] | undefined;
  let shared = false;
  for (const p of inits) {
    if (p.ns.net === snap.base.ns.net) shared = true;
    const n = studentNets(snap).find(([ns]) => ns === p.ns.net)?.[1];
    if (!n) continue;
    const extra = n.interfaces.filter((i) => i.name !== 'lo').map((i) => i.name);
    if (extra.length > 0) {
      others ??= extra;
      continue;
    }
    const missing = limitsMissing(snap, p, memoryBytes, pidsMax);
    if (missing.length === 0) return { done: true };
    if (!best || missing.length < best.length) best = missing;
  }
  if (best) return { done: false, hint: 'no-limits', params: { what: best.join(', ') } };
  if (others) return { done: false, hint: 'has-network', params: { found: others.join(', ') } };
  return shared
    ? { done: false, hint: 'sandbox-net', params: { found: `net:[${snap.base.ns.net}]` } }
    : { done: false, hint: 'no-container' };
});

/** Processes of a PID namespace of the student's whose host name is `hostname` (a runc container). */
function namedContainers(snap: SandboxSnapshot, hostname: string): ProcInfo[] {
  return snap.processes.filter(
    (p) => inNewPidNs(snap, p) && p.ns.uts !== undefined && snap.hostnames[p.ns.uts] === hostname,
  );
}

/** An OCI runtime config at `path`: JSON with ociVersion, root.path and linux.namespaces. */
export const ociSpec = defineCheck('oci-spec', (snap, params): CheckResult => {
  const path = params.path;
  const f = snap.files[path];
  if (f?.type !== 'file' || f.text === null) return { done: false, hint: 'no-spec', params: { path } };
  try {
    const spec = JSON.parse(f.text) as {
      ociVersion?: unknown;
      root?: { path?: unknown };
      linux?: { namespaces?: unknown };
    };
    if (
      typeof spec.ociVersion === 'string' &&
      typeof spec.root?.path === 'string' &&
      Array.isArray(spec.linux?.namespaces)
    )
      return { done: true };
  } catch {
    // not JSON: the hint below
  }
  return { done: false, hint: 'not-json', params: { path } };
});

/** runc's container runs: a process of its own PID namespace named `hostname`, in cgroups with those limits. */
export const ociRunning = defineCheck('oci-running', (snap, params): CheckResult => {
  const hostname = params.hostname;
  const found = namedContainers(snap, hostname);
  if (found.length === 0) return { done: false, hint: 'not-running', params: { hostname } };
  let best: string[] | undefined;
  for (const p of found) {
    const missing = limitsMissing(snap, p, params.memoryBytes, params.pidsMax);
    if (missing.length === 0) return { done: true };
    if (!best || missing.length < best.length) best = missing;
  }
  return { done: false, hint: 'no-limits', params: { what: (best ?? []).join(', ') } };
});

/** runc's container carries a seccomp filter beyond the sandbox's own. */
export const ociSeccomp = defineCheck('oci-seccomp', (snap, params): CheckResult => {
  const hostname = params.hostname;
  const found = namedContainers(snap, hostname);
  if (found.length === 0) return { done: false, hint: 'not-running', params: { hostname } };
  const base = snap.base.seccompFilters;
  if (found.some((p) => base >= 0 && p.seccomp.filters > base)) return { done: true };
  return { done: false, hint: 'no-filter', params: { found: mostSeccompFilters(found) } };
});

/** A "pause" process: network, UTS and IPC namespaces of its own, named `hostname`. */
function pauses(snap: SandboxSnapshot, hostname: string): ProcInfo[] {
  return snap.processes.filter(
    (p) =>
      (['net', 'uts', 'ipc'] as const).every((k) => p.ns[k] !== undefined && p.ns[k] !== snap.base.ns[k]) &&
      p.ns.uts !== undefined &&
      snap.hostnames[p.ns.uts] === hostname,
  );
}

export const podPause = defineCheck('pod-pause', (snap, params): CheckResult => {
  const hostname = params.hostname;
  return pauses(snap, hostname).length > 0 ? { done: true } : { done: false, hint: 'no-pause', params: { hostname } };
});

/**
 * `count` containers or more (PID 1 of their own PID namespace, each with a mount namespace of its own) share
 * the pause's network, UTS and IPC namespaces: a pod.
 */
export const podMembers = defineCheck('pod-members', (snap, params): CheckResult => {
  const hostname = params.hostname;
  const count = params.count;
  const ps = pauses(snap, hostname);
  if (ps.length === 0) return { done: false, hint: 'no-pause', params: { hostname } };
  let found = 0;
  for (const pause of ps) {
    const mnts = new Set(
      containerInits(snap)
        .filter(
          (c) =>
            c.ns.mnt !== snap.base.ns.mnt && (['net', 'uts', 'ipc'] as const).every((k) => c.ns[k] === pause.ns[k]),
        )
        .map((c) => c.ns.mnt),
    );
    found = Math.max(found, mnts.size);
  }
  return found >= count ? { done: true } : { done: false, hint: 'few-members', params: { found, count } };
});
