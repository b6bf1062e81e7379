// Which mounts to show and how to read an overlay's layers: the choice of process for the mounts list,
// and what each layer entry means once the layers are compared (written in upper, deleted by a whiteout,
// hidden or covered below).
import type { LayerEntry, PanelLayer, PanelOverlay, PanelView } from '@protocol';

/** The sandbox's own mount view: its mount namespace, its root. */
export function baseMountView(view: PanelView): string | null {
  return view.mountViews.find((v) => v.mnt === view.base.ns.mnt && v.sandboxRoot)?.key ?? null;
}

/**
 * The process whose mounts to show first: the one the terminal tab on show types into (the agent marks it:
 * the innermost shell of that tab, where the student just made something), else the other tab's; without
 * either, the newest (highest PID) that sees something other than the sandbox's mounts, since that is what
 * the student made last; else the first process with a mount view.
 */
export function defaultMountProc(view: PanelView, activeTab = 0): string | null {
  const procs = view.procs.filter((p) => p.mountView !== null);
  const typing = procs.find((p) => p.typing === activeTab) ?? procs.find((p) => p.typing !== undefined);
  if (typing) return typing.key;
  const base = baseMountView(view);
  return ([...procs].reverse().find((p) => p.mountView !== base) ?? procs[0])?.key ?? null;
}

/** The chosen process if it still exists, else the default for the terminal tab on show. */
export function mountProc(view: PanelView, chosen: string | null, activeTab = 0): string | null {
  return chosen !== null && view.procs.some((p) => p.key === chosen) ? chosen : defaultMountProc(view, activeTab);
}

/** Merged on top, then upper, then the lowers as the options list them (the leftmost lowerdir is the top). */
export function stackLayers(overlay: PanelOverlay): PanelLayer[] {
  const rank = { merged: 0, upper: 1, lower: 2 } as const;
  return overlay.layers
    .map((layer, i) => ({ layer, i }))
    .sort((a, b) => rank[a.layer.role] - rank[b.layer.role] || a.i - b.i)
    .map(({ layer }) => layer);
}

/**
 * - `written`: in upper, a file or directory the student wrote through the overlay;
 * - `whiteout`: in upper, the mark of a deletion;
 * - `fromUpper`: in merged, a name the upper layer supplies;
 * - `hidden`: in a lower, a name a whiteout above deletes from the merged view;
 * - `covered`: in a lower, a name the upper's copy replaces in the merged view.
 */
export type EntryState = 'written' | 'whiteout' | 'fromUpper' | 'hidden' | 'covered' | 'plain';

export interface UpperIndex {
  written: Set<string>;
  whiteouts: Set<string>;
}

export function upperIndex(layers: readonly PanelLayer[]): UpperIndex {
  const upper = layers.find((l) => l.role === 'upper');
  const written = new Set<string>();
  const whiteouts = new Set<string>();
  for (const e of upper?.entries ?? []) (e.type === 'whiteout' ? whiteouts : written).add(e.path);
  return { written, whiteouts };
}

const under = (path: string, dirs: Set<string>) => [...dirs].some((d) => path === d || path.startsWith(`${d}/`));

export function entryState(role: PanelLayer['role'], entry: LayerEntry, upper: UpperIndex): EntryState {
  if (entry.type === 'whiteout') return 'whiteout';
  if (role === 'upper') return 'written';
  if (role === 'merged') return upper.written.has(entry.path) ? 'fromUpper' : 'plain';
  if (under(entry.path, upper.whiteouts)) return 'hidden';
  return upper.written.has(entry.path) && entry.type !== 'dir' ? 'covered' : 'plain';
}
