// Lesson 07 (mounts): a read-only bind, a mount propagated between namespaces, a private one that stays
// put, a container whose root was switched with pivot_root, and a process that escaped a chroot. From the
// mount tables (/proc/PID/mountinfo) and the identities of roots and paths, never from what was typed.
import { findMount, type MountEntry } from '../kernel/parse/mountinfo';
import type { ProcInfo, SandboxSnapshot } from '../kernel/snapshot';
import { baseMountAt, baseMounts, sandboxPathOf, viewsByNamespace } from './mount-util';
import { type Check, type CheckResult, defineCheck } from './types';
import { lessonDirId, sandboxPid } from './util';

/** `target` is a bind of the directory `source` (same identity), read-only when `readOnly`. */
export const bindMount = defineCheck('bind-mount', (snap, params): CheckResult => {
  const source = params.source;
  const target = params.target;
  const m = baseMountAt(snap, target);
  if (!m) return { done: false, hint: 'not-mounted', params: { target } };
  const id = snap.paths[target];
  if (!id || id !== snap.paths[source]) {
    // What is mounted there instead: a directory of the sandbox, or a filesystem of its own (a new tmpfs).
    const found = sandboxPathOf(snap, m);
    return found === undefined
      ? { done: false, hint: 'not-bind', params: { target, source, fstype: m.fsType } }
      : { done: false, hint: 'other-source', params: { target, source, found } };
  }
  if (params.readOnly === true && !m.mountOptions.includes('ro'))
    return { done: false, hint: 'writable', params: { target, found: m.mountOptions.join(',') } };
  return { done: true };
});

/** Mount namespaces whose view has `fsSource` mounted at `path`. */
function namespacesWith(snap: Parameters<Check>[0], path: string, fsSource: string): Set<number | undefined> {
  const found = new Set<number | undefined>();
  for (const v of viewsByNamespace(snap)) if (findMount(v.mounts, path)?.source === fsSource) found.add(v.mnt);
  return found;
}

/** A mount of `fsSource` at `path` is in two mount namespaces or more: propagation carried it. */
export const mountPropagated = defineCheck('mount-propagated', (snap, params): CheckResult => {
  const path = params.path;
  const fsSource = params.fsSource;
  const found = namespacesWith(snap, path, fsSource);
  if (found.size === 0) return { done: false, hint: 'no-mount', params: { path, fsSource } };
  return found.size >= 2 ? { done: true } : { done: false, hint: 'not-shared', params: { path } };
});

/** A mount of `fsSource` at `path` exists in a namespace of the student's, and not in the sandbox's own. */
export const mountPrivate = defineCheck('mount-private', (snap, params): CheckResult => {
  const path = params.path;
  const fsSource = params.fsSource;
  const found = namespacesWith(snap, path, fsSource);
  const inOther = [...found].some((mnt) => mnt !== undefined && mnt !== snap.base.ns.mnt);
  if (!inOther) return { done: false, hint: 'no-mount', params: { path, fsSource } };
  const base = baseMounts(snap);
  if (base === undefined || findMount(base, path)?.source === fsSource)
    return { done: false, hint: 'leaked', params: { path } };
  return { done: true };
});

/** How a process came to have its root: through pivot_root, a chroot, or a pivot_root that left the old root mounted. */
export type RootHow = 'pivoted' | 'chrooted' | 'old-root';

/**
 * For a process in a mount namespace of its own: the sandbox's old root (recognised by the device and root
 * of the sandbox's own '/', whatever the name of put_old) is gone from that namespace → pivoted. Judged on
 * the namespace's whole table (the launcher reads it from the namespace's root), so a chroot inside the
 * namespace, even into a bind mount, is told apart; without that table, on what the process itself sees: a
 * mount at '/' (a chroot into a plain directory shows none) and no old root below it.
 */
export function rootHow(snap: SandboxSnapshot, p: ProcInfo): RootHow {
  if (p.ns.mnt === snap.base.ns.mnt) return 'chrooted';
  const oldRoot = baseMountAt(snap, '/');
  const isOldRoot = (m: MountEntry) =>
    oldRoot !== undefined && m.major === oldRoot.major && m.minor === oldRoot.minor && m.root === '/';
  const table = p.ns.mnt !== undefined ? snap.nsMounts?.[p.ns.mnt] : undefined;
  if (table) {
    const top = findMount(table, '/');
    if (!top || isOldRoot(top)) return 'chrooted';
    return table.some(isOldRoot) ? 'old-root' : 'pivoted';
  }
  const view = Object.entries(snap.mounts).find(([pid]) => {
    const q = snap.processes.find((x) => x.hostPid === Number(pid));
    return q !== undefined && q.ns.mnt === p.ns.mnt && q.rootId === p.rootId;
  })?.[1];
  if (!view || !findMount(view, '/')) return 'chrooted';
  return view.some((m) => m.mountPoint !== '/' && isOldRoot(m)) ? 'old-root' : 'pivoted';
}

/** A process in a mount namespace of its own has `path` as its root through pivot_root (see rootHow). */
export const pivotedRoot = defineCheck('pivoted-root', (snap, params): CheckResult => {
  const path = params.path;
  const id = lessonDirId(snap, path);
  const inRoot = id ? snap.processes.filter((p) => p.rootId === id) : [];
  if (inRoot.length === 0) return { done: false, hint: 'no-process', params: { path } };
  let stale: number | undefined;
  for (const p of inRoot) {
    const how = rootHow(snap, p);
    if (how === 'pivoted') return { done: true };
    if (how === 'old-root') stale ??= sandboxPid(p);
  }
  if (stale !== undefined) return { done: false, hint: 'old-root', params: { pid: stale } };
  return { done: false, hint: 'chrooted', params: { pid: sandboxPid(inRoot[0] as (typeof inRoot)[number]) } };
});

/** A process whose root is the sandbox's real root was started by a process chrooted into `path`. */
export const chrootEscaped = defineCheck('chroot-escaped', (snap, params): CheckResult => {
  const id = lessonDirId(snap, params.path);
  const escaped = snap.processes.some((p) => {
    if (p.rootId !== snap.base.rootId) return false;
    const parent = snap.processes.find((q) => q.hostPid === p.ppid);
    return id !== undefined && id !== null && parent?.rootId === id;
  });
  return escaped ? { done: true } : { done: false, hint: 'no-escape' };
});
