// The Kernel panel on real sandboxes: while the lessons' own commands run (typed into real shells), the
// messages the panel hub pushes, applied as the browser applies them, show the new UTS namespace and its
// host name (02), the cgroup's limit and the OOM kill as it happens (05), the forks a pids limit refused
// (06), the overlay's layers with the copied-up file and the whiteout (08), and the veth pair between two
// network namespaces (10). With GAIOLA_RECORD_CHECK_FIXTURES=1 the views are recorded for the renderer's
// unit tests (app/_components/kernel-panel/fixtures/).
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import unshare from '../../lessons/02-unshare/lesson';
import memory from '../../lessons/05-cgroups-memory/lesson';
import pidsFreezer from '../../lessons/06-cgroups-pids-freezer/lesson';
import overlay from '../../lessons/08-overlay/lesson';
import network from '../../lessons/10-network/lesson';
import type { LessonDef } from '../../lessons/types';
import { inspectSandbox } from '../src/kernel/inspect';
import { PanelHub, panelKernel } from '../src/panel/panel-hub';
import {
  applyPanel,
  type CgroupHistory,
  EMPTY_PANEL_VIEW,
  nextHistory,
  type PanelMessage,
  type PanelSectionId,
  type PanelView,
  panelMessage,
} from '../src/protocol';
import { sharedLooks } from '../src/sessions/sandbox-observer';
import { type LessonRig, lessonCgroupVersion, lessonRig, RECORD, typeLine, typeStep } from './checks-helpers';
import { kernelSuite } from './kernel-helpers';

const { probe, skip } = kernelSuite('panel.kernel.test');
const version = lessonCgroupVersion(probe);
const FIXTURES = fileURLToPath(new URL('../../app/_components/kernel-panel/fixtures/', import.meta.url));

/** What a browser with the panel open holds: every pushed message validated and applied, in order. */
class Watcher {
  view: PanelView = EMPTY_PANEL_VIEW;
  history: CgroupHistory = {};
  messages: PanelMessage[] = [];
  private waiters: (() => void)[] = [];

  send(msg: PanelMessage): void {
    // The browser drops what does not validate: so must this test.
    const parsed = panelMessage.parse(JSON.parse(JSON.stringify(msg)));
    const before = this.messages.length === 0 ? null : this.view;
    this.view = applyPanel(parsed.full ? EMPTY_PANEL_VIEW : this.view, parsed);
    this.history = nextHistory(this.history, before, this.view);
    this.messages.push(parsed);
    for (const w of this.waiters.splice(0)) w();
  }

