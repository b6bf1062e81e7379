// Lesson 01 "proc": a process whose root is `path` sees a proc filesystem at its /proc, in its own
// mountinfo (mount points there are relative to its root, as the kernel shows them). Mounting it from
// outside at path/proc is as good: what counts is what the chrooted process sees.
import { findMount } from '../kernel/parse/mountinfo';
import { type CheckResult, defineCheck } from './types';
import { lessonDirId, mountsSeenBy, sandboxPid } from './util';

export const procMountedInRoot = defineCheck('proc-mounted-in-root', (snap, params): CheckResult => {
  const path = params.path;
  const id = lessonDirId(snap, path);
  const chrooted = id ? snap.processes.filter((p) => p.rootId === id) : [];
  const [shell] = chrooted;
  if (!shell) return { done: false, hint: 'not-chrooted', params: { path } };
  for (const p of chrooted) {
    const mounts = mountsSeenBy(snap, p);
    if (mounts && findMount(mounts, '/proc')?.fsType === 'proc') return { done: true };
  }
  return { done: false, hint: 'no-proc', params: { path, pid: sandboxPid(shell) } };
});
