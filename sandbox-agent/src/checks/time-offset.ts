// Lesson 03 "time": a process in a time namespace other than the sandbox's whose boot-time clock offset
// (/proc/PID/timens_offsets, whole seconds) is at least `minBoottime` (unshare --time --fork --boottime S).
import { type CheckResult, defineCheck } from './types';

export const timeOffset = defineCheck('time-offset', (snap, params): CheckResult => {
  const min = params.minBoottime;
  const own = snap.processes.filter((p) => p.ns.time !== undefined && p.ns.time !== snap.base.ns.time);
  if (own.length === 0) return { done: false, hint: 'no-time-ns' };
  const offsets = own.map((p) => p.timeOffsets?.boottime).filter((b): b is number => b !== undefined);
  if (offsets.some((b) => b >= min)) return { done: true };
  // Offsets unreadable (the processes exiting as the snapshot was taken): no number to show, and a hint
  // without its parameter is not shown (unfilledHintParams), rather than "? seconds".
  if (offsets.length === 0) return { done: false, hint: 'small-offset' };
  return { done: false, hint: 'small-offset', params: { found: Math.max(...offsets) } };
});
