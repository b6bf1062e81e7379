// Lesson 02 "hostname": a UTS namespace other than the sandbox's has the host name asked, and the sandbox's
// own name is not that name (renaming the sandbox itself, without -u, must not pass).
import type { Check } from './types';
import { inNewPidNs, stringParam } from './util';

export const utsHostname: Check = (snap, params) => {
  const wanted = stringParam(params, 'hostname');
  if (snap.base.hostname === wanted) return { done: false, hint: 'sandbox-renamed', params: { found: wanted } };
  const own = snap.processes.filter((p) => p.ns.uts !== undefined && p.ns.uts !== snap.base.ns.uts);
  if (own.length === 0) return { done: false, hint: 'no-new-uts' };
  if (own.some((p) => snap.hostnames[p.ns.uts as number] === wanted)) return { done: true };
  // Name the container's namespace when there is one: that is where the student is typing. Only names
  // read count: a namespace whose processes exited as the snapshot was taken has none, and a hint without
  // its parameter is not shown (unfilledHintParams), rather than "`?`".
  const named = own.filter((p) => snap.hostnames[p.ns.uts as number] !== undefined);
  const shown = named.find((p) => inNewPidNs(snap, p)) ?? named[0];
  const found = shown && snap.hostnames[shown.ns.uts as number];
  return found === undefined
    ? { done: false, hint: 'wrong-name' }
    : { done: false, hint: 'wrong-name', params: { found } };
};
