// What the checks and the Kernel panel see: a plain-data snapshot of one sandbox's kernel state, taken by
// inspect.ts. Checks are pure functions over it (CONVENTIONS §3), tested on recorded snapshots (checks/fixtures/).
import type { MountEntry } from './parse/mountinfo';
import type { ConntrackEntry } from './parse/net';
import type { NsType } from './parse/ns';
import type { FileFacts } from './path-facts';

/** Namespace kinds a process has (the `*_for_children` links are left out). */
export type NsKind = Exclude<NsType, 'pid_for_children' | 'time_for_children'>;

/** A file's identity, `"<st_dev>:<st_ino>"`: compared, never the path text. */
export type FileId = string;

export interface ProcInfo {
  /** PID as the host sees it. */
  hostPid: number;
  /**
   * Start time (field 22 of /proc/PID/stat, clock ticks after boot): with hostPid, what names the process for
   * the launcher's queries, so that a pid another process took meanwhile is refused as gone.
   */
  startTime: number;
  /** `NSpid` of /proc/PID/status: host pid first, then one per nested PID namespace; the last is the innermost. */
  nsPids: number[];
  /** Host PID of the parent. */
  ppid: number;
  comm: string;
  /** Host uid (root inside the sandbox is the sandbox's base uid). */
  uid: number;
  /** Namespace inode per kind, from readlink(/proc/PID/ns/KIND). */
  ns: Partial<Record<NsKind, number>>;
  /** Identity of the process's root directory (stat of /proc/PID/root), or null when unreadable. */
  rootId: FileId | null;
  /**
   * Text of /proc/PID/uid_map for a process outside the sandbox's user namespace (null inside it, or when
   * unreadable). The kernel renders it relative to the READER's user namespace: the agent reads as host
   * root, so a map the student sees as `0 1000 1` reads `0 <uidBase+1000> 1` here. '' = no map written yet.
   */
  uidMap: string | null;
  /** /proc/PID/setgroups ('allow' or 'deny'), for a process outside the sandbox's user namespace; else null. */
  setgroups: string | null;
  /** Clock offsets in whole seconds (/proc/PID/timens_offsets) of a process outside the sandbox's time namespace; else null. */
  timeOffsets: { monotonic: number; boottime: number } | null;
  /** Capability sets from /proc/PID/status, as the 16 hex digits the kernel prints (bit N = capability N). */
  caps: { eff: string; bnd: string };
  /** Seccomp mode (0 none, 1 strict, 2 filter) and the number of filters attached (-1 when the kernel does not say). */
  seccomp: { mode: number; filters: number };
  noNewPrivs: boolean;
  /** One letter of /proc/PID/stat (R, S, D, T, …; never Z: zombies are in SandboxSnapshot.zombies). Absent in snapshots recorded before. */
  state?: string;
  /**
   * Minor faults of the children this process has reaped (cminflt, /proc/PID/stat field 11): above 0 once it
   * has waited for one, even before an exec. Absent in snapshots recorded before.
   */
  reapedFaults?: number;
}

/**
 * A zombie child of a PID namespace's init (PID 1 of a namespace of the student's): it exited and its parent has
 * not waited for it. Not a ProcInfo: a zombie has dropped its namespaces and root.
 */
export interface ZombieInfo {
  hostPid: number;
  /** Host PID of the parent, the init. */
  ppid: number;
  /** `NSpid` of /proc/PID/status, as for ProcInfo. */
  nsPids: number[];
  comm: string;
}

export interface SandboxSnapshot {
  /** ms since the epoch. */
  takenAt: number;
  /** The sandbox itself: its init's namespaces, hostname and root. Anything different was made by the student. */
  base: {
    ns: Record<NsKind, number>;
    hostname: string;
    rootId: FileId;
    /** Host uid of root inside the sandbox: sandbox uid N is host uid uidBase + N. */
    uidBase: number;
    /** Seccomp filters the sandbox's own processes carry (gaiola's denylist); -1 when the kernel does not say. */
    seccompFilters: number;
  };
  /** Identities of paths inside the sandbox that lessons refer to (e.g. '/root/rootfs'), resolved safely. */
  paths: Record<string, FileId | null>;
  /** Every process of the sandbox but its keeper init, zombies left out. */
  processes: ProcInfo[];
  /**
   * The zombie children of each init of a PID namespace of the student's (read from its
   * /proc/PID/task/PID/children: a zombie is in no cgroup.procs). Absent in snapshots recorded before.
   */
  zombies?: ZombieInfo[];
  /** Hostname per UTS namespace inode seen among the processes. */
  hostnames: Record<number, string>;
  /**
   * Mounts as seen by some processes (keyed by host PID): one process per distinct (mount namespace, root)
   * pair. Mount points are relative to that process's root, as the kernel shows them.
   */
  mounts: Record<number, MountEntry[]>;
  /**
   * The whole mount table of each mount namespace the student made (keyed by its inode), seen from that
   * namespace's own root, whatever the roots of its processes: a chroot inside it cannot hide the old root.
   */
  nsMounts: Record<number, MountEntry[]>;
  /**
   * What each layer of an overlay of the sandbox's own mount namespace is, by `overlayLayerKey(mountId,
   * spelling)`: the kernel shows a layer as it was typed, and a relative one was resolved against the mounting
   * process's working directory, which nothing records. So each relative spelling is looked up from every
   * directory above the mount point (where `cd /root/ov; mount … -o lowerdir=lower … merged` was typed) and
   * from the working directory of each process of the namespace, and every directory found is listed (an
   * absolute spelling has one). Absent in snapshots recorded before.
   */
  overlayLayerIds?: Record<string, FileId[]>;
  /**
   * For each container init (by host PID) whose /proc was read (for the checks that need it): whether that
   * /proc is a proc of the container's own PID namespace (its PID 1 is the init itself). Absent when not read.
   */
  containerProcs?: Record<number, boolean>;
  /** Lesson fixtures the agent started (e.g. lesson 01's marker process), by name. */
  fixtures: Record<string, FixtureState>;
  /** What the paths lessons name are (type, device numbers, size, and the text of small regular files). */
  files: Record<string, FileFacts | null>;
  /** The sandbox's cgroups: its own root and every group the student made below it. */
  cgroups: CgroupsView;
  /**
   * Interfaces, addresses and routes per network namespace (keyed by its inode): the sandbox's own and each
   * of the student's that a process is in. Read only for lessons whose checks need it; else empty.
   */
  net: Record<number, NetNamespace>;
}

