// Lesson 15 (/dev and the duty of PID 1) on a real sandbox: before anything no step is done; fakes pass
// nothing (the words echoed, plain files and the wrong node bound on a container's /dev, the sandbox's own
// devpts bound in, a devpts without ptmxmode, a zombie whose parent is no namespace's init, an init that never
// waits renamed `init`), each with the hint of what it lacks; the reference solution typed through the ptys
// turns every step done: a /dev of binds with its own devpts, a zombie under a PID 1 that never waits, then a
// PID 1 that reaps.
import { describe, expect, it } from 'vitest';
import lesson from '../../lessons/15-dev-and-pid1/lesson';
import { innermostPid, sandboxPid } from '../src/checks/util';
import type { SandboxSnapshot } from '../src/kernel/snapshot';
import { lessonCgroupVersion, lessonRig, record, typeLine } from './checks-helpers';
import { kernelSuite } from './kernel-helpers';

const { probe, skip } = kernelSuite('checks-15-dev-and-pid1.kernel.test');
const version = lessonCgroupVersion(probe);

const HOSTNAME = 'gaiola-lesson15';
const KILL_ALL = 'pkill -KILL -x sleep; pkill -KILL -x unshare; while pgrep -x sleep >/dev/null; do sleep 0.05; done';

/** The step's command line that blocks its terminal (the PID 1 runs in the foreground), by its start. */
const commandOf = (stepId: string, start: string): string => {
  const c = lesson.steps.find((s) => s.id === stepId)?.commands.find((x) => x.text.startsWith(start));
  if (!c) throw new Error(`step ${stepId} has no command starting ${start}`);
  return c.text;
};

const initNamed = (snap: SandboxSnapshot, comm: string) =>
  snap.processes.find((p) => p.comm === comm && p.ns.pid !== snap.base.ns.pid && innermostPid(p) === 1);

