// Lesson 03 (namespaces) on a real sandbox: before anything no step is done; typed fakes pass nothing (the
// words echoed, `unshare -u` alone, reading the time offsets of the sandbox's own namespace); the reference
// solution typed through the ptys (the container in tab A; nsenter, a time namespace and a cgroup namespace
// from tab B) turns every step done.
import { describe, expect, it } from 'vitest';
import lesson from '../../lessons/03-namespaces/lesson';
import { sandboxPid } from '../src/checks/util';
import { lessonCgroupVersion, lessonRig, record, typeLine, typeStep } from './checks-helpers';
import { kernelSuite } from './kernel-helpers';

const { probe, skip } = kernelSuite('checks-03-namespaces.kernel.test');

const NOTHING = {
  container: { done: false, hint: 'no-new-pidns' },
  nsenter: { done: false, hint: 'no-container' },
  time: { done: false, hint: 'no-time-ns' },
  cgroupns: { done: false, hint: 'same-ns', params: { kind: 'cgroup' } },
};

describe.skipIf(skip !== undefined)('lesson 03 checks on a real sandbox', () => {
  const rig = lessonRig(lesson, probe, { hostname: 'gaiola-lesson03', tag: 'checks-03' });

  it('is not done in a fresh sandbox', async () => {
    const { snap, results } = await rig.lookFresh('fresh-03', ['container', 'nsenter', 'time', 'cgroupns']);
    expect(results).toEqual(NOTHING);
    expect(snap.base.uidBase).toBe(rig.sb.uidBase);
    expect(snap.processes.every((p) => p.uidMap === null && p.setgroups === null && p.timeOffsets === null)).toBe(true);
  });

  it('passes nothing for typed fakes', async () => {
    await rig.b.ok('echo nsenter -t 1 -m -u -i -n -p -r -w /bin/sh; echo --boottime 315360000; echo unshare -C');
    expect(await rig.b.ok('cat /proc/self/timens_offsets')).toMatch(/boottime\s+0\s+0/);
    await rig.b.ok('unshare -u sleep 1000 </dev/null >/dev/null 2>&1 & disown');
    await rig.obs.until('container', 300).catch(() => undefined);
    const { snap, results } = await rig.lookAs('03-fakes');
    expect(snap.processes.some((p) => p.comm === 'sleep' && p.ns.uts !== snap.base.ns.uts)).toBe(true);
    expect(results).toEqual(NOTHING);
    await rig.b.ok('pkill -KILL -x sleep; while pgrep -x sleep >/dev/null; do sleep 0.05; done');
  });

  it('turns every step done with the reference solution typed in the terminals', async () => {
    await typeLine(rig.a, 'cd /root && unshare -m -i -n -p -u -f --mount-proc=rootfs/proc chroot rootfs /bin/sh');
    const up = await rig.obs.until('container');
    record('03-container', up.snap);
    expect(up.results.nsenter).toEqual({ done: false, hint: 'not-joined' });
    expect(await typeLine(rig.a, 'echo $$; ps')).toMatch(/[\r\n]1\r\n/);

    // -p without -r: nsenter's child sits in every namespace but keeps the sandbox's root (bash: the
    // sandbox's /bin/sh is dash, which prints no prompt marker)
    await typeLine(rig.b, 'nsenter -t $(pgrep -n -x sh) -m -u -i -n -p bash');
    let seen = await rig.obs.look();
    for (let i = 0; i < 40 && seen.results.nsenter?.done === false && seen.results.nsenter.hint !== 'wrong-root'; i++)
      seen = await rig.obs.look();
    record('03-nsenter-noroot', seen.snap);
    const noRoot = seen.snap.processes.find(
      (p) => p.comm === 'bash' && p.ns.pid !== seen.snap.base.ns.pid && p.nsPids.at(-1) !== 1,
    );
    expect(noRoot).toBeDefined();
    expect(seen.results.nsenter).toEqual({
      done: false,
      hint: 'wrong-root',
      params: { pid: sandboxPid(noRoot as NonNullable<typeof noRoot>) },
    });
    await typeLine(rig.b, 'exit');

    // without -p: the shell stays in the sandbox's PID namespace
    await typeLine(rig.b, 'nsenter -t $(pgrep -n -x sh) -m -u -i -n -r -w /bin/sh');
    const noPid = await rig.lookAs('03-nsenter-nopid');
    expect(noPid.results.nsenter).toMatchObject({ done: false, hint: 'missing-ns', params: { kind: 'pid' } });
    await typeLine(rig.b, 'exit');

    const joined = await typeLine(rig.b, 'nsenter -t $(pgrep -n -x sh) -m -u -i -n -p -r -w /bin/sh');
    expect(joined).toContain('root@');
    const entered = await rig.obs.until('nsenter');
    record('03-nsenter', entered.snap);
    expect(await typeLine(rig.b, 'grep NSpid /proc/$$/status')).toMatch(/NSpid:\s+\d+\r\n/); // the container's own /proc: one PID namespace;
    await typeLine(rig.b, 'exit');
    expect((await rig.obs.look()).results.nsenter).toEqual({ done: false, hint: 'not-joined' });

    // a time namespace with a small boot-time offset first
    await typeLine(rig.b, 'unshare --time --fork --boottime 60 bash');
    const small = await rig.lookAs('03-time-small');
    expect(small.results.time).toEqual({ done: false, hint: 'small-offset', params: { found: 60 } });
    await typeLine(rig.b, 'exit');

    await typeLine(rig.b, 'unshare --time --fork --boottime 315360000 bash');
    const timed = await rig.obs.until('time');
    record('03-time', timed.snap);
    expect(timed.snap.processes.some((p) => p.timeOffsets?.boottime === 315360000)).toBe(true);
    expect(await typeLine(rig.b, 'cat /proc/self/timens_offsets')).toMatch(/boottime\s+315360000\s+0/);
    expect(await typeLine(rig.b, 'uptime -p')).toMatch(/decade|year/);
    await typeLine(rig.b, 'exit');

    // the page's commands on this host: a child group, then a cgroup namespace rooted at it; the step's
    // last commands (from its `exit` on) are the clean-up, typed once the namespace has been judged
    const cgStep = lesson.steps.find((s) => s.id === 'cgroupns');
    const tidyFrom = cgStep?.commands.findIndex((c) => c.text === 'exit') ?? -1;
    expect(tidyFrom).toBeGreaterThan(0);
    const tidy = new Set(cgStep?.commands.slice(tidyFrom).map((c) => c.text));
    const cgOut = await typeStep(rig, lesson, 'cgroupns', lessonCgroupVersion(probe), (t) => tidy.has(t));
    const cg = await rig.obs.until('cgroupns');
    record('03-cgroupns', cg.snap);
    const v2 = lessonCgroupVersion(probe) === 'v2';
    // [cat, mkdir+echo, cat, unshare, cat self + PID 1]
    expect(cgOut[0]).toMatch(v2 ? /^0::\/init\r?$/m : /^\d+:memory:\/\r?$/m);
    expect(cgOut[2]).toMatch(v2 ? /^0::\/visto\r?$/m : /^\d+:memory:\/visto\r?$/m);
    // inside the new namespace: itself at '/', the sandbox's PID 1 above its root, at '/..'
    expect(cgOut[4]).toMatch(v2 ? /^0::\/\r?$/m : /^\d+:memory:\/\r?$/m);
    expect(cgOut[4]).toMatch(v2 ? /^0::\/\.\.\/init\r?$/m : /^\d+:memory:\/\.\.\r?$/m);
    // everything but the steps whose processes were left behind: the container, tab B's cgroup namespace
    expect(cg.results.container).toEqual({ done: true });

    // the clean-up: tab B's shell back in the group it started in, and `visto` gone, so that later
    // lessons (which read /proc/self/cgroup from tab B) find it where they say it is
    const tidyOut = await typeStep(rig, lesson, 'cgroupns', lessonCgroupVersion(probe), (t) => !tidy.has(t));
    expect(tidyOut.length).toBe(2);
    expect(await typeLine(rig.b, 'cat /proc/self/cgroup')).toMatch(v2 ? /^0::\/init\r?$/m : /^\d+:memory:\/\r?$/m);
    expect(await typeLine(rig.b, `ls ${v2 ? '/sys/fs/cgroup' : '/sys/fs/cgroup/memory'}; echo listed`)).not.toContain(
      'visto',
    );
    await typeLine(rig.a, 'exit');
  });

  it('leaves nothing on the host', async () => {
    await rig.destroyAndExpectNothingLeft();
  });
});
