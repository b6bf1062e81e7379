import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateHost, type HostFacts, kernelVersion } from './probe';

const fixture = (host: string, file: string) =>
  readFileSync(new URL(`./fixtures/cgroup-layout/${host}/${file}`, import.meta.url), 'utf8');
const EXT4_MAGIC = 0xef53;
const TMPFS_MAGIC = 0x01021994;

function facts(over: Partial<HostFacts> = {}): HostFacts {
  return {
    kernelRelease: '6.18.44-fc-v769',
    isRoot: true,
    procSelfCgroup: fixture('v1-hybrid', 'proc-self-cgroup'),
    mountinfo: fixture('v1-hybrid', 'mountinfo'),
    meminfo: 'MemTotal:       24683656 kB\nMemFree:        24441712 kB\n',
    pidMax: '32768\n',
    delegate: fixture('v1-hybrid', 'delegate'),
    maxUserNamespaces: '96000\n',
    launcherPath: '/repo/sandbox-agent/launcher/build/gaiola-sandbox',
    launcherExecutable: true,
    baseImageDir: '/var/lib/gaiola/base',
    baseImageFsType: EXT4_MAGIC,
    baseImageHasShell: true,
    ...over,
  };
}

describe('evaluateHost', () => {
  it('accepts the CI machine', () => {
    const p = evaluateHost(facts());
    expect(p.problems).toEqual([]);
    expect(p.cgroup.mode).toBe('v1');
    expect(p.memTotalBytes).toBe(24683656 * 1024);
    expect(p.pidMax).toBe(32768);
  });

  it('accepts a Debian 12 VM with pure v2 and its controllers', () => {
    const p = evaluateHost(
      facts({
        kernelRelease: '6.1.0-28-amd64',
        procSelfCgroup: fixture('v2-systemd', 'proc-self-cgroup'),
        mountinfo: fixture('v2-systemd', 'mountinfo'),
        v2RootControllers: fixture('v2-systemd', 'cgroup.controllers'),
      }),
    );
    expect(p.problems).toEqual([]);
    expect(p.cgroup).toEqual({ mode: 'v2', mountPoint: '/sys/fs/cgroup', ownPath: '/system.slice/gaiola.service' });
  });

  it('names each reason a host cannot serve', () => {
    const p = evaluateHost(
      facts({
        kernelRelease: '5.15.0-91-generic',
        isRoot: false,
        procSelfCgroup: fixture('v2-systemd', 'proc-self-cgroup'),
        mountinfo: fixture('v2-systemd', 'mountinfo'),
        v2RootControllers: 'cpuset cpu io\n',
        launcherExecutable: false,
        baseImageFsType: undefined,
        maxUserNamespaces: '0\n',
      }),
    );
    expect(p.problems).toEqual([
      'the agent must run as root: it creates namespaces, mounts and cgroups',
      'kernel 5.15.0-91-generic is too old: idmapped overlay lower layers need Linux 5.19 or later',
      'cgroup v2: the memory controller is not available in /sys/fs/cgroup',
      'cgroup v2: the pids controller is not available in /sys/fs/cgroup',
      'user namespaces are disabled (user.max_user_namespaces = 0)',
      'the sandbox launcher /repo/sandbox-agent/launcher/build/gaiola-sandbox is missing: run bash scripts/build-launcher.sh',
      'the base image /var/lib/gaiola/base is missing or incomplete: run bash scripts/build-base-image.sh',
    ]);
  });

  it('refuses a tmpfs base image before 6.3 only', () => {
    expect(evaluateHost(facts({ kernelRelease: '6.1.0-28-amd64', baseImageFsType: TMPFS_MAGIC })).problems).toEqual([
      'the base image /var/lib/gaiola/base is on tmpfs, which kernels before 6.3 cannot idmap: use ext4, xfs or btrfs',
    ]);
    expect(evaluateHost(facts({ kernelRelease: '6.8.0', baseImageFsType: TMPFS_MAGIC })).problems).toEqual([]);
  });

  it('warns about AppArmor restricting nested user namespaces', () => {
    const p = evaluateHost(facts({ apparmorRestrictUserns: '1\n' }));
    expect(p.problems).toEqual([]);
    expect(p.warnings[0]).toMatch(/apparmor_restrict_unprivileged_userns=1/);
  });

  it('parses kernel versions', () => {
    expect(kernelVersion('6.18.44-fc-v769')).toEqual([6, 18]);
    expect(kernelVersion('5.19.0')).toEqual([5, 19]);
    expect(kernelVersion('garbage')).toEqual([0, 0]);
  });
});
