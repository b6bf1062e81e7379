// Lesson 06 (CPU quota and weights) on a real sandbox, with the commands the page shows on this host: before
// anything no step is done; fakes pass nothing (a quota without a process, a quota with one process where the
// step wants two sharing it, weights without processes); the lesson's own commands turn every step done.
// The PIDs, freezer and emptying steps split from it have their own test (checks-06-cgroups-pids-freezer).
import { describe, expect, it } from 'vitest';
import lesson from '../../lessons/06-cgroups-cpu-pids/lesson';
import { lessonCgroupVersion, lessonRig, typeLine } from './checks-helpers';
import { kernelSuite } from './kernel-helpers';

const { probe, skip } = kernelSuite('checks-06-cgroups-cpu-pids.kernel.test');
const version = lessonCgroupVersion(probe);
const cpu = version === 'v2' ? '/sys/fs/cgroup' : '/sys/fs/cgroup/cpu';
/** Stops every background job of a shell (the busy loops) and waits for them. */
const STOP_JOBS = 'kill $(jobs -p) 2>/dev/null; wait; true';

describe.skipIf(skip !== undefined)(`lesson 06 (CPU) checks on a real sandbox (cgroup ${version})`, () => {
  const rig = lessonRig(lesson, probe, {
    hostname: 'gaiola-lesson06',
    tag: 'checks-06',
    beforeDestroy: async (r) => {
      await typeLine(r.b, STOP_JOBS).catch(() => undefined);
    },
  });

  it('is not done in a fresh sandbox', async () => {
    const { results } = await rig.lookFresh(`fresh-06-${version}`, ['quota', 'shared', 'weights']);
    expect(results).toEqual({
      quota: { done: false, hint: 'no-group', params: { group: 'cpu10' } },
      shared: { done: false, hint: 'no-group', params: { group: 'cpu10' } },
      weights: { done: false, hint: 'no-group', params: { group: 'alto' } },
    });
  });

  it('passes nothing for limits without processes', async () => {
    const b = rig.b;
    await typeLine(b, `mkdir ${cpu}/cpu10 ${cpu}/alto ${cpu}/baixo`);
    if (version === 'v2') {
      await typeLine(b, `echo "10000 100000" > ${cpu}/cpu10/cpu.max; echo 200 > ${cpu}/alto/cpu.weight`);
    } else {
      await typeLine(b, `echo 10000 > ${cpu}/cpu10/cpu.cfs_quota_us; echo 2048 > ${cpu}/alto/cpu.shares`);
    }
    const { results } = await rig.lookAs(`06-empty-groups-${version}`);
    expect(results.quota).toEqual({ done: false, hint: 'empty', params: { group: 'cpu10' } });
    expect(results.shared).toEqual({ done: false, hint: 'empty', params: { group: 'cpu10' } });
    expect(results.weights).toEqual({ done: false, hint: 'empty', params: { group: 'alto' } });
    await typeLine(b, `rmdir ${cpu}/cpu10 ${cpu}/alto ${cpu}/baixo`);
  });

  it('turns every step done with the lesson’s commands', async () => {
    const b = rig.b;
    const { seen: quota } = await rig.solveStep('quota', `06-quota-${version}`);
    // one loop under the quota: the step of two loops sharing it is not done by the first alone
    expect(quota.results.shared).toEqual({
      done: false,
      hint: 'too-few',
      params: { group: 'cpu10', count: 1, want: 2 },
    });

    const { outs } = await rig.solveStep('shared', `06-shared-${version}`);
    // the `cat` of cgroup.procs (after its command line): the two loops' PIDs
    expect(outs[1]?.match(/^\d+\s*$/gm)).toHaveLength(2);
    await typeLine(b, STOP_JOBS);

    await rig.solveStep('weights', `06-weights-${version}`);
    await typeLine(b, STOP_JOBS);
  });

  it('leaves nothing on the host', async () => {
    await rig.destroyAndExpectNothingLeft();
  });
});
