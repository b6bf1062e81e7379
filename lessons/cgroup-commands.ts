// A step's cgroup commands for both host layouts from one description, where the two differ only in where
// a group lives (or in a file name or value, said in place): `/sys/fs/cgroup/memory/demo` on a v1 or hybrid
// host, one directory per controller's hierarchy; `/sys/fs/cgroup/demo` on a pure v2 host, one tree. And the
// hint of a step whose memory group is not made yet, which lessons 05 and 11 give in the same words.
import type { CgroupVersion, Localized, StepCommand } from './types';

/** A controller whose hierarchy a v1 host mounts at /sys/fs/cgroup/<controller>. */
export type CgroupController = 'memory' | 'pids' | 'cpu' | 'freezer';

/** One layout, as a description of commands sees it. */
export interface CgroupLayout {
  readonly version: CgroupVersion;
  /** A v1 (or hybrid) host: for the file names and values that differ (`memory.limit_in_bytes`, `memory.max`). */
  readonly v1: boolean;
  /** The directory of `group` (no group: the top) in the hierarchy of `controller` on v1, in the one tree on v2. */
  dir(controller: CgroupController, group?: string): string;
  /** The directories of `group` for each of `controllers`: one per hierarchy on v1, the one on v2. */
  dirs(group: string, ...controllers: CgroupController[]): string[];
}

function layout(version: CgroupVersion): CgroupLayout {
  const v1 = version === 'v1';
  const dir = (controller: CgroupController, group?: string) =>
    ['/sys/fs/cgroup', ...(v1 ? [controller] : []), ...(group === undefined ? [] : [group])].join('/');
  return {
    version,
    v1,
    dir,
    dirs: (group, ...controllers) => [...new Set(controllers.map((c) => dir(c, group)))],
  };
}

/**
 * The commands `write` gives for a v1 host, then those it gives for a v2 host, each marked with its
 * version; a `null` is a command that one layout does not need.
 */
export function cgroupCommands(
  write: (layout: CgroupLayout) => readonly (Omit<StepCommand, 'cgroup'> | null)[],
): StepCommand[] {
  return (['v1', 'v2'] as const).flatMap((version) =>
    write(layout(version))
      .filter((c) => c !== null)
      .map((c) => ({ tab: c.tab, cgroup: version, text: c.text })),
  );
}

/**
 * What `cgroup-memory-limit` says when the step's group is not in the memory hierarchy yet, in the same words
 * wherever a step creates one with its `mkdir` in Terminal B (lesson 05's group, lesson 11's container).
 */
export const NO_MEMORY_GROUP_HINT: Localized = {
  pt: 'Ainda não existe um grupo `{group}` na árvore de memória da sandbox. No Terminal B, crie-o com o `mkdir` do passo.',
  gl: 'Aínda non existe un grupo `{group}` na árbore de memoria da sandbox. No Terminal B, créao co `mkdir` do paso.',
};
