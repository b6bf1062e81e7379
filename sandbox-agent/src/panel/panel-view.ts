// What the Kernel panel draws, built from the same snapshot the checks read (kernel/snapshot.ts): processes with
// their PIDs per PID namespace and their namespace inodes, host names per UTS namespace, the student's
// cgroups merged across v1 hierarchies, mount views, overlays with the files of each layer, network
// namespaces with veth peers resolved. Pure: the overlay listings come in from kernel/list-dirs.ts.
import { baseMounts, overlayDirs } from '../checks/mount-util';
import { IDS_PER_SLOT } from '../kernel/config';
import type { DirListing } from '../kernel/list-dirs';
import type { ProcStat } from '../kernel/parse/stat';
import type { CgroupGroup, NetInterface, ProcInfo, SandboxSnapshot } from '../kernel/snapshot';
import {
  PANEL_LIMITS,
  PANEL_NS_KINDS,
  type PanelCgroup,
  type PanelInterface,
  type PanelLayer,
  type PanelMountView,
  type PanelNetNs,
  type PanelNs,
  type PanelOverlay,
  type PanelProc,
  type PanelView,
} from '../protocol/panel';
import { sortByKey } from '../protocol/panel-patch';

/** What the sandbox the snapshot was taken of adds to it. */
export interface PanelSandbox {
  /** Host PID of the sandbox's init (PID 1 inside). */
  initPid: number;
  /** Its command name (`gaiola-init`): given, the init is drawn as the root of the process tree, as `ps` shows it. */
  initComm?: string;
}

/** A directory to list for an overlay layer: in the root of host process `pid`, at `path`. */
export interface LayerRead {
  pid: number;
  path: string;
}

/** An overlay of the student's and where each of its layers is read. */
export interface OverlayPlan {
  key: string;
  mountPoint: string;
  views: string[];
  layers: { role: PanelLayer['role']; dir: string; read: LayerRead | null }[];
}

/** Listings by host PID, then by path. */
export type Listings = Map<number, Map<string, DirListing>>;

const viewKey = (mnt: number | undefined, rootId: string | null) => `${mnt ?? 0}|${rootId ?? '?'}`;

function nsOf(ns: Partial<Record<string, number>>): PanelNs {
  const out: PanelNs = {};
  for (const kind of PANEL_NS_KINDS) {
    const v = ns[kind];
    if (v !== undefined) out[kind] = v;
  }
  return out;
}

type MountViews = { view: PanelMountView; pid: number }[];
/** Built once per snapshot: planOverlays and buildPanelView both need them. */
const viewsOfSnapshot = new WeakMap<SandboxSnapshot, MountViews>();

/** The mount views (one per mount namespace and root) with the host PID each was read through. */
function mountViews(snap: SandboxSnapshot): MountViews {
  const known = viewsOfSnapshot.get(snap);
  if (known) return known;
  const out: MountViews = [];
  for (const [pidText, mounts] of Object.entries(snap.mounts)) {
    const pid = Number(pidText);
    const p = snap.processes.find((q) => q.hostPid === pid);
    if (!p || p.ns.mnt === undefined) continue;
    out.push({
      pid,
      view: {
        key: viewKey(p.ns.mnt, p.rootId),
        mnt: p.ns.mnt,
        sandboxRoot: p.rootId === snap.base.rootId,
        mounts: mounts.slice(0, PANEL_LIMITS.mountsPerView).map((m) => ({
          id: m.mountId,
          parent: m.parentId,
          mountPoint: m.mountPoint,
          fsType: m.fsType,
          source: m.source,
          readOnly: m.mountOptions.includes('ro'),
          propagation: m.propagation.mode,
        })),
        truncated: mounts.length > PANEL_LIMITS.mountsPerView,
      },
    });
  }
  viewsOfSnapshot.set(snap, out);
  return out;
}

