// A snapshot of one sandbox's kernel state for the lesson checks (kernel/snapshot.ts): its processes (found
// through its cgroup, which students cannot leave), their namespaces and roots, the host names of their UTS
// namespaces, the mounts each distinct (mount namespace, root) sees, the identity of the paths lessons name,
// and the state of the lesson's fixtures. Checks read the kernel, never the keystrokes (DESIGN.md).
//
// Safety: everything here is read as host root from /proc (kernel files and magic links only). The one
// path of the student's that is looked up (`paths`) goes through the launcher's `stat`, which resolves it
// inside the sandbox's root as the sandbox's uid. `/proc/PID/root` is stat'ed itself, never a path below it.
import { type Dirent, readdirSync, readFileSync, readlinkSync, statSync } from 'node:fs';
import { type CgroupLayout, detectCgroupLayout, V2_INIT_LEAF } from './cgroup-layout';
import { defaultKernelConfig } from './config';
import { errnoCode } from './errors';
import { readSandboxCgroups } from './inspect-cgroups';
import { MAX_NET_QUERIES, readNetNamespace } from './inspect-net';
import { type ProcessRef, runLauncherQuery, targetArgs } from './launcher-run';
import {
  type MountEntry,
  ParseError,
  parseMountinfo,
  parseProcCgroup,
  parseStat,
  parseStatus,
  statReapedFaults,
  statStartTime,
} from './parse';
import { overlayLayers } from './parse/mountinfo';
import { fileFactsOf, type SandboxRef } from './path-facts';
import type { Sandbox } from './sandbox';
import type {
  FileFacts,
  FileId,
  FixtureState,
  NetNamespace,
  NsKind,
  ProcInfo,
  SandboxSnapshot,
  ZombieInfo,
} from './snapshot';

export { MAX_FILE_TEXT, parseLauncherStat } from './path-facts';

/** The namespace kinds a snapshot records, i.e. the entries of /proc/PID/ns without `*_for_children`. */
export const NS_KINDS: readonly NsKind[] = ['cgroup', 'ipc', 'mnt', 'net', 'pid', 'time', 'user', 'uts'];

/**
 * A student may create child cgroups (they are delegated); a walk stops after this many directories, far
 * above any lesson's needs, so that a `mkdir` loop cannot make every check slow.
 */
export const MAX_CGROUP_DIRS = 2048;
/** UTS namespaces whose host name a snapshot asks the launcher for (one spawn each); lessons need one or two. */
export const MAX_HOSTNAME_QUERIES = 16;
/** Mount namespaces of the student's whose whole table a snapshot asks the launcher for (one spawn each). */
export const MAX_NS_MOUNT_QUERIES = 8;
/** A mount table larger than this is left out rather than cut (a mount loop must not grow the agent). */
const MAX_MOUNTINFO_BYTES = 256 * 1024;
/** Processes a snapshot records at most; the pids limit of a sandbox (256) is below it. */
export const MAX_PROCESSES = 1024;

/** Anything with a state, like kernel/fixtures.ts's handles. */
export interface FixtureLike {
  state(): FixtureState;
}

/**
 * What a snapshot needs of a sandbox. `preparedIds`: the identities of the directories the base image prepares
 * for the lessons, recorded when the sandbox was made (see PREPARED_DIRS in sandbox.ts).
 */
export type InspectedSandbox = Pick<Sandbox, 'initPid' | 'initStartTime' | 'uidBase' | 'cgroupDirs' | 'preparedIds'>;

export interface InspectOptions {
  /** Paths inside the sandbox whose identity checks compare (e.g. '/root/rootfs'). */
  paths: string[];
  fixtures: Record<string, FixtureLike>;
  /** Defaults to the launcher of defaultKernelConfig(). */
  launcherPath?: string;
  /** Read the network namespaces too (lessons whose checks look at interfaces and routes). */
  network?: boolean;
  /** Read the whole mount table of each mount namespace of the student's (pivot_root checks). */
  mountTables?: boolean;
  /** Read which PID namespace each container's /proc belongs to (SandboxSnapshot.containerProcs). */
  containerProcs?: boolean;
  /**
   * The sandbox's own host name, when the caller read it a moment ago and nothing since could have changed
   * it (the Kernel panel between two prompts): saves a launcher spawn.
   */
  knownBaseHostname?: string;
}

