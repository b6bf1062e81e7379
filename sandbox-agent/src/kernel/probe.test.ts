// The host probe's decisions on recorded hosts (fixtures/host/README.md, fixtures/cgroup-layout/README.md).
// cgroup v2 and Ubuntu cannot be exercised on the CI machine (a Debian 12 hybrid host): these are their tests.
import { describe, expect, it } from 'vitest';
import { cgroupFixture, hostFixture } from './fixture-util';
import {
  APPARMOR_PROFILE_FILE,
  apparmorLoadCommand,
  evaluateHost,
  type HostFacts,
  kernelVersion,
  parseOsRelease,
  RECOMMENDED_PID_MAX,
} from './probe';

const EXT4_MAGIC = 0xef53;
const TMPFS_MAGIC = 0x01021994;
const LAUNCHER = '/repo/sandbox-agent/launcher/build/gaiola-sandbox';
const TEMPLATE = '/repo/sandbox-agent/host/apparmor-gaiola-sandbox';

/** This project's CI machine, as recorded: Debian 12, kernel 6.18, cgroup hybrid, no systemd, pid_max 32768. */
function hybridHost(over: Partial<HostFacts> = {}): HostFacts {
  return {
    kernelRelease: '6.18.44-fc-v769',
    isRoot: true,
    osRelease: hostFixture('debian-12', 'os-release'),
    procSelfCgroup: cgroupFixture('v1-hybrid', 'proc-self-cgroup'),
    mountinfo: cgroupFixture('v1-hybrid', 'mountinfo'),
    systemd: false,
    meminfo: 'MemTotal:       24683656 kB\nMemFree:        24441712 kB\n',
    pidMax: '32768\n',
    delegate: cgroupFixture('v1-hybrid', 'delegate'),
    filesystems: hostFixture('debian-12', 'filesystems'),
    maxUserNamespaces: '96000\n',
    apparmorTemplatePath: TEMPLATE,
    launcherPath: LAUNCHER,
    launcherExecutable: true,
    baseImageDir: '/var/lib/gaiola/base',
    baseImageFsType: EXT4_MAGIC,
    baseImageHasShell: true,
    ...over,
  };
}

/** A Debian 12 VM with systemd and pure cgroup v2, the agent in a delegated unit (gaiola.service). */
function debian12v2(over: Partial<HostFacts> = {}): HostFacts {
  return hybridHost({
    kernelRelease: '6.1.0-28-amd64',
    procSelfCgroup: cgroupFixture('v2-systemd', 'proc-self-cgroup'),
    mountinfo: cgroupFixture('v2-systemd', 'mountinfo'),
    v2RootControllers: cgroupFixture('v2-systemd', 'cgroup.controllers'),
    v2OwnControllers: 'cpu memory pids\n',
    delegate: cgroupFixture('v2-systemd', 'delegate'),
    systemd: true,
    pidMax: '4194304\n',
    unprivilegedUsernsClone: '1\n',
    ...over,
  });
}

/** Ubuntu: systemd, pure v2, the agent in a delegated scope (as npm start runs it). */
function ubuntu(version: '22.04' | '24.04', over: Partial<HostFacts> = {}): HostFacts {
  return debian12v2({
    osRelease: hostFixture(`ubuntu-${version}`, 'os-release'),
    procSelfCgroup: '0::/system.slice/gaiola-agent-4242.scope\n',
    ...over,
  });
}

