// Lesson 01 "kill-outside": the fixture (a process outside the chroot) was signalled by a process whose
// root is `path`, as the fixture itself recorded at that moment (si_pid, then the killer's root). The
// killer may be a short-lived `kill` binary: then its parent (the chrooted shell) counts.
// After a wrong kill the agent starts the fixture again; the new one carries how the old one died, so the
// hint keeps saying why the step is not done instead of turning back to "still alive".
import type { FileId, FixtureKiller } from '../kernel/snapshot';
import { type CheckResult, defineCheck } from './types';
import { lessonDirId, sandboxPid } from './util';

/** What a recorded killer means: done from inside `path`, else who it was. null = SIGKILL, untraceable. */
function judge(killer: FixtureKiller | null, root: FileId | null | undefined): CheckResult {
  if (!killer) return { done: false, hint: 'killed-untraceable' };
  if (root && (killer.rootId === root || killer.parentRootId === root)) return { done: true };
  return { done: false, hint: 'killed-from-outside', params: { pid: killer.pid } };
}

export const fixtureKilledFromRoot = defineCheck('fixture-killed-from-root', (snap, params) => {
  const name = params.fixture;
  const path = params.path;
  const f = snap.fixtures[name];
  const id = lessonDirId(snap, path);
  if (f?.killedBy) return judge(f.killedBy, id);
  // Dead without a record: killed with a signal it cannot catch (SIGKILL); nobody can tell from where.
  if (f && !f.alive) return judge(null, id);
  if (f?.replaces) return judge(f.replaces.killedBy, id);
  const proc = f?.hostPid != null ? snap.processes.find((p) => p.hostPid === f.hostPid) : undefined;
  // Not running yet: the agent starts it when the lesson opens, and checks again once it is up.
  if (!proc) return { done: false, hint: 'starting' };
  return { done: false, hint: 'alive', params: { pid: sandboxPid(proc) } };
});
