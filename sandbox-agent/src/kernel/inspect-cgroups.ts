// The sandbox's cgroups for the lesson checks (snapshot.ts CgroupsView): its own group and every group
// the student made below it, per v1 hierarchy or in the v2 tree, with the few files lessons 05-06 judge by.
// Read as host root from the sandbox's cgroup directories, which the agent made: nothing here follows a path
// the student chose, only directories under those (cgroupfs has no symlinks).
import { type Dirent, readdirSync, readFileSync } from 'node:fs';
import type { CgroupLayout } from './cgroup-layout';
import { errnoCode } from './errors';
import type { CgroupGroup, CgroupsView } from './snapshot';

/** Groups a snapshot reads at most, over every hierarchy: far above a lesson's needs, so a `mkdir` loop stays cheap. */
export const MAX_CGROUP_GROUPS = 128;
/** v1's "no limit" is PAGE_COUNTER_MAX pages (about 2^63); anything this large means unlimited. */
const UNLIMITED_FROM = 2 ** 62;

/** One tree to walk: a v1 hierarchy's (or the v2) directory of the sandbox. */
export interface CgroupRoot {
  /** 'memory', 'cpu,cpuacct', … or 'unified'. */
  hierarchy: string;
  controllers: string[];
  dir: string;
}

const trimSlash = (p: string) => p.replace(/\/+$/, '');

/** The directories to walk: one per v1 hierarchy the sandbox has a cgroup in, or its one v2 directory. */
export function cgroupRoots(cgroupDirs: readonly string[], layout: CgroupLayout): CgroupRoot[] {
  if (layout.mode === 'v2') {
    const dir = cgroupDirs.find((d) => d.startsWith(`${trimSlash(layout.mountPoint)}/`));
    return dir ? [{ hierarchy: 'unified', controllers: ['memory', 'pids', 'cpu', 'freezer'], dir }] : [];
  }
  if (layout.mode !== 'v1') return [];
  const roots: CgroupRoot[] = [];
  for (const h of layout.hierarchies) {
    const dir = cgroupDirs.find((d) => d.startsWith(`${trimSlash(h.mountPoint)}/`));
    if (dir) roots.push({ hierarchy: h.controllers.join(','), controllers: h.controllers, dir });
  }
  return roots;
}

/** `key value` lines (memory.events, pids.events, cpu.stat, memory.oom_control, cgroup.events). */
export function parseFlatKeyed(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split('\n')) {
    const m = /^(\S+)\s+(-?\d+)\s*$/.exec(line);
    if (m?.[1] && m[2] !== undefined) out.set(m[1], Number(m[2]));
  }
  return out;
}

/** A limit file: "max", v1's -1 or its near-2^63 default are no limit. */
export function parseLimit(text: string): number | null {
  const t = text.trim();
  if (t === 'max' || t === '-1') return null;
  const n = Number(t);
  if (!Number.isFinite(n)) throw new Error(`not a cgroup limit: ${JSON.stringify(t)}`);
  return n >= UNLIMITED_FROM ? null : n;
}

/** v2 cpu.max: "QUOTA PERIOD", QUOTA "max" for none. */
export function parseCpuMax(text: string): { quotaUs: number | null; periodUs: number } {
  const [quota, period] = text.trim().split(/\s+/);
  return { quotaUs: parseLimit(quota ?? ''), periodUs: Number(period) };
}

/** Reads one file of a group; undefined when the group or the file is gone (an rmdir meanwhile, a controller off). */
type Reader = (file: string) => string | undefined;

function fileReader(dir: string): Reader {
  return (file) => {
    try {
      return readFileSync(`${dir}/${file}`, 'utf8');
    } catch (err) {
      const code = errnoCode(err);
      if (code === 'ENOENT' || code === 'ENODEV' || code === 'EINVAL') return undefined;
      throw err;
    }
  };
}

/**
 * The record of one group from its files, as `read` returns them. Pure: unit-tested on recorded files.
 * `pids.refused` is the group's own count (`pids.events.local`, else `pids.events`), not yet its subtree's:
 * see withSubtreeRefusals.
 */
