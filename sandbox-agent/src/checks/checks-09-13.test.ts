// The checks of lessons 09-13 on snapshots recorded from real sandboxes (fixtures/, written by
// checks-09-13.kernel.test.ts with GAIOLA_RECORD_CHECK_FIXTURES=1), with the parameters the lessons give;
// the cgroup-dependent ones also on the same snapshots as a v2 host would show them.
import { describe, expect, it } from 'vitest';
import security from '../../../lessons/09-security/lesson';
import network from '../../../lessons/10-network/lesson';
import byHand from '../../../lessons/11-container-by-hand/lesson';
import oci from '../../../lessons/12-oci-runc/lesson';
import pods from '../../../lessons/13-docker-kubernetes/lesson';
import type { LessonDef } from '../../../lessons/types';
import type { SandboxSnapshot } from '../kernel/snapshot';
import { DONE, judge, load, notYet, V1_AND_V2 } from './fixture-util';
import { hasCap } from './security';

/** Every step is done on the snapshot recorded when it was first seen done, and none on a fresh sandbox. */
function eachStepOnItsFixture(lesson: LessonDef, n: string, view: (s: SandboxSnapshot) => SandboxSnapshot = (s) => s) {
  for (const step of lesson.steps) {
    expect(judge(lesson, step.id, view(load(`${n}-${step.id}`))), `${lesson.slug} ${step.id}`).toEqual(DONE);
    expect(judge(lesson, step.id, view(load(`fresh-${n}`))).done, `${lesson.slug} ${step.id} fresh`).toBe(false);
  }
}

describe('capability bits', () => {
  it('reads bit N of the hex the kernel prints', () => {
    expect(hasCap('000001ffffffffff', 0)).toBe(true);
    expect(hasCap('000001fffffffffe', 0)).toBe(false);
    expect(hasCap('0000000000000400', 10)).toBe(true);
    expect(hasCap('000001fffffbffff', 18)).toBe(false);
    expect(hasCap('000001ffffffffff', 40)).toBe(true);
  });
});

describe('lesson 09 checks (security)', () => {
  it('each step on its own snapshot', () => eachStepOnItsFixture(security, '09'));
  it('says what it did not find', () => {
    // the bounding sets seen, as /proc/PID/status prints them: both shells still have every capability
    expect(judge(security, 'drop-chown', load('fresh-09'))).toEqual(
      notYet('none-dropped', { cap: 0, found: '000001ffffffffff' }),
    );
    expect(judge(security, 'file-cap', load('fresh-09'))).toEqual(notYet('no-process', { uid: 1000, cap: 10 }));
    expect(judge(security, 'seccomp', load('fresh-09'))).toEqual(notYet('no-filter', { found: 1 }));
    // a shell without CAP_CHOWN, and none chrooted into the rootfs
    expect(judge(security, 'no-chroot', load('09-drop-chown'))).toEqual(notYet('not-chrooted', { cap: 18 }));
    // a shell there that kept CAP_SYS_CHROOT (bit 18): its bounding set shows it; beside those without CAP_CHOWN
    const kept = load('09-no-chroot');
    for (const p of kept.processes)
      if (p.caps.bnd === '000001fffffbffff') p.caps = { bnd: '000001ffffffffff', eff: '000001ffffffffff' };
    expect(judge(security, 'no-chroot', kept)).toEqual(notYet('none-dropped', { cap: 18, found: '000001ffffffffff' }));
    expect(judge(security, 'drop-chown', load('09-no-chroot'))).toEqual(
      notYet('none-dropped', { cap: 0, found: '000001fffffbffff 000001ffffffffff' }),
    );
  });
  it('does not count a kernel that does not print Seccomp_filters', () => {
    const snap = load('09-seccomp');
    expect(judge(security, 'seccomp', { ...snap, base: { ...snap.base, seccompFilters: -1 } }).done).toBe(false);
  });
});