let layoutCache: CgroupLayout | undefined;

/** The host's cgroup layout, read once from the agent's own /proc/self files. */
export function hostCgroupLayout(): CgroupLayout {
  layoutCache ??= detectCgroupLayout(
    readFileSync('/proc/self/cgroup', 'utf8'),
    readFileSync('/proc/self/mountinfo', 'utf8'),
  );
  return layoutCache;
}

/** Where a sandbox's membership is read: one cgroup directory and its path inside its hierarchy. */
interface MembershipCgroup {
  /** Absolute directory on the host, e.g. /sys/fs/cgroup/memory/gaiola/ID. */
  dir: string;
  /** Its path relative to the hierarchy's root, as /proc/PID/cgroup shows it to the agent. */
  rel: string;
  /** Which /proc/PID/cgroup line to compare: a v1 controller, or the v2 line. */
  controller: 'memory' | 'v2';
}

function membershipCgroup(sb: Pick<Sandbox, 'cgroupDirs'>, layout: CgroupLayout): MembershipCgroup {
  const under = (dir: string, mount: string) => dir.startsWith(`${mount.replace(/\/+$/, '')}/`);
  if (layout.mode === 'v1') {
    const memory = layout.hierarchies.find((h) => h.controllers.includes('memory'));
    const dir = memory && sb.cgroupDirs.find((d) => under(d, memory.mountPoint));
    if (!memory || !dir) throw new Error(`no memory cgroup among the sandbox's ${sb.cgroupDirs.join(' ')}`);
    return { dir, rel: dir.slice(memory.mountPoint.replace(/\/+$/, '').length), controller: 'memory' };
  }
  if (layout.mode === 'v2') {
    const dir = sb.cgroupDirs.find((d) => under(d, layout.mountPoint));
    if (!dir) throw new Error(`no cgroup of the sandbox under ${layout.mountPoint}`);
    return { dir, rel: dir.slice(layout.mountPoint.replace(/\/+$/, '').length), controller: 'v2' };
  }
  throw new Error(`no usable cgroups: ${layout.reason}`);
}

/** The cgroup.procs files a process joins to enter the sandbox's cgroups, as `shell` gets them. */
export function sandboxJoinProcs(sb: Pick<Sandbox, 'cgroupDirs'>, layout: CgroupLayout = hostCgroupLayout()): string[] {
  if (layout.mode === 'v2') return sb.cgroupDirs.map((d) => `${d}/${V2_INIT_LEAF}/cgroup.procs`);
  return sb.cgroupDirs.map((d) => `${d}/cgroup.procs`);
}

/**
 * Errors that mean "that process is gone" (or is exiting) while we looked: ENOENT/ESRCH, and EINVAL from
 * /proc/PID/mountinfo of a task that has already dropped its namespaces.
 */
function vanished(err: unknown): boolean {
  const code = errnoCode(err);
  return code === 'ENOENT' || code === 'ESRCH' || code === 'EINVAL';
}

/** PIDs listed in the cgroup.procs of `dir` and every cgroup below it. */
function cgroupPids(dir: string): number[] {
  const pids: number[] = [];
  const queue = [dir];
  let walked = 0;
  while (queue.length > 0 && walked < MAX_CGROUP_DIRS) {
    const d = queue.shift() as string;
    walked++;
    let text: string;
    try {
      text = readFileSync(`${d}/cgroup.procs`, 'utf8');
    } catch (err) {
      if (vanished(err)) continue; // an rmdir meanwhile
      throw err;
    }
    for (const line of text.split('\n')) if (/^\d+$/.test(line)) pids.push(Number(line));
    let entries: Dirent[];
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch (err) {
      if (vanished(err)) continue;
      throw err;
    }
    for (const e of entries) if (e.isDirectory()) queue.push(`${d}/${e.name}`);
  }
  return pids;
}

/** "dev:ino" of what a path names (bigints: overlay inode numbers may exceed 2^53). */
export function fileIdOf(path: string): FileId {
  const st = statSync(path, { bigint: true });
  return `${st.dev}:${st.ino}`;
}

/**
 * Every namespace of a process, or an error: a process whose links cannot all be read (it is exiting,
 * or mid-exec) is left out by the caller rather than reported with some kinds missing, which a check
 * could take for "a namespace different from the sandbox's".
 */
