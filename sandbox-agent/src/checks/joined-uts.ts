// Lesson 02 "nsenter": a process that came from outside the container (it is in the sandbox's PID
// namespace) shares the container's UTS namespace, which only setns(2) produces (nsenter -t PID -u).
// The container's UTS namespaces are those of processes in a new PID namespace, other than the sandbox's.
// `unshare -p -u -f` itself also sits in the new UTS namespace but in the old PID namespace, as the parent
// of the container's init (PID 1 inside): such parents do not count. `nsenter -a` does count: it stays
// outside too, as the parent of a process that joined the container's PID namespace, never of its PID 1.
import { defineCheck } from './types';
import { inNewPidNs, innermostPid } from './util';

export const joinedUts = defineCheck('joined-uts', (snap) => {
  const inside = snap.processes.filter((p) => inNewPidNs(snap, p));
  const containerUts = new Set(
    inside.map((p) => p.ns.uts).filter((u): u is number => u !== undefined && u !== snap.base.ns.uts),
  );
  if (containerUts.size === 0) return { done: false, hint: 'no-container' };
  const creators = new Set(inside.filter((p) => innermostPid(p) === 1).map((p) => p.ppid));
  const joined = snap.processes.some(
    (p) => !inNewPidNs(snap, p) && p.ns.uts !== undefined && containerUts.has(p.ns.uts) && !creators.has(p.hostPid),
  );
  return joined ? { done: true } : { done: false, hint: 'not-joined' };
});
