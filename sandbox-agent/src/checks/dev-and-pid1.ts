// Lesson 15 "/dev and the duty of PID 1": a container's /dev made as a rootless runtime makes it, and a PID
// namespace's init that leaves a zombie, then one that reaps.
import type { MountEntry } from '../kernel/parse/mountinfo';
import type { ProcInfo, SandboxSnapshot } from '../kernel/snapshot';
import { type CheckResult, defineCheck } from './types';
import { inNewPidNs, innermostPid, sandboxPid } from './util';

/** The mount at `mountPoint` that is on top (the last one the kernel lists there). */
function topAt(table: readonly MountEntry[], mountPoint: string): MountEntry | undefined {
  return table.filter((m) => m.mountPoint === mountPoint).at(-1);
}

/**
 * A device node of the host, bound in: a mount of the host's devtmpfs whose root is that node. No student can
 * mount a devtmpfs (it is not allowed in a user namespace) nor write one, so such a mount comes from a bind of
 * the sandbox's own /dev/NAME, which the launcher bound from the host's: the kernel's node of that name (null is
 * the character device 1:3, zero 1:5, random 1:8, urandom 1:9, tty 5:0).
 */
function isHostNode(m: MountEntry | undefined, name: string): boolean {
  return m !== undefined && m.fsType === 'devtmpfs' && m.root === `/${name}`;
}

interface DevFound {
  /** Where the container's /dev is mounted, as the namespace's table shows it. */
  dev: string;
  missing: string[];
  /** The devpts at dev/pts: absent, a view of the sandbox's own, without ptmxmode=666, or right. */
  pts: 'none' | 'shared' | 'ptmxmode' | 'ok';
}

/**
 * Each tmpfs a student mounted on some `…/dev` in mount namespace table `table` (not the sandbox's own /dev,
 * which a new namespace copies: same device), with what is bound below it.
 */
function devsIn(
  table: readonly MountEntry[],
  sandboxDev: MountEntry | undefined,
  sandboxPts: MountEntry | undefined,
  names: readonly string[],
): DevFound[] {
  const out: DevFound[] = [];
  for (const m of table) {
    if (m.fsType !== 'tmpfs' || !(m.mountPoint === '/dev' || m.mountPoint.endsWith('/dev'))) continue;
    if (sandboxDev && m.major === sandboxDev.major && m.minor === sandboxDev.minor) continue;
    if (topAt(table, m.mountPoint) !== m) continue;
    const below = table.filter((c) => c.parentId === m.mountId);
    const at = (name: string) => below.filter((c) => c.mountPoint === `${m.mountPoint}/${name}`).at(-1);
    const missing = names.filter((n) => !isHostNode(at(n), n));
    const ptsMount = at('pts');
    let pts: DevFound['pts'] = 'none';
    if (ptsMount?.fsType === 'devpts') {
      if (sandboxPts && ptsMount.major === sandboxPts.major && ptsMount.minor === sandboxPts.minor) pts = 'shared';
      else pts = ptsMount.superOptions.includes('ptmxmode=666') ? 'ok' : 'ptmxmode';
    }
    out.push({ dev: m.mountPoint, missing, pts });
  }
  return out;
}

/** The sandbox's own mount table, as a process at its root in its mount namespace sees it. */
function sandboxTable(snap: SandboxSnapshot): MountEntry[] | undefined {
  const p = snap.processes.find(
    (q) => q.ns.mnt === snap.base.ns.mnt && q.rootId === snap.base.rootId && snap.mounts[q.hostPid] !== undefined,
  );
  return p ? snap.mounts[p.hostPid] : undefined;
}

export const containerDev = defineCheck('container-dev', (snap, params): CheckResult => {
  const names = params.devices
    .split(',')
    .map((n) => n.trim())
    .filter((n) => n !== '');
  const own = sandboxTable(snap) ?? [];
  const sandboxDev = topAt(own, '/dev');
  const sandboxPts = topAt(own, '/dev/pts');
  const tables = Object.values(snap.nsMounts);
  if (tables.length === 0) return { done: false, hint: 'no-mount-ns' };
  const found = tables.flatMap((t) => devsIn(t, sandboxDev, sandboxPts, names));
  const whole = found.filter((f) => f.missing.length === 0);
  if (whole.length === 0) {
    const best = [...found].sort((x, y) => x.missing.length - y.missing.length)[0];
    if (!best) return { done: false, hint: 'no-dev-tmpfs' };
    return { done: false, hint: 'missing-devices', params: { dev: best.dev, missing: best.missing.join(', ') } };
  }
  if (!params.devpts) return { done: true };
  if (whole.some((f) => f.pts === 'ok')) return { done: true };
  const f = whole.find((x) => x.pts !== 'none') ?? (whole[0] as DevFound);
  const hint = f.pts === 'none' ? 'no-devpts' : f.pts === 'shared' ? 'devpts-shared' : 'devpts-ptmxmode';
  return { done: false, hint, params: { dev: f.dev } };
});

/** Inits of PID namespaces of the student's. */
function inits(snap: SandboxSnapshot): ProcInfo[] {
  return snap.processes.filter((p) => inNewPidNs(snap, p) && innermostPid(p) === 1);
}

export const pid1Zombie = defineCheck('pid1-zombie', (snap): CheckResult => {
  const all = inits(snap);
  if (all.length === 0) return { done: false, hint: 'no-new-pidns' };
  const zombies = snap.zombies ?? [];
  if (all.some((init) => zombies.some((z) => z.ppid === init.hostPid))) return { done: true };
  const init = all[all.length - 1] as ProcInfo;
  return { done: false, hint: 'no-zombie', params: { pid: sandboxPid(init), comm: init.comm } };
});

export const pid1Reaps = defineCheck('pid1-reaps', (snap): CheckResult => {
  const all = inits(snap);
  if (all.length === 0) return { done: false, hint: 'no-new-pidns' };
  const zombies = snap.zombies ?? [];
  // An init that has reaped a child (the faults of reaped children count only once one was waited for), still
  // has one to look after, and leaves no zombie: a `sleep` that never waits has 0, and its zombie stays.
  const clean = all.filter((init) => !zombies.some((z) => z.ppid === init.hostPid));
  const reaper = clean.find(
    (init) => (init.reapedFaults ?? 0) > 0 && snap.processes.some((c) => c.ppid === init.hostPid),
  );
  if (reaper) return { done: true };
  const withZombie = all.find((init) => zombies.some((z) => z.ppid === init.hostPid));
  const init = (clean.length > 0 ? clean[clean.length - 1] : withZombie) as ProcInfo;
  if (clean.length === 0)
    return { done: false, hint: 'zombie-left', params: { pid: sandboxPid(init), comm: init.comm } };
  if ((init.reapedFaults ?? 0) === 0)
    return { done: false, hint: 'not-reaped', params: { pid: sandboxPid(init), comm: init.comm } };
  return { done: false, hint: 'no-child', params: { pid: sandboxPid(init), comm: init.comm } };
});
