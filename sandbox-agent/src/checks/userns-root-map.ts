// Lesson 04 "map-root": a process in a user namespace other than the sandbox's whose uid_map maps root
// inside to the student's uid, one id only, with setgroups denied (unshare --user --map-root-user as aluno).
// The kernel renders /proc/PID/uid_map relative to the READER's user namespace, and the agent reads it as
// host root: the `0 1000 1` the student sees inside the sandbox reads `0 <uidBase+1000> 1` here, so the
// outside id is compared with uidBase + uid (and shown back as the sandbox's uid in the hint).
import { type CheckResult, defineCheck } from './types';
import { idMapAsSandboxSees, inNewUserNs, parseIdMap } from './util';

export const usernsRootMap = defineCheck('userns-root-map', (snap, params): CheckResult => {
  const uid = params.uid;
  const hostUid = snap.base.uidBase + uid;
  const own = snap.processes.filter((p) => inNewUserNs(snap, p) && p.uidMap !== null);
  if (own.length === 0) return { done: false, hint: 'no-userns' };
  const rootMap = (text: string) => {
    const lines = parseIdMap(text);
    return lines.length === 1 && lines[0]?.[0] === 0 && lines[0][1] === hostUid && lines[0][2] === 1;
  };
  if (own.some((p) => rootMap(p.uidMap as string) && p.setgroups === 'deny')) return { done: true };
  // Show the student's own (newest) namespace when there is one.
  const shown = [...own].reverse().find((p) => p.uid === hostUid) ?? own[own.length - 1];
  const found = idMapAsSandboxSees(snap, shown?.uidMap ?? '');
  // No map written yet (`unshare --user` alone): a hint of its own, not an empty `` in the text.
  if (found.trim() === '') return { done: false, hint: 'no-map' };
  return { done: false, hint: 'no-root-map', params: { found } };
});
