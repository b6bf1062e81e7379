// Lesson 02 "namespaces": the container (a process of a PID namespace of the student's, in namespaces of its
// own of each kind in `kinds`, see new-namespaces) sees at its /proc a proc filesystem mounted after its mount
// namespace was made, i.e. one the sandbox's own mount namespace does not have. Since Linux 5.8 every
// `mount -t proc` makes a proc instance of its own (its own device number), for the PID namespace of the
// process that mounts it: the container's, when mounted inside it. A proc the container's mount namespace
// copied from the sandbox's (mounted at rootfs/proc before `unshare`, as in lesson 01) shows the sandbox's
// processes: it has the device of a proc mount of the sandbox, and does not count.
import { findMount } from '../kernel/parse/mountinfo';
import { newNamespaces } from './new-namespaces';
import type { Check, SandboxSnapshot } from './types';
import { inNewPidNs, innermostPid, mountsSeenBy, sandboxPid } from './util';

/** "major:minor" of every proc mount of the sandbox's own mount namespace, as its processes see them. */
function sandboxProcDevices(snap: SandboxSnapshot): Set<string> {
  const out = new Set<string>();
  for (const p of snap.processes)
    if (p.ns.mnt === snap.base.ns.mnt)
      for (const m of snap.mounts[p.hostPid] ?? []) if (m.fsType === 'proc') out.add(`${m.major}:${m.minor}`);
  return out;
}

export const containerProc: Check = (snap, params) => {
  const namespaces = newNamespaces(snap, params);
  if (!namespaces.done) return namespaces;
  const own = sandboxProcDevices(snap);
  const inside = snap.processes.filter((p) => inNewPidNs(snap, p) && p.ns.mnt !== snap.base.ns.mnt);
  let copied: number | undefined;
  for (const p of inside) {
    const proc = findMount(mountsSeenBy(snap, p) ?? [], '/proc');
    if (proc?.fsType !== 'proc') continue;
    if (!own.has(`${proc.major}:${proc.minor}`)) return { done: true };
    copied ??= sandboxPid(p);
  }
  if (copied !== undefined) return { done: false, hint: 'sandbox-proc', params: { pid: copied } };
  // Report on the container's init (the student's shell there), else the first process inside.
  const best = inside.find((p) => innermostPid(p) === 1) ?? inside[0];
  return best ? { done: false, hint: 'no-proc', params: { pid: sandboxPid(best) } } : { done: false, hint: 'no-proc' };
};
