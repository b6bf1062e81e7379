// The geometry of a cgroup's memory chart, apart from drawing: the last minute of usage against the
// limit, with a mark for every OOM kill and refused fork. Plain numbers in the SVG's own units, so the
// chart needs no library and no measuring, and the arithmetic has its own tests.
import { HISTORY_MS, type MemorySample, type PanelEvent } from '@protocol';

/** The chart's width in time: the minute the store keeps samples for. */
export const WINDOW_MS = HISTORY_MS;
/** The SVG's box; the plot sits inside the margins that hold the axis labels. */
export const CHART = { width: 360, height: 156, left: 56, right: 12, top: 22, bottom: 36 } as const;
/** Head-room above the higher of usage and limit, so the limit line is never the frame's edge. */
const HEADROOM = 1.12;
/** An empty group still gets an axis of a sensible size. */
const MIN_TOP_BYTES = 1024 * 1024;
const MIB = 1024 * 1024;

export interface ChartEvent {
  x: number;
  t: number;
  kind: PanelEvent['kind'];
  count: number;
}

export interface ChartModel {
  /** The right edge's time (ms since the epoch): the latest reading. */
  end: number;
  /** The top of the y axis, in bytes. */
  top: number;
  yTicks: { y: number; bytes: number }[];
  xTicks: { x: number; secondsAgo: number }[];
  /** Usage as an SVG path ('' when there is no reading). */
  usagePath: string;
  /** The limit as steps (a limit raised or lowered mid-window shows as a jump); '' without one. */
  limitPath: string;
  /** The latest reading: where the usage line ends. */
  last: { x: number; y: number } | null;
  /** The current limit's height, for its label. */
  limitY: number | null;
  events: ChartEvent[];
  plot: { x0: number; x1: number; y0: number; y1: number };
}

/** The smallest of 1, 2, 5 × 10^k MiB (or × 2^k bytes below a MiB) that makes at most 3 steps. */
function tickStep(top: number): number {
  const target = top / 3;
  if (target < MIB) {
    let step = 1024;
    while (step < target) step *= 2;
    return step;
  }
  let magnitude = MIB;
  while (magnitude * 10 <= target) magnitude *= 10;
  for (const m of [1, 2, 5, 10]) if (magnitude * m >= target) return magnitude * m;
  return magnitude * 10;
}

export function chartModel(
  samples: readonly MemorySample[],
  events: readonly PanelEvent[],
  current: { usage: number; limit: number | null } | null,
  now: number,
): ChartModel {
  const lastSample = samples.at(-1);
  const end = Math.max(now, lastSample?.t ?? 0, ...events.map((e) => e.t));
  const start = end - WINDOW_MS;
  const inWindow = samples.filter((s) => s.t >= start && s.t <= end);
  // The view's own reading is the newest fact: add it when the history has not caught up yet.
  const points: MemorySample[] =
    current && (inWindow.at(-1)?.t ?? -1) < end ? [...inWindow, { t: end, ...current }] : inWindow;

  const highest = Math.max(MIN_TOP_BYTES, ...points.map((p) => Math.max(p.usage, p.limit ?? 0)));
  const step = tickStep(highest * HEADROOM);
  const top = Math.ceil((highest * HEADROOM) / step) * step;

  const plot = {
    x0: CHART.left,
    x1: CHART.width - CHART.right,
    y0: CHART.top,
    y1: CHART.height - CHART.bottom,
  };
  const xOf = (t: number) => round(plot.x0 + ((t - start) / WINDOW_MS) * (plot.x1 - plot.x0));
  const yOf = (bytes: number) => round(plot.y1 - (Math.min(bytes, top) / top) * (plot.y1 - plot.y0));

  const usagePath = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${xOf(p.t)} ${yOf(p.usage)}`).join(' ');

  let limitPath = '';
  let previous: number | null = null;
  for (const p of points) {
    if (p.limit === null) {
      previous = null;
      continue;
    }
    const y = yOf(p.limit);
    // The first limit read is drawn from the window's start: a young history would otherwise show the limit
    // as a stub at the right edge. A limit set later (after none) starts where it was first seen.
    const x = p === points[0] ? plot.x0 : xOf(p.t);
    if (previous === null) limitPath += `${limitPath ? ' ' : ''}M${x} ${y}`;
    else if (previous !== y) limitPath += ` H${xOf(p.t)} V${y}`;
    previous = y;
  }
  if (previous !== null) limitPath += ` H${plot.x1}`;

  const final = points.at(-1);
  const yTicks: ChartModel['yTicks'] = [];
  for (let bytes = 0; bytes <= top; bytes += step) yTicks.push({ y: yOf(bytes), bytes });

  return {
    end,
    top,
    yTicks,
    xTicks: [60, 30, 0].map((s) => ({ x: xOf(end - s * 1000), secondsAgo: s })),
    usagePath,
    limitPath,
    last: final ? { x: xOf(final.t), y: yOf(final.usage) } : null,
    limitY: final?.limit != null ? yOf(final.limit) : null,
    events: events
      .filter((e) => e.t >= start && e.t <= end)
      .map((e) => ({ x: xOf(e.t), t: e.t, kind: e.kind, count: e.count })),
    plot,
  };
}

/** Two decimals are plenty in a 360-unit box, and keep the markup short. */
function round(n: number): number {
  return Math.round(n * 100) / 100;
}
