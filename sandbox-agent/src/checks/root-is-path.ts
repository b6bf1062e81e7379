// Lesson 01 "chroot": some process of the sandbox has `path` as its root directory. Identity, not text:
// the device and inode of /proc/PID/root equal those of the path (resolved inside the sandbox), so a
// directory merely named like it, a copy, or the word typed with echo does not count; nor the sandbox's own
// root behind a symlink or bind mount at the path (lessonDirId).
import { defineCheck } from './types';
import { lessonDirId } from './util';

export const rootIsPath = defineCheck('root-is-path', (snap, params) => {
  const path = params.path;
  const id = lessonDirId(snap, path);
  if (id && snap.processes.some((p) => p.rootId === id)) return { done: true };
  return { done: false, hint: 'no-process', params: { path } };
});
