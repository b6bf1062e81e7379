import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CGROUP2_SUPER_MAGIC, hostCgroupVersion } from './host-cgroup';

const TMPFS_MAGIC = 0x01021994;

describe('hostCgroupVersion', () => {
  it('reads v2 from a cgroup2 mount and v1 from the tmpfs of a v1 or hybrid host', () => {
    expect(hostCgroupVersion({}, () => CGROUP2_SUPER_MAGIC)).toBe('v2');
    expect(hostCgroupVersion({}, () => TMPFS_MAGIC)).toBe('v1');
  });

  it('takes GAIOLA_CGROUP_VIEW over the host, and refuses a value it does not know', () => {
    expect(hostCgroupVersion({ GAIOLA_CGROUP_VIEW: 'v2' }, () => TMPFS_MAGIC)).toBe('v2');
    expect(hostCgroupVersion({ GAIOLA_CGROUP_VIEW: 'v1' }, () => CGROUP2_SUPER_MAGIC)).toBe('v1');
    expect(() => hostCgroupVersion({ GAIOLA_CGROUP_VIEW: 'hybrid' }, () => TMPFS_MAGIC)).toThrow(/use v1 or v2/);
  });

  it('agrees with the filesystem type mountinfo gives /sys/fs/cgroup on this machine', () => {
    const line = readFileSync('/proc/self/mountinfo', 'utf8')
      .split('\n')
      .filter((l) => l.split(' ')[4] === '/sys/fs/cgroup')
      .at(-1);
    const fsType = line?.split(' - ')[1]?.split(' ')[0];
    expect(hostCgroupVersion({})).toBe(fsType === 'cgroup2' ? 'v2' : 'v1');
  });
});