  /** Resolves once the view satisfies `pred`; fails after `ms` with what it waited for. */
  async until(pred: (v: PanelView) => boolean, what: string, ms = 10_000): Promise<PanelView> {
    const deadline = Date.now() + ms;
    while (!pred(this.view)) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`the panel never showed ${what}; last view: ${JSON.stringify(this.view)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.view;
  }

  record(name: string): void {
    if (!RECORD) return;
    mkdirSync(FIXTURES, { recursive: true });
    writeFileSync(
      `${FIXTURES}${name}.json`,
      `${JSON.stringify({ view: this.view, history: this.history }, null, 1)}\n`,
    );
  }
}

/** A lesson's rig with the panel open on it: the hub looks at the rig's sandbox and pushes to a Watcher. */
function panelOn(lesson: LessonDef, hostname: string) {
  const rig = lessonRig(lesson, probe, { hostname, tag: `panel-${lesson.slug.slice(0, 2)}` });
  const ctx = {} as { hub: PanelHub; watcher: Watcher; rig: LessonRig };
  ctx.rig = rig;
  // Registered after the rig's: runs before the sandbox is destroyed, even when a test failed.
  afterAll(() => ctx.hub?.closeAll());
  /** Opens the panel on `section`; resolves once its view shows both shells, with that view and the hub's log. */
  const open = async (section: PanelSectionId) => {
    const logs: string[] = [];
    ctx.hub = new PanelHub(
      async () => rig.sb,
      panelKernel(
        rig.cfg.launcherPath,
        sharedLooks((sb, o) => inspectSandbox(sb, { ...o, launcherPath: rig.cfg.launcherPath })).look,
      ),
      (l) => logs.push(l),
      async () => [rig.a.pty.pid, rig.b.pty.pid],
    );
    ctx.watcher = new Watcher();
    ctx.hub.open('student', ctx.watcher, section);
    const first = await ctx.watcher.until((v) => v.procs.length >= 2, 'the two shells');
    return { logs, first };
  };
  /** Closes the panel; with GAIOLA_RECORD_CHECK_FIXTURES=1, what it showed is kept as the fixture `name`. */
  const close = (name?: string) => {
    if (name) ctx.watcher.record(name);
    ctx.hub.closeAll();
  };
  return { ctx, open, close };
}

/** Types a step's commands, nudging the panel after each as the shell's prompt does in the agent. */
async function step(ctx: { hub: PanelHub; rig: LessonRig }, lesson: LessonDef, id: string) {
  await typeStep(ctx.rig, lesson, id, version);
  ctx.hub.poke('student');
}

describe.skipIf(skip !== undefined)('the Kernel panel on real sandboxes', () => {
  describe('lesson 02: a new UTS namespace', () => {
    const { ctx, open, close } = panelOn(unshare, 'gaiola-panel02');

    it('shows the sandbox first, then the shell in its own UTS namespace with its own host name', async () => {
      const { logs, first } = await open('processes');
      expect(ctx.watcher.messages[0]?.full).toBe(true);
      expect(first.base.hostname).toBe('gaiola-panel02');
      // The sandbox's init is the root of the tree, PID 1, as `ps` shows it inside.
      expect(first.procs[0]).toMatchObject({ key: '1', pids: [1], comm: 'gaiola-init' });
      expect(new Set(first.procs.map((p) => p.ns.uts))).toEqual(new Set([first.base.ns.uts]));
      await step(ctx, unshare, 'unshare');
      await step(ctx, unshare, 'namespaces');
      await step(ctx, unshare, 'hostname');
      const v = await ctx.watcher.until(
        (w) => w.uts.some((u) => u.hostname === 'contedor-a-man'),
        'the host name contedor-a-man',
      );
      const sh = v.procs.find((p) => p.comm === 'sh');
      expect(sh?.ns.uts).not.toBe(v.base.ns.uts);
      expect(v.uts.find((u) => u.ns === sh?.ns.uts)?.hostname).toBe('contedor-a-man');
      // `unshare -p -f`: the shell is PID 1 of its own PID namespace, and has another PID in the sandbox's.
      expect(sh?.pids.at(-1)).toBe(1);
      expect(sh?.pids.length).toBe(2);
      expect(sh?.ns.pid).not.toBe(v.base.ns.pid);
      // Tab A types into that shell (the foreground of its pty), not into the unshare that started it; tab B
      // into its own bash.
      const typing = await ctx.watcher.until(
        (w) => w.procs.some((p) => p.typing === 0 && p.comm === 'sh'),
        'sh typed in',
      );
      expect(typing.procs.filter((p) => p.typing !== undefined).map((p) => [p.comm, p.typing])).toEqual([
        ['bash', 1],
        ['sh', 0],
      ]);
      // Later messages carried changes only, never the whole view again.
      expect(ctx.watcher.messages.slice(1).every((m) => !m.full)).toBe(true);
      expect(logs).toEqual([]);
      close('nested-ns');
    });
  });

  describe('lesson 05: a memory limit and an OOM kill', () => {
    const { ctx, open, close } = panelOn(memory, 'gaiola-panel05');

    it('shows the limit, the shell joining the group and the OOM kill when it happens', async () => {
      await open('cgroups');
      await step(ctx, memory, 'group');
      const limited = await ctx.watcher.until(
        (v) => v.cgroups.some((c) => c.path === '/demo' && c.memory?.limit === 100 * 1024 * 1024),
        'the group /demo with its 100 MiB limit',
      );
      expect(limited.cgroups.find((c) => c.path === '/demo')?.memory?.oomKills).toBe(0);
      await step(ctx, memory, 'join');
      const shell = await ctx.watcher.until(
        (v) => (v.cgroups.find((c) => c.path === '/demo')?.procs.length ?? 0) > 0,
        'a process in /demo',
      );
      expect(shell.cgroups.find((c) => c.path === '/demo')?.procs.length).toBe(1);
      // The OOM step's hog (`tail /dev/zero`) runs until the kernel kills it: the panel sees the kill.
      await step(ctx, memory, 'oom');
      const killed = await ctx.watcher.until(
        () => (ctx.watcher.history['/demo']?.events ?? []).some((e) => e.kind === 'oom'),
        'an OOM event on /demo',
      );
      expect(killed.cgroups.find((c) => c.path === '/demo')?.memory?.oomKills).toBeGreaterThan(0);
      const samples = ctx.watcher.history['/demo']?.samples ?? [];
      expect(samples.length).toBeGreaterThan(1);
      expect(samples.every((s) => s.limit === 100 * 1024 * 1024)).toBe(true);
      close('oom');
    });
  });

  describe('lesson 06-cgroups-pids-freezer: a pids limit', () => {
    const { ctx, open, close } = panelOn(pidsFreezer, 'gaiola-panel06');

    it('marks the forks the limit refused as they happen', async () => {
      await open('cgroups');
      // The bomb (40 background sleeps against a limit of 20) and the look at the counters after it.
      const isBomb = (text: string) => text.includes('seq 40') || text.includes('pids.current');
      // The group and its limit first, so that the panel sees it before the bomb.
      await typeStep(ctx.rig, pidsFreezer, 'pids', version, isBomb);
      ctx.hub.poke('student');
      await ctx.watcher.until(
        (v) => v.cgroups.some((c) => c.path === '/pid20' && c.pids?.max === 20 && c.pids.refused === 0),
        'the group /pid20 with pids.max 20',
      );
      await typeStep(ctx.rig, pidsFreezer, 'pids', version, (text) => !isBomb(text));
      ctx.hub.poke('student');
      const v = await ctx.watcher.until(
        () => (ctx.watcher.history['/pid20']?.events ?? []).some((e) => e.kind === 'pids'),
        'a refused-fork event on /pid20',
      );
      expect(v.cgroups.find((c) => c.path === '/pid20')?.pids?.refused).toBeGreaterThan(0);
      close();
    });
  });

  describe('lesson 08: an overlay and its layers', () => {
    const { ctx, open, close } = panelOn(overlay, 'gaiola-panel08');

    it('draws the layers: the copied-up file in upper, the whiteout of the deleted one', async () => {
      await open('processes');
      for (const id of ['mount', 'copy-up', 'whiteout']) await step(ctx, overlay, id);
      await ctx.watcher.until(
        (w) =>
          w.mountViews.some((m) => m.mounts.some((x) => x.fsType === 'overlay' && x.mountPoint === '/root/ov/merged')),
        'the overlay among the mounts',
      );
      // The layers are read only while the mounts section shows.
      expect(ctx.watcher.view.overlays).toEqual([]);
      ctx.hub.open('student', ctx.watcher, 'mounts');
      const v = await ctx.watcher.until(
        (w) =>
          w.overlays.some((o) =>
            o.layers.some((l) => l.role === 'upper' && l.entries.some((e) => e.type === 'whiteout')),
          ),
        'a whiteout in the upper layer',
      );
      const ov = v.overlays.find((o) => o.mountPoint === '/root/ov/merged');
      const layer = (role: string) => ov?.layers.find((l) => l.role === role);
      expect(ov?.layers.map((l) => [l.role, l.dir])).toEqual([
        ['merged', '/root/ov/merged'],
        ['upper', '/root/ov/upper'],
        ['lower', '/root/ov/lower'],
      ]);
      expect(layer('upper')?.entries).toEqual([
        { path: 'ambos.txt', type: 'whiteout' },
        { path: 'baixo.txt', type: 'file' },
      ]);
      expect(layer('lower')?.entries).toEqual([
        { path: 'ambos.txt', type: 'file' },
        { path: 'baixo.txt', type: 'file' },
      ]);
      expect(layer('merged')?.entries).toEqual([{ path: 'baixo.txt', type: 'file' }]);
      close('overlay-whiteout');
      await typeLine(ctx.rig.a, 'cd / && umount /root/ov/merged && umount /root/ov');
    });
  });

  describe('lesson 10: a veth pair', () => {
    const { ctx, open, close } = panelOn(network, 'gaiola-panel10');

    it('links the two ends across the two network namespaces', async () => {
      await open('network');
      expect(ctx.watcher.view.net.length).toBe(1);
      expect(ctx.watcher.view.overlays).toEqual([]);
      for (const id of ['veth', 'addresses']) await step(ctx, network, id);
      const v = await ctx.watcher.until(
        (w) => w.net.some((n) => n.interfaces.some((i) => i.name === 'ceth0' && i.up && i.peer)),
        'ceth0 up, with its peer',
      );
      const base = v.net.find((n) => n.ns === v.base.ns.net);
      const other = v.net.find((n) => n.ns !== v.base.ns.net);
      const veth0 = base?.interfaces.find((i) => i.name === 'veth0');
      const ceth0 = other?.interfaces.find((i) => i.name === 'ceth0');
      expect(veth0?.peer).toEqual({ ns: other?.ns, name: 'ceth0' });
      expect(ceth0?.peer).toEqual({ ns: v.base.ns.net, name: 'veth0' });
      expect(veth0?.addrs).toContain('10.200.0.1/24');
      expect(ceth0?.addrs).toContain('10.200.0.2/24');
      // The shell that made the namespace is in it.
      expect(v.procs.some((p) => p.ns.net === other?.ns && p.comm === 'bash')).toBe(true);
      close('veth');
    });
  });
});
