// Lessons 09-13 (security, network, a container by hand, OCI/runc, a pod and `docker run` by hand) on real
// sandboxes, one per lesson, with the commands each page shows on this host: before anything no step is
// done; fakes pass nothing; the lesson's own commands, typed in order, turn each step done as it comes.
import { describe, expect, it } from 'vitest';
import security from '../../lessons/09-security/lesson';
import network from '../../lessons/10-network/lesson';
import byHand from '../../lessons/11-container-by-hand/lesson';
import oci from '../../lessons/12-oci-runc/lesson';
import pods from '../../lessons/13-docker-kubernetes/lesson';
import type { LessonDef } from '../../lessons/types';
import {
  type LessonRig,
  lessonCgroupVersion,
  lessonRig,
  notDone,
  record,
  solveLesson,
  typeLine,
} from './checks-helpers';
import { kernelSuite } from './kernel-helpers';

const { probe, skip } = kernelSuite('checks-09-13.kernel.test');
const version = lessonCgroupVersion(probe);

/** The lesson's own commands, typed in order; each step seen done before the next starts (checks-helpers.ts). */
const solve = (rig: LessonRig, lesson: LessonDef, tag: string, before?: Record<string, [0 | 1, string][]>) =>
  solveLesson(rig, lesson, tag, version, before);

describe.skipIf(skip !== undefined)('lesson 09 (security) on a real sandbox', () => {
  const rig = lessonRig(security, probe, { hostname: 'gaiola-lesson09', tag: 'checks-09' });
  it('is not done fresh; a different capability dropped or a plain chroot passes nothing', async () => {
    const fresh = await rig.obs.look();
    record('fresh-09', fresh.snap);
    expect(notDone(fresh.results)).toEqual([]);
    // the sandbox's own processes already carry gaiola's seccomp filter: the baseline the check compares to
    expect(fresh.snap.base.seccompFilters).toBeGreaterThanOrEqual(1);
    expect(fresh.snap.processes.every((p) => p.seccomp.mode === 2)).toBe(true);
    await typeLine(rig.b, "capsh --drop=cap_kill -- -c 'sleep 600' & chroot /root/rootfs /bin/sleep 600 &");
    const seen = await rig.obs.look();
    expect(seen.results['drop-chown']).toEqual({ done: false, hint: 'none-dropped', params: { cap: 0 } });
    expect(seen.results['no-chroot']).toEqual({ done: false, hint: 'none-dropped', params: { cap: 18 } });
    await typeLine(rig.b, 'kill $(jobs -p); wait; true');
  });
  it('turns every step done with the lesson’s commands', async () => {
    await solve(rig, security, '09');
  });
  it('leaves nothing on the host', async () => {
    await rig.destroyAndExpectNothingLeft();
  });
});

describe.skipIf(skip !== undefined)('lesson 10 (network) on a real sandbox', () => {
  const rig = lessonRig(network, probe, { hostname: 'gaiola-lesson10', tag: 'checks-10' });
  it('is not done fresh; a pair left in one namespace, or counters moved by IPv6 alone, pass nothing', async () => {
    const fresh = await rig.obs.look();
    record('fresh-10', fresh.snap);
    expect(notDone(fresh.results)).toEqual([]);
    expect(fresh.snap.net[fresh.snap.base.ns.net]?.interfaces.map((i) => i.name)).toEqual(['lo']);
    await typeLine(
      rig.b,
      'ip link add veth0 type veth peer name ceth0 && ip link set veth0 up && ip link set ceth0 up',
    );
    const seen = await rig.obs.look();
    record('10-not-moved', seen.snap);
    expect(seen.results.veth).toEqual({ done: false, hint: 'not-moved', params: { inside: 'ceth0' } });
    expect(seen.results.ping).toMatchObject({ done: false, hint: 'no-traffic' });
    await typeLine(rig.b, 'ip link del veth0');
  });
  it('turns every step done with the lesson’s commands', async () => {
    await solve(rig, network, '10');
  });
  it('leaves nothing on the host', async () => {
    await typeLine(rig.a, 'exit').catch(() => undefined);
    await rig.destroyAndExpectNothingLeft();
  });
});

describe.skipIf(skip !== undefined)('lesson 11 (a container by hand) on a real sandbox', () => {
  const rig = lessonRig(byHand, probe, { hostname: 'gaiola-lesson11', tag: 'checks-11' });
  it('is not done fresh; a container made the lesson-02 way lacks what the capstone adds', async () => {
    const fresh = await rig.obs.look();
    record('fresh-11', fresh.snap);
    expect(notDone(fresh.results)).toEqual([]);
    await typeLine(rig.a, 'cd /root && unshare -m -u -i -n -p -f --mount-proc=rootfs/proc chroot rootfs /bin/sh');
    const seen = await rig.obs.look();
    record('11-plain-container', seen.snap);
    expect(seen.results.container).toEqual({
      done: false,
      hint: 'missing',
      params: { what: 'pivot_root, overlay, hostname, cgroup' },
    });
    await typeLine(rig.a, 'exit');
  });
  it('turns every step done with the lesson’s commands', async () => {
    await solve(rig, byHand, '11');
  });
  it('leaves nothing on the host', async () => {
    await rig.destroyAndExpectNothingLeft();
  });
});

describe.skipIf(skip !== undefined)('lesson 12 (OCI and runc) on a real sandbox', () => {
  const rig = lessonRig(oci, probe, {
    hostname: 'gaiola-lesson12',
    tag: 'checks-12',
    beforeDestroy: async (r) => {
      await typeLine(r.a, 'runc delete -f demo 2>/dev/null; true').catch(() => undefined);
    },
  });
  it('is not done fresh; a config.json that is not a spec passes nothing', async () => {
    const fresh = await rig.obs.look();
    record('fresh-12', fresh.snap);
    expect(notDone(fresh.results)).toEqual([]);
    await typeLine(rig.b, 'mkdir -p /root/bundle && echo "{ \\"ociVersion\\": 1 }" > /root/bundle/config.json');
    const seen = await rig.obs.look();
    expect(seen.results.spec).toEqual({ done: false, hint: 'not-json', params: { path: '/root/bundle/config.json' } });
    await typeLine(rig.b, 'rm -r /root/bundle');
  });
  it('turns every step done with the lesson’s commands', async () => {
    await solve(rig, oci, '12');
  });
  it('leaves nothing on the host', async () => {
    await rig.destroyAndExpectNothingLeft();
  });
});

describe.skipIf(skip !== undefined)('lesson 13 (Docker and Kubernetes by hand) on a real sandbox', () => {
  const rig = lessonRig(pods, probe, { hostname: 'gaiola-lesson13', tag: 'checks-13' });
  it('is not done fresh; a pause without its host name passes nothing', async () => {
    const fresh = await rig.obs.look();
    record('fresh-13', fresh.snap);
    expect(notDone(fresh.results)).toEqual([]);
    await typeLine(rig.b, 'unshare --net --uts --ipc --fork --kill-child sleep 600 &');
    const seen = await rig.obs.look();
    expect(seen.results.pause).toEqual({ done: false, hint: 'no-pause', params: { hostname: 'pod-manual' } });
    await typeLine(rig.b, 'kill %1; wait; true');
  });
  it('turns every step done with the lesson’s commands', async () => {
    // the page says to leave container B with `exit` before the last step (a button could close Terminal B)
    await solve(rig, pods, '13', { 'docker-run': [[1, 'exit']] });
  });
  it('leaves nothing on the host', async () => {
    await rig.destroyAndExpectNothingLeft();
  });
});
