// The Kernel panel's memory chart: a minute of memory samples per cgroup, and the OOM kills and refused
// forks seen while the panel looked, each at the moment it was first seen. Kept by the browser from the
// views it receives (nothing more travels for it); pure, so the kernel tests record it with their views.
import type { PanelView } from './panel';

/** A minute of memory samples is what the chart draws. */
export const HISTORY_MS = 60_000;
/** Cap per group, whatever the pace. */
export const HISTORY_SAMPLES = 240;

export interface MemorySample {
  t: number;
  usage: number;
  limit: number | null;
}
export interface PanelEvent {
  t: number;
  kind: 'oom' | 'pids';
  count: number;
}
/** Per cgroup path: memory samples over the last minute and the OOM kills / refused forks seen, with when. */
export type CgroupHistory = Record<string, { samples: MemorySample[]; events: PanelEvent[] }>;

/** The history after `view` arrived, `before` being the view held until then (null: the first). */
export function nextHistory(history: CgroupHistory, before: PanelView | null, view: PanelView): CgroupHistory {
  const out: CgroupHistory = {};
  const since = view.t - HISTORY_MS;
  for (const g of view.cgroups) {
    if (!g.memory && !g.pids) continue;
    const old = history[g.path] ?? { samples: [], events: [] };
    const prev = before?.cgroups.find((c) => c.path === g.path);
    const samples = old.samples.filter((s) => s.t >= since);
    if (g.memory) samples.push({ t: view.t, usage: g.memory.usage, limit: g.memory.limit });
    const events = old.events.filter((e) => e.t >= since);
    // Counted from the group's first sight on: kills before the panel opened are in the numbers, not the chart.
    if (prev?.memory && g.memory && g.memory.oomKills > prev.memory.oomKills)
      events.push({ t: view.t, kind: 'oom', count: g.memory.oomKills - prev.memory.oomKills });
    if (prev?.pids && g.pids && g.pids.refused > prev.pids.refused)
      events.push({ t: view.t, kind: 'pids', count: g.pids.refused - prev.pids.refused });
    out[g.path] = { samples: samples.slice(-HISTORY_SAMPLES), events };
  }
  return out;
}
