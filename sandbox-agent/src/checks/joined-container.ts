// Lesson 03 "nsenter": a process that JOINED a container (nsenter -t PID -m -u -i -n -p -r): its mount, UTS,
// IPC, network and PID namespaces are those of a container init (PID 1 of a PID namespace other than the
// sandbox's), its root is that init's root (-r), and its parent is in the sandbox's PID namespace: it came
// from outside (a process born inside the container has its parent inside). The container init itself and
// `unshare` (its parent outside, which sits in the container's namespaces but the PID one) do not count.
import type { NsKind, ProcInfo } from '../kernel/snapshot';
import { type CheckResult, defineCheck } from './types';
import { inNewPidNs, innermostPid, parentInBasePidNs, sandboxPid } from './util';

const KINDS: readonly NsKind[] = ['mnt', 'uts', 'ipc', 'net', 'pid'];

export const joinedContainer = defineCheck('joined-container', (snap): CheckResult => {
  const inits = snap.processes.filter((p) => inNewPidNs(snap, p) && innermostPid(p) === 1);
  if (inits.length === 0) return { done: false, hint: 'no-container' };
  const initPids = new Set(inits.map((p) => p.hostPid));
  const creators = new Set(inits.map((p) => p.ppid));
  // From outside: in the sandbox's PID namespace, or entered a new one with a parent still outside.
  const fromOutside = snap.processes.filter(
    (p) =>
      !initPids.has(p.hostPid) &&
      !creators.has(p.hostPid) &&
      (p.ns.pid === snap.base.ns.pid || parentInBasePidNs(snap, p)),
  );
  const missing = (p: ProcInfo, init: ProcInfo) => KINDS.filter((k) => p.ns[k] === undefined || p.ns[k] !== init.ns[k]);
  let best: { p: ProcInfo; missing: NsKind[]; rootOk: boolean } | undefined;
  for (const p of fromOutside) {
    for (const init of inits) {
      const m = missing(p, init);
      if (m.length === KINDS.length) continue; // shares nothing with this container
      const rootOk = p.rootId !== null && p.rootId === init.rootId;
      if (m.length === 0 && rootOk) return { done: true };
      if (!best || m.length < best.missing.length || (m.length === best.missing.length && !best.rootOk && rootOk))
        best = { p, missing: m, rootOk };
    }
  }
  if (!best) return { done: false, hint: 'not-joined' };
  const pid = sandboxPid(best.p);
  if (best.missing.length === 0) return { done: false, hint: 'wrong-root', params: { pid } };
  return { done: false, hint: 'missing-ns', params: { kind: best.missing[0] as string, pid } };
});