export function cgroupGroupOf(
  root: Pick<CgroupRoot, 'hierarchy' | 'controllers'>,
  version: 1 | 2,
  path: string,
  read: Reader,
): CgroupGroup | undefined {
  const procsText = read('cgroup.procs');
  if (procsText === undefined) return undefined;
  const group: CgroupGroup = {
    hierarchy: root.hierarchy,
    path,
    procs: procsText
      .split('\n')
      .filter((l) => /^\d+$/.test(l))
      .map(Number),
  };
  const has = (c: string) => root.controllers.includes(c);
  if (has('memory')) {
    const limit = read(version === 1 ? 'memory.limit_in_bytes' : 'memory.max');
    const usage = read(version === 1 ? 'memory.usage_in_bytes' : 'memory.current');
    const events = read(version === 1 ? 'memory.oom_control' : 'memory.events');
    if (limit !== undefined && usage !== undefined)
      group.memory = {
        limit: parseLimit(limit),
        limitText: limit.trim(),
        usage: Number(usage.trim()),
        oomKills: parseFlatKeyed(events ?? '').get('oom_kill') ?? 0,
      };
  }
  if (has('pids')) {
    const max = read('pids.max');
    const current = read('pids.current');
    if (max !== undefined && current !== undefined)
      group.pids = {
        max: parseLimit(max),
        current: Number(current.trim()),
        // this group's own count; readSandboxCgroups sums it over the subtree (withSubtreeRefusals)
        refused: parseFlatKeyed(read('pids.events.local') ?? read('pids.events') ?? '').get('max') ?? 0,
      };
  }
  if (has('cpu')) {
    const stat = parseFlatKeyed(read('cpu.stat') ?? '');
    if (version === 1) {
      const quota = read('cpu.cfs_quota_us');
      const period = read('cpu.cfs_period_us');
      const shares = read('cpu.shares');
      if (quota !== undefined && period !== undefined && shares !== undefined)
        group.cpu = {
          quotaUs: parseLimit(quota),
          periodUs: Number(period.trim()),
          weight: Number(shares.trim()),
          nrThrottled: stat.get('nr_throttled') ?? 0,
        };
    } else {
      const max = read('cpu.max');
      const weight = read('cpu.weight');
      if (max !== undefined && weight !== undefined)
        group.cpu = { ...parseCpuMax(max), weight: Number(weight.trim()), nrThrottled: stat.get('nr_throttled') ?? 0 };
    }
  }
  if (version === 1 && has('freezer')) {
    const state = read('freezer.state');
    if (state !== undefined) group.frozen = state.trim() === 'FROZEN';
  }
  if (version === 2) {
    const events = read('cgroup.events');
    if (events !== undefined) group.frozen = parseFlatKeyed(events).get('frozen') === 1;
    const subtree = read('cgroup.subtree_control');
    if (subtree !== undefined) group.subtreeControl = subtree.trim().split(/\s+/).filter(Boolean);
  }
  return group;
}

/**
 * Forks refused in each group's subtree, whichever cgroup the kernel counted them in. Each group arrives with its
 * own count (cgroupGroupOf); the result gives each the sum of its own and its descendants' (same hierarchy).
 *
 * Why a sum, and of which file (Documentation/admin-guide/cgroup-v2.rst, "PID Interface Files"; kernel/cgroup/pids.c):
 * - v1, and v2 before 6.11: `pids.events` `max` counts in the cgroup of the task that forked, whichever limit
 *   refused it, and is not hierarchical. A sandbox's processes live in its `init` leaf on v2, so on Debian 12's
 *   6.1 the sandbox's own file stays `max 0` while its limit refuses forks (fixtures/pids-events/linux-6.1-v2).
 *   No `pids.events.local` exists there. Summing the subtree's `pids.events` gives the group every refusal
 *   of a task in it or below.
 * - v2 from 6.11: `pids.events` is hierarchical (the hits of this limit and of every limit below it), and
 *   `pids.events.local` counts the hits of this group's own limit. Summing the subtree's `.local` files gives
 *   exactly the hierarchical number; summing `pids.events` would count each refusal once per level.
 * - v2 from 6.11 mounted with `pids_localevents`: both files give the old, per-forking-task count; summing
 *   `.local` is again the first case.
 * So: sum `pids.events.local` where the file exists, else `pids.events`, over the group and everything below.
 * The group with the limit gets the same number on every kernel. Only a child refused by an ancestor's limit
 * differs (counted in the child before 6.11, in the ancestor after); the checks and the panel judge the group
 * whose limit the student set, where both agree. A truncated walk (MAX_CGROUP_GROUPS) sums what it read.
 */
export function withSubtreeRefusals(groups: readonly CgroupGroup[]): CgroupGroup[] {
  const under = (g: CgroupGroup, top: CgroupGroup) =>
    g.hierarchy === top.hierarchy && (top.path === '/' || g.path === top.path || g.path.startsWith(`${top.path}/`));
  return groups.map((top) => {
    if (!top.pids) return top;
    let refused = 0;
    for (const g of groups) if (g.pids && under(g, top)) refused += g.pids.refused;
    return { ...top, pids: { ...top.pids, refused } };
  });
}

/** Every group of the sandbox, breadth first per tree, at most MAX_CGROUP_GROUPS in all. */
export function readSandboxCgroups(cgroupDirs: readonly string[], layout: CgroupLayout): CgroupsView {
  const version = layout.mode === 'v2' ? 2 : 1;
  const groups: CgroupGroup[] = [];
  let truncated = false;
  for (const root of cgroupRoots(cgroupDirs, layout)) {
    const queue: [string, string][] = [[root.dir, '/']];
    while (queue.length > 0) {
      if (groups.length >= MAX_CGROUP_GROUPS) {
        truncated = true;
        break;
      }
      const [dir, path] = queue.shift() as [string, string];
      const group = cgroupGroupOf(root, version, path, fileReader(dir));
      if (!group) continue;
      groups.push(group);
      let entries: Dirent[];
      try {
        entries = readdirSync(dir, { withFileTypes: true });
      } catch (err) {
        if (errnoCode(err) === 'ENOENT') continue;
        throw err;
      }
      for (const e of entries)
        if (e.isDirectory()) queue.push([`${dir}/${e.name}`, path === '/' ? `/${e.name}` : `${path}/${e.name}`]);
    }
  }
  return { version, groups: withSubtreeRefusals(groups), truncated };
}
