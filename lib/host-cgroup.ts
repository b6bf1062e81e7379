// Which cgroup file names a lesson shows: those of the host the sandboxes run on (the site runs on the same
// machine as the agent). A pure cgroup v2 host mounts cgroup2 at /sys/fs/cgroup; a v1 or hybrid host mounts a
// tmpfs there with one v1 hierarchy per controller, which is where a hybrid's controllers are.
import { statfsSync } from 'node:fs';
import type { CgroupVersion } from '@/lessons/types';

/** statfs(2) f_type of a cgroup2 filesystem (CGROUP2_SUPER_MAGIC, linux/magic.h). */
export const CGROUP2_SUPER_MAGIC = 0x63677270;

/**
 * The host's cgroup version as lessons name it. GAIOLA_CGROUP_VIEW=v1|v2 overrides it (to see or test the
 * other variant of a lesson's text); anything else in it is an error, not a silent default.
 */
export function hostCgroupVersion(
  env: Readonly<Record<string, string | undefined>> = process.env,
  fsType: () => number = () => Number(statfsSync('/sys/fs/cgroup').type),
): CgroupVersion {
  const forced = env.GAIOLA_CGROUP_VIEW;
  if (forced !== undefined && forced !== '') {
    if (forced === 'v1' || forced === 'v2') return forced;
    throw new Error(`GAIOLA_CGROUP_VIEW=${forced}: use v1 or v2`);
  }
  try {
    return fsType() === CGROUP2_SUPER_MAGIC ? 'v2' : 'v1';
  } catch {
    // No /sys/fs/cgroup at all (a build machine): the sandboxes cannot run here anyway; v2 is the modern default.
    return 'v2';
  }
}
