// Lesson 05 (cgroups and memory): a group with a memory limit, a process in it, its usage, and an OOM kill
// contained in it while a process of the group lives on. From the group's own files (v1 or v2), never from
// what was typed.
import { fileName, findGroup, liveMembers } from './cgroup-util';
import { type CheckResult, defineCheck } from './types';

/** Limits are rounded down to the page size: one page from `bytes` or less is the limit asked for. */
const PAGE = 4096;

/**
 * `group` exists in the memory tree with a limit of `bytes` (±1 page). With no limit, the hint shows the file's
 * text as read: `max`, or v1's 9223372036854771712 (a snapshot recorded before it was kept leaves it out).
 */
export const cgroupMemoryLimit = defineCheck('cgroup-memory-limit', (snap, params): CheckResult => {
  const group = params.group;
  const want = params.bytes;
  const g = findGroup(snap, 'memory', group);
  if (!g?.memory) return { done: false, hint: 'no-group', params: { group } };
  const file = fileName(snap, 'memoryLimit');
  const found = g.memory.limit;
  if (found === null) {
    const text = g.memory.limitText;
    return { done: false, hint: 'no-limit', params: { group, file, ...(text !== undefined && { found: text }) } };
  }
  if (Math.abs(found - want) > PAGE) return { done: false, hint: 'wrong-limit', params: { group, file, found, want } };
  return { done: true };
});

/** `group` (in the tree of `controller`, default memory) holds a live process. */
export const cgroupHasProcess = defineCheck('cgroup-has-process', (snap, params): CheckResult => {
  const group = params.group;
  const g = findGroup(snap, params.controller ?? 'memory', group);
  if (!g) return { done: false, hint: 'no-group', params: { group } };
  return liveMembers(snap, g).length > 0 ? { done: true } : { done: false, hint: 'empty', params: { group } };
});

/** The memory charged to `group` is at least `minBytes` now. */
export const cgroupMemoryUsage = defineCheck('cgroup-memory-usage', (snap, params): CheckResult => {
  const group = params.group;
  const min = params.minBytes;
  const g = findGroup(snap, 'memory', group);
  if (!g?.memory) return { done: false, hint: 'no-group', params: { group } };
  if (g.memory.usage >= min) return { done: true };
  const found = Math.round(g.memory.usage / (1024 * 1024));
  return { done: false, hint: 'low-usage', params: { group, file: fileName(snap, 'memoryUsage'), found } };
});

/** The kernel counted an OOM kill in `group`, and a process of the group is still alive: it was contained. */
export const cgroupOomKill = defineCheck('cgroup-oom-kill', (snap, params): CheckResult => {
  const group = params.group;
  const g = findGroup(snap, 'memory', group);
  if (!g?.memory) return { done: false, hint: 'no-group', params: { group } };
  if (g.memory.oomKills < 1)
    return { done: false, hint: 'no-oom', params: { group, file: fileName(snap, 'memoryEvents') } };
  return liveMembers(snap, g).length > 0 ? { done: true } : { done: false, hint: 'empty-after-oom', params: { group } };
});
