// The panel's arithmetic apart from React: the trees, the namespace numbers, the chart's geometry, the
// network layout, the overlay entries' meaning and the units.
import { HISTORY_MS, type PanelCgroup, type PanelNetNs, type PanelProc, type PanelView } from '@protocol';
import { describe, expect, it } from 'vitest';
import { cgroupTree } from './cgroup-tree';
import { CHART, chartModel } from './chart';
import { formatBytes, formatCpuShare } from './format';
import { entryState, stackLayers, upperIndex } from './mounts';
import { NET, netLayout } from './net-layout';
import { indexNamespaces, NS_PALETTE_SIZE, nsColor, nsLabel } from './ns-index';
import { flattenTree, procTree } from './proc-tree';

const proc = (pid: number, ppid: number, ns: PanelProc['ns'] = {}): PanelProc => ({
  key: String(pid),
  pids: [pid],
  ppid,
  comm: 'sh',
  uid: 0,
  ns,
  mountView: null,
});

describe('procTree', () => {
  it('roots the processes whose parent is not listed, children under parents, in PID order', () => {
    const rows = flattenTree(procTree([proc(9, 8), proc(3, 0), proc(8, 2), proc(2, 0), proc(12, 8)]));
    expect(rows.map((r) => [Number(r.node.proc.key), r.depth])).toEqual([
      [2, 0],
      [8, 1],
      [9, 2],
      [12, 2],
      [3, 0],
    ]);
  });

  it('shows every process once even when two readings disagree into a loop', () => {
    const rows = flattenTree(procTree([proc(5, 6), proc(6, 5), proc(7, 7)]));
    expect(rows.map((r) => r.node.proc.key).sort()).toEqual(['5', '6', '7']);
  });
});

describe('cgroupTree', () => {
  const group = (path: string): PanelCgroup => ({ key: path, path, controllers: ['unified'], procs: [] });

  it('hangs each group under its nearest listed ancestor', () => {
    const tree = cgroupTree([group('/a/b/c'), group('/'), group('/a'), group('/z')]);
    expect(tree.map((n) => n.name)).toEqual(['/']);
    expect(tree[0]?.children.map((n) => n.name)).toEqual(['a', 'z']);
    expect(tree[0]?.children[0]?.children.map((n) => [n.name, n.cgroup.path])).toEqual([['c', '/a/b/c']]);
  });
});

describe('indexNamespaces', () => {
  const view = (procs: PanelProc[]): PanelView => ({
    t: 0,
    base: { ns: { uts: 500 }, hostname: 'h', cgroupVersion: 2 },
    procs,
    uts: [],
    cgroups: [],
    mountViews: [],
    overlays: [],
    net: [{ key: '900', ns: 900, interfaces: [], routes: [] }],
    truncated: false,
  });

  it('gives the sandbox’s own 0 and the others 1, 2… in inode order, whoever lists them', () => {
    const index = indexNamespaces(view([proc(2, 0, { uts: 700, net: 800 }), proc(3, 0, { uts: 600 })]));
    expect([...index.uts].sort((a, b) => a[0] - b[0])).toEqual([
      [500, 0],
      [600, 1],
      [700, 2],
    ]);
    // A network namespace no process is in (held by `ip netns`) still gets its number.
    expect(index.net.get(900)).toBe(2);
  });

  it('cycles the palette but keeps the number', () => {
    expect(nsColor(0)).toBe(0);
    expect(nsColor(1)).toBe(1);
    expect(nsColor(NS_PALETTE_SIZE + 1)).toBe(1);
    expect(nsLabel('uts', 0)).toBe('uts');
    expect(nsLabel('uts', NS_PALETTE_SIZE + 1)).toBe(`uts ${NS_PALETTE_SIZE + 1}`);
  });
});

describe('chartModel', () => {
  const MIB = 1024 * 1024;
  const end = 1_000_000;

  it('spans the last minute, drops older samples and marks events at their time', () => {
    const model = chartModel(
      [
        { t: end - HISTORY_MS - 1000, usage: 90 * MIB, limit: 100 * MIB },
        { t: end - 30_000, usage: 20 * MIB, limit: 100 * MIB },
        { t: end, usage: 40 * MIB, limit: 100 * MIB },
      ],
      [
        { t: end - 30_000, kind: 'oom', count: 2 },
        { t: end - HISTORY_MS - 5, kind: 'pids', count: 1 },
      ],
      { usage: 40 * MIB, limit: 100 * MIB },
      end,
    );
    const { x0, x1 } = model.plot;
    expect(model.usagePath.split(' L')).toHaveLength(2);
    expect(model.events).toEqual([{ x: (x0 + x1) / 2, t: end - 30_000, kind: 'oom', count: 2 }]);
    expect(model.xTicks.map((t) => t.x)).toEqual([x0, (x0 + x1) / 2, x1]);
    // The axis clears the limit with room to spare, in round steps.
    expect(model.top).toBeGreaterThan(100 * MIB);
    expect(model.yTicks.map((t) => t.bytes / MIB)).toEqual([0, 50, 100, 150]);
    expect(model.limitY).toBeLessThan(CHART.height - CHART.bottom);
  });

  it('draws a changed limit as a step, and none while there is no limit', () => {
    const model = chartModel(
      [
        { t: end - 40_000, usage: MIB, limit: null },
        { t: end - 20_000, usage: MIB, limit: 8 * MIB },
        { t: end, usage: MIB, limit: 4 * MIB },
      ],
      [],
      null,
      end,
    );
    expect(model.limitPath).toMatch(/^M\S+ \S+ H\S+ V\S+ H\S+$/);
    expect(model.limitPath.startsWith(`M${model.plot.x0} `)).toBe(false);
  });

  it('has a usable axis with a single reading and no limit', () => {
    const model = chartModel([], [], { usage: 0, limit: null }, end);
    expect(model.top).toBeGreaterThan(0);
    expect(model.limitPath).toBe('');
    expect(model.last).toEqual({ x: model.plot.x1, y: model.plot.y1 });
  });
});

