// Lesson 09 (security): a root process without a capability, a process of a normal user holding one through
// a file capability, and a seccomp filter of the student's own. From /proc/PID/status, never from what was
// typed.
import type { ProcInfo } from '../kernel/snapshot';
import { type Check, type CheckResult, defineCheck } from './types';
import { lessonDirId } from './util';

/** Bit `cap` of a capability set printed in hex by the kernel. */
export function hasCap(hex: string, cap: number): boolean {
  return ((BigInt(`0x${hex}`) >> BigInt(cap)) & 1n) === 1n;
}

/** A process of the sandbox's own user namespace. */
const inSandboxUserNs = (snap: Parameters<Check>[0], p: ProcInfo) => p.ns.user === snap.base.ns.user;

/**
 * A process of the sandbox's root lacks capability `cap` in its bounding and effective sets (it can never
 * get it back); with `path`, one whose root directory is that path (none there: `not-chrooted`). Not yet, the
 * hint shows the bounding sets those processes have, as /proc/PID/status prints them.
 */
export const capDropped = defineCheck('cap-dropped', (snap, params): CheckResult => {
  const cap = params.cap;
  const path = params.path;
  const rootId = path !== undefined ? lessonDirId(snap, path) : undefined;
  const roots = snap.processes.filter(
    (p) =>
      inSandboxUserNs(snap, p) &&
      p.uid === snap.base.uidBase &&
      (path === undefined || (rootId !== undefined && rootId !== null && p.rootId === rootId)),
  );
  if (roots.some((p) => !hasCap(p.caps.bnd, cap) && !hasCap(p.caps.eff, cap))) return { done: true };
  if (path !== undefined && roots.length === 0) return { done: false, hint: 'not-chrooted', params: { cap } };
  const found = [...new Set(roots.map((p) => p.caps.bnd))].sort().join(' ');
  return { done: false, hint: 'none-dropped', params: { cap, found } };
});

/** A process of sandbox user `uid` (not root) holds capability `cap` in its effective set. */
export const fileCapUsed = defineCheck('file-cap-used', (snap, params): CheckResult => {
  const cap = params.cap;
  const uid = params.uid;
  const found = snap.processes.some(
    (p) => inSandboxUserNs(snap, p) && p.uid === snap.base.uidBase + uid && hasCap(p.caps.eff, cap),
  );
  return found ? { done: true } : { done: false, hint: 'no-process', params: { uid, cap } };
});

/** The most seccomp filters any of `processes` carries (0 for none): what a hint shows against the sandbox's own. */
export function mostSeccompFilters(processes: readonly ProcInfo[]): number {
  return Math.max(0, ...processes.map((p) => p.seccomp.filters));
}

/** A process carries more seccomp filters than the sandbox's own processes: a filter of the student's. */
export const seccompExtraFilter = defineCheck('seccomp-extra-filter', (snap): CheckResult => {
  const base = snap.base.seccompFilters;
  const found = snap.processes.some((p) => p.seccomp.mode === 2 && base >= 0 && p.seccomp.filters > base);
  return found
    ? { done: true }
    : { done: false, hint: 'no-filter', params: { found: mostSeccompFilters(snap.processes) } };
});
