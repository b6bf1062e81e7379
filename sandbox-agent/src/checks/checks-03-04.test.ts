// The checks of lessons 03 and 04 on snapshots recorded from real sandboxes (fixtures/, written by
// checks-03/04 kernel tests with GAIOLA_RECORD_CHECK_FIXTURES=1): done and not done, with hint and params.
import { describe, expect, it } from 'vitest';
import { DONE, expectOnEach, load, notYet, run } from './fixture-util';
import { sandboxPid } from './util';

const TIME = { minBoottime: 86400 };
const ALUNO = { uid: 1000 };

describe('joined-container', () => {
  it('is done when a process from outside joined every namespace and the root of the container', () => {
    expect(run('joined-container', load('03-nsenter'))).toEqual(DONE);
  });
  it('needs a container', () => {
    expectOnEach(['fresh-03', '03-fakes', 'fresh-02'], 'joined-container', notYet('no-container'));
  });
  it('does not count the container itself or unshare', () => {
    expectOnEach(['03-container', '03-time', '02-unshared'], 'joined-container', notYet('not-joined'));
  });
  it('names the root left behind without -r', () => {
    const snap = load('03-nsenter-noroot');
    const sh = snap.processes.find((p) => p.comm === 'bash' && p.ns.pid !== snap.base.ns.pid);
    expect(run('joined-container', snap)).toEqual(
      notYet('wrong-root', { pid: sandboxPid(sh as NonNullable<typeof sh>) }),
    );
  });
  it('names the PID namespace left out without -p, and one kind left out (derived: the net ns edited)', () => {
    expect(run('joined-container', load('03-nsenter-nopid'))).toMatchObject({
      done: false,
      hint: 'missing-ns',
      params: { kind: 'pid' },
    });
    const snap = load('03-nsenter');
    for (const p of snap.processes) if (p.nsPids.at(-1) !== 1) p.ns.net = 1;
    expect(run('joined-container', snap)).toMatchObject({ done: false, hint: 'missing-ns', params: { kind: 'net' } });
  });
  it("does not count a process born inside (derived: the joined shell's parent moved inside)", () => {
    const snap = load('03-nsenter');
    const init = snap.processes.find((p) => p.ns.pid !== snap.base.ns.pid && p.nsPids.at(-1) === 1);
    for (const p of snap.processes)
      if (p.ns.pid !== snap.base.ns.pid && p !== init) p.ppid = (init as NonNullable<typeof init>).hostPid;
    expect(run('joined-container', snap)).not.toEqual(DONE);
  });
});

describe('time-offset', () => {
  it('is done with a boot-time offset of ten years', () => {
    const snap = load('03-time');
    expect(snap.processes.some((p) => p.timeOffsets?.boottime === 315360000)).toBe(true);
    expect(run('time-offset', snap, TIME)).toEqual(DONE);
  });
  it('reports a small offset', () => {
    expect(run('time-offset', load('03-time-small'), TIME)).toEqual(notYet('small-offset', { found: 60 }));
    expect(run('time-offset', load('03-time-small'), { minBoottime: 60 })).toEqual(DONE);
  });
  it('needs a time namespace of its own (reading the offsets of the sandbox does not count)', () => {
    expectOnEach(['fresh-03', '03-fakes', '03-nsenter', '04-rootless'], 'time-offset', notYet('no-time-ns'), TIME);
  });
});

describe('ns-differs', () => {
  it('is done with a cgroup namespace of its own', () => {
    expect(run('ns-differs', load('03-cgroupns'), { kind: 'cgroup' })).toEqual(DONE);
    expect(run('ns-differs', load('03-time'), { kind: 'time' })).toEqual(DONE);
  });
  it('is not done while every process shares the kind with the sandbox', () => {
    expectOnEach(
      ['fresh-03', '03-fakes', '03-nsenter', '03-time'],
      'ns-differs',
      notYet('same-ns', { kind: 'cgroup' }),
      { kind: 'cgroup' },
    );
  });
  it('rejects an unknown kind (a lesson bug)', () => {
    expect(() => run('ns-differs', load('fresh-03'), { kind: 'bogus' })).toThrow(/bogus/);
  });
});

