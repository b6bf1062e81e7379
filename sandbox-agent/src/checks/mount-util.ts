// Readers of a snapshot's mount views shared by the lesson 07-08 checks. Pure: no I/O.
import type { MountEntry } from '../kernel/parse/mountinfo';
import { findMount, optionValue } from '../kernel/parse/mountinfo';
import type { SandboxSnapshot } from './types';

/** The mounts of the sandbox's own mount namespace, as a process with the sandbox's root sees them. */
export function baseMounts(snap: SandboxSnapshot): MountEntry[] | undefined {
  const p = snap.processes.find(
    (q) => q.ns.mnt === snap.base.ns.mnt && q.rootId === snap.base.rootId && snap.mounts[q.hostPid] !== undefined,
  );
  return p ? snap.mounts[p.hostPid] : undefined;
}

/** Each recorded view with the mount namespace it belongs to. */
export function viewsByNamespace(snap: SandboxSnapshot): { mnt: number | undefined; mounts: MountEntry[] }[] {
  return Object.entries(snap.mounts).map(([pid, mounts]) => ({
    mnt: snap.processes.find((p) => p.hostPid === Number(pid))?.ns.mnt,
    mounts,
  }));
}

/** The top mount at `path` in the sandbox's own namespace. */
export function baseMountAt(snap: SandboxSnapshot, path: string): MountEntry | undefined {
  const mounts = baseMounts(snap);
  return mounts ? findMount(mounts, path) : undefined;
}

/** An overlay's lowerdir list (leftmost = top layer) and upperdir, from its superblock options. */
export function overlayDirs(m: MountEntry): { lowers: string[]; upper: string | undefined } {
  const lower = optionValue(m.superOptions, 'lowerdir');
  const upper = optionValue(m.superOptions, 'upperdir');
  return {
    lowers: typeof lower === 'string' ? lower.split(':').filter(Boolean) : [],
    upper: typeof upper === 'string' ? upper : undefined,
  };
}
