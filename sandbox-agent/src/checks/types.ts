// What checks see: a plain-data snapshot of one sandbox's kernel state, taken by kernel/inspect.ts.
// Checks are pure functions over it (CONVENTIONS §3), unit-tested on recorded snapshots (checks/fixtures/).
import type { MountEntry } from '../kernel/parse/mountinfo';
import type { NsType } from '../kernel/parse/ns';

/** Namespace kinds a process has (the `*_for_children` links are left out). */
export type NsKind = Exclude<NsType, 'pid_for_children' | 'time_for_children'>;

/** A file's identity, `"<st_dev>:<st_ino>"`: compared, never the path text. */
export type FileId = string;

export interface ProcInfo {
  /** PID as the host sees it. */
  hostPid: number;
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
  };
  /** Identities of paths inside the sandbox that lessons refer to (e.g. '/root/rootfs'), resolved safely. */
  paths: Record<string, FileId | null>;
  /** Every process of the sandbox but its keeper init. */
  processes: ProcInfo[];
  /** Hostname per UTS namespace inode seen among the processes. */
  hostnames: Record<number, string>;
  /**
   * Mounts as seen by some processes (keyed by host PID): one process per distinct (mount namespace, root)
   * pair. Mount points are relative to that process's root, as the kernel shows them.
   */
  mounts: Record<number, MountEntry[]>;
  /** Lesson fixtures the agent started (e.g. lesson 01's marker process), by name. */
  fixtures: Record<string, FixtureState>;
}

/** A process the agent started in the sandbox for a lesson, and what happened to it. */
export interface FixtureState {
  /** Host PID of the fixture while it lives. */
  hostPid: number | null;
  alive: boolean;
  /** Who signalled it, as recorded by the fixture itself at the moment it was signalled (si_pid). */
  killedBy: { signal: number; pid: number; rootId: FileId | null; parentRootId: FileId | null } | null;
}

export type HintParams = Record<string, string | number>;
export type CheckResult = { done: true } | { done: false; hint: string; params?: HintParams };
export type CheckParams = Readonly<Record<string, string | number | boolean>>;
export type Check = (snap: SandboxSnapshot, params: CheckParams) => CheckResult;
