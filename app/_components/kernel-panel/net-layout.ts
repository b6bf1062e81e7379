// Where the network diagram puts things: one box per network namespace, stacked (the panel is a narrow
// column), one fixed-height row per line of text, and each veth pair as a curve in the gutter on the right
// joining its two ends' rows. Everything follows from counting rows, so nothing is measured in the DOM.
import type { PanelInterface, PanelNetNs } from '@protocol';

export const NET = {
  boxWidth: 380,
  /** One row of 11-unit monospace text. */
  row: 17,
  pad: 7,
  gap: 14,
  /** The first veth curve's reach beyond the boxes, and the room each further one takes. */
  laneStart: 14,
  laneStep: 10,
  /** The stroke of the box and the curves' ends must not be clipped at the SVG's edge. */
  margin: 2,
  /** Monospace characters that fit in a row of the box (11-unit text is about 6.6 units a character). */
  chars: 52,
} as const;

export type NetRow =
  | { type: 'title'; y: number }
  | { type: 'procs'; y: number }
  | { type: 'iface'; y: number; iface: PanelInterface }
  | { type: 'addr'; y: number; iface: PanelInterface; addr: string }
  | { type: 'routes'; y: number }
  | { type: 'route'; y: number; route: PanelNetNs['routes'][number] }
  | { type: 'noRoutes'; y: number };

/** A row before it has a place: `Omit` taken per member, so each keeps its own fields. */
type RowSpec = NetRow extends infer R ? (R extends NetRow ? Omit<R, 'y'> : never) : never;

export interface NetBox {
  ns: PanelNetNs;
  y: number;
  height: number;
  /** Each row's vertical centre. */
  rows: NetRow[];
}

export interface NetEnd {
  ns: number;
  name: string;
}

export interface NetLink {
  a: NetEnd;
  b: NetEnd;
  y1: number;
  y2: number;
  lane: number;
  path: string;
}

export interface NetLayout {
  width: number;
  height: number;
  boxX: number;
  boxes: NetBox[];
  links: NetLink[];
}

/** The sandbox's namespace first, then the others in ascending inode order (the order of their numbers). */
export function orderNamespaces(namespaces: readonly PanelNetNs[], base: number | undefined): PanelNetNs[] {
  return [...namespaces].sort((a, b) => (a.ns === base ? -1 : b.ns === base ? 1 : a.ns - b.ns));
}

function boxRows(ns: PanelNetNs): RowSpec[] {
  const rows: RowSpec[] = [{ type: 'title' }, { type: 'procs' }];
  for (const iface of ns.interfaces) {
    rows.push({ type: 'iface', iface });
    for (const addr of iface.addrs) rows.push({ type: 'addr', iface, addr });
  }
  rows.push({ type: 'routes' });
  if (ns.routes.length === 0) rows.push({ type: 'noRoutes' });
  for (const route of ns.routes) rows.push({ type: 'route', route });
  return rows;
}

const endKey = (e: NetEnd) => `${e.ns}/${e.name}`;

export function netLayout(namespaces: readonly PanelNetNs[], base: number | undefined): NetLayout {
  const boxX = NET.margin;
  const boxes: NetBox[] = [];
  let y = NET.margin;
  for (const ns of orderNamespaces(namespaces, base)) {
    const rows = boxRows(ns).map((r, i) => ({ ...r, y: y + NET.pad + (i + 0.5) * NET.row }) as NetRow);
    const height = NET.pad * 2 + rows.length * NET.row;
    boxes.push({ ns, y, height, rows });
    y += height + NET.gap;
  }

  const rowOf = new Map<string, number>();
  for (const box of boxes) {
    for (const row of box.rows)
      if (row.type === 'iface') rowOf.set(endKey({ ns: box.ns.ns, name: row.iface.name }), row.y);
  }

  // One link per pair, whichever end lists the other; an end outside the namespaces read has no curve.
  const seen = new Set<string>();
  const pairs: { a: NetEnd; b: NetEnd; y1: number; y2: number }[] = [];
  for (const box of boxes) {
    for (const iface of box.ns.interfaces) {
      if (!iface.peer) continue;
      const a = { ns: box.ns.ns, name: iface.name };
      const b = { ns: iface.peer.ns, name: iface.peer.name };
      const pairKey = [endKey(a), endKey(b)].sort().join(' ');
      const ya = rowOf.get(endKey(a));
      const yb = rowOf.get(endKey(b));
      if (seen.has(pairKey) || ya === undefined || yb === undefined) continue;
      seen.add(pairKey);
      pairs.push({ a, b, y1: Math.min(ya, yb), y2: Math.max(ya, yb) });
    }
  }

  // Short curves hug the boxes; a curve takes the first lane free over its whole span.
  pairs.sort((p, q) => p.y2 - p.y1 - (q.y2 - q.y1) || p.y1 - q.y1);
  const lanes: { y1: number; y2: number }[][] = [];
  const right = boxX + NET.boxWidth;
  const links: NetLink[] = pairs.map((p) => {
    let lane = lanes.findIndex((spans) => spans.every((s) => p.y2 < s.y1 || p.y1 > s.y2));
    if (lane === -1) lane = lanes.push([]) - 1;
    lanes[lane]?.push({ y1: p.y1, y2: p.y2 });
    const reach = right + NET.laneStart + lane * NET.laneStep;
    return { ...p, lane, path: `M${right} ${p.y1} C${reach} ${p.y1} ${reach} ${p.y2} ${right} ${p.y2}` };
  });

  return {
    width: right + (lanes.length > 0 ? NET.laneStart + (lanes.length - 1) * NET.laneStep : 0) + NET.margin,
    height: Math.max(y - NET.gap + NET.margin, 0),
    boxX,
    boxes,
    links,
  };
}

/** Cuts a line to fit a row, with an ellipsis; the whole text goes in the row's title. */
export function clip(text: string, chars: number = NET.chars): string {
  return text.length <= chars ? text : `${text.slice(0, chars - 1)}…`;
}
