// Lesson 04 "nobody": a process of the student's user (sandbox uid `uid`, host uid uidBase + uid) in a user
// namespace other than the sandbox's whose uid_map is still empty (unshare --user, no map written).
import { type CheckResult, defineCheck } from './types';
import { idMapAsSandboxSees, inNewUserNs, sandboxPid, sandboxUid } from './util';

export const usernsUnmapped = defineCheck('userns-unmapped', (snap, params): CheckResult => {
  const uid = params.uid;
  const own = snap.processes.filter((p) => inNewUserNs(snap, p));
  const [seen] = own;
  if (!seen) return { done: false, hint: 'no-userns' };
  // /proc/PID/status shows the real uid as the agent (host root) sees it: the host uid.
  const mine = own.filter((p) => p.uid === snap.base.uidBase + uid);
  const first = mine[0];
  // The hints show what was seen: whose the new namespace is (as a sandbox uid), or the map it already has.
  if (!first) return { done: false, hint: 'not-aluno', params: { uid, found: sandboxUid(snap, seen) } };
  if (mine.some((p) => p.uidMap !== null && p.uidMap.trim() === '')) return { done: true };
  const mapped = mine.find((p) => p.uidMap !== null) ?? first;
  const found = idMapAsSandboxSees(snap, mapped.uidMap ?? '');
  const pid = sandboxPid(mapped);
  return { done: false, hint: 'mapped', params: found === '' ? { pid } : { pid, found } };
});
