// Lesson 01 "kill-outside": the fixture (a process outside the chroot) was signalled by a process whose
// root is `path`, as the fixture itself recorded at that moment (si_pid, then the killer's root). The
// killer may be a short-lived `kill` binary: then its parent (the chrooted shell) counts.
import type { Check } from './types';
import { sandboxPid, stringParam } from './util';

export const fixtureKilledFromRoot: Check = (snap, params) => {
  const name = stringParam(params, 'fixture');
  const path = stringParam(params, 'path');
  const f = snap.fixtures[name];
  const id = snap.paths[path];
  if (f?.killedBy) {
    const k = f.killedBy;
    if (id && (k.rootId === id || k.parentRootId === id)) return { done: true };
    return { done: false, hint: 'killed-from-outside', params: { pid: k.pid } };
  }
  if (f && !f.alive) {
    // Killed with a signal it cannot catch (SIGKILL): nobody can tell from where. The agent starts it again.
    return { done: false, hint: 'killed-from-outside', params: { pid: '?' } };
  }
  const proc = f?.hostPid != null ? snap.processes.find((p) => p.hostPid === f.hostPid) : undefined;
  return { done: false, hint: 'alive', params: { pid: proc ? sandboxPid(proc) : '?' } };
};