describe('netLayout', () => {
  const iface = (name: string, peer: { ns: number; name: string } | null = null) => ({
    name,
    kind: peer ? 'veth' : '',
    up: true,
    addrs: [],
    master: null,
    peer,
  });
  const ns = (inode: number, interfaces: PanelNetNs['interfaces']): PanelNetNs => ({
    key: String(inode),
    ns: inode,
    interfaces,
    routes: [],
  });

  it('puts the sandbox first, one curve per pair, and crossing curves in different lanes', () => {
    const layout = netLayout(
      [
        ns(30, [iface('c1', { ns: 10, name: 'v1' })]),
        ns(20, [iface('c0', { ns: 10, name: 'v0' })]),
        ns(10, [iface('v0', { ns: 20, name: 'c0' }), iface('v1', { ns: 30, name: 'c1' })]),
      ],
      10,
    );
    expect(layout.boxes.map((b) => b.ns.ns)).toEqual([10, 20, 30]);
    expect(layout.links).toHaveLength(2);
    expect(new Set(layout.links.map((l) => l.lane)).size).toBe(2);
    expect(layout.width).toBe(NET.margin + NET.boxWidth + NET.laneStart + NET.laneStep + NET.margin);
    const last = layout.boxes.at(-1);
    expect(layout.height).toBe((last?.y ?? 0) + (last?.height ?? 0) + NET.margin);
  });

  it('draws no curve to an end outside the namespaces read', () => {
    expect(netLayout([ns(10, [iface('v0', { ns: 99, name: 'x' })])], 10).links).toEqual([]);
  });
});

describe('overlay entries', () => {
  const layers = stackLayers({
    key: '0:1',
    mountPoint: '/m',
    views: [],
    layers: [
      { role: 'lower', dir: '/l2', entries: [{ path: 'gone/a', type: 'file' }], truncated: false },
      {
        role: 'upper',
        dir: '/u',
        entries: [
          { path: 'gone', type: 'whiteout' },
          { path: 'new', type: 'file' },
          { path: 'etc', type: 'dir' },
        ],
        truncated: false,
      },
      { role: 'merged', dir: '/m', entries: [{ path: 'new', type: 'file' }], truncated: false },
      { role: 'lower', dir: '/l1', entries: [{ path: 'etc', type: 'dir' }], truncated: false },
    ],
  });
  const upper = upperIndex(layers);

  it('stacks merged, upper, then the lowers in their order', () => {
    expect(layers.map((l) => l.dir)).toEqual(['/m', '/u', '/l2', '/l1']);
  });

  it('hides what sits under a whiteout, and does not call a merged directory covered', () => {
    expect(entryState('lower', { path: 'gone/a', type: 'file' }, upper)).toBe('hidden');
    expect(entryState('lower', { path: 'etc', type: 'dir' }, upper)).toBe('plain');
    expect(entryState('merged', { path: 'new', type: 'file' }, upper)).toBe('fromUpper');
    expect(entryState('upper', { path: 'new', type: 'file' }, upper)).toBe('written');
  });
});

describe('format', () => {
  it('writes binary units with the locale’s decimal comma, one decimal below 100', () => {
    expect(formatBytes(512, 'pt-BR')).toBe('512 B');
    expect(formatBytes(1536, 'pt-BR')).toBe('1,5 KiB');
    expect(formatBytes(99.6 * 1024 * 1024, 'gl')).toBe('99,6 MiB');
    expect(formatBytes(100 * 1024 * 1024, 'gl')).toBe('100 MiB');
    expect(formatBytes(2 * 1024 ** 3, 'pt-BR')).toBe('2 GiB');
  });

  it('writes a CPU quota as a share of one CPU', () => {
    expect(formatCpuShare(50_000, 100_000, 'pt-BR')).toBe('50%');
    expect(formatCpuShare(200_000, 100_000, 'pt-BR')).toBe('200%');
  });
});
