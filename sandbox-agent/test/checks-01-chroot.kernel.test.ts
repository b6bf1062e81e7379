// Lesson 01 (chroot) on a real sandbox: before anything no step is done; typed fakes pass nothing (the
// words echoed, proc mounted elsewhere, a chroot into a copy, the marker killed from outside, even with a
// planted /proc/PID/root symlink, or with SIGKILL); the reference solution typed through the pty turns
// every step done; 200 short-lived /bin/kill binaries from the chroot all count, none from outside. Also: the
// prompt marker comes from bash and from the rootfs's busybox sh.
import { describe, expect, it } from 'vitest';
import lesson from '../../lessons/01-chroot/lesson';
import { fixtureKilledFromRoot } from '../src/checks/fixture-killed-from-root';
import { sandboxPid } from '../src/checks/util';
import { type FixtureHandle, startFixture } from '../src/kernel/lesson-fixtures';
import { PROMPT_MARKER } from '../src/kernel/prompt-marker';
import { lessonRig, promptCount, record, typeLine } from './checks-helpers';
import { kernelSuite } from './kernel-helpers';

const { probe, skip } = kernelSuite('checks-01-chroot.kernel.test');

const ROOTFS = '/root/rootfs';
const FIXTURE = 'marca';

describe.skipIf(skip !== undefined)('lesson 01 checks on a real sandbox', () => {
  let marker: FixtureHandle;
  const rig = lessonRig(lesson, probe, {
    hostname: 'gaiola-lesson01',
    tag: 'checks-01',
    fixtures: () => ({ [FIXTURE]: marker }),
    extraPaths: ['/'],
    afterCreate: () => newMarker(),
    beforeDestroy: async () => {
      await marker?.stop();
    },
  });

  /** A fresh marker, as the lesson engine starts one again after a wrong kill. */
  const newMarker = async () => {
    marker = startFixture(rig.sb, FIXTURE, { launcherPath: rig.cfg.launcherPath });
    await marker.ready;
  };

  it('is not done in a fresh sandbox, and says what it saw', async () => {
    const { snap, results } = await rig.lookFresh('fresh-01', ['chroot', 'proc', 'kill-outside']);
    expect(results.chroot).toEqual({ done: false, hint: 'no-process', params: { path: ROOTFS } });
    expect(results.proc).toEqual({ done: false, hint: 'not-chrooted', params: { path: ROOTFS } });
    expect(results['kill-outside']).toEqual({ done: false, hint: 'alive', params: { pid: marker.sandboxPid() } });
    // identities: the launcher's stat of '/' inside is the init's root as the agent stats it
    expect(snap.paths['/']).toBe(snap.base.rootId);
    expect(snap.paths[ROOTFS]).toMatch(/^\d+:\d+$/);
    expect(snap.base.hostname).toBe('gaiola-lesson01');
    // the marker looks like an ordinary process of the sandbox, named as asked
    const m = snap.processes.find((p) => p.hostPid === marker.state().hostPid);
    expect(m?.comm).toBe(FIXTURE);
    expect(m?.ns).toEqual(snap.base.ns);
    expect(m?.rootId).toBe(snap.base.rootId);
    expect(await rig.b.ok(`ps -e -o pid=,comm= | awk '$2 == "${FIXTURE}" { print $1 }'`)).toBe(
      String(marker.sandboxPid()),
    );
    // bash prints the prompt marker, and nothing of it shows as text
    expect(promptCount(rig.a.output)).toBeGreaterThan(0);
    expect(rig.a.output).not.toContain('\\[');
  });

  it('passes nothing for typed or planted fakes', async () => {
    await rig.b.ok('echo chroot rootfs /bin/sh; echo mount -t proc proc /proc; echo kill marca');
    // proc mounted somewhere else, and a chroot into a copy of the rootfs (with its own proc)
    await rig.b.ok('mkdir -p /tmp/x/proc && mount -t proc proc /tmp/x/proc');
    await rig.b.ok('cp -a /root/rootfs /tmp/rootfs && mount -t proc proc /tmp/rootfs/proc');
    await rig.b.ok('chroot /tmp/rootfs /bin/sleep 1000 </dev/null >/dev/null 2>&1 & disown');
    // what a naive check might read: a file claiming the kill, a directory named like the rootfs
    await rig.b.ok('echo "killed-by signal=15 pid=1" > /root/rootfs/tmp/marca.log; mkdir -p /tmp/root/rootfs/proc');
    const { snap, results } = await rig.lookAs('01-fakes');
    expect(snap.processes.some((p) => p.rootId !== null && p.rootId !== snap.base.rootId)).toBe(true);
    expect(results.chroot).toEqual({ done: false, hint: 'no-process', params: { path: ROOTFS } });
    expect(results.proc).toEqual({ done: false, hint: 'not-chrooted', params: { path: ROOTFS } });
    expect(results['kill-outside']).toMatchObject({ done: false, hint: 'alive' });
  });

  it('passes nothing when the rootfs path is made to lead elsewhere: to `/` or to a copy', async () => {
    const notDone = (results: Record<string, unknown>) => {
      expect(results.chroot).toEqual({ done: false, hint: 'no-process', params: { path: ROOTFS } });
      expect(results.proc).toEqual({ done: false, hint: 'not-chrooted', params: { path: ROOTFS } });
    };
    // a symlink to the sandbox's own root (on a tmpfs over /root, which hides the real rootfs: renaming it on
    // the sandbox's overlay would copy it): every process's root is where the path leads; killing the marker
    // from there is killing it from outside
    const hide = `mount -t tmpfs gaiola-fake /root && ln -s`;
    await rig.b.ok(`${hide} / ${ROOTFS}`);
    try {
      await rig.b.ok(`kill $(pidof ${FIXTURE})`);
      await marker.exited;
      const { snap, results } = await rig.obs.look();
      expect(snap.files[ROOTFS]?.id).toBe(snap.base.rootId);
      notDone(results);
      expect(results['kill-outside']).toMatchObject({ done: false, hint: 'killed-from-outside' });
    } finally {
      await rig.b.ok('umount /root');
      await newMarker();
    }
    // a bind mount of `/` over the path
    await rig.b.ok(`mount --bind / ${ROOTFS}`);
    try {
      const { snap, results } = await rig.obs.look();
      expect(snap.files[ROOTFS]?.id).toBe(snap.base.rootId);
      notDone(results);
    } finally {
      await rig.b.ok(`umount ${ROOTFS}`);
    }
    // a symlink to a copy, with a real chroot into the copy and proc mounted there
    await rig.b.ok(`cp -a ${ROOTFS} /tmp/gaiola-copy && ${hide} /tmp/gaiola-copy ${ROOTFS}`);
    await rig.b.ok('mount -t proc proc /tmp/gaiola-copy/proc');
    await rig.b.ok('chroot /tmp/gaiola-copy /bin/sleep 1000 </dev/null >/dev/null 2>&1 & disown');
    try {
      const { snap, results } = await rig.obs.look();
      expect(snap.processes.some((p) => p.rootId !== null && p.rootId === snap.files[ROOTFS]?.id)).toBe(true);
      notDone(results);
    } finally {
      await rig.b.ok(`pkill -KILL -f '^/bin/sleep 1000$'; umount /tmp/gaiola-copy/proc; true`);
      await rig.b.ok('umount /root && rm -rf /tmp/gaiola-copy');
    }
  });

  it('knows a marker killed from outside, even through a planted /proc/PID/root', async () => {
    // The killer plants /proc/<its pid>/root -> /root/rootfs in the sandbox's own /proc (the marker's mount
    // namespace): a marker reading the sandbox's /proc would believe it. It reads the host's.
    const bPid = Number(await rig.b.ok('echo $$'));
    await rig.b.ok(
      `P=$(pidof ${FIXTURE}); mount -t tmpfs gaiola-fake /proc && mkdir /proc/$$ && ln -s /root/rootfs /proc/$$/root && kill $P; umount /proc || busybox umount /proc`,
    );
    await marker.exited;
    const { snap, results } = await rig.lookAs('01-killed-outside');
    expect(snap.fixtures[FIXTURE]).toMatchObject({ alive: false, hostPid: null, killedBy: { signal: 15, pid: bPid } });
    expect(snap.fixtures[FIXTURE]?.killedBy?.rootId).toBe(snap.base.rootId);
    expect(results['kill-outside']).toEqual({ done: false, hint: 'killed-from-outside', params: { pid: bPid } });

    // SIGKILL cannot be caught: dead, nobody recorded, not done
    await newMarker();
    await rig.b.ok(`kill -9 $(pidof ${FIXTURE})`);
    await marker.exited;
    const killed9 = await rig.lookAs('01-sigkill');
    expect(killed9.snap.fixtures[FIXTURE]).toEqual({ hostPid: null, alive: false, killedBy: null });
    expect(killed9.results['kill-outside']).toEqual({ done: false, hint: 'killed-untraceable' });
    await newMarker();
  });

  it('turns every step done with the reference solution typed in the terminal', async () => {
    // tab A: into the rootfs; busybox sh prints the prompt marker too (PS1 is exported), cleanly
    const out = await typeLine(rig.a, 'cd /root; chroot rootfs /bin/sh');
    expect(out).toContain('BusyBox');
    expect(out.slice(out.indexOf('BusyBox'))).toContain(`${PROMPT_MARKER}root@gaiola-lesson01:/# `);
    expect(out).not.toContain('\\[');
    const chrooted = await rig.obs.until('chroot');
    record('01-chrooted', chrooted.snap);
    const shell = chrooted.snap.processes.find((p) => p.rootId === chrooted.snap.paths[ROOTFS]);
    expect(chrooted.results.proc).toEqual({
      done: false,
      hint: 'no-proc',
      params: { path: ROOTFS, pid: shell && sandboxPid(shell) },
    });

    await typeLine(rig.a, 'mount -t proc proc /proc');
    const withProc = await rig.obs.until('proc');
    record('01-proc', withProc.snap);
    expect(withProc.results['kill-outside']).toMatchObject({ done: false, hint: 'alive' });

    const ps = await typeLine(rig.a, 'ps');
    expect(ps).toContain(FIXTURE); // chroot is not a container: the outside is in plain sight
    await typeLine(rig.a, `kill $(pidof ${FIXTURE})`);
    const killed = await rig.obs.until('kill-outside');
    record('01-killed-inside', killed.snap);
    expect(killed.snap.fixtures[FIXTURE]?.killedBy?.rootId).toBe(killed.snap.paths[ROOTFS]);
    expect(Object.values(killed.results).every((r) => r.done)).toBe(true);
  });

  it('counts a short-lived kill binary by its parent, the chrooted shell', async () => {
    // /bin/kill may be gone before the marker looks at it: its parent comes from the kernel's accounting
    // record then (launcher/marker.c), so one try is enough.
    await newMarker();
    await typeLine(rig.a, `/bin/kill $(pidof ${FIXTURE})`);
    await marker.exited;
    const { snap, results } = await rig.obs.look();
    expect(marker.state().killedBy?.parentRootId).toBe(snap.paths[ROOTFS]);
    expect(results['kill-outside']).toEqual({ done: true });
    await typeLine(rig.a, 'umount /proc; exit');
  });

  it('judges 200 short-lived kill binaries from the chroot done, and those from outside not', async () => {
    // A /bin/kill may exit, and its shell reap it, before the marker wakes to look at it. The kills come from
    // a loop shell that kills each marker as soon as `pidof` finds it, with /bin/kill (a child of the loop):
    // no pty per run, so 200 runs stay quick.
    const { snap } = await rig.obs.look();
    const step = lesson.steps.find((s) => s.id === 'kill-outside');
    const params = step?.check.params ?? {};
    const judgeKill = () => {
      const r = fixtureKilledFromRoot({ ...snap, fixtures: { [FIXTURE]: marker.state() } }, params);
      return r.done ? 'done' : r.hint;
    };
    const loop = `while :; do p=$(pidof ${FIXTURE}) && /bin/kill $p; sleep 0.01; done`;
    const runKills = async (inRootfs: boolean, runs: number) => {
      const chroot = inRootfs ? `chroot ${ROOTFS} ` : '';
      const loopPid = await rig.b.ok(`${chroot}/bin/sh -c '${loop}' </dev/null >/dev/null 2>&1 & echo $!`);
      const seen: string[] = [];
      try {
        for (let i = 0; i < runs; i++) {
          await newMarker();
          await Promise.race([
            marker.exited,
            new Promise((_, reject) =>
              setTimeout(() => reject(new Error(`run ${i}: the marker was not killed`)), 5_000),
            ),
          ]);
          seen.push(judgeKill());
        }
      } finally {
        await rig.b.ok(`kill ${loopPid}; while kill -0 ${loopPid} 2>/dev/null; do sleep 0.01; done`);
      }
      return seen;
    };
    await rig.b.ok(`mount -t proc proc ${ROOTFS}/proc`);
    try {
      const inside = await runKills(true, 200);
      expect(inside.filter((r) => r !== 'done')).toEqual([]);
      const outside = await runKills(false, 40);
      expect(outside.filter((r) => r !== 'killed-from-outside')).toEqual([]);
    } finally {
      await rig.b.ok(`umount ${ROOTFS}/proc`);
    }
  }, 180_000);

  it('leaves nothing on the host; a marker still running dies with its sandbox', async () => {
    await newMarker();
    await rig.sb.destroy();
    await Promise.race([
      marker.exited,
      new Promise((_, reject) => setTimeout(() => reject(new Error('the marker outlived its sandbox')), 5_000)),
    ]);
    expect(marker.state()).toMatchObject({ alive: false, hostPid: null });
    await rig.destroyAndExpectNothingLeft();
  });
});