describe('userns-unmapped', () => {
  it("is done with aluno's user namespace without a map", () => {
    expect(run('userns-unmapped', load('04-nobody'), ALUNO)).toEqual(DONE);
  });
  it('needs a user namespace', () => {
    expectOnEach(['fresh-04', '03-nsenter'], 'userns-unmapped', notYet('no-userns'), ALUNO);
  });
  it("does not count root's user namespaces", () => {
    // the new namespace's process is root's: the hint shows uid 0 against aluno's
    expect(run('userns-unmapped', load('04-root-userns'), ALUNO)).toEqual(notYet('not-aluno', { uid: 1000, found: 0 }));
  });
  it('names the process that already has a map', () => {
    const snap = load('04-map-root');
    const sh = snap.processes.find((p) => p.uidMap !== null && p.uidMap !== '');
    expect(run('userns-unmapped', snap, ALUNO)).toEqual(
      notYet('mapped', { pid: sandboxPid(sh as NonNullable<typeof sh>), found: '0 1000 1' }),
    );
  });
});

describe('userns-root-map', () => {
  it('is done with 0 → aluno, one id, setgroups denied (read from the host as 0 uidBase+1000 1)', () => {
    const snap = load('04-map-root');
    expect(snap.processes.some((p) => p.uidMap?.includes(String(snap.base.uidBase + 1000)))).toBe(true);
    expect(run('userns-root-map', snap, ALUNO)).toEqual(DONE);
    expect(run('userns-root-map', load('04-rootless'), ALUNO)).toEqual(DONE);
  });
  it('needs a user namespace', () => {
    expectOnEach(['fresh-04', '03-cgroupns'], 'userns-root-map', notYet('no-userns'), ALUNO);
  });
  it('shows the map found, as the sandbox sees it, and says so when there is none', () => {
    expect(run('userns-root-map', load('04-nobody'), ALUNO)).toEqual(notYet('no-map'));
    expect(run('userns-root-map', load('04-root-userns'), ALUNO)).toMatchObject({ done: false });
  });
  it('is not done with setgroups allowed (derived: setgroups edited)', () => {
    const snap = load('04-map-root');
    for (const p of snap.processes) if (p.setgroups) p.setgroups = 'allow';
    expect(run('userns-root-map', snap, ALUNO)).toEqual(notYet('no-root-map', { found: '0 1000 1' }));
  });
});

describe('rootless-init', () => {
  it("is done with aluno's rootless container", () => {
    expect(run('rootless-init', load('04-rootless'), ALUNO)).toEqual(DONE);
  });
  it('needs PID 1 of a PID namespace inside a new user namespace', () => {
    expectOnEach(['fresh-04', '04-map-root', '04-hostname', '03-container'], 'rootless-init', notYet('no-init'), ALUNO);
  });
  it("does not count root's container", () => {
    expect(run('rootless-init', load('04-root-userns'), ALUNO)).toEqual(notYet('not-aluno', { uid: 1000, found: 0 }));
  });
  it('names a namespace still shared (derived: the init moved back to the sandbox UTS namespace)', () => {
    const snap = load('04-rootless');
    for (const p of snap.processes) if (p.nsPids.at(-1) === 1) p.ns.uts = snap.base.ns.uts;
    expect(run('rootless-init', snap, ALUNO)).toEqual(notYet('missing-ns', { kind: 'uts' }));
  });
});

describe('uts-hostname in lesson 04', () => {
  it("is done with aluno's rootless UTS namespace", () => {
    expect(run('uts-hostname', load('04-hostname'), { hostname: 'rootless-demo' })).toEqual(DONE);
  });
});
