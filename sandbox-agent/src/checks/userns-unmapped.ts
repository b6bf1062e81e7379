// Lesson 04 "nobody": a process of the student's user (sandbox uid `uid`, host uid uidBase + uid) in a user
// namespace other than the sandbox's whose uid_map is still empty (unshare --user, no map written).
import { type CheckResult, defineCheck } from './types';
import { inNewUserNs, sandboxPid } from './util';

export const usernsUnmapped = defineCheck('userns-unmapped', (snap, params): CheckResult => {
  const uid = params.uid;
  const own = snap.processes.filter((p) => inNewUserNs(snap, p));
  if (own.length === 0) return { done: false, hint: 'no-userns' };
  // /proc/PID/status shows the real uid as the agent (host root) sees it: the host uid.
  const mine = own.filter((p) => p.uid === snap.base.uidBase + uid);
  const first = mine[0];
  if (!first) return { done: false, hint: 'not-aluno', params: { uid } };
  if (mine.some((p) => p.uidMap !== null && p.uidMap.trim() === '')) return { done: true };
  const mapped = mine.find((p) => p.uidMap !== null) ?? first;
  return { done: false, hint: 'mapped', params: { pid: sandboxPid(mapped) } };
});