describe.skipIf(skip !== undefined)('lesson 15 checks on a real sandbox', () => {
  const rig = lessonRig(lesson, probe, { hostname: HOSTNAME, tag: 'checks-15' });

  it('is not done in a fresh sandbox', async () => {
    const { snap, results } = await rig.lookFresh('fresh-15', ['dev', 'devpts', 'zombie', 'reaper']);
    expect(snap.zombies).toEqual([]);
    expect(results).toEqual({
      dev: { done: false, hint: 'no-mount-ns' },
      devpts: { done: false, hint: 'no-mount-ns' },
      zombie: { done: false, hint: 'no-new-pidns' },
      reaper: { done: false, hint: 'no-new-pidns' },
    });
  });

  it("passes no /dev of plain files, of the wrong nodes, of the sandbox's own devpts or of a devpts without ptmxmode", async () => {
    await rig.b.ok('echo mount --bind /dev/null rootfs/dev/null; echo devpts ptmxmode=666; echo Z sleep');
    // A container's /dev whose null is a plain file, zero is the sandbox's null, and the rest are right.
    const script = [
      'cd /root',
      'mount -t tmpfs dev rootfs/dev',
      'for d in null zero random urandom tty; do touch rootfs/dev/$d; done',
      'echo x > /tmp/gaiola-null && mount --bind /tmp/gaiola-null rootfs/dev/null',
      'mount --bind /dev/null rootfs/dev/zero',
      'for d in random urandom tty; do mount --bind /dev/$d rootfs/dev/$d; done',
      'mkdir rootfs/dev/pts && mount --bind /dev/pts rootfs/dev/pts',
      'exec sleep 1000',
    ].join('; ');
    await rig.b.ok(`unshare -m sh -c '${script}' </dev/null >/dev/null 2>&1 & disown`);
    let seen = await rig.obs.look();
    for (let i = 0; i < 100 && seen.results.dev?.done === false && seen.results.dev.hint !== 'missing-devices'; i++)
      seen = await rig.obs.look();
    for (let i = 0; i < 100 && !seen.snap.processes.some((p) => p.comm === 'sleep'); i++) seen = await rig.obs.look();
    record('15-dev-fake', seen.snap);
    expect(seen.results.dev).toEqual({
      done: false,
      hint: 'missing-devices',
      params: { dev: '/root/rootfs/dev', missing: 'null, zero' },
    });
    expect(seen.results.devpts).toEqual(seen.results.dev);
    await rig.b.ok(KILL_ALL);

    // Every node right, but the devpts is the sandbox's own, bound in; then a new one without ptmxmode.
    const devpts = async (mount: string, name: string) => {
      const body = [
        'cd /root',
        'mount -t tmpfs dev rootfs/dev',
        'for d in null zero random urandom tty; do touch rootfs/dev/$d && mount --bind /dev/$d rootfs/dev/$d; done',
        `mkdir rootfs/dev/pts && ${mount}`,
        'exec sleep 1000',
      ].join('; ');
      await rig.b.ok(`unshare -m sh -c '${body}' </dev/null >/dev/null 2>&1 & disown`);
      let s = await rig.obs.look();
      for (let i = 0; i < 100 && !(s.results.dev?.done && s.snap.processes.some((p) => p.comm === 'sleep')); i++)
        s = await rig.obs.look();
      record(name, s.snap);
      await rig.b.ok(KILL_ALL);
      return s.results;
    };
    const shared = await devpts('mount --bind /dev/pts rootfs/dev/pts', '15-devpts-shared');
    expect(shared.dev).toEqual({ done: true });
    expect(shared.devpts).toEqual({ done: false, hint: 'devpts-shared', params: { dev: '/root/rootfs/dev' } });
    const closed = await devpts('mount -t devpts -o newinstance devpts rootfs/dev/pts', '15-devpts-closed');
    expect(closed.devpts).toEqual({ done: false, hint: 'devpts-ptmxmode', params: { dev: '/root/rootfs/dev' } });
  });

  it('passes no zombie whose parent is not an init, and no init that never waits, whatever its name', async () => {
    // A zombie in the sandbox's own PID namespace: its parent is no container's PID 1.
    await rig.b.ok(`sh -c 'sleep 0.1 & exec sleep 1000' </dev/null >/dev/null 2>&1 & disown`);
    // A container whose PID 1 is `sleep` renamed `init`: no zombie yet, nothing ever reaped.
    await rig.b.ok('cp /bin/sleep /tmp/init');
    await rig.b.ok('unshare -p -f --mount-proc /tmp/init 1000 </dev/null >/dev/null 2>&1 & disown');
    let seen = await rig.obs.look();
    for (let i = 0; i < 100 && !initNamed(seen.snap, 'init'); i++) seen = await rig.obs.look();
    record('15-pid1-fake', seen.snap);
    const init = initNamed(seen.snap, 'init');
    expect(init).toBeDefined();
    const pid = sandboxPid(init as NonNullable<typeof init>);
    expect(seen.snap.zombies).toEqual([]);
    expect(seen.results.zombie).toEqual({ done: false, hint: 'no-zombie', params: { pid, comm: 'init' } });
    expect(seen.results.reaper).toEqual({ done: false, hint: 'not-reaped', params: { pid, comm: 'init' } });
    // SIGTERM from outside does not reach a namespace's init without a handler; SIGKILL does.
    await rig.b.ok(`kill ${pid}; sleep 0.2; kill -0 ${pid}`);
    await rig.b.ok(
      `pkill -KILL -x init; ${KILL_ALL}; while pgrep -x init >/dev/null; do sleep 0.05; done; rm /tmp/init`,
    );
  });

  it('turns every step done with the reference solution typed in the terminals', async () => {
    await typeLine(rig.a, 'cd /root');
    const { outs: dev, seen: devDone } = await rig.solveStep('dev', '15-dev');
    expect(dev.join('')).toContain('mknod: rootfs/dev/null: Operation not permitted');
    expect(devDone.results.devpts).toEqual({ done: false, hint: 'no-devpts', params: { dev: '/root/rootfs/dev' } });

    const { outs: pts } = await rig.solveStep('devpts', '15-devpts');
    const listing = pts.join('');
    expect(listing).toMatch(/crw-rw-rw- +1 root +root +5, +2 .* ptmx/);
    expect(listing).toMatch(/null/);
    if (version === 'v1') expect(listing).toContain('a *:* rwm');

    // The zombie: PID 1 execs a `sleep` that never waits; the terminal stays with it.
    await typeLine(rig.a, 'exit');
    rig.a.pty.write(`${commandOf('zombie', 'unshare')}\n`);
    const zombie = await rig.obs.until('zombie', 10_000);
    record('15-zombie', zombie.snap);
    const zInit = initNamed(zombie.snap, 'sleep');
    expect(zombie.snap.zombies?.map((z) => [z.comm, z.ppid, z.nsPids.at(-1)])).toEqual([['sleep', zInit?.hostPid, 2]]);
    expect(zombie.results.reaper).toEqual({
      done: false,
      hint: 'zombie-left',
      params: { pid: sandboxPid(zInit as NonNullable<typeof zInit>), comm: 'sleep' },
    });
    const ps = await typeLine(rig.b, commandOf('zombie', 'ps'));
    expect(ps).toMatch(/ Z\+? +sleep/);
    // SIGTERM from Terminal B changes nothing; SIGKILL ends the namespace and its zombie, and tab A is back.
    const term = await typeLine(rig.b, commandOf('zombie', 'kill $('));
    expect(term).toMatch(/ Z\+? /); // grep colours the name
    const before = rig.a.output.length;
    await typeLine(rig.b, commandOf('zombie', 'kill -KILL'));
    await rig.a.waitFor((o) => o.slice(before).includes('root@'), 'tab A back at its prompt');
    expect((await rig.obs.look()).snap.zombies).toEqual([]);

    // The reaper: the shell stays PID 1 and waits.
    rig.a.pty.write(`${commandOf('reaper', 'unshare')}\n`);
    const reaped = await rig.obs.until('reaper', 10_000);
    record('15-reaper', reaped.snap);
    expect(reaped.snap.zombies).toEqual([]);
    const rInit = initNamed(reaped.snap, 'sh');
    expect(rInit?.reapedFaults).toBeGreaterThan(0);
    expect(await typeLine(rig.b, commandOf('reaper', 'ps'))).not.toMatch(/ Z\+? /);
    expect(await typeLine(rig.b, commandOf('reaper', 'readlink'))).toMatch(/readlink\r\n\/usr\/bin\/bash\r\n/);
    const back = rig.a.output.length;
    await typeLine(rig.b, commandOf('reaper', 'kill -KILL'));
    await rig.a.waitFor((o) => o.slice(back).includes('root@'), 'tab A back at its prompt');
  });

  it('leaves nothing on the host', async () => {
    await rig.destroyAndExpectNothingLeft();
  });
});
