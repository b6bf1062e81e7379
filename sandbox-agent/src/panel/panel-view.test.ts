import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { load } from '../checks/fixture-util';
import type { DirListing } from '../kernel/list-dirs';
import type { SandboxSnapshot } from '../kernel/snapshot';
import { panelMessage } from '../protocol/panel';
import { diffPanel } from '../protocol/panel-patch';
import { buildPanelView, type Listings, planOverlays, typingProcs } from './panel-view';

/** The sandbox's init: the parent the sandbox's first shell was started under. */
function initOf(snap: SandboxSnapshot) {
  const first = snap.processes.find((p) => p.nsPids[1] === 2) ?? snap.processes[0];
  return { initPid: first?.ppid ?? 1 };
}
const viewOf = (snap: SandboxSnapshot, listings: Listings = new Map()) => {
  const sb = initOf(snap);
  return buildPanelView(snap, sb, planOverlays(snap, sb), listings);
};

describe('the panel view of a snapshot', () => {
  it('gives each process its PIDs from the sandbox inward and its namespaces (lesson 03, a container)', () => {
    const snap = load('03-container');
    const view = viewOf(snap);
    const inner = view.procs.find((p) => p.pids.length === 2);
    expect(inner?.pids[1]).toBe(1);
    expect(inner?.ns.pid).not.toBe(view.base.ns.pid);
    expect(inner?.ns.uts).not.toBe(view.base.ns.uts);
    // Its parent is named by its PID in the sandbox, as `ps` there shows it.
    const parent = view.procs.find((p) => p.pids[0] === inner?.ppid);
    expect(parent?.comm).toBe('unshare');
    // Every UTS namespace seen has its host name.
    for (const p of view.procs) expect(view.uts.some((u) => u.ns === p.ns.uts)).toBe(true);
    // Keys are the sandbox's PIDs, not the host's.
    for (const p of view.procs) expect(p.key).toBe(String(p.pids[0]));
    expect(view.procs.map((p) => Number(p.key))).not.toContain(snap.processes[0]?.hostPid);
  });

  it("draws the sandbox's init as PID 1, the root the shells hang from, when its name is known", () => {
    const snap = load('02-unshared');
    const sb = initOf(snap);
    const without = buildPanelView(snap, sb, [], new Map());
    expect(without.procs.some((p) => p.key === '1')).toBe(false);
    const view = buildPanelView(snap, { ...sb, initComm: 'gaiola-init' }, [], new Map());
    const init = view.procs.find((p) => p.key === '1');
    expect(init).toMatchObject({ pids: [1], ppid: 0, comm: 'gaiola-init', uid: 0, ns: view.base.ns });
    expect(init?.mountView).not.toBeNull();
    expect(view.procs.filter((p) => p.ppid === 1).map((p) => p.comm)).toContain('bash');
    expect(view.procs[0]?.key).toBe('1'); // sorted first
  });

  it('merges a v1 group across its hierarchies, with the OOM kill counted (lesson 05)', () => {
    const view = viewOf(load('05-oom-v1'));
    const group = view.cgroups.find((c) => c.path !== '/' && c.memory?.limit);
    expect(group?.memory?.oomKills).toBeGreaterThan(0);
    expect(group?.controllers).toContain('memory');
    expect(view.base.cgroupVersion).toBe(1);
  });

  it('resolves a veth pair across two namespaces (lesson 10)', () => {
    const view = viewOf(load('10-veth'));
    expect(view.net.length).toBe(2);
    const [a, b] = view.net;
    const end = a?.interfaces.find((i) => i.peer);
    expect(end?.peer?.ns).toBe(b?.ns);
    const other = b?.interfaces.find((i) => i.name === end?.peer?.name);
    expect(other?.peer).toEqual({ ns: a?.ns, name: end?.name });
  });

  it("plans an overlay's layers in the sandbox's root, and leaves the sandbox's own root overlay out (lesson 08)", () => {
    const snap = load('08-whiteout');
    const sb = initOf(snap);
    const plans = planOverlays(snap, sb);
    expect(plans.map((p) => p.mountPoint)).toEqual(['/root/ov/merged']);
    const plan = plans[0];
    expect(plan?.layers.map((l) => [l.role, l.dir])).toEqual([
      ['merged', '/root/ov/merged'],
      ['upper', '/root/ov/upper'],
      ['lower', '/root/ov/lower'],
    ]);
    expect(plan?.layers[1]?.read).toEqual({ pid: sb.initPid, path: '/root/ov/upper' });
    const upper: DirListing = { entries: [{ path: 'ambos.txt', type: 'whiteout' }], truncated: false };
    const listings: Listings = new Map([[sb.initPid, new Map([['/root/ov/upper', upper]])]]);
    const view = buildPanelView(snap, sb, plans, listings);
    const layers = view.overlays[0]?.layers;
    expect(layers?.[1]?.entries).toEqual([{ path: 'ambos.txt', type: 'whiteout' }]);
    expect(layers?.[2]?.error).toBe('missing');
  });

  it('fits the wire schema for every recorded snapshot of every lesson', () => {
    const names = readdirSync(new URL('../checks/fixtures/', import.meta.url))
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.slice(0, -'.json'.length));
    expect(names.length).toBeGreaterThan(80);
    for (const name of names) {
      const msg = diffPanel(undefined, viewOf(load(name)));
      expect(panelMessage.safeParse(msg).success, name).toBe(true);
      expect(msg?.procs?.upsert.length, name).toBeGreaterThan(0);
    }
  });
});

