// /proc/PID/cgroup and cgroup interface files, v1 and v2.
// Formats: proc(5) "/proc/pid/cgroup"; Documentation/admin-guide/cgroup-v2.rst "Interface Files" (flat-keyed,
// single value, "max"); Documentation/admin-guide/cgroup-v1/memory.rst and pids.rst for the v1 names.
import { intOrBigInt, lines, nonNegativeInt, ParseError, safeInt } from './text';

export interface CgroupEntry {
  /** v1 hierarchy ID; 0 for the v2 unified hierarchy. */
  hierarchyId: number;
  /** v1 controllers bound to the hierarchy (`name=systemd` kept as is); [] on the v2 line. */
  controllers: string[];
  /** Path relative to the hierarchy's mount point (or to the reader's cgroup namespace root). */
  path: string;
}

/** Parses /proc/PID/cgroup: `4:memory:/a/b`, `2:cpu,cpuacct:/`, `9:name=systemd:/`, `0::/path`. */
export function parseProcCgroup(text: string): CgroupEntry[] {
  const kind = 'proc-cgroup';
  const all = lines(text);
  if (all.length === 0) throw new ParseError(kind, 'empty file', '');
  return all.map((line, i) => {
    const n = i + 1;
    const first = line.indexOf(':');
    const second = first === -1 ? -1 : line.indexOf(':', first + 1);
    if (second === -1) throw new ParseError(kind, 'expected "ID:CONTROLLERS:PATH"', line, n);
    const hierarchyId = nonNegativeInt(line.slice(0, first), kind, 'hierarchy ID', line, n);
    const list = line.slice(first + 1, second);
    // The path is everything after the second colon: cgroup names may themselves contain ':'.
    const path = line.slice(second + 1);
    if (!path.startsWith('/')) throw new ParseError(kind, 'path is not absolute', line, n);
    const controllers = list === '' ? [] : list.split(',');
    if (controllers.some((c) => c === '')) throw new ParseError(kind, 'empty controller name', line, n);
    if (hierarchyId === 0 && controllers.length > 0) {
      throw new ParseError(kind, 'the v2 line (ID 0) has no controllers', line, n);
    }
    if (hierarchyId !== 0 && controllers.length === 0) {
      throw new ParseError(kind, 'a v1 line names its controllers', line, n);
    }
    return { hierarchyId, controllers, path };
  });
}

/** The v1 entry that carries `controller`, else the v2 entry (where every v2 controller lives). */
export function findCgroupEntry(entries: readonly CgroupEntry[], controller: string): CgroupEntry | undefined {
  return (
    entries.find((e) => e.hierarchyId !== 0 && e.controllers.includes(controller)) ??
    entries.find((e) => e.hierarchyId === 0)
  );
}

/**
 * Path of the cgroup that governs `controller` for this process: the v1 line that lists it, else the v2
 * `0::` path. On a hybrid host `memory` resolves to its v1 line, on a v2 host to the unified path.
 */
export function cgroupPathFor(entries: readonly CgroupEntry[], controller: string): string | undefined {
  return findCgroupEntry(entries, controller)?.path;
}

/** The only line of a single-value file, trimmed; a ParseError if the file is empty or has several lines. */
function singleValue(text: string, what: string): string {
  const all = lines(text);
  const only = all[0]?.trim();
  if (all.length !== 1 || only === undefined || only === '') {
    throw new ParseError('cgroup-value', `${what}: expected exactly one value`, text);
  }
  return only;
}

/**
 * Flat-keyed files: `key value` a line (memory.events, memory.stat, cpu.stat, pids.events, cgroup.events,
 * v1 memory.oom_control). Values are numbers when exactly representable, else bigints. An empty file gives {}
 * (cpu.stat.local is empty when the controller is off); a duplicate key or a non-integer value throws.
 */
export function parseKeyValueFile(text: string): Record<string, number | bigint> {
  const kind = 'cgroup-keyed';
  const out: Record<string, number | bigint> = {};
  lines(text).forEach((line, i) => {
    const m = /^([A-Za-z0-9_.]+) +(-?\d+)$/.exec(line.trim());
    const key = m?.[1];
    const value = m?.[2];
    if (key === undefined || value === undefined) throw new ParseError(kind, 'expected "key <integer>"', line, i + 1);
    if (Object.hasOwn(out, key)) throw new ParseError(kind, `duplicate key ${key}`, line, i + 1);
    out[key] = intOrBigInt(value, kind, key, line, i + 1);
  });
  return out;
}