/**
 * The overlays the student mounted (the sandbox's own root overlay left out), one per superblock, and where
 * to read each layer: the directories named in the options are read in the sandbox's own root, where the
 * student typed them (an absolute path; a relative one depended on a working directory gone since), and
 * the merged tree through a process that sees the mount.
 */
export function planOverlays(snap: SandboxSnapshot, sb: PanelSandbox): OverlayPlan[] {
  const own = baseMounts(snap)?.find((m) => m.mountPoint === '/');
  const ownDev = own ? `${own.major}:${own.minor}` : undefined;
  const plans = new Map<string, OverlayPlan & { viewIsBase: boolean }>();
  for (const { view, pid } of mountViews(snap)) {
    const entries = snap.mounts[pid] ?? [];
    const isBase = view.mnt === snap.base.ns.mnt && view.sandboxRoot;
    for (const m of entries) {
      if (m.fsType !== 'overlay') continue;
      const key = `${m.major}:${m.minor}`;
      if (key === ownDev) continue;
      const known = plans.get(key);
      if (known) {
        if (!known.views.includes(view.key)) known.views.push(view.key);
        // The merged tree is read where the student mounted it when that view has it.
        if (isBase && !known.viewIsBase) {
          known.viewIsBase = true;
          known.mountPoint = m.mountPoint;
          const merged = known.layers[0];
          if (merged) merged.read = { pid, path: m.mountPoint };
        }
        continue;
      }
      if (plans.size >= PANEL_LIMITS.overlays) continue;
      const layerAt = (role: PanelLayer['role'], dir: string): OverlayPlan['layers'][number] => ({
        role,
        dir,
        read: dir.startsWith('/') ? { pid: sb.initPid, path: dir } : null,
      });
      const { lowers, upper } = overlayDirs(m);
      plans.set(key, {
        key,
        mountPoint: m.mountPoint,
        views: [view.key],
        viewIsBase: isBase,
        layers: [
          { role: 'merged' as const, dir: m.mountPoint, read: { pid, path: m.mountPoint } },
          ...(upper === undefined ? [] : [layerAt('upper', upper)]),
          ...lowers.map((l) => layerAt('lower', l)),
        ].slice(0, PANEL_LIMITS.layersPerOverlay),
      });
    }
  }
  return [...plans.values()].map(({ viewIsBase: _, ...plan }) => plan);
}

function layerOf(layer: OverlayPlan['layers'][number], listings: Listings): PanelLayer {
  const base = { role: layer.role, dir: layer.dir };
  if (!layer.read) return { ...base, entries: [], truncated: false, error: 'relative' };
  const listing = listings.get(layer.read.pid)?.get(layer.read.path);
  if (!listing) return { ...base, entries: [], truncated: false, error: 'missing' };
  if (listing.error) return { ...base, entries: [], truncated: false, error: listing.error };
  return {
    ...base,
    entries: listing.entries.slice(0, PANEL_LIMITS.entriesPerLayer),
    truncated: listing.truncated || listing.entries.length > PANEL_LIMITS.entriesPerLayer,
  };
}

function cgroupsOf(groups: readonly CgroupGroup[], sandboxPid: (host: number) => number | undefined): PanelCgroup[] {
  const byPath = new Map<string, PanelCgroup>();
  for (const g of groups) {
    const c: PanelCgroup = byPath.get(g.path) ?? { key: g.path, path: g.path, controllers: [], procs: [] };
    if (!c.controllers.includes(g.hierarchy)) c.controllers.push(g.hierarchy);
    for (const host of g.procs) {
      const pid = sandboxPid(host);
      if (pid !== undefined && !c.procs.includes(pid)) c.procs.push(pid);
    }
    if (g.memory) c.memory = { limit: g.memory.limit, usage: g.memory.usage, oomKills: g.memory.oomKills };
    if (g.pids) c.pids = { ...g.pids };
    if (g.cpu) c.cpu = { ...g.cpu };
    if (g.frozen !== undefined) c.frozen = (c.frozen ?? false) || g.frozen;
    byPath.set(g.path, c);
  }
  for (const c of byPath.values()) {
    c.controllers.sort();
    c.procs.sort((a, b) => a - b);
    c.procs = c.procs.slice(0, PANEL_LIMITS.procs);
  }
  return [...byPath.values()];
}

