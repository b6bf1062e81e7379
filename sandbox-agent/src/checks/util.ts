// Small readers of a snapshot shared by the checks. Pure: no I/O.
import type { MountEntry } from '../kernel/parse/mountinfo';
import type { FileId, ProcInfo, SandboxSnapshot } from '../kernel/snapshot';
import type { CheckParams } from './types';

/** The sandbox's uids: host uidBase + 0 … uidBase + 65535 (the range its user namespace maps). */
const SANDBOX_IDS = 65536;

/**
 * A process's PID as the student sees it in the sandbox. NSpid is read by the agent, whose PID namespace is
 * the parent of the sandbox's (the launcher creates it), so the sandbox's number is the second entry.
 */
export function sandboxPid(p: ProcInfo): number {
  return p.nsPids[1] ?? p.hostPid;
}

/** Its innermost PID: 1 for the init of a PID namespace. */
export function innermostPid(p: ProcInfo): number {
  return p.nsPids[p.nsPids.length - 1] ?? p.hostPid;
}

/** In a PID namespace other than the sandbox's: inside a "container" the student made. */
export function inNewPidNs(snap: SandboxSnapshot, p: ProcInfo): boolean {
  return p.ns.pid !== undefined && p.ns.pid !== snap.base.ns.pid;
}

/** The mounts `p` sees: those recorded for a process with the same mount namespace and root. */
export function mountsSeenBy(snap: SandboxSnapshot, p: ProcInfo): MountEntry[] | undefined {
  const own = snap.mounts[p.hostPid];
  if (own) return own;
  const twin = snap.processes.find(
    (q) => q.ns.mnt === p.ns.mnt && q.rootId === p.rootId && snap.mounts[q.hostPid] !== undefined,
  );
  return twin ? snap.mounts[twin.hostPid] : undefined;
}

/**
 * Identity of the directory a lesson means by `path` (the snapshot records the one the sandbox was made with,
 * for the directories it prepares), or null. Never the sandbox's own root: a path the student pointed at `/`
 * (a symlink, a bind mount) would make every process of the sandbox look "chrooted" into it.
 */
export function lessonDirId(snap: SandboxSnapshot, path: string): FileId | null {
  const id = snap.paths[path];
  return id && id !== snap.base.rootId ? id : null;
}

/** In a user namespace other than the sandbox's. */
export function inNewUserNs(snap: SandboxSnapshot, p: ProcInfo): boolean {
  return p.ns.user !== undefined && p.ns.user !== snap.base.ns.user;
}

/** The parent of `p` in the snapshot is in the sandbox's own PID namespace (false when it is not there). */
export function parentInBasePidNs(snap: SandboxSnapshot, p: ProcInfo): boolean {
  const parent = snap.processes.find((q) => q.hostPid === p.ppid);
  return parent !== undefined && parent.ns.pid === snap.base.ns.pid;
}

/** A process's real uid as the sandbox sees it (host uidBase + N → N); a uid outside its range as the host's. */
export function sandboxUid(snap: SandboxSnapshot, p: ProcInfo): number {
  const rel = p.uid - snap.base.uidBase;
  return rel >= 0 && rel < SANDBOX_IDS ? rel : p.uid;
}

/** `inside outside count` lines of a uid_map as read by the agent (outside = a host uid). */
export function parseIdMap(text: string): [number, number, number][] {
  const out: [number, number, number][] = [];
  for (const line of text.split('\n')) {
    const f = line.trim().split(/\s+/).map(Number);
    if (f.length === 3 && f.every((n) => Number.isInteger(n))) out.push(f as [number, number, number]);
  }
  return out;
}

/**
 * A uid_map as the student would read it in the sandbox: the agent reads it as host root, so the outside
 * uids are host uids; those of the sandbox's range are shown as the sandbox's own (host uidBase + N → N).
 */
export function idMapAsSandboxSees(snap: SandboxSnapshot, text: string): string {
  return parseIdMap(text)
    .map(([inside, outside, count]) => {
      const rel = outside - snap.base.uidBase;
      return `${inside} ${rel >= 0 && rel < SANDBOX_IDS ? rel : outside} ${count}`;
    })
    .join('; ');
}

/** The sandbox paths among a check's parameters: every string value that is an absolute path. */
export function sandboxPathsIn(params: CheckParams): string[] {
  return Object.values(params).filter((v): v is string => typeof v === 'string' && v.startsWith('/'));
}