export interface NetInterface {
  ifindex: number;
  name: string;
  /** 'veth', 'bridge', … ('' for plain devices such as lo). */
  kind: string;
  /** IFF_UP is set. */
  up: boolean;
  /** The bridge it is a port of, by name. */
  master: string | null;
  /** The peer's ifindex for a veth (in the peer's namespace), else null. */
  linkIndex: number | null;
  /** A veth whose peer is in another namespace: its netnsid as seen from here; null when in the same. */
  linkNetnsId: number | null;
  /** IPv4 and IPv6 addresses as "ADDRESS/PREFIX". */
  addrs: string[];
  rxPackets: number;
  txPackets: number;
}

export interface NetNamespace {
  interfaces: NetInterface[];
  /** IPv4 routes of the main table: destination ('default' or "NET/PREFIX") and gateway. */
  routes: { dst: string; gateway: string | null; dev: string | null }[];
  /** Complete IPv4 neighbour (ARP) entries: made only by IPv4 traffic, unlike packet counters. */
  neighbors: { ip: string; dev: string }[];
  /** TCP ports a socket of the namespace listens on, IPv4 or IPv6 (/proc/PID/net/tcp, tcp6). Absent in snapshots recorded before. */
  listenPorts?: number[];
  /**
   * The connections the namespace's netfilter tracks (/proc/PID/net/nf_conntrack): there only while a rule
   * needs tracking (a NAT rule does), each for a while after it ends (a closed TCP one 120 s). Absent in
   * snapshots recorded before.
   */
  conntrack?: ConntrackEntry[];
}

/** A path inside the sandbox as the launcher's stat sees it (kernel/path-facts.ts). */
export type { FileFacts };

/**
 * cgroups as the student sees them under /sys/fs/cgroup: v1 has one tree per hierarchy (memory, pids, cpu,
 * …), v2 one tree. Paths are relative to the sandbox's own cgroup, which the student sees as '/'.
 */
export interface CgroupsView {
  version: 1 | 2;
  groups: CgroupGroup[];
  /** More groups existed than a snapshot reads (MAX_CGROUP_GROUPS): the rest are left out. */
  truncated: boolean;
}

export interface CgroupGroup {
  /** v1: the hierarchy's controllers joined with ',' ('memory', 'cpu,cpuacct'); v2: 'unified'. */
  hierarchy: string;
  /** '/' for the sandbox's own group, '/demo', '/demo/leaf', … */
  path: string;
  /** Host PIDs in its cgroup.procs. */
  procs: number[];
  memory?: {
    /** Bytes; null = no limit ("max", or v1's huge default). */
    limit: number | null;
    /**
     * The limit file's text as read, trimmed: what a hint shows for no limit (`max`, v1's `9223372036854771712`).
     * Absent in snapshots recorded before.
     */
    limitText?: string;
    usage: number;
    /** OOM kills in this group (v1 memory.oom_control, v2 memory.events `oom_kill`). */
    oomKills: number;
  };
  pids?: {
    max: number | null;
    current: number;
    /**
     * Forks the kernel refused in this group or below it: `max` of pids.events.local (else pids.events) summed over
     * the subtree, the same number on every kernel (kernel/inspect-cgroups.ts withSubtreeRefusals).
     */
    refused: number;
  };
  cpu?: {
    /** null = no quota (v1 -1, v2 "max"). */
    quotaUs: number | null;
    periodUs: number;
    /** v1 cpu.shares (default 1024) or v2 cpu.weight (default 100): compare within one host only. */
    weight: number;
    nrThrottled: number;
  };
  /** v1 freezer.state FROZEN, v2 cgroup.events `frozen 1`; undefined where the group cannot be frozen. */
  frozen?: boolean;
  /** v2: cgroup.subtree_control. */
  subtreeControl?: string[];
}

/** A process the agent started in the sandbox for a lesson, and what happened to it. */
export interface FixtureState {
  /** Host PID of the fixture while it lives. */
  hostPid: number | null;
  alive: boolean;
  /** Who signalled it, as recorded by the fixture itself at the moment it was signalled (si_pid). */
  killedBy: FixtureKiller | null;
  /**
   * The agent starts a fixture again after a kill that did not pass its step: this one's predecessor died
   * that way, killed by `killedBy` (null: by SIGKILL, which it could not record). Absent for a first fixture.
   * The check keeps explaining that death while this one lives, instead of "still alive".
   */
  replaces?: { killedBy: FixtureKiller | null };
}

export interface FixtureKiller {
  signal: number;
  pid: number;
  rootId: FileId | null;
  parentRootId: FileId | null;
}
