// Shared by the kernel module's unit tests: the files recorded on real hosts below fixtures/ (each set's
// README.md says where and how).
import { readFileSync } from 'node:fs';

const recorded = (set: string, host: string, file: string) =>
  readFileSync(new URL(`./fixtures/${set}/${host}/${file}`, import.meta.url), 'utf8');

/** A host's cgroup files (fixtures/cgroup-layout/HOST/FILE): /proc/self/cgroup, mountinfo, delegate files. */
export const cgroupFixture = (host: string, file: string) => recorded('cgroup-layout', host, file);

/** A host's system files (fixtures/host/HOST/FILE): os-release and the like. */
export const hostFixture = (host: string, file: string) => recorded('host', host, file);
