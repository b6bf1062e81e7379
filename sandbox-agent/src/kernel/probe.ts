// What this host offers, read once at agent start (CONVENTIONS §12). `evaluateHost` is pure and unit-tested
// on recorded facts; `probeHost` gathers the facts. Every problem (the agent refuses to start) and every
// warning says what is wrong and the command that fixes it: the reader is an instructor at a class VM.
// Supported hosts (issue 4, research/sandbox.md §6): Debian 12 and 13; Ubuntu 22.04 with the HWE kernel
// (≥ 5.19); Ubuntu 24.04 with gaiola's AppArmor profile loaded.
import { accessSync, constants, existsSync, readFileSync, statfsSync, statSync } from 'node:fs';
import { release } from 'node:os';
import { fileURLToPath } from 'node:url';
import {
  type CgroupLayout,
  DEFAULT_V2_DELEGATE_FILES,
  detectCgroupLayout,
  parseDelegateFiles,
  sandboxHierarchies,
  v2AgentCgroups,
} from './cgroup-layout';
import { defaultKernelConfig, type KernelConfig } from './config';
import { parseControllers } from './parse';

export interface HostProbe {
  kernelRelease: string;
  cgroup: CgroupLayout;
  /** Human-readable reasons the host cannot serve sandboxes, each with its fix; empty when fine. */
  problems: string[];
  /** Things that work but limit some lessons or are untested, each with its fix. */
  warnings: string[];
  /** MemTotal of /proc/meminfo, for the parent's aggregate cap. */
  memTotalBytes: number;
  /** kernel.pid_max, for the parent's aggregate cap. */
  pidMax: number;
  /** v2: the files a delegated cgroup's owner needs (/sys/kernel/cgroup/delegate). */
  v2DelegateFiles: string[];
}

/** Everything probeHost reads, as plain data. Optional facts are absent when the file does not exist. */
export interface HostFacts {
  kernelRelease: string;
  isRoot: boolean;
  /** /etc/os-release. */
  osRelease?: string;
  procSelfCgroup: string;
  mountinfo: string;
  /** cgroup.controllers of the v2 root, when v2 is in use. */
  v2RootControllers?: string;
  /** v2: cgroup.controllers of the agent's own (service) cgroup, where the gaiola parent goes. */
  v2OwnControllers?: string;
  /** systemd is the init (/run/systemd/system exists, as sd_booted() checks). */
  systemd?: boolean;
  meminfo: string;
  pidMax: string;
  delegate?: string;
  /** /proc/filesystems. */
  filesystems?: string;
  maxUserNamespaces?: string;
  /** kernel.unprivileged_userns_clone (Debian's patch; gone in newer kernels). */
  unprivilegedUsernsClone?: string;
  /** kernel.apparmor_restrict_unprivileged_userns (Ubuntu 23.10+), when present. */
  apparmorRestrictUserns?: string;
  /** /sys/kernel/security/apparmor/profiles: the loaded profiles, one `name (mode)` a line. */
  apparmorProfiles?: string;
  /** The AppArmor profile template shipped in this repository. */
  apparmorTemplatePath: string;
  launcherPath: string;
  launcherExecutable: boolean;
  baseImageDir: string;
  /** statfs f_type of the base image dir, undefined when it does not exist. */
  baseImageFsType?: number;
  baseImageHasShell: boolean;
}

/** Linux 5.19: overlay accepts idmapped lower layers (sandbox.md §6). */
export const MIN_KERNEL: readonly [number, number] = [5, 19];
/** Linux 6.3: tmpfs can be idmapped; before that the base image must be on ext4/xfs/btrfs. */
const TMPFS_IDMAP_KERNEL: readonly [number, number] = [6, 3];
const TMPFS_MAGIC = 0x01021994;
/**
 * systemd's default kernel.pid_max (4194304): 100 sandboxes × 256 pids (DEFAULT_PIDS_MAX) = 25600 nears the
 * kernel's own default of 32768, which the host's daemons share. `npm start` raises it.
 */
