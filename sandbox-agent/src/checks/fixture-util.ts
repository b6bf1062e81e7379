// Shared by the checks' unit tests: recorded snapshots (fixtures/), a lesson step judged on one, and
// snapshots edited the way a v2 host or a changed limit would show them.
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { LessonDef } from '../../../lessons/types';
import type { FileFacts } from '../kernel/path-facts';
import type { CgroupGroup, SandboxSnapshot } from '../kernel/snapshot';
import { checks } from './index';
import type { CheckParams, CheckResult, HintParams } from './types';

/** The recorded snapshots' folder. */
export const FIXTURES = new URL('./fixtures/', import.meta.url);
export const load = (name: string) =>
  JSON.parse(readFileSync(new URL(`${name}.json`, FIXTURES), 'utf8')) as SandboxSnapshot;
export const DONE: CheckResult = { done: true };

/** The answer "not yet", with the hint's key and what the hint may show. */
export const notYet = (hint: string, params?: HintParams): CheckResult =>
  params === undefined ? { done: false, hint } : { done: false, hint, params };

/** Check `id` answers `expected` on each of the recorded snapshots `names` (a failure names the snapshot). */
export function expectOnEach(names: readonly string[], id: string, expected: CheckResult, params?: CheckParams): void {
  for (const name of names) expect(run(id, load(name), params), name).toEqual(expected);
}

/** Runs check `id` on a snapshot with the given parameters. */
export function run(id: string, snap: SandboxSnapshot, params: CheckParams = {}): CheckResult {
  const check = checks[id];
  if (!check) throw new Error(`no check ${id}`);
  return check(snap, params);
}

/** Judges `lesson`'s step `stepId` on a snapshot, with the step's own check and parameters. */
export function judge(lesson: LessonDef, stepId: string, snap: SandboxSnapshot): CheckResult {
  const step = lesson.steps.find((s) => s.id === stepId);
  const check = step && checks[step.check.id];
  if (!step || !check) throw new Error(`${lesson.slug}: no step or check ${stepId}`);
  return check(snap, step.check.params ?? {});
}

/** The snapshot as this v1 host recorded it, and as a v2 host would show it: each cgroup test runs on both. */
export const V1_AND_V2 = [
  ['v1', (snap: SandboxSnapshot) => snap],
  ['v2', asV2],
] as const;

/**
 * A v1 snapshot as a v2 host would show it: one group per path with every controller's numbers (v1 shares
 * map to v2 weights as 1024 → 100), the freezer state in the same group.
 */
export function asV2(snap: SandboxSnapshot): SandboxSnapshot {
  const byPath = new Map<string, CgroupGroup>();
  for (const g of snap.cgroups.groups) {
    const merged = byPath.get(g.path) ?? { hierarchy: 'unified', path: g.path, procs: [] };
    merged.procs = [...new Set([...merged.procs, ...g.procs])];
    // v2's memory.max reads `max` for no limit where v1's file reads its near-2^63 number
    if (g.memory) merged.memory = g.memory.limit === null ? { ...g.memory, limitText: 'max' } : g.memory;
    if (g.pids) merged.pids = g.pids;
    if (g.cpu) merged.cpu = { ...g.cpu, weight: (g.cpu.weight * 100) / 1024 };
    if (g.frozen !== undefined) merged.frozen = g.frozen || merged.frozen === true;
    byPath.set(g.path, merged);
  }
  // v2 has one tree: a process is in one group only, the deepest v1 placed it in
  const groups = [...byPath.values()];
  const deepest = new Map<number, string>();
  for (const g of groups)
    for (const pid of g.procs) if ((deepest.get(pid) ?? '').length < g.path.length) deepest.set(pid, g.path);
  // v1 freezes a freezer group; v2 freezes the one group its processes are in
  const frozenPids = new Set(snap.cgroups.groups.filter((g) => g.frozen === true).flatMap((g) => g.procs));
  for (const g of groups) {
    g.procs = g.procs.filter((pid) => deepest.get(pid) === g.path);
    g.frozen = g.procs.length > 0 && g.procs.every((pid) => frozenPids.has(pid));
  }
  return { ...snap, cgroups: { version: 2, groups, truncated: false } };
}

/** The snapshot with the group at `path` of `hierarchy` changed by `edit`. */
export function editGroup(snap: SandboxSnapshot, path: string, edit: (g: CgroupGroup) => CgroupGroup): SandboxSnapshot {
  return {
    ...snap,
    cgroups: { ...snap.cgroups, groups: snap.cgroups.groups.map((g) => (g.path === path ? edit(g) : g)) },
  };
}

/** The snapshot with what it read at `path` changed by `edit` (null: the path is gone). */
export function editFile(
  snap: SandboxSnapshot,
  path: string,
  edit: (f: FileFacts | null) => FileFacts | null,
): SandboxSnapshot {
  return { ...snap, files: { ...snap.files, [path]: edit(snap.files[path] ?? null) } };
}

/** A regular file's facts with `text` as its content (`base` gives its identity). */
export const withText = (base: FileFacts | null, text: string): FileFacts => ({
  id: base?.id ?? '0:0',
  type: 'file',
  rdev: '0:0',
  size: Buffer.byteLength(text),
  text,
});
