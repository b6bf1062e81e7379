// Lesson 02 "namespaces": the container (a process of a PID namespace of the student's, in namespaces of its
// own of each kind in `kinds`, see new-namespaces) sees at its /proc a proc filesystem of its own PID
// namespace: the snapshot reads that proc's PID 1 through the container's root (containerProcs), and it must
// be the container's init. A proc of the sandbox's PID namespace shows the sandbox's processes and does not
// count: copied from the sandbox's mount namespace (mounted at rootfs/proc before `unshare`, as in lesson 01),
// or mounted into the container's mount namespace from outside (`nsenter -m`). A snapshot recorded without
// that read falls back to the mount's device: since Linux 5.8 every `mount -t proc` is a proc instance of its
// own, so one the sandbox's mount namespace also has was copied from there.
import { findMount } from '../kernel/parse/mountinfo';
import type { SandboxSnapshot } from '../kernel/snapshot';
import { newNamespaces } from './new-namespaces';
import { defineCheck } from './types';
import { inNewPidNs, innermostPid, mountsSeenBy, sandboxPid } from './util';

/** "major:minor" of every proc mount of the sandbox's own mount namespace, as its processes see them. */
function sandboxProcDevices(snap: SandboxSnapshot): Set<string> {
  const out = new Set<string>();
  for (const p of snap.processes)
    if (p.ns.mnt === snap.base.ns.mnt)
      for (const m of snap.mounts[p.hostPid] ?? []) if (m.fsType === 'proc') out.add(`${m.major}:${m.minor}`);
  return out;
}

export const containerProc = defineCheck('container-proc', (snap, params) => {
  const namespaces = newNamespaces.run(snap, params);
  if (!namespaces.done) return namespaces;
  const own = sandboxProcDevices(snap);
  const inside = snap.processes.filter((p) => inNewPidNs(snap, p) && p.ns.mnt !== snap.base.ns.mnt);
  let copied: number | undefined;
  for (const p of inside) {
    const proc = findMount(mountsSeenBy(snap, p) ?? [], '/proc');
    if (proc?.fsType !== 'proc') continue;
    const ownPidNs = snap.containerProcs ? snap.containerProcs[p.hostPid] : !own.has(`${proc.major}:${proc.minor}`);
    if (ownPidNs === true) return { done: true };
    copied ??= sandboxPid(p);
  }
  if (copied !== undefined) return { done: false, hint: 'sandbox-proc', params: { pid: copied } };
  // Report on the container's init (the student's shell there), else the first process inside.
  const best = inside.find((p) => innermostPid(p) === 1) ?? inside[0];
  return best ? { done: false, hint: 'no-proc', params: { pid: sandboxPid(best) } } : { done: false, hint: 'no-proc' };
});