export const RECOMMENDED_PID_MAX = 4_194_304;
/** The name of gaiola's AppArmor profile (sandbox-agent/host/apparmor-gaiola-sandbox). */
export const APPARMOR_PROFILE = 'gaiola-sandbox';
/** Where `npm start` installs the rendered profile. */
export const APPARMOR_PROFILE_FILE = `/etc/apparmor.d/${APPARMOR_PROFILE}`;
/** A value for user.max_user_namespaces when a host has set it to 0: far above 100 students' nested ones. */
const USERNS_FIX_VALUE = 65536;
const SYSCTL_CONF = '/etc/sysctl.d/90-gaiola.conf';

export function kernelVersion(rel: string): [number, number] {
  const m = /^(\d+)\.(\d+)/.exec(rel);
  return m ? [Number(m[1]), Number(m[2])] : [0, 0];
}

function atLeast(v: readonly [number, number], min: readonly [number, number]): boolean {
  return v[0] > min[0] || (v[0] === min[0] && v[1] >= min[1]);
}

export interface OsRelease {
  id: string;
  versionId: string;
  prettyName: string;
}

/** The ID, VERSION_ID and PRETTY_NAME of /etc/os-release (values may be quoted). */
export function parseOsRelease(text: string): OsRelease {
  const values = new Map<string, string>();
  for (const line of text.split('\n')) {
    const m = /^([A-Z_]+)=(.*)$/.exec(line.trim());
    if (m?.[1] && m[2] !== undefined) values.set(m[1], m[2].replace(/^(["'])(.*)\1$/, '$2'));
  }
  const id = values.get('ID') ?? '';
  const versionId = values.get('VERSION_ID') ?? '';
  return { id, versionId, prettyName: values.get('PRETTY_NAME') ?? (`${id} ${versionId}`.trim() || 'unknown') };
}

/** A shell command that sets a sysctl now and on every boot. */
function persistSysctl(key: string, value: string | number): string {
  return `sysctl -w ${key}=${value} && echo '${key} = ${value}' >> ${SYSCTL_CONF}`;
}

/** The command that renders and loads gaiola's AppArmor profile (what scripts/lib.sh load_apparmor_profile does). */
export function apparmorLoadCommand(templatePath: string, launcherPath: string): string {
  return (
    `sed 's#@GAIOLA_LAUNCHER@#${launcherPath}#' ${templatePath} > ${APPARMOR_PROFILE_FILE}` +
    ` && apparmor_parser -r ${APPARMOR_PROFILE_FILE}`
  );
}

function apparmorProfileLoaded(profiles: string | undefined): boolean {
  return (profiles ?? '').split('\n').some((l) => l.startsWith(`${APPARMOR_PROFILE} (`));
}

const SUPPORTED = 'supported: Debian 12 or 13, Ubuntu 22.04 with the HWE kernel, Ubuntu 24.04';

/** Distribution and kernel: what is supported, what is refused with the upgrade that fixes it. */
function evaluateOsAndKernel(f: HostFacts, problems: string[], warnings: string[]): void {
  const version = kernelVersion(f.kernelRelease);
  const kernelOk = atLeast(version, MIN_KERNEL);
  const os = f.osRelease !== undefined ? parseOsRelease(f.osRelease) : undefined;
  let kernelExplained = false;
  if (!os) {
    warnings.push(`/etc/os-release is missing: this distribution is untested (${SUPPORTED})`);
  } else if (os.id === 'debian') {
    const major = Number.parseInt(os.versionId, 10);
    if (Number.isInteger(major) && major < 12) {
      problems.push(
        `${os.prettyName} is not supported: upgrade to Debian 12 (bookworm) or 13 (trixie); see https://www.debian.org/releases/bookworm/releasenotes`,
      );
      kernelExplained = !kernelOk;
    } else if (!(major === 12 || major === 13)) {
      warnings.push(`${os.prettyName} is untested (${SUPPORTED})`);
    }
  } else if (os.id === 'ubuntu') {
    if (os.versionId === '22.04') {
      if (!kernelOk) {
        problems.push(
          `Ubuntu 22.04 with kernel ${f.kernelRelease} is too old: idmapped overlay lower layers need Linux 5.19 or later; ` +
            'install the HWE kernel: apt install linux-generic-hwe-22.04, then reboot',
        );
        kernelExplained = true;
      }
    } else if (os.versionId === '24.04') {
      const restricted = f.apparmorRestrictUserns?.trim() === '1';
      warnings.push(
        restricted
          ? `Ubuntu 24.04 restricts user namespaces through AppArmor (kernel.apparmor_restrict_unprivileged_userns=1): sandboxes rely on the ${APPARMOR_PROFILE} profile that npm start loads; this path is untested on gaiola's CI`
          : "Ubuntu 24.04 is supported, but untested on gaiola's CI (a Debian 12 host)",
      );
    } else {
      warnings.push(`${os.prettyName} is untested (${SUPPORTED})`);
    }
  } else {
    warnings.push(`${os.prettyName} is untested (${SUPPORTED})`);
  }
  if (!kernelOk && !kernelExplained) {
    problems.push(
      `kernel ${f.kernelRelease} is too old: idmapped overlay lower layers need Linux 5.19 or later; ` +
        'install a newer kernel (Debian 12: apt install linux-image-amd64) and reboot',
    );
  }
}

function evaluateCgroups(f: HostFacts, cgroup: CgroupLayout, problems: string[], warnings: string[]): void {
  if (cgroup.mode === 'none') {
    problems.push(
      `cgroups: ${cgroup.reason}; mount the controllers (systemd does this at boot; by hand: mount -t cgroup2 none /sys/fs/cgroup)`,
    );
    return;
  }
  if (cgroup.mode === 'v1') {
    const have = new Set(sandboxHierarchies(cgroup).flatMap((h) => h.controllers));
    for (const c of ['memory', 'pids']) {
      if (!have.has(c)) {
        problems.push(
          `cgroup v1: the ${c} controller is not mounted; mount it: mkdir -p /sys/fs/cgroup/${c} && mount -t cgroup -o ${c} ${c} /sys/fs/cgroup/${c}` +
            (c === 'memory' ? ' (and boot with cgroup_enable=memory if the kernel disabled it)' : ''),
        );
      }
    }
    if (!have.has('cpu')) {
      warnings.push(
        'cgroup v1: the cpu controller is not mounted, so sandboxes get no CPU cap; mount it: mkdir -p /sys/fs/cgroup/cpu && mount -t cgroup -o cpu,cpuacct cpu /sys/fs/cgroup/cpu',
      );
    }
    return;
  }
  // v2: the gaiola parent goes under the agent's own (service) cgroup, which must offer the controllers.
  const service = v2AgentCgroups(cgroup.ownPath).service;
  const own = `${cgroup.mountPoint}${service === '/' ? '' : service}`;
  const list = (text: string | undefined): string[] => {
    try {
      return parseControllers(text ?? '');
    } catch {
      return [];
    }
  };
  const root = list(f.v2RootControllers);
  const mine = service === '/' ? root : list(f.v2OwnControllers ?? f.v2RootControllers);
  const delegateFix = f.systemd
    ? 'start the agent with npm start, which asks systemd for a delegated cgroup (systemd-run --scope -p Delegate=yes), or run it from a unit with Delegate=yes'
    : `enable it for the agent's cgroup: echo +CTRL > ${cgroup.mountPoint}/cgroup.subtree_control (and in every cgroup down to ${own})`;
  for (const c of ['memory', 'pids', 'cpu']) {
    if (!root.includes(c)) {
      problems.push(
        `cgroup v2: the ${c} controller is not available in ${cgroup.mountPoint} (the kernel lacks it or a v1 hierarchy holds it); ` +
          `boot with systemd.unified_cgroup_hierarchy=1 cgroup_no_v1=${c}${c === 'memory' ? ' cgroup_enable=memory' : ''}`,
      );
    } else if (!mine.includes(c)) {
      problems.push(
        `cgroup v2: the ${c} controller is not delegated to the agent's cgroup ${own}; ${delegateFix.replace('CTRL', c)}`,
      );
    }
  }
  if (f.systemd && /\/session-[^/]*\.scope(\/|$)/.test(cgroup.ownPath)) {
    warnings.push(
      `the agent runs in a login session's cgroup (${cgroup.ownPath}), which systemd does not delegate and may rearrange; start it with npm start (systemd-run --scope -p Delegate=yes)`,
    );
  }
}

function evaluateNamespaces(f: HostFacts, problems: string[]): void {
  if (f.maxUserNamespaces !== undefined && Number(f.maxUserNamespaces.trim()) === 0) {
    problems.push(
      `user namespaces are disabled (user.max_user_namespaces = 0); enable them: ${persistSysctl('user.max_user_namespaces', USERNS_FIX_VALUE)}`,
    );
  }
  if (f.unprivilegedUsernsClone !== undefined && f.unprivilegedUsernsClone.trim() === '0') {
    problems.push(
      `kernel.unprivileged_userns_clone = 0: students' nested \`unshare --user\` would fail; enable it: ${persistSysctl('kernel.unprivileged_userns_clone', 1)}`,
    );
  }
  if (f.apparmorRestrictUserns?.trim() === '1' && !apparmorProfileLoaded(f.apparmorProfiles)) {
    problems.push(
      `kernel.apparmor_restrict_unprivileged_userns=1 and the ${APPARMOR_PROFILE} AppArmor profile is not loaded: students' nested user namespaces would fail; ` +
        `npm start loads it, or by hand: ${apparmorLoadCommand(f.apparmorTemplatePath, f.launcherPath)} ` +
        `(or lift the restriction on this VM: ${persistSysctl('kernel.apparmor_restrict_unprivileged_userns', 0)})`,
    );
  }
  if (f.filesystems !== undefined && !/\toverlay$/m.test(f.filesystems)) {
    problems.push(
      'the overlay filesystem is not available (not in /proc/filesystems); load it: modprobe overlay && echo overlay > /etc/modules-load.d/gaiola.conf',
    );
  }
}

export function evaluateHost(f: HostFacts): HostProbe {
  const problems: string[] = [];
  const warnings: string[] = [];
  const version = kernelVersion(f.kernelRelease);
  if (!f.isRoot) {
    problems.push(
      'the agent must run as root: it creates namespaces, mounts and cgroups; start it with sudo npm start',
    );
  }
  evaluateOsAndKernel(f, problems, warnings);
  let cgroup: CgroupLayout;
  try {
    cgroup = detectCgroupLayout(f.procSelfCgroup, f.mountinfo);
  } catch (err) {
    cgroup = { mode: 'none', reason: `cannot read the cgroup layout: ${(err as Error).message}` };
  }
  evaluateCgroups(f, cgroup, problems, warnings);
  evaluateNamespaces(f, problems);
  if (!f.launcherExecutable) {
    problems.push(
      `the sandbox launcher ${f.launcherPath} is missing: run npm start (it builds it) or bash scripts/build-launcher.sh`,
    );
  }
  if (f.baseImageFsType === undefined || !f.baseImageHasShell) {
    problems.push(
      `the base image ${f.baseImageDir} is missing or incomplete: run npm start (it builds it) or bash scripts/build-base-image.sh`,
    );
  } else if (f.baseImageFsType === TMPFS_MAGIC && !atLeast(version, TMPFS_IDMAP_KERNEL)) {
    problems.push(
      `the base image ${f.baseImageDir} is on tmpfs, which kernels before 6.3 cannot idmap: put it on ext4, xfs or btrfs (GAIOLA_BASE_DIR=/var/lib/gaiola/base npm start)`,
    );
  }
  const memKb = /^MemTotal:\s+(\d+) kB/m.exec(f.meminfo);
  const parsedPidMax = Number.parseInt(f.pidMax.trim(), 10);
  const pidMax = Number.isInteger(parsedPidMax) && parsedPidMax > 0 ? parsedPidMax : 32768;
  if (pidMax < RECOMMENDED_PID_MAX) {
    warnings.push(
      `kernel.pid_max is ${pidMax}: a full class of sandboxes may exhaust it; npm start raises it, or: ${persistSysctl('kernel.pid_max', RECOMMENDED_PID_MAX)}`,
    );
  }
  return {
    kernelRelease: f.kernelRelease,
    cgroup,
    problems,
    warnings,
    memTotalBytes: memKb ? Number(memKb[1]) * 1024 : 0,
    pidMax,
    v2DelegateFiles: f.delegate !== undefined ? parseDelegateFiles(f.delegate) : [...DEFAULT_V2_DELEGATE_FILES],
  };
}

function readOptional(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** The AppArmor profile template shipped with the agent. */
export const APPARMOR_TEMPLATE_PATH = fileURLToPath(new URL('../../host/apparmor-gaiola-sandbox', import.meta.url));

/** Reads the host once. `cfg` only supplies the launcher and base image paths to check. */
export function probeHost(cfg: KernelConfig = defaultKernelConfig()): HostProbe {
  const procSelfCgroup = readFileSync('/proc/self/cgroup', 'utf8');
  const mountinfo = readFileSync('/proc/self/mountinfo', 'utf8');
  let layout: CgroupLayout | undefined;
  try {
    layout = detectCgroupLayout(procSelfCgroup, mountinfo);
  } catch {
    layout = undefined;
  }
  let launcherExecutable = true;
  try {
    accessSync(cfg.launcherPath, constants.X_OK);
  } catch {
    launcherExecutable = false;
  }
  let baseImageFsType: number | undefined;
  try {
    baseImageFsType = statfsSync(cfg.baseImageDir).type;
  } catch {
    baseImageFsType = undefined;
  }
  let baseImageHasShell = false;
  try {
    baseImageHasShell = statSync(`${cfg.baseImageDir}/bin/bash`).isFile();
  } catch {
    baseImageHasShell = false;
  }
  let v2OwnControllers: string | undefined;
  if (layout?.mode === 'v2') {
    const service = v2AgentCgroups(layout.ownPath).service;
    v2OwnControllers = readOptional(`${layout.mountPoint}${service === '/' ? '' : service}/cgroup.controllers`);
  }
  return evaluateHost({
    kernelRelease: release(),
    isRoot: process.getuid?.() === 0,
    osRelease: readOptional('/etc/os-release') ?? readOptional('/usr/lib/os-release'),
    procSelfCgroup,
    mountinfo,
    v2RootControllers: layout?.mode === 'v2' ? readOptional(`${layout.mountPoint}/cgroup.controllers`) : undefined,
    v2OwnControllers,
    systemd: existsSync('/run/systemd/system'),
    meminfo: readFileSync('/proc/meminfo', 'utf8'),
    pidMax: readOptional('/proc/sys/kernel/pid_max') ?? '32768',
    delegate: readOptional('/sys/kernel/cgroup/delegate'),
    filesystems: readOptional('/proc/filesystems'),
    maxUserNamespaces: readOptional('/proc/sys/user/max_user_namespaces'),
    unprivilegedUsernsClone: readOptional('/proc/sys/kernel/unprivileged_userns_clone'),
    apparmorRestrictUserns: readOptional('/proc/sys/kernel/apparmor_restrict_unprivileged_userns'),
    apparmorProfiles: readOptional('/sys/kernel/security/apparmor/profiles'),
    apparmorTemplatePath: APPARMOR_TEMPLATE_PATH,
    launcherPath: cfg.launcherPath,
    launcherExecutable,
    baseImageDir: cfg.baseImageDir,
    baseImageFsType,
    baseImageHasShell,
  });
}
