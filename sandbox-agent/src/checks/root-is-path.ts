// Lesson 01 "chroot": some process of the sandbox has `path` as its root directory. Identity, not text:
// the device and inode of /proc/PID/root equal those of the path (resolved inside the sandbox), so a
// directory merely named like it, a copy, or the word typed with echo does not count.
import type { Check } from './types';
import { stringParam } from './util';

export const rootIsPath: Check = (snap, params) => {
  const path = stringParam(params, 'path');
  const id = snap.paths[path];
  if (id && snap.processes.some((p) => p.rootId === id)) return { done: true };
  return { done: false, hint: 'no-process', params: { path } };
};
