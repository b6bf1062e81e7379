// Readers of a snapshot's mount views shared by the lesson 07-08 checks. Pure: no I/O.
import type { MountEntry } from '../kernel/parse/mountinfo';
import { findMount, overlayLayers } from '../kernel/parse/mountinfo';
import { ParseError } from '../kernel/parse/text';
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

/**
 * An overlay's lower layers (top first) and upperdir, from its superblock options, as parse/mountinfo.ts's
 * overlayLayers reads them (old `lowerdir=a:b` or new `lowerdir+=` style); none for options it cannot read.
 */
export function overlayDirs(m: MountEntry): { lowers: string[]; upper: string | undefined } {
  try {
    const layers = overlayLayers(m);
    return { lowers: layers.lowerdirs, upper: layers.upperdir };
  } catch (err) {
    if (!(err instanceof ParseError)) throw err;
    return { lowers: [], upper: undefined };
  }
}
