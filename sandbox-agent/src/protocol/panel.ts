// The Kernel panel's messages: the browser opens or closes the panel over a terminal tab's socket, and the
// agent pushes what changed in the student's sandbox (processes and namespaces, cgroups, mounts and overlay
// layers, network namespaces). Each list travels as keyed items: the first message after opening is `full`,
// later ones carry only the items that changed (`upsert`) and the keys that went away (`remove`).
import { z } from 'zod';
import { TAB_COUNT } from './limits';

/** Namespace kinds the panel draws a badge for, in the order of its columns. */
export const PANEL_NS_KINDS = ['pid', 'mnt', 'uts', 'ipc', 'net', 'user', 'cgroup', 'time'] as const;
export type PanelNsKind = (typeof PANEL_NS_KINDS)[number];

/** Caps on what one view holds; a sandbox has at most 256 processes (its pids limit). */
export const PANEL_LIMITS = {
  procs: 512,
  cgroups: 256,
  mountViews: 16,
  mountsPerView: 256,
  overlays: 16,
  layersPerOverlay: 12,
  entriesPerLayer: 64,
  netNamespaces: 16,
  interfacesPerNs: 64,
  routesPerNs: 64,
  addrsPerInterface: 16,
  utsNamespaces: 64,
} as const;

const str = (max: number) => z.string().max(max);
const int = z.number().int();
const inode = z.number().int().nonnegative();
const key = str(128);

export const panelNs = z.partialRecord(z.enum(PANEL_NS_KINDS), inode);
export type PanelNs = z.infer<typeof panelNs>;

/** The sandbox's own namespaces and facts: anything different was made by the student. */
export const panelBase = z.strictObject({
  ns: panelNs,
  hostname: str(64),
  cgroupVersion: z.union([z.literal(1), z.literal(2)]),
});
export type PanelBase = z.infer<typeof panelBase>;

export const panelProc = z.strictObject({
  /** The PID in the sandbox's namespace, as text. */
  key,
  /** PID in the sandbox's PID namespace first, then one per nested PID namespace; the last is the innermost. */
  pids: z.array(int).min(1).max(32),
  /** The parent's PID in the sandbox's namespace (1 is the sandbox's own init, not listed). */
  ppid: int,
  comm: str(64),
  /** uid as the sandbox sees it: 0 is root inside the sandbox, -1 a host uid outside its map. */
  uid: int,
  ns: panelNs,
  /** Key of the mount view it sees (same mount namespace and root). */
  mountView: key.nullable(),
  /**
   * Set on the process a terminal tab types into (0: A, 1: B): the deepest member of its pty's foreground
   * process group, i.e. the innermost interactive shell, or the command it runs in the foreground.
   */
  typing: z
    .number()
    .int()
    .min(0)
    .max(TAB_COUNT - 1)
    .optional(),
});
export type PanelProc = z.infer<typeof panelProc>;

export const panelUts = z.strictObject({ key, ns: inode, hostname: str(64) });
export type PanelUts = z.infer<typeof panelUts>;

export const panelCgroup = z.strictObject({
  /** The path, as the student sees it under /sys/fs/cgroup ('/' is the sandbox's own group). */
  key,
  path: str(4096),
  /** v1: the hierarchies that have this path ('memory', 'cpu,cpuacct', …); v2: ['unified']. */
  controllers: z.array(str(64)).max(16),
  /** Its processes, by PID in the sandbox's namespace (every hierarchy's, merged). */
  procs: z.array(int).max(512),
  memory: z.strictObject({ limit: z.number().nullable(), usage: z.number(), oomKills: int }).optional(),
  pids: z.strictObject({ max: z.number().nullable(), current: int, refused: int }).optional(),
  cpu: z
    .strictObject({ quotaUs: z.number().nullable(), periodUs: z.number(), weight: z.number(), nrThrottled: int })
    .optional(),
  frozen: z.boolean().optional(),
});
export type PanelCgroup = z.infer<typeof panelCgroup>;

export const panelMount = z.strictObject({
  id: int,
  parent: int,
  mountPoint: str(4096),
  fsType: str(64),
  source: str(4096),
  readOnly: z.boolean(),
  /** 'shared', 'slave', 'shared+slave', 'private' or 'unbindable'. */
  propagation: str(16),
});
export type PanelMount = z.infer<typeof panelMount>;

/** The mounts as some processes see them: one mount namespace, one root. */
export const panelMountView = z.strictObject({
  key,
  mnt: inode,
  /** This view's root is the sandbox's own root (false: a chroot or pivot_root made another). */
  sandboxRoot: z.boolean(),
  mounts: z.array(panelMount).max(PANEL_LIMITS.mountsPerView),
  truncated: z.boolean(),
});
export type PanelMountView = z.infer<typeof panelMountView>;

export const layerEntry = z.strictObject({
  /** Relative to the layer's directory. */
  path: str(4096),
  /** 'whiteout': a character device 0:0, how an overlay records a deletion in its upper layer. */
  type: z.enum(['file', 'dir', 'symlink', 'whiteout', 'other']),
});
export type LayerEntry = z.infer<typeof layerEntry>;

