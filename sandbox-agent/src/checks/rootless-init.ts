// Lesson 04 "rootless": a rootless container made by the student: PID 1 of a PID namespace other than the
// sandbox's, in a user namespace other than the sandbox's, running as the student's uid (host uidBase + uid:
// root inside maps to it), with mount and UTS namespaces of its own too (unshare -U -r -m -p -f -u).
import type { NsKind } from '../kernel/snapshot';
import { type CheckResult, defineCheck } from './types';
import { inNewPidNs, inNewUserNs, innermostPid, sandboxUid } from './util';

const KINDS: readonly NsKind[] = ['mnt', 'uts'];

export const rootlessInit = defineCheck('rootless-init', (snap, params): CheckResult => {
  const uid = params.uid;
  const inits = snap.processes.filter((p) => inNewPidNs(snap, p) && innermostPid(p) === 1 && inNewUserNs(snap, p));
  const [seen] = inits;
  if (!seen) return { done: false, hint: 'no-init' };
  const mine = inits.filter((p) => p.uid === snap.base.uidBase + uid);
  // Whose the container is, as the sandbox numbers its users: what the hint shows against `uid`.
  if (mine.length === 0) return { done: false, hint: 'not-aluno', params: { uid, found: sandboxUid(snap, seen) } };
  const shared = (p: (typeof mine)[number]) =>
    KINDS.filter((k) => p.ns[k] === undefined || p.ns[k] === snap.base.ns[k]);
  if (mine.some((p) => shared(p).length === 0)) return { done: true };
  const best = [...mine].sort((a, b) => shared(a).length - shared(b).length)[0] as (typeof mine)[number];
  return { done: false, hint: 'missing-ns', params: { kind: shared(best)[0] as string } };
});
