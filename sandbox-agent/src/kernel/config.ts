// Kernel-side settings of the agent: where things live on the host and what each sandbox may use.
import { fileURLToPath } from 'node:url';

export interface KernelConfig {
  /** The setuid-free root helper that creates sandboxes and joins shells to them. */
  launcherPath: string;
  /** Read-only lower layer of every sandbox (ext4/xfs/btrfs: kernels before 6.3 cannot idmap tmpfs). */
  baseImageDir: string;
  /** Holds only the empty mount point <runDir>/mnt, used inside each launcher's private mount namespace. */
  runDir: string;
  /** Name of the parent cgroup under each hierarchy (v1) or under the agent's cgroup (v2). */
  cgroupParent: string;
  /** First host uid of slot 0; slot s maps ids 0..65535 inside to uidBase + s*65536 on the host. */
  uidBase: number;
  maxSlots: number;
  /** Per-sandbox memory cap (page cache and tmpfs pages included). */
  memoryBytes: number;
  pidsMax: number;
  /** CPU time per CPU_PERIOD_US period; 100000 = one CPU. */
  cpuQuotaUs: number;
  /** Size of the writable layer (the overlay's upper dir on tmpfs) and of /tmp inside. */
  tmpfsBytes: number;
  /**
   * On v2, how a sandbox's init and shells enter their cgroup: born there (clone3 with CLONE_INTO_CGROUP) or
   * moved there after a fork, which costs an RCU grace period after a quiet moment. `move` exists to measure
   * `clone` (bench/profile-ws-start.ts); v1 always moves. Lesson fixtures always use the default.
   */
  cgroupEntry: 'clone' | 'move';
}

/** Ids mapped per sandbox: 0..65535 inside, like a full Linux system (nobody = 65534 must exist). */
export const IDS_PER_SLOT = 65536;
/** 2^20: above ordinary users and systemd's dynamic uids (61184–65519); reserve it in /etc/subuid. */
export const DEFAULT_UID_BASE = 1048576;
/** 200 slots × 65536 ids stay far below the 32-bit uid space. */
export const DEFAULT_MAX_SLOTS = 200;
/** 512 MiB: enough for the heaviest lesson (a Debian chroot with apt metadata), sandbox.md §0.1. */
export const DEFAULT_MEMORY_BYTES = 512 * 1024 * 1024;
/** Fork bombs stop here (sandbox.md §5.1); a lesson never needs more than a few dozen processes. */
export const DEFAULT_PIDS_MAX = 256;
/** cgroup CPU bandwidth period; the kernel's default for cpu.max / cpu.cfs_period_us. */
export const CPU_PERIOD_US = 100_000;
/** One CPU per sandbox; equal weights give the rest a fair share. */
export const DEFAULT_CPU_QUOTA_US = 100_000;
/** 256 MiB of writable layer: enough for package installs in the lessons, small enough for 100 students. */
export const DEFAULT_TMPFS_BYTES = 256 * 1024 * 1024;
/** Largest uid the kernel accepts (uid_t is 32 bits; (uid_t)-1 means "unchanged"). */
const MAX_HOST_UID = 2 ** 32 - 2;

const NAME = /^gaiola[a-zA-Z0-9_-]{0,48}$/;

export function defaultKernelConfig(overrides: Partial<KernelConfig> = {}): KernelConfig {
  const cfg: KernelConfig = {
    launcherPath: fileURLToPath(new URL('../../launcher/build/gaiola-sandbox', import.meta.url)),
    baseImageDir: process.env.GAIOLA_BASE_DIR ?? '/var/lib/gaiola/base',
    runDir: '/run/gaiola',
    cgroupParent: 'gaiola',
    uidBase: DEFAULT_UID_BASE,
    maxSlots: DEFAULT_MAX_SLOTS,
    memoryBytes: DEFAULT_MEMORY_BYTES,
    pidsMax: DEFAULT_PIDS_MAX,
    cpuQuotaUs: DEFAULT_CPU_QUOTA_US,
    tmpfsBytes: DEFAULT_TMPFS_BYTES,
    cgroupEntry: 'clone',
    ...overrides,
  };
  validateKernelConfig(cfg);
  return cfg;
}

/** Throws a RangeError naming the first bad setting. */
export function validateKernelConfig(cfg: KernelConfig): void {
  const int = (name: keyof KernelConfig, min: number, max: number) => {
    const v = cfg[name];
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < min || v > max) {
      throw new RangeError(`kernel config ${name}=${String(v)}: expected an integer in [${min}, ${max}]`);
    }
  };
  if (!NAME.test(cfg.cgroupParent))
    throw new RangeError(`kernel config cgroupParent=${cfg.cgroupParent}: use gaiola[-_a-zA-Z0-9]`);
  for (const key of ['launcherPath', 'baseImageDir', 'runDir'] as const) {
    if (!cfg[key].startsWith('/')) throw new RangeError(`kernel config ${key}=${cfg[key]}: must be an absolute path`);
  }
  int('maxSlots', 1, 4096);
  int('uidBase', 65536, MAX_HOST_UID - cfg.maxSlots * IDS_PER_SLOT);
  // 16 MiB: below this a login shell and the kernel's own charges do not fit.
  int('memoryBytes', 16 * 1024 * 1024, Number.MAX_SAFE_INTEGER);
  // 8: a shell, a pipeline and a few helpers.
  int('pidsMax', 8, 4_194_304);
  // 1000 µs: the kernel's minimum cfs quota.
  int('cpuQuotaUs', 1000, 1_000_000_000);
  int('tmpfsBytes', 1024 * 1024, Number.MAX_SAFE_INTEGER);
  if (cfg.cgroupEntry !== 'clone' && cfg.cgroupEntry !== 'move')
    throw new RangeError(`kernel config cgroupEntry=${String(cfg.cgroupEntry)}: expected clone or move`);
}

/** Host uid of root inside the sandbox of `slot`. */
export function uidBaseOfSlot(cfg: KernelConfig, slot: number): number {
  if (!Number.isInteger(slot) || slot < 0 || slot >= cfg.maxSlots) {
    throw new RangeError(`sandbox slot ${slot}: expected an integer in [0, ${cfg.maxSlots - 1}]`);
  }
  return cfg.uidBase + slot * IDS_PER_SLOT;
}