/** A veth's other end: the interface whose ifindex it names and that names it back. */
function peerOf(
  ns: number,
  i: NetInterface,
  nets: readonly [number, NetInterface[]][],
): { ns: number; name: string } | null {
  if (i.kind !== 'veth' || i.linkIndex === null) return null;
  for (const [otherNs, ifaces] of nets) {
    // Without a netnsid the peer is in the same namespace; with one, in another.
    if ((i.linkNetnsId === null) !== (otherNs === ns)) continue;
    const p = ifaces.find((o) => o.ifindex === i.linkIndex && o.linkIndex === i.ifindex && o.kind === 'veth');
    if (p) return { ns: otherNs, name: p.name };
  }
  return null;
}

function netOf(snap: SandboxSnapshot): PanelNetNs[] {
  const nets = Object.entries(snap.net).map(([ns, n]) => [Number(ns), n.interfaces] as [number, NetInterface[]]);
  return Object.entries(snap.net)
    .slice(0, PANEL_LIMITS.netNamespaces)
    .map(([nsText, n]) => {
      const ns = Number(nsText);
      const interfaces: PanelInterface[] = n.interfaces.slice(0, PANEL_LIMITS.interfacesPerNs).map((i) => ({
        name: i.name,
        kind: i.kind,
        up: i.up,
        addrs: i.addrs.slice(0, PANEL_LIMITS.addrsPerInterface),
        master: i.master,
        peer: peerOf(ns, i, nets),
      }));
      return { key: String(ns), ns, interfaces, routes: n.routes.slice(0, PANEL_LIMITS.routesPerNs) };
    });
}

/** Each tab's shell (the child of its pty's relay, the launcher) and the shell's descendants, with their depth. */
export function terminalTrees(
  snap: SandboxSnapshot,
  ptyPids: readonly (number | undefined)[],
): { proc: ProcInfo; depth: number }[][] {
  const children = new Map<number, ProcInfo[]>();
  for (const p of snap.processes) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
  return ptyPids.map((pty) => {
    const shell = pty === undefined ? undefined : snap.processes.find((p) => p.ppid === pty);
    if (!shell) return [];
    const tree = [{ proc: shell, depth: 0 }];
    for (let i = 0; i < tree.length; i++) {
      const node = tree[i] as { proc: ProcInfo; depth: number };
      for (const c of children.get(node.proc.hostPid) ?? []) tree.push({ proc: c, depth: node.depth + 1 });
    }
    return tree;
  });
}

/**
 * The process each tab types into, by host PID → tab: the deepest member of the foreground process group of
 * the tab's pty (its shell's `tpgid`), the newest on a tie. An interactive shell (bash, busybox sh) makes
 * itself the foreground group when it starts and again at each prompt, so this is the innermost shell the
 * student opened in that tab (not the `unshare` or `chroot` that started it), or the command it runs in
 * the foreground. Without stats: the tab's own shell.
 */
export function typingProcs(
  snap: SandboxSnapshot,
  ptyPids: readonly (number | undefined)[],
  stats: ReadonlyMap<number, Pick<ProcStat, 'pgrp' | 'tpgid'>>,
): Map<number, number> {
  const out = new Map<number, number>();
  terminalTrees(snap, ptyPids).forEach((tree, tab) => {
    const shell = tree[0];
    if (!shell) return;
    const fg = stats.get(shell.proc.hostPid)?.tpgid ?? -1;
    const members = fg > 0 ? tree.filter((n) => stats.get(n.proc.hostPid)?.pgrp === fg) : [];
    let pick = members[0] ?? shell;
    for (const n of members)
      if (n.depth > pick.depth || (n.depth === pick.depth && n.proc.hostPid > pick.proc.hostPid)) pick = n;
    out.set(pick.proc.hostPid, tab);
  });
  return out;
}