describe('the process each terminal tab types into (02-unshared: tab A ran unshare … chroot rootfs /bin/sh)', () => {
  const snap = load('02-unshared');
  const byComm = (comm: string) => snap.processes.filter((p) => p.comm === comm).map((p) => p.hostPid);
  const [bashA, bashB] = snap.processes.filter((p) => p.comm === 'bash');
  const [unshare] = byComm('unshare');
  const [sh] = byComm('sh');
  if (!bashA || !bashB || unshare === undefined || sh === undefined) throw new Error('02-unshared changed');
  // Each tab's shell is the child of its pty's relay (the launcher, outside the sandbox).
  const ptys = [bashA.ppid, bashB.ppid];
  /** /proc/PID/stat's job-control fields, as the kernel would show them (tpgid is the same for every member). */
  const stats = (groups: Record<number, number>, fg: number) =>
    new Map(Object.entries(groups).map(([pid, pgrp]) => [Number(pid), { pgrp, tpgid: fg }]));
  const own = { [bashA.hostPid]: bashA.hostPid, [unshare]: unshare, [bashB.hostPid]: bashB.hostPid };

  it("is the chrooted shell, not the unshare that started it (busybox sh makes itself the terminal's foreground)", () => {
    const typing = typingProcs(snap, ptys, stats({ ...own, [sh]: sh }, sh));
    expect(typing.get(sh)).toBe(0);
    expect(typing.has(unshare)).toBe(false);
    const view = buildPanelView(snap, initOf(snap), [], new Map(), typing);
    expect(view.procs.filter((p) => p.typing === 0).map((p) => p.comm)).toEqual(['sh']);
  });

  it("is the deepest member of the foreground group when the inner shell keeps its parent's group", () => {
    expect(typingProcs(snap, ptys, stats({ ...own, [sh]: unshare }, unshare)).get(sh)).toBe(0);
  });

  it("is the tab's own shell at its prompt, in each tab, and with nothing read", () => {
    const b = stats({ [bashB.hostPid]: bashB.hostPid }, bashB.hostPid);
    expect(typingProcs(snap, [undefined, bashB.ppid], b)).toEqual(new Map([[bashB.hostPid, 1]]));
    expect(typingProcs(snap, ptys, new Map())).toEqual(
      new Map([
        [bashA.hostPid, 0],
        [bashB.hostPid, 1],
      ]),
    );
  });

  it('leaves a background job out: it has a group of its own, not the foreground one', () => {
    // derived: the unshare made a background job of tab A's bash (its own group), the bash at its prompt
    const typing = typingProcs(snap, ptys, stats({ ...own, [sh]: unshare }, bashA.hostPid));
    expect(typing.get(bashA.hostPid)).toBe(0);
  });
});
