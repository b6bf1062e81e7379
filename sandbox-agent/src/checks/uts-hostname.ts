// Lessons 02 and 04 "hostname": a UTS namespace other than the sandbox's has the host name asked, and the
// sandbox's own name is not that name (renaming the sandbox itself, without -u, must not pass). With
// `container` (lesson 02), that namespace must be the container's: one a process of a PID namespace of the
// student's is in. A UTS namespace of its own beside the container (`unshare -u` alone, or one made while the
// sandbox itself carried the name, which it then copied) says nothing about the container the lesson builds.
import { type CheckResult, defineCheck } from './types';
import { inNewPidNs } from './util';

export const utsHostname = defineCheck('uts-hostname', (snap, params): CheckResult => {
  const wanted = params.hostname;
  if (snap.base.hostname === wanted) return { done: false, hint: 'sandbox-renamed', params: { found: wanted } };
  const own = snap.processes.filter((p) => p.ns.uts !== undefined && p.ns.uts !== snap.base.ns.uts);
  if (own.length === 0) return { done: false, hint: 'no-new-uts' };
  const named = (p: (typeof own)[number]) => snap.hostnames[p.ns.uts as number] === wanted;
  const counted = params.container === true ? own.filter((p) => inNewPidNs(snap, p)) : own;
  if (counted.some(named)) return { done: true };
  if (own.some(named)) return { done: false, hint: 'not-container', params: { name: wanted } };
  // Name the container's namespace when there is one: that is where the student is typing. Only names
  // read count: a namespace whose processes exited as the snapshot was taken has none, and a hint without
  // its parameter is not shown (unfilledHintParams), rather than "`?`".
  const read = own.filter((p) => snap.hostnames[p.ns.uts as number] !== undefined);
  const shown = read.find((p) => inNewPidNs(snap, p)) ?? read[0];
  const found = shown && snap.hostnames[shown.ns.uts as number];
  return found === undefined
    ? { done: false, hint: 'wrong-name' }
    : { done: false, hint: 'wrong-name', params: { found } };
});
