// Lesson 02 "namespaces": one process inside a new PID namespace (the container) whose namespaces of each
// listed kind (`kinds`, e.g. 'mnt,ipc,net') all differ from the sandbox's: inode comparison of /proc/PID/ns.
import type { NsKind } from '../kernel/snapshot';
import { NS_KINDS } from '../protocol/check-params';
import { defineCheck } from './types';
import { inNewPidNs, innermostPid, sandboxPid } from './util';

/** The kinds a lesson may name (its schema refuses others), each a kind the snapshot reads. */
const KINDS: ReadonlySet<string> = new Set<NsKind>(NS_KINDS);

export const newNamespaces = defineCheck('new-namespaces', (snap, params) => {
  const kinds = params.kinds
    .split(',')
    .map((k) => k.trim())
    .filter((k) => k !== '');
  for (const k of kinds) if (!KINDS.has(k)) throw new Error(`check new-namespaces: unknown namespace kind ${k}`);
  const inside = snap.processes.filter((p) => inNewPidNs(snap, p));
  if (inside.length === 0) return { done: false, hint: 'no-process' };
  const shared = (p: (typeof inside)[number]) =>
    (kinds as NsKind[]).filter((k) => p.ns[k] === undefined || p.ns[k] === snap.base.ns[k]);
  if (inside.some((p) => shared(p).length === 0)) return { done: true };
  // Report on the container's init (the student's shell there), else the closest process.
  const best = [...inside].sort(
    (a, b) => Number(innermostPid(b) === 1) - Number(innermostPid(a) === 1) || shared(a).length - shared(b).length,
  )[0] as (typeof inside)[number];
  return { done: false, hint: 'same-ns', params: { kind: shared(best)[0] as string, pid: sandboxPid(best) } };
});