/**
 * The panel's view of a snapshot; `listings` holds what was read of the overlays' layers, `typing` the
 * process each terminal tab types into (typingProcs).
 */
export function buildPanelView(
  snap: SandboxSnapshot,
  sb: PanelSandbox,
  plans: readonly OverlayPlan[],
  listings: Listings,
  typing: ReadonlyMap<number, number> = new Map(),
): PanelView {
  const sandboxPids = new Map<number, number>([[sb.initPid, 1]]);
  for (const p of snap.processes) {
    const pid = p.nsPids[1];
    if (pid !== undefined) sandboxPids.set(p.hostPid, pid);
  }
  const views = mountViews(snap);
  const viewOfPid = new Map<number, string>();
  for (const p of snap.processes) {
    const key = viewKey(p.ns.mnt, p.rootId);
    if (views.some((v) => v.view.key === key)) viewOfPid.set(p.hostPid, key);
  }
  const procs: PanelProc[] = snap.processes
    .filter((p) => p.nsPids.length > 1)
    .slice(0, PANEL_LIMITS.procs)
    .map((p) => {
      const uid = p.uid - snap.base.uidBase;
      const tab = typing.get(p.hostPid);
      return {
        key: String(p.nsPids[1]),
        pids: p.nsPids.slice(1),
        ppid: sandboxPids.get(p.ppid) ?? 0,
        comm: p.comm.slice(0, 64),
        uid: uid >= 0 && uid < IDS_PER_SLOT ? uid : -1,
        ns: nsOf(p.ns),
        mountView: viewOfPid.get(p.hostPid) ?? null,
        ...(tab === undefined ? {} : { typing: tab }),
      };
    });
  // The snapshot leaves the sandbox's init out (no check looks at it); the student's `ps` shows it as PID 1.
  if (sb.initComm !== undefined) {
    const key = viewKey(snap.base.ns.mnt, snap.base.rootId);
    procs.push({
      key: '1',
      pids: [1],
      ppid: 0,
      comm: sb.initComm.slice(0, 64),
      uid: 0,
      ns: nsOf(snap.base.ns),
      mountView: views.some((v) => v.view.key === key) ? key : null,
    });
  }
  const uts = Object.entries(snap.hostnames)
    .slice(0, PANEL_LIMITS.utsNamespaces)
    .map(([ns, hostname]) => ({ key: ns, ns: Number(ns), hostname: hostname.slice(0, 64) }));
  const cgroups = cgroupsOf(snap.cgroups.groups, (host) => sandboxPids.get(host)).slice(0, PANEL_LIMITS.cgroups);
  const overlays: PanelOverlay[] = plans.map((plan) => ({
    key: plan.key,
    mountPoint: plan.mountPoint,
    views: plan.views.slice(0, PANEL_LIMITS.mountViews),
    layers: plan.layers.map((l) => layerOf(l, listings)),
  }));
  const mountList = views.slice(0, PANEL_LIMITS.mountViews).map((v) => v.view);
  const truncated =
    snap.cgroups.truncated ||
    snap.processes.length > PANEL_LIMITS.procs ||
    views.length > PANEL_LIMITS.mountViews ||
    mountList.some((v) => v.truncated) ||
    overlays.some((o) => o.layers.some((l) => l.truncated));
  return {
    t: snap.takenAt,
    base: {
      ns: nsOf(snap.base.ns),
      hostname: snap.base.hostname.slice(0, 64),
      cgroupVersion: snap.cgroups.version,
    },
    procs: sortByKey(procs),
    uts: sortByKey(uts),
    cgroups: sortByKey(cgroups),
    mountViews: sortByKey(mountList),
    overlays: sortByKey(overlays),
    net: sortByKey(netOf(snap)),
    truncated,
  };
}
