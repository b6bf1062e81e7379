// The Kernel panel's wire diff: the agent compares the view it last sent on a socket with the new one and
// sends only the items that changed; the browser applies that to what it holds. Pure and symmetric:
// apply(prev, diff(prev, next)) equals next (panel-patch.test.ts).
import { PANEL_SECTION_NAMES, type PanelBase, type PanelMessage, type PanelSectionName, type PanelView } from './panel';

type Keyed = { key: string };
type Section<K extends PanelSectionName> = PanelView[K];
type Patch<K extends PanelSectionName> = NonNullable<PanelMessage[K]>;

/** The empty view the browser starts from (and holds while nothing has arrived). */
export const EMPTY_PANEL_VIEW: PanelView = Object.freeze({
  t: 0,
  base: { ns: {}, hostname: '', cgroupVersion: 1 },
  procs: [],
  uts: [],
  cgroups: [],
  mountViews: [],
  overlays: [],
  net: [],
  truncated: false,
}) as PanelView;

/** Items are compared by their JSON: they are plain data built in a fixed key order. */
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function diffSection<T extends Keyed>(prev: readonly T[], next: readonly T[]): { upsert: T[]; remove: string[] } {
  const before = new Map(prev.map((item) => [item.key, item]));
  const upsert = next.filter((item) => {
    const old = before.get(item.key);
    return old === undefined || !same(old, item);
  });
  const keys = new Set(next.map((item) => item.key));
  const remove = prev.filter((item) => !keys.has(item.key)).map((item) => item.key);
  return { upsert, remove };
}

/**
 * The message that turns `prev` into `next`: `undefined` when nothing changed. With `prev` undefined, a
 * `full` message with everything.
 */
export function diffPanel(prev: PanelView | undefined, next: PanelView): PanelMessage | undefined {
  const msg: PanelMessage = { type: 'panel', full: prev === undefined, t: next.t };
  let changed = prev === undefined;
  if (!prev || !same(prev.base, next.base)) {
    msg.base = next.base;
    changed = true;
  }
  for (const name of PANEL_SECTION_NAMES) {
    const d = diffSection<Keyed>(prev?.[name] ?? [], next[name]);
    if (prev && d.upsert.length === 0 && d.remove.length === 0) continue;
    (msg as Record<string, unknown>)[name] = d;
    changed = true;
  }
  if (!prev || prev.truncated !== next.truncated) {
    msg.truncated = next.truncated;
    changed = true;
  }
  return changed ? msg : undefined;
}

function applySection<K extends PanelSectionName>(
  current: Section<K>,
  patch: Patch<K> | undefined,
  full: boolean,
): Section<K> {
  if (!patch) return full ? ([] as unknown as Section<K>) : current;
  const items = new Map<string, Keyed>(full ? [] : (current as Keyed[]).map((item) => [item.key, item]));
  for (const k of patch.remove) items.delete(k);
  for (const item of patch.upsert as Keyed[]) items.set(item.key, item);
  return sortByKey([...items.values()]) as unknown as Section<K>;
}

/** Numeric keys (PIDs, inodes) in numeric order, then the rest as text: the order of every panel list. */
export function compareKeys(a: string, b: string): number {
  const na = /^\d+$/.test(a) ? Number(a) : Number.NaN;
  const nb = /^\d+$/.test(b) ? Number(b) : Number.NaN;
  if (!Number.isNaN(na) && !Number.isNaN(nb)) return na - nb;
  if (!Number.isNaN(na)) return -1;
  if (!Number.isNaN(nb)) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

export function sortByKey<T extends Keyed>(items: T[]): T[] {
  return items.sort((x, y) => compareKeys(x.key, y.key));
}

/** What the browser holds after `msg`. */
export function applyPanel(view: PanelView, msg: PanelMessage): PanelView {
  const base: PanelBase = msg.base ?? (msg.full ? EMPTY_PANEL_VIEW.base : view.base);
  return {
    t: msg.t,
    base,
    procs: applySection<'procs'>(view.procs, msg.procs, msg.full),
    uts: applySection<'uts'>(view.uts, msg.uts, msg.full),
    cgroups: applySection<'cgroups'>(view.cgroups, msg.cgroups, msg.full),
    mountViews: applySection<'mountViews'>(view.mountViews, msg.mountViews, msg.full),
    overlays: applySection<'overlays'>(view.overlays, msg.overlays, msg.full),
    net: applySection<'net'>(view.net, msg.net, msg.full),
    truncated: msg.truncated ?? (msg.full ? false : view.truncated),
  };
}