/**
 * v1 reports "no limit" as the largest page-aligned signed 64-bit value: 9223372036854771712 with 4 KiB pages
 * (PAGE_COUNTER_MAX * PAGE_SIZE), 9223372036854710272 with 64 KiB pages. No real limit comes near 2^62 bytes,
 * so any value from 2^62 up is treated as v1's spelling of v2's `max`.
 */
export const V1_UNLIMITED_FLOOR = 2n ** 62n;

/**
 * Single-value limits: v2 memory.max / memory.high / memory.swap.max / pids.max, v1 memory.limit_in_bytes /
 * pids.max. `max` and v1's near-2^63 "no limit" give 'max'; other values must be exact non-negative integers.
 */
export function parseMax(text: string): number | 'max' {
  const v = singleValue(text, 'limit');
  if (v === 'max') return 'max';
  if (!/^\d+$/.test(v)) throw new ParseError('cgroup-value', 'limit is neither "max" nor a non-negative integer', text);
  const big = BigInt(v);
  if (big >= V1_UNLIMITED_FLOOR) return 'max';
  const n = Number(v);
  if (!Number.isSafeInteger(n)) throw new ParseError('cgroup-value', 'limit is too large to compare exactly', text);
  return n;
}

/** Single-value counters (memory.current, pids.current, memory.failcnt, cpu.weight, cpu.shares...). */
export function parseCounter(text: string): number {
  const v = singleValue(text, 'counter');
  return nonNegativeInt(v, 'cgroup-value', 'counter', text);
}

/** v1 cpu.cfs_quota_us: microseconds per period, or -1 for no quota (→ 'max', as in v2's cpu.max). */
export function parseCfsQuota(text: string): number | 'max' {
  const n = safeInt(singleValue(text, 'cpu.cfs_quota_us'), 'cgroup-value', 'cpu.cfs_quota_us', text);
  if (n === -1) return 'max';
  if (n <= 0) throw new ParseError('cgroup-value', 'cpu.cfs_quota_us is neither -1 nor positive', text);
  return n;
}

export interface CpuMax {
  /** Microseconds the group may run per period, or 'max' for no limit. */
  quotaUs: number | 'max';
  periodUs: number;
}

/** v2 cpu.max: `$MAX $PERIOD`, e.g. `50000 100000` or the default `max 100000`. */
export function parseCpuMax(text: string): CpuMax {
  const v = singleValue(text, 'cpu.max');
  const m = /^(max|\d+) (\d+)$/.exec(v);
  const quota = m?.[1];
  const period = m?.[2];
  if (quota === undefined || period === undefined) throw new ParseError('cpu.max', 'expected "$MAX $PERIOD"', text);
  const periodUs = nonNegativeInt(period, 'cpu.max', 'period', text);
  const quotaUs = quota === 'max' ? 'max' : nonNegativeInt(quota, 'cpu.max', 'quota', text);
  if (periodUs === 0 || quotaUs === 0) throw new ParseError('cpu.max', 'quota and period must be positive', text);
  return { quotaUs, periodUs };
}

const CONTROLLER = /^[a-z_][a-z0-9_]*$/;

/** Space-separated controller names: cgroup.controllers. Empty file → []. */
export function parseControllers(text: string): string[] {
  const all = lines(text);
  if (all.length > 1) throw new ParseError('cgroup-controllers', 'expected a single line', text);
  const only = all[0]?.trim() ?? '';
  if (only === '') return [];
  const names = only.split(/ +/);
  for (const name of names) {
    if (!CONTROLLER.test(name))
      throw new ParseError('cgroup-controllers', `bad controller name ${JSON.stringify(name)}`, text);
  }
  if (new Set(names).size !== names.length) throw new ParseError('cgroup-controllers', 'duplicate controller', text);
  return names;
}

/** cgroup.subtree_control reads back like cgroup.controllers (no '+'/'-' prefixes; empty on a fresh group). */
export function parseSubtreeControl(text: string): string[] {
  return parseControllers(text);
}
