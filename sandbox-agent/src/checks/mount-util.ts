// Readers of a snapshot's mount views shared by the lesson 07-08 checks. Pure: no I/O.
import type { MountEntry } from '../kernel/parse/mountinfo';
import { findMount, overlayLayers } from '../kernel/parse/mountinfo';
import { ParseError } from '../kernel/parse/text';
import type { FileId, SandboxSnapshot } from '../kernel/snapshot';

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
 * The directory mount `m` shows, as a path of the sandbox: `m.root` within its filesystem, under the mount point of
 * another mount of the sandbox's namespace of that filesystem whose root is above it (a bind of `/root/copia`, of the
 * sandbox's own root, reads `/root/copia`). Undefined for a filesystem mounted nowhere else (a new tmpfs).
 */
export function sandboxPathOf(snap: SandboxSnapshot, m: MountEntry): string | undefined {
  for (const other of baseMounts(snap) ?? []) {
    if (other === m || other.major !== m.major || other.minor !== m.minor) continue;
    const rest = pathBelow(other.root, m.root);
    if (rest === '') return other.mountPoint;
    if (rest !== undefined) return other.mountPoint === '/' ? rest : `${other.mountPoint}${rest}`;
  }
  return undefined;
}

/** What is left of `path` below the directory `root` ('' for `root` itself, '/b' for `root`/b); undefined if not below. */
function pathBelow(root: string, path: string): string | undefined {
  if (path === root) return '';
  if (root === '/') return path;
  return path.startsWith(`${root}/`) ? path.slice(root.length) : undefined;
}

/** The mount a path lies in, in the sandbox's own namespace: the one at the longest mount point above it. */
export function baseMountHolding(snap: SandboxSnapshot, path: string): MountEntry | undefined {
  const above = (point: string) => point === '/' || path === point || path.startsWith(`${point}/`);
  let found: MountEntry | undefined;
  for (const m of baseMounts(snap) ?? [])
    if (above(m.mountPoint) && m.mountPoint.length >= (found?.mountPoint.length ?? 0)) found = m;
  return found;
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

/** The key of a layer in SandboxSnapshot.overlayLayerIds (the same as kernel/inspect.ts's overlayLayerKey). */
const layerKey = (m: MountEntry, spelling: string) => `${m.mountId} ${spelling}`;

/**
 * The layer of overlay `m` spelled `spelling` in its options is the directory the lesson means by `path`:
 * compared by identity (device and inode), so `lowerdir=lower` typed in /root/ov counts for /root/ov/lower.
 * A relative spelling counts when the lesson's directory is among those it names from the places it may
 * have been typed in: an honest mount is never refused for where its shell stands now, and a directory of
 * the same name elsewhere, typed from there on purpose, is the one way left to fool it.
 */
export function layerIs(snap: SandboxSnapshot, m: MountEntry, spelling: string, path: string): boolean {
  if (spelling === path) return true;
  const want = snap.paths[path];
  return want != null && (snap.overlayLayerIds?.[layerKey(m, spelling)] ?? []).includes(want);
}

/** One identity for the layer spelled `spelling` (its spelling when none was found), to tell layers apart. */
export function layerIdentity(snap: SandboxSnapshot, m: MountEntry, spelling: string): FileId | string {
  return snap.overlayLayerIds?.[layerKey(m, spelling)]?.[0] ?? spelling;
}