export const panelLayer = z.strictObject({
  role: z.enum(['merged', 'upper', 'lower']),
  /** The directory as the mount options name it (the merged layer: the mount point). */
  dir: str(4096),
  entries: z.array(layerEntry).max(PANEL_LIMITS.entriesPerLayer),
  truncated: z.boolean(),
  /** Why there are no entries: gone, not readable by the sandbox, or named by a relative path. */
  error: z.enum(['missing', 'unreadable', 'relative']).optional(),
});
export type PanelLayer = z.infer<typeof panelLayer>;

/** An overlay the student mounted, drawn as stacked layers: merged on top, then upper, then the lowers. */
export const panelOverlay = z.strictObject({
  /** The overlay's device ("major:minor"): the same overlay seen from two namespaces is one. */
  key,
  mountPoint: str(4096),
  /** The mount views it appears in. */
  views: z.array(key).max(PANEL_LIMITS.mountViews),
  layers: z.array(panelLayer).max(PANEL_LIMITS.layersPerOverlay),
});
export type PanelOverlay = z.infer<typeof panelOverlay>;

export const panelInterface = z.strictObject({
  name: str(32),
  /** 'veth', 'bridge', … ('' for plain devices such as lo). */
  kind: str(32),
  up: z.boolean(),
  addrs: z.array(str(64)).max(PANEL_LIMITS.addrsPerInterface),
  /** The bridge it is a port of. */
  master: str(32).nullable(),
  /** A veth's other end, when it was found among the namespaces read. */
  peer: z.strictObject({ ns: inode, name: str(32) }).nullable(),
});
export type PanelInterface = z.infer<typeof panelInterface>;

export const panelNetNs = z.strictObject({
  key,
  ns: inode,
  interfaces: z.array(panelInterface).max(PANEL_LIMITS.interfacesPerNs),
  routes: z
    .array(z.strictObject({ dst: str(64), gateway: str(64).nullable(), dev: str(32).nullable() }))
    .max(PANEL_LIMITS.routesPerNs),
});
export type PanelNetNs = z.infer<typeof panelNetNs>;

function patch<T extends z.ZodType>(item: T, max: number) {
  return z.strictObject({ upsert: z.array(item).max(max), remove: z.array(key).max(max) });
}

export const panelSections = {
  procs: patch(panelProc, PANEL_LIMITS.procs),
  uts: patch(panelUts, PANEL_LIMITS.utsNamespaces),
  cgroups: patch(panelCgroup, PANEL_LIMITS.cgroups),
  mountViews: patch(panelMountView, PANEL_LIMITS.mountViews),
  overlays: patch(panelOverlay, PANEL_LIMITS.overlays),
  net: patch(panelNetNs, PANEL_LIMITS.netNamespaces),
};
export type PanelSectionName = keyof typeof panelSections;
export const PANEL_SECTION_NAMES = Object.keys(panelSections) as PanelSectionName[];

/** Agent → browser: what changed since the last `panel` message on this socket (everything, when `full`). */
export const panelMessage = z.strictObject({
  type: z.literal('panel'),
  /** Everything below replaces what the browser holds (the first message after opening, or a new sandbox). */
  full: z.boolean(),
  /** When the kernel state was read, ms since the epoch. */
  t: z.number(),
  base: panelBase.optional(),
  procs: panelSections.procs.optional(),
  uts: panelSections.uts.optional(),
  cgroups: panelSections.cgroups.optional(),
  mountViews: panelSections.mountViews.optional(),
  overlays: panelSections.overlays.optional(),
  net: panelSections.net.optional(),
  /** More existed than the panel's caps (PANEL_LIMITS): some items are left out. */
  truncated: z.boolean().optional(),
});
export type PanelMessage = z.infer<typeof panelMessage>;

/**
 * The whole state the panel draws, as the browser holds it after applying messages. Every list is in key
 * order (panel-patch.ts's compareKeys): processes by PID, cgroups by path, namespaces by inode.
 */
export interface PanelView {
  t: number;
  base: PanelBase;
  procs: PanelProc[];
  uts: PanelUts[];
  cgroups: PanelCgroup[];
  mountViews: PanelMountView[];
  overlays: PanelOverlay[];
  net: PanelNetNs[];
  truncated: boolean;
}

/** The panel's four sections. */
export const PANEL_SECTION_IDS = ['processes', 'cgroups', 'mounts', 'network'] as const;
export type PanelSectionId = (typeof PANEL_SECTION_IDS)[number];

/**
 * Browser → agent: the panel is open and visible, showing `section` (the agent streams, reading what that
 * section draws: network namespaces and overlay layers cost launcher spawns), or closed or hidden (it stops).
 */
export const panelOpenMessage = z.strictObject({
  type: z.literal('panel'),
  open: z.boolean(),
  section: z.enum(PANEL_SECTION_IDS).optional(),
});
export type PanelOpenMessage = z.infer<typeof panelOpenMessage>;
