// Lesson 05 (cgroups and memory) on a real sandbox, with the commands the page shows on this host (v1/hybrid
// or v2): before anything no step is done; fakes pass nothing (the numbers echoed, a look-alike file written
// outside cgroupfs, the group made in another controller's tree, a group without a limit); the lesson's own
// commands turn every step done, and the OOM kill is contained: the hog dies, the shell lives.
import { describe, expect, it } from 'vitest';
import lesson from '../../lessons/05-cgroups-memory/lesson';
import { lessonCgroupVersion, lessonRig, typeLine } from './checks-helpers';
import { kernelSuite } from './kernel-helpers';

const { probe, skip } = kernelSuite('checks-05-cgroups-memory.kernel.test');
const version = lessonCgroupVersion(probe);
const cg = version === 'v2' ? '/sys/fs/cgroup' : '/sys/fs/cgroup/memory';

describe.skipIf(skip !== undefined)(`lesson 05 checks on a real sandbox (cgroup ${version})`, () => {
  const rig = lessonRig(lesson, probe, { hostname: 'gaiola-lesson05', tag: 'checks-05' });

  it('is not done in a fresh sandbox', async () => {
    const { snap, results } = await rig.lookFresh(`fresh-05-${version}`, ['group', 'join', 'usage', 'oom']);
    expect(snap.cgroups.version).toBe(version === 'v2' ? 2 : 1);
    expect(snap.cgroups.groups.some((g) => g.path === '/' && g.memory && g.memory.limit !== null)).toBe(true);
    for (const id of ['group', 'usage', 'oom'])
      expect(results[id]).toEqual({ done: false, hint: 'no-group', params: { group: 'demo' } });
  });

  it('passes nothing for echoed numbers, a look-alike file, another tree, or a group without a limit', async () => {
    const b = rig.b;
    await typeLine(b, 'echo 104857600; echo oom_kill 1');
    await typeLine(
      b,
      'mkdir -p /root/demo && echo 104857600 > /root/demo/memory.limit_in_bytes && echo 104857600 > /root/demo/memory.max',
    );
    if (version === 'v1') await typeLine(b, 'mkdir /sys/fs/cgroup/pids/demo');
    let seen = await rig.obs.look();
    expect(seen.results.group).toEqual({ done: false, hint: 'no-group', params: { group: 'demo' } });
    await typeLine(b, `mkdir ${cg}/demo`);
    seen = await rig.lookAs(`05-unlimited-${version}`);
    const file = version === 'v2' ? 'memory.max' : 'memory.limit_in_bytes';
    // the file's own text for no limit: v2's `max`, v1's PAGE_COUNTER_MAX pages of 4 KiB
    const found = version === 'v2' ? 'max' : '9223372036854771712';
    expect(seen.results.group).toEqual({ done: false, hint: 'no-limit', params: { group: 'demo', file, found } });
    expect(seen.results.join).toEqual({ done: false, hint: 'empty', params: { group: 'demo' } });
    await typeLine(b, `echo 50M > ${cg}/demo/${file}`);
    seen = await rig.obs.look();
    expect(seen.results.group).toEqual({
      done: false,
      hint: 'wrong-limit',
      params: { group: 'demo', file, found: 52428800, want: 104857600 },
    });
    await typeLine(
      b,
      `rmdir ${cg}/demo /root/demo 2>/dev/null; rm -r /root/demo; rmdir /sys/fs/cgroup/pids/demo 2>/dev/null; true`,
    );
  });

  it('turns every step done with the lesson’s commands; the OOM kill takes the hog, not the shell', async () => {
    const { outs } = await rig.solveStep('group', `05-group-${version}`);
    expect(outs.at(-1)).toContain('104857600');

    const { seen: joined } = await rig.solveStep('join', `05-join-${version}`);
    expect(joined.results.oom).toMatchObject({ done: false, hint: 'no-oom' });

    // the perl holding memory, then kill %1 after the check saw it
    await rig.solveStep('usage', `05-usage-${version}`, (t) => t === 'kill %1');
    await typeLine(rig.a, 'kill %1; wait');

    const { outs: oom, seen: killed } = await rig.solveStep('oom', `05-oom-${version}`);
    expect(oom[0]).toMatch(/Killed/);
    expect(oom.at(-1)).toContain('still here');
    for (const id of ['group', 'join', 'oom']) expect(killed.results[id]).toEqual({ done: true });
  });

  it('leaves nothing on the host', async () => {
    await rig.destroyAndExpectNothingLeft();
  });
});
