// Lessons 09-13 (security, network, a container by hand, OCI/runc, a pod and `docker run` by hand) on real
// sandboxes, one per lesson, with the commands each page shows on this host: before anything no step is
// done; fakes pass nothing; the lesson's own commands, typed in order, turn each step done as it comes.
import { expect } from 'vitest';
import security from '../../lessons/09-security/lesson';
import network from '../../lessons/10-network/lesson';
import byHand from '../../lessons/11-container-by-hand/lesson';
import oci from '../../lessons/12-oci-runc/lesson';
import pods from '../../lessons/13-docker-kubernetes/lesson';
import { describeSolvedLesson, typeLine } from './checks-helpers';
import { kernelSuite } from './kernel-helpers';

const suite = kernelSuite('checks-09-13.kernel.test');

describeSolvedLesson(suite, security, {
  about: 'security',
  fakes: 'a different capability dropped or a plain chroot passes nothing',
  tryFakes: async (rig, fresh) => {
    // the sandbox's own processes already carry gaiola's seccomp filter: the baseline the check compares to
    expect(fresh.snap.base.seccompFilters).toBeGreaterThanOrEqual(1);
    expect(fresh.snap.processes.every((p) => p.seccomp.mode === 2)).toBe(true);
    await typeLine(rig.b, "capsh --drop=cap_kill -- -c 'sleep 600' & chroot /root/rootfs /bin/sleep 600 &");
    const seen = await rig.obs.look();
    // the bounding sets seen: the shells' whole set, the capsh sleep's without CAP_KILL (bit 5, 0x20)
    const all = fresh.snap.processes[0]?.caps.bnd ?? '';
    const noKill = (BigInt(`0x${all}`) & ~(1n << 5n)).toString(16).padStart(all.length, '0');
    expect(seen.results['drop-chown']).toEqual({
      done: false,
      hint: 'none-dropped',
      params: { cap: 0, found: [noKill, all].sort().join(' ') },
    });
    expect(seen.results['no-chroot']).toEqual({ done: false, hint: 'none-dropped', params: { cap: 18, found: all } });
    await typeLine(rig.b, 'kill $(jobs -p); wait; true');
  },
});

describeSolvedLesson(suite, network, {
  about: 'network',
  fakes: 'a pair left in one namespace, or counters moved by IPv6 alone, pass nothing',
  tryFakes: async (rig, fresh) => {
    expect(fresh.snap.net[fresh.snap.base.ns.net]?.interfaces.map((i) => i.name)).toEqual(['lo']);
    await typeLine(
      rig.b,
      'ip link add veth0 type veth peer name ceth0 && ip link set veth0 up && ip link set ceth0 up',
    );
    const seen = await rig.lookAs('10-not-moved');
    expect(seen.results.veth).toEqual({ done: false, hint: 'not-moved', params: { inside: 'ceth0' } });
    expect(seen.results.ping).toMatchObject({ done: false, hint: 'no-traffic' });
    await typeLine(rig.b, 'ip link del veth0');
  },
  beforeLast: (rig) => typeLine(rig.a, 'exit').catch(() => undefined),
});

describeSolvedLesson(suite, byHand, {
  about: 'a container by hand',
  fakes: 'a container made the lesson-02 way lacks what the capstone adds',
  tryFakes: async (rig) => {
    await typeLine(rig.a, 'cd /root && unshare -m -u -i -n -p -f --mount-proc=rootfs/proc chroot rootfs /bin/sh');
    const seen = await rig.lookAs('11-plain-container');
    expect(seen.results.container).toEqual({
      done: false,
      hint: 'missing',
      params: { what: 'pivot_root, overlay, hostname, cgroup' },
    });
    await typeLine(rig.a, 'exit');
  },
});

describeSolvedLesson(suite, oci, {
  about: 'OCI and runc',
  fakes: 'a config.json that is not a spec passes nothing',
  tryFakes: async (rig) => {
    await typeLine(rig.b, 'mkdir -p /root/bundle && echo "{ \\"ociVersion\\": 1 }" > /root/bundle/config.json');
    const seen = await rig.obs.look();
    expect(seen.results.spec).toEqual({ done: false, hint: 'not-json', params: { path: '/root/bundle/config.json' } });
    await typeLine(rig.b, 'rm -r /root/bundle');
  },
  beforeDestroy: async (r) => {
    await typeLine(r.a, 'runc delete -f demo 2>/dev/null; true').catch(() => undefined);
  },
});

describeSolvedLesson(suite, pods, {
  about: 'Docker and Kubernetes by hand',
  fakes: 'a pause without its host name passes nothing',
  tryFakes: async (rig) => {
    await typeLine(rig.b, 'unshare --net --uts --ipc --fork --kill-child sleep 600 &');
    const seen = await rig.obs.look();
    expect(seen.results.pause).toEqual({ done: false, hint: 'no-pause', params: { hostname: 'pod-manual' } });
    await typeLine(rig.b, 'kill %1; wait; true');
  },
  // the page says to leave container B with `exit` before the last step (a button could close Terminal B)
  before: { 'docker-run': [[1, 'exit']] },
});
