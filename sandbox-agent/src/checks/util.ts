// Small readers of a snapshot shared by the checks. Pure: no I/O.
import type { MountEntry } from '../kernel/parse/mountinfo';
import type { CheckParams, ProcInfo, SandboxSnapshot } from './types';

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

/** A string parameter a check needs; a lesson that forgets it is a bug, reported loudly. */
export function stringParam(params: CheckParams, name: string): string {
  const v = params[name];
  if (typeof v !== 'string' || v === '') throw new Error(`check parameter ${name} is missing`);
  return v;
}