function nsOf(pid: number): Partial<Record<NsKind, number>> {
  const ns: Partial<Record<NsKind, number>> = {};
  for (const kind of NS_KINDS) {
    const m = /^[a-z_]+:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/ns/${kind}`));
    if (m) ns[kind] = Number(m[1]);
  }
  return ns;
}

/** True when /proc/PID/cgroup puts the process in `cg` or below it. */
function isMember(pid: number, cg: MembershipCgroup): boolean {
  const entries = parseProcCgroup(readFileSync(`/proc/${pid}/cgroup`, 'utf8'));
  const entry =
    cg.controller === 'v2'
      ? entries.find((e) => e.hierarchyId === 0)
      : entries.find((e) => e.hierarchyId !== 0 && e.controllers.includes(cg.controller));
  return entry !== undefined && (entry.path === cg.rel || entry.path.startsWith(`${cg.rel}/`));
}

/** `monotonic S NS` / `boottime S NS` lines of /proc/PID/timens_offsets, in whole seconds. */
export function parseTimensOffsets(text: string): { monotonic: number; boottime: number } {
  const out = { monotonic: 0, boottime: 0 };
  for (const line of text.split('\n')) {
    const m = /^\s*(monotonic|boottime|\d+)\s+(-?\d+)\s+\d+\s*$/.exec(line);
    if (!m) continue;
    // Older kernels print the clock id instead of its name: 1 = CLOCK_MONOTONIC, 7 = CLOCK_BOOTTIME.
    const clock = m[1] === '1' ? 'monotonic' : m[1] === '7' ? 'boottime' : m[1];
    if (clock === 'monotonic' || clock === 'boottime') out[clock] = Number(m[2]);
  }
  return out;
}

/** A small /proc file of the process as text, trailing newline dropped. */
function procText(pid: number, file: string): string {
  return readFileSync(`/proc/${pid}/${file}`, 'utf8').replace(/\n$/, '');
}

/** One process's record, or undefined when it is gone, a zombie, or not (any more) in the sandbox. */
function procInfo(pid: number, cg: MembershipCgroup, base: Partial<Record<NsKind, number>>): ProcInfo | undefined {
  try {
    if (!isMember(pid, cg)) return undefined;
    const st = parseStatus(readFileSync(`/proc/${pid}/status`, 'utf8'));
    if (st.state === 'Z' || st.state === 'X') return undefined;
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const startTime = statStartTime(stat);
    if (startTime === undefined) throw new Error(`no start time in /proc/${pid}/stat: ${JSON.stringify(stat)}`);
    const reapedFaults = statReapedFaults(stat);
    let rootId: FileId | null = null;
    try {
      rootId = fileIdOf(`/proc/${pid}/root`);
    } catch (err) {
      if (!vanished(err) && errnoCode(err) !== 'EACCES') throw err;
    }
    const ns = nsOf(pid);
    // Only for processes the student moved to a user or time namespace of their own: few, and these are the
    // only ones whose maps and offsets a check looks at (the sandbox's own are the launcher's).
    const ownUser = ns.user !== undefined && ns.user !== base.user;
    const uidMap = ownUser ? procText(pid, 'uid_map') : null;
    const setgroups = ownUser ? procText(pid, 'setgroups').trim() : null;
    const timeOffsets =
      ns.time !== undefined && ns.time !== base.time ? parseTimensOffsets(procText(pid, 'timens_offsets')) : null;
    return {
      hostPid: pid,
      startTime,
      nsPids: st.nsPid,
      ppid: st.ppid,
      comm: st.name,
      uid: st.uid.real,
      ns,
      rootId,
      uidMap,
      setgroups,
      timeOffsets,
      caps: { eff: st.capEff.toString(16).padStart(16, '0'), bnd: st.capBnd.toString(16).padStart(16, '0') },
      seccomp: { mode: st.seccomp, filters: st.seccompFilters ?? -1 },
      noNewPrivs: st.noNewPrivs,
      state: parseStat(stat).state,
      ...(reapedFaults === undefined ? {} : { reapedFaults }),
    };
  } catch (err) {
    // EACCES: /proc/PID/ns of a task that is exiting fails the kernel's access check; it is leaving.
    if (vanished(err) || errnoCode(err) === 'EACCES') return undefined;
    throw err;
  }
}

/** Inits whose children a snapshot reads for zombies, and zombies it records at most; lesson 15 makes one of each. */
export const MAX_ZOMBIE_INITS = 16;
export const MAX_ZOMBIES = 64;

/**
 * SandboxSnapshot.zombies: the zombie children of each init of a PID namespace of the student's. A zombie is in
 * no cgroup.procs, so its parent's children file names it; a pid another process took meanwhile has another
 * parent, and is left out.
 */
function zombiesOf(processes: readonly ProcInfo[], basePidNs: number): ZombieInfo[] {
  const out: ZombieInfo[] = [];
  const inits = processes.filter((p) => p.ns.pid !== basePidNs && p.nsPids[p.nsPids.length - 1] === 1);
  for (const init of inits.slice(0, MAX_ZOMBIE_INITS)) {
    let children: string;
    try {
      children = readFileSync(`/proc/${init.hostPid}/task/${init.hostPid}/children`, 'utf8');
    } catch (err) {
      if (vanished(err) || errnoCode(err) === 'EACCES') continue;
      throw err;
    }
    for (const token of children.split(/\s+/)) {
      if (!/^\d+$/.test(token) || out.length >= MAX_ZOMBIES) continue;
      try {
        const stat = parseStat(readFileSync(`/proc/${token}/stat`, 'utf8'));
        if (stat.state !== 'Z' || stat.ppid !== init.hostPid) continue;
        const st = parseStatus(readFileSync(`/proc/${token}/status`, 'utf8'));
        out.push({ hostPid: stat.pid, ppid: stat.ppid, nsPids: st.nsPid, comm: st.name });
      } catch (err) {
        if (vanished(err)) continue; // reaped meanwhile
        throw err;
      }
    }
  }
  return out;
}

/** Process `p` of a snapshot, as the launcher's queries name it. */
const refOf = (p: ProcInfo): ProcessRef => ({ pid: p.hostPid, startTime: p.startTime });

async function hostnameOf(launcherPath: string, { pid, startTime }: ProcessRef): Promise<string | undefined> {
  const r = await runLauncherQuery(launcherPath, ['hostname', ...targetArgs(pid, startTime)]);
  if (r.code !== 0) {
    if (r.code === 2) return undefined; // the process exited meanwhile (its pid may be another's now)
    throw new Error(`hostname of pid ${pid}: ${r.stderr || `launcher ${r.signal ?? `exit ${r.code}`}`}`);
  }
  return r.stdout.endsWith('\n') ? r.stdout.slice(0, -1) : r.stdout;
}

/** The whole table of the mount namespace of process `proc`, from its own root; undefined when it cannot be had. */
async function nsMountTable(launcherPath: string, { pid, startTime }: ProcessRef): Promise<MountEntry[] | undefined> {
  const args = ['mountinfo', ...targetArgs(pid, startTime)];
  const r = await runLauncherQuery(launcherPath, args, undefined, MAX_MOUNTINFO_BYTES + 1);
  if (r.code !== 0) {
    if (r.code === 2) return undefined; // the process exited meanwhile (its pid may be another's now)
    throw new Error(`mountinfo of pid ${pid}: ${r.stderr || `launcher ${r.signal ?? `exit ${r.code}`}`}`);
  }
  if (r.stdout.length > MAX_MOUNTINFO_BYTES) return undefined;
  try {
    return parseMountinfo(r.stdout);
  } catch (err) {
    if (err instanceof ParseError) return undefined;
    throw err;
  }
}

/** Containers whose /proc a snapshot reads at most (one launcher spawn each); lessons make one. */
export const MAX_CONTAINER_PROC_READS = 4;
/** A /proc/PID/stat line is a few hundred bytes. */
const PROC_STAT_MAX_BYTES = 4096;

/**
 * SandboxSnapshot.containerProcs: for each container init (PID 1 of a PID namespace of the student's, in a
 * mount namespace of its own), whether the proc at its /proc is of its own PID namespace: that proc's PID 1,
 * read through the container's root as the sandbox's uid, is the init itself (the start time the scan read,
 * both read from the host's time namespace). The sandbox's proc has the sandbox's init there. false also when
 * there is no readable /proc/1/stat.
 */
async function containerProcsOf(
  launcherPath: string,
  uidBase: number,
  processes: readonly ProcInfo[],
  base: Record<NsKind, number>,
): Promise<Record<number, boolean>> {
  const inits = processes
    .filter((p) => p.ns.pid !== base.pid && p.ns.mnt !== base.mnt && p.nsPids[p.nsPids.length - 1] === 1)
    .slice(0, MAX_CONTAINER_PROC_READS);
  const out: Record<number, boolean> = {};
  await Promise.all(
    inits.map(async (p) => {
      // read-file as in read-file.ts (not imported: it imports the sandbox, which imports this module).
      const uid = String(uidBase);
      const max = String(PROC_STAT_MAX_BYTES);
      const args = ['read-file', ...targetArgs(p.hostPid, p.startTime), '--uid', uid, '--gid', uid, '--max-bytes', max];
      const r = await runLauncherQuery(launcherPath, [...args, '--', '/proc/1/stat']);
      // Any failure (no /proc there, not a proc, the init gone or its pid another's) means no proc of its own.
      out[p.hostPid] = r.code === 0 && statStartTime(r.stdout) === p.startTime;
    }),
  );
  return out;
}

/** Layer lookups (launcher spawns) a snapshot makes at most for overlays' layers: lesson 08 needs about 20. */
export const MAX_LAYER_QUERIES = 48;

/** The key of a layer in SandboxSnapshot.overlayLayerIds. */
export function overlayLayerKey(mountId: number, spelling: string): string {
  return `${mountId} ${spelling}`;
}

/** Each directory above `mountPoint`, nearest first, down to '/': where a relative layer may start from. */
function dirsAbove(mountPoint: string): string[] {
  const out: string[] = [];
  for (let p = mountPoint; p !== '/'; ) {
    p = p.slice(0, p.lastIndexOf('/')) || '/';
    out.push(p);
  }
  return out;
}

/**
 * The working directories of the processes of mount namespace `mnt` with root `rootId`, as paths inside that
 * root (the kernel writes the link relative to the namespace's root, which for them is the sandbox's root).
 * Only candidates for a lookup the launcher makes inside the sandbox: a wrong one finds nothing.
 */
function cwdsAtRoot(processes: readonly ProcInfo[], mnt: number, rootId: FileId): string[] {
  const out = new Set<string>();
  for (const p of processes) {
    if (p.ns.mnt !== mnt || p.rootId !== rootId) continue;
    try {
      const cwd = readlinkSync(`/proc/${p.hostPid}/cwd`);
      if (cwd.startsWith('/') && !cwd.endsWith(' (deleted)')) out.add(cwd);
    } catch (err) {
      if (!vanished(err) && errnoCode(err) !== 'EACCES') throw err;
    }
  }
  return [...out];
}

/**
 * SandboxSnapshot.overlayLayerIds for the overlays of `view` (the sandbox's own mount namespace); `cwds` are
 * the working directories of its processes now (the shell that typed a mount is usually still where it was).
 */
async function overlayLayerIds(
  launcherPath: string,
  sb: SandboxRef,
  view: readonly MountEntry[],
  cwds: readonly string[],
  known: ReadonlyMap<string, Promise<FileFacts | null>>,
): Promise<Record<string, FileId[]>> {
  const lookups: { key: string; path: string }[] = [];
  for (const m of view) {
    // The sandbox's own root is the launcher's overlay, whose layers (relative to its private tmpfs) are
    // nowhere inside: looked up from here they would name the student's directories of the same names.
    if (m.fsType !== 'overlay' || m.mountPoint === '/') continue;
    let spellings: string[];
    try {
      const layers = overlayLayers(m);
      spellings = [...layers.lowerdirs, ...(layers.upperdir === undefined ? [] : [layers.upperdir])];
    } catch (err) {
      if (err instanceof ParseError) continue;
      throw err;
    }
    for (const s of spellings) {
      const key = overlayLayerKey(m.mountId, s);
      if (s.startsWith('/')) lookups.push({ key, path: s });
      else
        for (const dir of new Set([...dirsAbove(m.mountPoint), ...cwds]))
          lookups.push({ key, path: `${dir === '/' ? '' : dir}/${s}` });
    }
  }
  const found = await Promise.all(
    lookups.slice(0, MAX_LAYER_QUERIES).map(async ({ key, path }) => {
      const facts = await (known.get(path) ?? fileFactsOf(launcherPath, sb, path));
      return [key, facts?.type === 'dir' ? facts.id : null] as const;
    }),
  );
  const out: Record<string, FileId[]> = {};
  for (const [key, id] of found) {
    const ids = out[key] ?? [];
    if (id && !ids.includes(id)) ids.push(id);
    out[key] = ids;
  }
  return out;
}

/** Reads the sandbox's state now. Processes that vanish while it looks are left out, never an error. */
export async function inspectSandbox(sb: InspectedSandbox, opts: InspectOptions): Promise<SandboxSnapshot> {
  const launcherPath = opts.launcherPath ?? defaultKernelConfig().launcherPath;
  const takenAt = Date.now();
  // Launcher queries first, so that they run while this thread scans /proc.
  const pathFacts = new Map([...new Set(opts.paths)].map((p) => [p, fileFactsOf(launcherPath, sb, p)] as const));
  for (const facts of pathFacts.values()) facts.catch(() => {});
  const fileFacts = Promise.all([...pathFacts].map(async ([p, facts]) => [p, await facts] as const));
  const baseHostname =
    opts.knownBaseHostname !== undefined
      ? Promise.resolve(opts.knownBaseHostname)
      : hostnameOf(launcherPath, { pid: sb.initPid, startTime: sb.initStartTime });
  // Awaited below; until then a rejection must not count as unhandled if the scan throws first.
  for (const early of [fileFacts, baseHostname]) early.catch(() => {});

  const baseNs = nsOf(sb.initPid);
  const missing = NS_KINDS.filter((k) => baseNs[k] === undefined);
  if (missing.length > 0) throw new Error(`sandbox init ${sb.initPid} is gone (no ns/${missing.join(', ns/')})`);
  const baseRootId = fileIdOf(`/proc/${sb.initPid}/root`);
  const baseSeccomp = parseStatus(readFileSync(`/proc/${sb.initPid}/status`, 'utf8')).seccompFilters ?? -1;

  const layout = hostCgroupLayout();
  const cg = membershipCgroup(sb, layout);
  const cgroups = readSandboxCgroups(sb.cgroupDirs, layout);
  const processes: ProcInfo[] = [];
  for (const pid of new Set(cgroupPids(cg.dir))) {
    if (pid === sb.initPid) continue;
    const info = procInfo(pid, cg, baseNs);
    if (info) processes.push(info);
    if (processes.length >= MAX_PROCESSES) break;
  }
  processes.sort((a, b) => a.hostPid - b.hostPid);
  const zombies = zombiesOf(processes, baseNs.pid as number);

  // One host name per UTS namespace other than the base's (asked through one of its processes), those of
  // containers (a new PID namespace) first: a student's `unshare -u` loop must not cost hundreds of spawns.
  const base = baseNs as Record<NsKind, number>;
  const utsProcs = new Map<number, { procs: ProcessRef[]; container: boolean }>();
  for (const p of processes) {
    const uts = p.ns.uts;
    if (uts === undefined || uts === base.uts) continue;
    const entry = utsProcs.get(uts) ?? { procs: [], container: false };
    entry.procs.push(refOf(p));
    entry.container ||= p.ns.pid !== base.pid;
    utsProcs.set(uts, entry);
  }
  const asked = [...utsProcs]
    .sort(([, x], [, y]) => Number(y.container) - Number(x.container))
    .slice(0, MAX_HOSTNAME_QUERIES);
  const others = Promise.all(
    asked.map(async ([uts, { procs }]) => {
      for (const proc of procs) {
        const name = await hostnameOf(launcherPath, proc);
        if (name !== undefined) return [uts, name] as const;
      }
      return undefined;
    }),
  );
  others.catch(() => {});

  // The whole table of each mount namespace of the student's, through one of its processes.
  const mntProcs = new Map<number, ProcessRef>();
  if (opts.mountTables)
    for (const p of processes)
      if (p.ns.mnt !== undefined && p.ns.mnt !== base.mnt && !mntProcs.has(p.ns.mnt)) mntProcs.set(p.ns.mnt, refOf(p));
  const nsTables = Promise.all(
    [...mntProcs]
      .slice(0, MAX_NS_MOUNT_QUERIES)
      .map(async ([mnt, proc]) => [mnt, await nsMountTable(launcherPath, proc)] as const),
  );
  nsTables.catch(() => {});

  // Network namespaces: the sandbox's own (through its init) and each of the student's, through a process.
  const netProcs = new Map<number, ProcessRef>([[base.net, { pid: sb.initPid, startTime: sb.initStartTime }]]);
  if (opts.network)
    for (const p of processes)
      if (p.ns.net !== undefined && !netProcs.has(p.ns.net) && netProcs.size <= MAX_NET_QUERIES)
        netProcs.set(p.ns.net, refOf(p));
  const netReads = Promise.all(
    opts.network
      ? [...netProcs].map(async ([ns, proc]) => [ns, await readNetNamespace(launcherPath, proc)] as const)
      : [],
  );
  netReads.catch(() => {});

  // Mounts as each distinct (mount namespace, root) sees them.
  const mounts: Record<number, MountEntry[]> = {};
  const seen = new Set<string>();
  for (const p of processes) {
    const key = `${p.ns.mnt}|${p.rootId}`;
    if (seen.has(key)) continue;
    let text: string;
    try {
      text = readFileSync(`/proc/${p.hostPid}/mountinfo`, 'utf8');
    } catch (err) {
      if (vanished(err)) continue; // another process of the same pair may still answer
      throw err;
    }
    seen.add(key);
    // A process chrooted into a plain directory sees no mount at all until it mounts one there: the kernel
    // leaves out every mount outside its root, the root's own mount included.
    try {
      mounts[p.hostPid] = text.trim() === '' ? [] : parseMountinfo(text);
    } catch (err) {
      // A line this parser does not know must not take every check down: that view is left out.
      if (!(err instanceof ParseError)) throw err;
    }
  }

  // The layers of the overlays of the sandbox's own namespace, as one of its processes at its root sees them.
  const baseViewOf = processes.find((p) => p.ns.mnt === base.mnt && p.rootId === baseRootId && mounts[p.hostPid]);
  const baseView = baseViewOf ? (mounts[baseViewOf.hostPid] ?? []) : [];
  const cwds = baseView.some((m) => m.fsType === 'overlay') ? cwdsAtRoot(processes, base.mnt, baseRootId) : [];
  const layerIds = overlayLayerIds(launcherPath, sb, baseView, cwds, pathFacts);
  layerIds.catch(() => {});
  const ownProcs = opts.containerProcs ? containerProcsOf(launcherPath, sb.uidBase, processes, base) : undefined;
  ownProcs?.catch(() => {});

  const fixtures: Record<string, FixtureState> = {};
  for (const [name, f] of Object.entries(opts.fixtures)) fixtures[name] = f.state();

  const baseName = await baseHostname;
  if (baseName === undefined) throw new Error(`sandbox init ${sb.initPid} is gone`);
  const hostnames: Record<number, string> = { [base.uts]: baseName };
  for (const entry of await others) if (entry) hostnames[entry[0]] = entry[1];

  const files = Object.fromEntries(await fileFacts);
  const net: Record<number, NetNamespace> = {};
  for (const [ns, read] of await netReads) if (read) net[ns] = read;
  const nsMounts: Record<number, MountEntry[]> = {};
  for (const [mnt, table] of await nsTables) if (table) nsMounts[mnt] = table;
  return {
    takenAt,
    base: { ns: base, hostname: baseName, rootId: baseRootId, uidBase: sb.uidBase, seccompFilters: baseSeccomp },
    // A directory the sandbox was made with is the one it was made with, wherever its path leads now: a
    // student's symlink or bind mount there cannot turn another directory (the sandbox's own root) into it.
    paths: Object.fromEntries(Object.entries(files).map(([p, f]) => [p, sb.preparedIds?.[p] ?? f?.id ?? null])),
    processes,
    zombies,
    hostnames,
    mounts,
    nsMounts,
    overlayLayerIds: await layerIds,
    ...(ownProcs ? { containerProcs: await ownProcs } : {}),
    fixtures,
    files,
    cgroups,
    net,
  };
}
