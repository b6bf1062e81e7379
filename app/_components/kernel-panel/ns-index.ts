// Which namespace is which, as the panel numbers them: per kind, the sandbox's own is 0 and every other
// inode gets 1, 2, 3… in ascending inode order (so the oldest namespace keeps its number while the student
// makes new ones). The number travels with the colour, so two badges are told apart without colour too, and
// the same namespace has the same number and colour in every section (a process's `net 2`, the network box).
import { PANEL_NS_KINDS, type PanelNsKind, type PanelView } from '@protocol';

/** Distinct colours for new namespaces; beyond these they repeat, and the number still tells them apart. */
export const NS_PALETTE_SIZE = 6;

export type NsIndex = Record<PanelNsKind, Map<number, number>>;

export function indexNamespaces(view: PanelView): NsIndex {
  const seen = Object.fromEntries(PANEL_NS_KINDS.map((k) => [k, new Set<number>()])) as Record<
    PanelNsKind,
    Set<number>
  >;
  const add = (kind: PanelNsKind, inode: number | undefined) => {
    if (inode !== undefined) seen[kind].add(inode);
  };
  for (const p of view.procs) for (const kind of PANEL_NS_KINDS) add(kind, p.ns[kind]);
  for (const u of view.uts) add('uts', u.ns);
  for (const n of view.net) add('net', n.ns);
  for (const m of view.mountViews) add('mnt', m.mnt);

  const index = {} as NsIndex;
  for (const kind of PANEL_NS_KINDS) {
    const base = view.base.ns[kind];
    const others = [...seen[kind]].filter((i) => i !== base).sort((a, b) => a - b);
    const map = new Map<number, number>(others.map((inode, i) => [inode, i + 1]));
    if (base !== undefined) map.set(base, 0);
    index[kind] = map;
  }
  return index;
}

/** The namespace's number (0: the sandbox's own); -1 when the panel never saw it (a peer's namespace). */
export function nsNumber(index: NsIndex, kind: PanelNsKind, inode: number): number {
  return index[kind].get(inode) ?? -1;
}

/** The colour slot for a number: 0 is the neutral colour, new namespaces cycle through the palette. */
export function nsColor(n: number): number {
  return n <= 0 ? 0 : ((n - 1) % NS_PALETTE_SIZE) + 1;
}

/** The text inside a badge: `uts` for the sandbox's own, `uts 2` for another, `uts ?` for one never seen. */
export function nsLabel(kind: PanelNsKind, n: number): string {
  if (n < 0) return `${kind} ?`;
  return n === 0 ? kind : `${kind} ${n}`;
}

/** How the kernel names a namespace in /proc/PID/ns: `uts:[4026532252]`. */
export function nsName(kind: PanelNsKind, inode: number): string {
  return `${kind}:[${inode}]`;
}
