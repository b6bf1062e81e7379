// Lesson 02 "unshare": a process in a PID namespace other than the sandbox's whose innermost PID is 1,
// the init of a namespace the student made (unshare -p -f, or any program calling clone/unshare).
import { defineCheck } from './types';
import { inNewPidNs, innermostPid, sandboxPid } from './util';

export const pidNsInit = defineCheck('pid-ns-init', (snap) => {
  const inside = snap.processes.filter((p) => inNewPidNs(snap, p));
  if (inside.some((p) => innermostPid(p) === 1)) return { done: true };
  const p = inside[0];
  if (!p) return { done: false, hint: 'no-new-pidns' };
  return { done: false, hint: 'not-pid1', params: { pid: sandboxPid(p), nspid: innermostPid(p) } };
});