describe('lesson 10 checks (network)', () => {
  it('each step on its own snapshot', () => eachStepOnItsFixture(network, '10'));
  it('tells a pair left in one namespace, and IPv6 noise from a ping', () => {
    expect(judge(network, 'veth', load('10-not-moved'))).toEqual(notYet('not-moved', { inside: 'ceth0' }));
    expect(judge(network, 'ping', load('10-not-moved'))).toMatchObject({ done: false, hint: 'no-traffic' });
    expect(judge(network, 'ping', load('10-addresses'))).toEqual(
      notYet('no-traffic', { outside: 'veth0', rx: 0, tx: 0 }),
    );
    // no veth0 in the sandbox's namespace at all: said so, not "no packets"
    expect(judge(network, 'ping', load('fresh-10'))).toEqual(notYet('no-veth', { outside: 'veth0' }));
  });
  it('names the missing address, port or route', () => {
    expect(judge(network, 'addresses', load('10-veth'))).toMatchObject({ done: false, hint: 'no-addr' });
    expect(judge(network, 'bridge', load('10-ping'))).toEqual(notYet('no-bridge', { bridge: 'br0' }));
    expect(judge(network, 'route', load('10-bridge'))).toEqual(notYet('no-route', { via: '10.200.0.1' }));
  });
});

describe('lesson 11 checks (a container by hand), v1 and v2', () => {
  for (const [version, view] of V1_AND_V2) {
    it(`${version}: each step on its own snapshot`, () => eachStepOnItsFixture(byHand, '11', view));
  }
  it('names what a container still lacks', () => {
    expect(judge(byHand, 'container', load('11-plain-container'))).toEqual(
      notYet('missing', { what: 'pivot_root, overlay, hostname, cgroup' }),
    );
    expect(judge(byHand, 'network', load('11-container'))).toEqual(notYet('missing', { what: 'veth' }));
    expect(judge(byHand, 'container', load('fresh-11'))).toEqual(notYet('no-container'));
  });
});

describe('lessons 12 and 13 checks (runc, a pod, docker run by hand), v1 and v2', () => {
  for (const [version, view] of V1_AND_V2) {
    it(`${version}: each step on its own snapshot`, () => {
      eachStepOnItsFixture(oci, '12', view);
      eachStepOnItsFixture(pods, '13', view);
    });
  }
  it('says what runc’s container lacks', () => {
    expect(judge(oci, 'run', load('12-spec'))).toEqual(notYet('not-running', { hostname: 'oci-demo' }));
    expect(judge(oci, 'seccomp', load('12-run'))).toEqual(notYet('no-filter', { found: 1 }));
    const snap = load('12-run');
    const noLimits = {
      ...snap,
      cgroups: {
        ...snap.cgroups,
        groups: snap.cgroups.groups.map((g) => ({ ...g, pids: g.pids && { ...g.pids, max: null } })),
      },
    };
    expect(judge(oci, 'run', noLimits)).toEqual(notYet('no-limits', { what: 'pids' }));
  });
  it('counts the pod’s members and tells a container that has a network', () => {
    expect(judge(pods, 'container-b', load('13-container-a'))).toEqual(notYet('few-members', { found: 1, count: 2 }));
    expect(judge(pods, 'docker-run', load('13-container-b'))).toMatchObject({ done: false });
    // lesson 11's container, linked by a veth: the interfaces besides lo are named
    expect(judge(pods, 'docker-run', load('11-network'))).toEqual(notYet('has-network', { found: 'eth0' }));
    // the container started without -n: in the sandbox's own network namespace, named as readlink shows it
    const shared = load('13-docker-run');
    for (const p of shared.processes) if (p.nsPids.length > 2) p.ns.net = shared.base.ns.net;
    expect(judge(pods, 'docker-run', shared)).toEqual(notYet('sandbox-net', { found: `net:[${shared.base.ns.net}]` }));
  });
});