describe('evaluateHost', () => {
  it('accepts this hybrid CI host, warning only about its low pid_max', () => {
    const p = evaluateHost(hybridHost());
    expect(p.problems).toEqual([]);
    expect(p.cgroup.mode).toBe('v1');
    expect(p.memTotalBytes).toBe(24683656 * 1024);
    expect(p.pidMax).toBe(32768);
    expect(p.warnings).toEqual([
      `kernel.pid_max is 32768: a full class of sandboxes may exhaust it; npm start raises it, or: sysctl -w kernel.pid_max=${RECOMMENDED_PID_MAX} && echo 'kernel.pid_max = ${RECOMMENDED_PID_MAX}' >> /etc/sysctl.d/90-gaiola.conf`,
    ]);
  });

  it('accepts a Debian 12 VM with pure v2 and its controllers delegated, without a warning', () => {
    const p = evaluateHost(debian12v2());
    expect(p.problems).toEqual([]);
    expect(p.warnings).toEqual([]);
    expect(p.cgroup).toEqual({ mode: 'v2', mountPoint: '/sys/fs/cgroup', ownPath: '/system.slice/gaiola.service' });
  });

  it('v2: refuses an agent whose cgroup lacks a controller the root has, and says how to delegate it', () => {
    const p = evaluateHost(debian12v2({ v2OwnControllers: 'memory\n' }));
    expect(p.problems).toEqual([
      "cgroup v2: the pids controller is not delegated to the agent's cgroup /sys/fs/cgroup/system.slice/gaiola.service; start the agent with npm start, which asks systemd for a delegated cgroup (systemd-run --scope -p Delegate=yes), or run it from a unit with Delegate=yes",
      "cgroup v2: the cpu controller is not delegated to the agent's cgroup /sys/fs/cgroup/system.slice/gaiola.service; start the agent with npm start, which asks systemd for a delegated cgroup (systemd-run --scope -p Delegate=yes), or run it from a unit with Delegate=yes",
    ]);
    // without systemd, the fix is to enable the controller by hand
    const bare = evaluateHost(debian12v2({ systemd: false, v2OwnControllers: 'memory cpu\n' }));
    expect(bare.problems).toEqual([
      "cgroup v2: the pids controller is not delegated to the agent's cgroup /sys/fs/cgroup/system.slice/gaiola.service; enable it for the agent's cgroup: echo +pids > /sys/fs/cgroup/cgroup.subtree_control (and in every cgroup down to /sys/fs/cgroup/system.slice/gaiola.service)",
    ]);
  });

  it('v2: refuses a root without the controllers, and warns about a login session scope', () => {
    const p = evaluateHost(
      debian12v2({
        procSelfCgroup: '0::/user.slice/user-0.slice/session-3.scope\n',
        v2RootControllers: 'cpuset cpu io\n',
        v2OwnControllers: 'cpu\n',
      }),
    );
    expect(p.problems).toEqual([
      'cgroup v2: the memory controller is not available in /sys/fs/cgroup (the kernel lacks it or a v1 hierarchy holds it); boot with systemd.unified_cgroup_hierarchy=1 cgroup_no_v1=memory cgroup_enable=memory',
      'cgroup v2: the pids controller is not available in /sys/fs/cgroup (the kernel lacks it or a v1 hierarchy holds it); boot with systemd.unified_cgroup_hierarchy=1 cgroup_no_v1=pids',
    ]);
    expect(p.warnings).toEqual([
      "the agent runs in a login session's cgroup (/user.slice/user-0.slice/session-3.scope), which systemd does not delegate and may rearrange; start it with npm start (systemd-run --scope -p Delegate=yes)",
    ]);
  });

  it('refuses Ubuntu 22.04 on its GA kernel 5.15 with the HWE hint, and accepts it on the HWE kernel', () => {
    const ga = evaluateHost(ubuntu('22.04', { kernelRelease: '5.15.0-91-generic' }));
    expect(ga.problems).toEqual([
      'Ubuntu 22.04 with kernel 5.15.0-91-generic is too old: idmapped overlay lower layers need Linux 5.19 or later; install the HWE kernel: apt install linux-generic-hwe-22.04, then reboot',
    ]);
    const hwe = evaluateHost(ubuntu('22.04', { kernelRelease: '6.8.0-52-generic' }));
    expect(hwe.problems).toEqual([]);
    expect(hwe.warnings).toEqual([]);
    expect(hwe.cgroup).toEqual({
      mode: 'v2',
      mountPoint: '/sys/fs/cgroup',
      ownPath: '/system.slice/gaiola-agent-4242.scope',
    });
  });

  it('refuses Ubuntu 24.04 with the AppArmor userns restriction until gaiola’s profile is loaded', () => {
    const facts = {
      kernelRelease: '6.8.0-51-generic',
      apparmorRestrictUserns: '1\n',
      apparmorProfiles: hostFixture('ubuntu-24.04', 'apparmor-profiles'),
    };
    const p = evaluateHost(ubuntu('24.04', facts));
    expect(p.problems).toEqual([
      `kernel.apparmor_restrict_unprivileged_userns=1 and the gaiola-sandbox AppArmor profile is not loaded: students' nested user namespaces would fail; npm start loads it, or by hand: sed 's#@GAIOLA_LAUNCHER@#${LAUNCHER}#' ${TEMPLATE} > /etc/apparmor.d/gaiola-sandbox && apparmor_parser -r /etc/apparmor.d/gaiola-sandbox (or lift the restriction on this VM: sysctl -w kernel.apparmor_restrict_unprivileged_userns=0 && echo 'kernel.apparmor_restrict_unprivileged_userns = 0' >> /etc/sysctl.d/90-gaiola.conf)`,
    ]);
    expect(p.warnings[0]).toMatch(/^Ubuntu 24.04 restricts user namespaces through AppArmor .* untested/);

    const loaded = evaluateHost(
      ubuntu('24.04', { ...facts, apparmorProfiles: hostFixture('ubuntu-24.04', 'apparmor-profiles-loaded') }),
    );
    expect(loaded.problems).toEqual([]);
    expect(loaded.warnings).toHaveLength(1);

    const lifted = evaluateHost(ubuntu('24.04', { ...facts, apparmorRestrictUserns: '0\n' }));
    expect(lifted.problems).toEqual([]);
    expect(lifted.warnings).toEqual(["Ubuntu 24.04 is supported, but untested on gaiola's CI (a Debian 12 host)"]);
  });

  it('names each reason a host cannot serve, each with its fix', () => {
    const p = evaluateHost(
      hybridHost({
        kernelRelease: '5.10.0-30-amd64',
        osRelease: 'PRETTY_NAME="Debian GNU/Linux 11 (bullseye)"\nID=debian\nVERSION_ID="11"\n',
        isRoot: false,
        launcherExecutable: false,
        baseImageFsType: undefined,
        maxUserNamespaces: '0\n',
        unprivilegedUsernsClone: '0\n',
        filesystems: 'nodev\tsysfs\nnodev\ttmpfs\n\text4\n',
      }),
    );
    expect(p.problems).toEqual([
      'the agent must run as root: it creates namespaces, mounts and cgroups; start it with sudo npm start',
      'Debian GNU/Linux 11 (bullseye) is not supported: upgrade to Debian 12 (bookworm) or 13 (trixie); see https://www.debian.org/releases/bookworm/releasenotes',
      "user namespaces are disabled (user.max_user_namespaces = 0); enable them: sysctl -w user.max_user_namespaces=65536 && echo 'user.max_user_namespaces = 65536' >> /etc/sysctl.d/90-gaiola.conf",
      "kernel.unprivileged_userns_clone = 0: students' nested `unshare --user` would fail; enable it: sysctl -w kernel.unprivileged_userns_clone=1 && echo 'kernel.unprivileged_userns_clone = 1' >> /etc/sysctl.d/90-gaiola.conf",
      'the overlay filesystem is not available (not in /proc/filesystems); load it: modprobe overlay && echo overlay > /etc/modules-load.d/gaiola.conf',
      `the sandbox launcher ${LAUNCHER} is missing: run npm start (it builds it) or bash scripts/build-launcher.sh`,
      'the base image /var/lib/gaiola/base is missing or incomplete: run npm start (it builds it) or bash scripts/build-base-image.sh',
    ]);
  });

  it('refuses an old kernel on any distribution, and only warns about an untested one', () => {
    const arch = evaluateHost(hybridHost({ kernelRelease: '5.15.1', osRelease: 'NAME="Arch Linux"\nID=arch\n' }));
    expect(arch.problems).toEqual([
      'kernel 5.15.1 is too old: idmapped overlay lower layers need Linux 5.19 or later; install a newer kernel (Debian 12: apt install linux-image-amd64) and reboot',
    ]);
    expect(arch.warnings[0]).toBe(
      'arch is untested (supported: Debian 12 or 13, Ubuntu 22.04 with the HWE kernel, Ubuntu 24.04)',
    );
    expect(evaluateHost(hybridHost({ osRelease: undefined })).warnings[0]).toMatch(/^\/etc\/os-release is missing/);
  });

  it('v1: refuses a host without the memory or pids hierarchy', () => {
    const cgroup = cgroupFixture('v1-hybrid', 'proc-self-cgroup')
      .split('\n')
      .filter((l) => !/:pids:/.test(l))
      .join('\n');
    expect(evaluateHost(hybridHost({ procSelfCgroup: cgroup })).problems).toEqual([
      'cgroup v1: the pids controller is not mounted; mount it: mkdir -p /sys/fs/cgroup/pids && mount -t cgroup -o pids pids /sys/fs/cgroup/pids',
    ]);
  });

  it('refuses a tmpfs base image before 6.3 only', () => {
    expect(evaluateHost(debian12v2({ baseImageFsType: TMPFS_MAGIC })).problems).toEqual([
      'the base image /var/lib/gaiola/base is on tmpfs, which kernels before 6.3 cannot idmap: put it on ext4, xfs or btrfs (GAIOLA_BASE_DIR=/var/lib/gaiola/base npm start)',
    ]);
    expect(evaluateHost(debian12v2({ kernelRelease: '6.8.0', baseImageFsType: TMPFS_MAGIC })).problems).toEqual([]);
  });

  it('parses kernel versions and os-release', () => {
    expect(kernelVersion('6.18.44-fc-v769')).toEqual([6, 18]);
    expect(kernelVersion('5.19.0')).toEqual([5, 19]);
    expect(kernelVersion('garbage')).toEqual([0, 0]);
    expect(parseOsRelease(hostFixture('ubuntu-24.04', 'os-release'))).toEqual({
      id: 'ubuntu',
      versionId: '24.04',
      prettyName: 'Ubuntu 24.04.1 LTS',
    });
    expect(parseOsRelease(hostFixture('debian-12', 'os-release')).versionId).toBe('12');
  });

  it('the AppArmor load command renders the shipped template with the launcher path', () => {
    expect(apparmorLoadCommand(TEMPLATE, LAUNCHER)).toBe(
      `sed 's#@GAIOLA_LAUNCHER@#${LAUNCHER}#' ${TEMPLATE} > ${APPARMOR_PROFILE_FILE} && apparmor_parser -r ${APPARMOR_PROFILE_FILE}`,
    );
  });
});
