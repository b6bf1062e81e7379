// Lesson 02 (unshare) on a real sandbox: before anything no step is done; typed fakes pass nothing (the
// words echoed, the sandbox itself renamed, empty directories, a host name on a UTS namespace beside the
// container, a /proc copied from the sandbox), and half-made containers get the hint of what is missing; the reference solution typed through the ptys (unshare in tab A, nsenter from tab B)
// turns every step done, while the sandbox keeps its own host name.
import { describe, expect, it } from 'vitest';
import lesson from '../../lessons/02-unshare/lesson';
import { innermostPid, sandboxPid } from '../src/checks/util';
import { PROMPT_MARKER } from '../src/kernel/prompt-marker';
import { lessonRig, record, typeLine } from './checks-helpers';
import { kernelSuite } from './kernel-helpers';

const { probe, skip } = kernelSuite('checks-02-unshare.kernel.test');

const HOSTNAME = 'gaiola-lesson02';
const WANTED = 'contedor-a-man';

describe.skipIf(skip !== undefined)('lesson 02 checks on a real sandbox', () => {
  const rig = lessonRig(lesson, probe, { hostname: HOSTNAME, tag: 'checks-02' });

  it('is not done in a fresh sandbox', async () => {
    const { snap, results } = await rig.lookFresh('fresh-02', ['unshare', 'namespaces', 'hostname', 'nsenter']);
    expect(results).toEqual({
      unshare: { done: false, hint: 'no-new-pidns' },
      namespaces: { done: false, hint: 'no-process' },
      hostname: { done: false, hint: 'no-new-uts' },
      nsenter: { done: false, hint: 'no-container' },
    });
    expect(snap.base.hostname).toBe(HOSTNAME);
  });

  it('passes nothing for typed fakes or for renaming the sandbox itself', async () => {
    await rig.b.ok(`echo unshare -m -i -n -p -u -f chroot rootfs /bin/sh; echo ${WANTED}; echo /proc/1/ns/uts`);
    await rig.b.ok('mkdir -p /root/rootfs2/proc /tmp/x/proc && echo "uts:[1]" > /tmp/x/uts');
    await rig.b.ok(`hostname ${WANTED}`);
    const { snap, results } = await rig.lookAs('02-sandbox-renamed');
    expect(snap.base.hostname).toBe(WANTED);
    expect(results).toEqual({
      unshare: { done: false, hint: 'no-new-pidns' },
      namespaces: { done: false, hint: 'no-process' },
      hostname: { done: false, hint: 'sandbox-renamed', params: { found: WANTED } },
      nsenter: { done: false, hint: 'no-container' },
    });
    await rig.b.ok(`hostname ${HOSTNAME}`);
    expect((await rig.obs.look()).results.hostname).toEqual({ done: false, hint: 'no-new-uts' });
  });

  it('says what a half-made container lacks', async () => {
    // new PID and UTS namespaces only: PID 1 is there, the mount/IPC/network namespaces are the sandbox's
    await rig.b.ok('unshare -p -f -u sleep 1000 </dev/null >/dev/null 2>&1 & disown');
    // until its PID 1 has become `sleep` (right after the fork it is still a copy of unshare)
    let seen = await rig.obs.until('unshare');
    const initOf = (s: typeof seen.snap) => s.processes.find((p) => p.comm === 'sleep' && innermostPid(p) === 1);
    for (let i = 0; i < 100 && !initOf(seen.snap); i++) seen = await rig.obs.until('unshare');
    const { snap, results } = seen;
    record('02-partial', snap);
    const init = initOf(snap);
    expect(init).toBeDefined();
    expect(results.namespaces).toEqual({
      done: false,
      hint: 'same-ns',
      params: { kind: 'mnt', pid: sandboxPid(init as NonNullable<typeof init>) },
    });
    // its UTS namespace is new but still carries the sandbox's name
    expect(results.hostname).toEqual({ done: false, hint: 'wrong-name', params: { found: HOSTNAME } });
    // `unshare` itself (the init's parent, outside) shares that UTS namespace: that is not joining it
    expect(results.nsenter).toEqual({ done: false, hint: 'not-joined' });
    // PID 1 of a namespace ignores SIGTERM even from outside (no handler): SIGKILL
    await rig.b.ok('pkill -KILL -x sleep; while pgrep -x sleep >/dev/null; do sleep 0.05; done');
  });

  it("passes neither a host name a UTS namespace beside the container carries nor a /proc of the sandbox's PID namespace", async () => {
    // the sandbox named, a UTS namespace made (it copies the name), the sandbox named back; and a UTS namespace
    // of its own named inside (lesson 04's way): neither is the container's
    await rig.b.ok(
      `hostname ${WANTED}; unshare -u sleep 1000 </dev/null >/dev/null 2>&1 & disown; P=$!; ` +
        `while [ "$(readlink /proc/$P/ns/uts)" = "$(readlink /proc/$$/ns/uts)" ]; do sleep 0.01; done; hostname ${HOSTNAME}`,
    );
    await rig.b.ok(`unshare -u sh -c 'hostname ${WANTED}; exec sleep 1001' </dev/null >/dev/null 2>&1 & disown`);
    // until the second has named itself (right after its unshare it still carries the sandbox's name)
    const named = (x: typeof seen.snap) => Object.values(x.hostnames).filter((n) => n === WANTED).length;
    let seen = await rig.obs.look();
    for (let i = 0; i < 100 && named(seen.snap) < 2; i++) seen = await rig.obs.look();
    record('02-uts-beside', seen.snap);
    expect(seen.snap.base.hostname).toBe(HOSTNAME);
    expect(named(seen.snap)).toBe(2);
    expect(seen.results.hostname).toEqual({ done: false, hint: 'not-container', params: { name: WANTED } });
    await rig.b.ok('pkill -KILL -x sleep; while pgrep -x sleep >/dev/null; do sleep 0.05; done');

    // a container whose /proc is the sandbox's proc, mounted at rootfs/proc before unshare copied it
    const containerOf = async (cmd: string) => {
      await rig.b.ok(`cd /root && ${cmd} </dev/null >/dev/null 2>&1 & disown`);
      let s = await rig.obs.until('unshare');
      const initOf = (x: typeof s.snap) => x.processes.find((p) => p.comm === 'sleep' && innermostPid(p) === 1);
      for (let i = 0; i < 100 && !initOf(s.snap); i++) s = await rig.obs.until('unshare');
      expect(initOf(s.snap)).toBeDefined();
      return { ...s, init: initOf(s.snap) as NonNullable<ReturnType<typeof initOf>> };
    };
    await rig.b.ok('mount -t proc proc /root/rootfs/proc');
    try {
      const copied = await containerOf('unshare -m -i -n -p -u -f chroot rootfs /bin/sleep 1000');
      record('02-proc-copied', copied.snap);
      expect(copied.results.namespaces).toEqual({
        done: false,
        hint: 'sandbox-proc',
        params: { pid: sandboxPid(copied.init) },
      });
    } finally {
      await rig.b.ok(
        'pkill -KILL -x sleep; while pgrep -x sleep >/dev/null; do sleep 0.05; done; umount /root/rootfs/proc',
      );
    }
    // a proc of the sandbox's PID namespace mounted into the container's mount namespace from outside: a proc
    // instance the sandbox's namespace does not have, still showing the sandbox's processes
    const entered = await containerOf('unshare -m -i -n -p -u -f chroot rootfs /bin/sleep 1000');
    try {
      await rig.b.ok(`nsenter -t ${entered.init.nsPids[1]} -m mount -t proc proc /root/rootfs/proc`);
      const outside = await rig.lookAs('02-proc-from-outside');
      expect(outside.snap.containerProcs?.[entered.init.hostPid]).toBe(false);
      expect(outside.results.namespaces).toEqual({
        done: false,
        hint: 'sandbox-proc',
        params: { pid: sandboxPid(entered.init) },
      });
    } finally {
      await rig.b.ok('pkill -KILL -x sleep; while pgrep -x sleep >/dev/null; do sleep 0.05; done');
    }
    // an honest alternative: unshare mounts the container's proc itself
    const honest = await containerOf(
      'unshare -m -i -n -p -u -f --mount-proc=/root/rootfs/proc chroot rootfs /bin/sleep 1000',
    );
    const mounted = await rig.obs.until('namespaces');
    expect(mounted.snap.containerProcs?.[honest.init.hostPid]).toBe(true);
    await rig.b.ok('pkill -KILL -x sleep; while pgrep -x sleep >/dev/null; do sleep 0.05; done');
  });

  it('turns every step done with the reference solution typed in the terminals', async () => {
    const out = await typeLine(rig.a, `cd /root; unshare -m -i -n -p -u -f chroot rootfs /bin/sh`);
    expect(out.slice(out.indexOf('BusyBox'))).toContain(`${PROMPT_MARKER}root@${HOSTNAME}:/# `);
    const unshared = await rig.obs.until('unshare');
    record('02-unshared', unshared.snap);
    // the namespaces are there, their own /proc not yet
    const shell = unshared.snap.processes.find((p) => innermostPid(p) === 1);
    expect(unshared.results.namespaces).toEqual({
      done: false,
      hint: 'no-proc',
      params: { pid: sandboxPid(shell as NonNullable<typeof shell>) },
    });
    expect(unshared.results.hostname).toEqual({ done: false, hint: 'wrong-name', params: { found: HOSTNAME } });
    expect(unshared.results.nsenter).toEqual({ done: false, hint: 'not-joined' });

    await typeLine(rig.a, 'mount -t proc proc /proc');
    const withProc = await rig.obs.until('namespaces');
    record('02-proc', withProc.snap);
    expect(await typeLine(rig.a, 'echo $$')).toMatch(/[\r\n]1\r\n/);
    await typeLine(rig.a, `hostname ${WANTED}`);
    const named = await rig.obs.until('hostname');
    record('02-hostname', named.snap);
    expect(named.snap.base.hostname).toBe(HOSTNAME);
    expect(await rig.b.ok('hostname')).toBe(HOSTNAME);
    expect(named.results.nsenter).toEqual({ done: false, hint: 'not-joined' });

    // tab B joins the container's UTS namespace: a nested bash, which prints the prompt marker too
    const joined = await typeLine(rig.b, 'nsenter -t $(pgrep -n -x sh) -u bash');
    expect(joined).toContain(`${PROMPT_MARKER}root@${WANTED}:~# `);
    const entered = await rig.obs.until('nsenter');
    record('02-nsenter', entered.snap);
    expect(Object.values(entered.results).every((r) => r.done)).toBe(true);
    expect(await typeLine(rig.b, 'hostname')).toMatch(new RegExp(`[\r\n]${WANTED}\r\n`));

    await typeLine(rig.b, 'exit');
    expect((await rig.obs.look()).results.nsenter).toEqual({ done: false, hint: 'not-joined' });

    // joining the pid namespace too also counts: nsenter stays outside, its child is inside (not -a: the
    // sandbox's time namespace is the host's, which root inside may not enter)
    await rig.b.ok('nsenter -t $(pgrep -n -x sh) -u -p sleep 1000 </dev/null >/dev/null 2>&1 & disown');
    const all = await rig.obs.until('nsenter');
    record('02-nsenter-pid', all.snap);
    await rig.b.ok('pkill -KILL -x sleep; pkill -KILL -x nsenter; true');
    await typeLine(rig.a, 'exit');
  });

  it('leaves out processes that come and go while it looks, without an error', async () => {
    await rig.b.ok('(for i in $(seq 400); do /bin/true; done) </dev/null >/dev/null 2>&1 & disown');
    for (let i = 0; i < 30; i++) {
      const { snap } = await rig.obs.look();
      for (const p of snap.processes) expect(p.nsPids[0]).toBe(p.hostPid);
    }
  });

  it('leaves nothing on the host', async () => {
    await rig.destroyAndExpectNothingLeft();
  });
});
