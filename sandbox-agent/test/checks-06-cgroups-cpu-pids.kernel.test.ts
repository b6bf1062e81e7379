// Lesson 06 (CPU, PIDs, freezer) on a real sandbox, with the commands the page shows on this host: before
// anything no step is done; fakes pass nothing (a quota without a process, weights without processes, a
// group that never hit its limit); the lesson's own commands turn every step done.
import { describe, expect, it } from 'vitest';
import lesson from '../../lessons/06-cgroups-cpu-pids/lesson';
import { lessonCgroupVersion, lessonRig, record, typeLine } from './checks-helpers';
import { kernelSuite } from './kernel-helpers';

const { probe, skip } = kernelSuite('checks-06-cgroups-cpu-pids.kernel.test');
const version = lessonCgroupVersion(probe);
const cpu = version === 'v2' ? '/sys/fs/cgroup' : '/sys/fs/cgroup/cpu';
const pids = version === 'v2' ? '/sys/fs/cgroup' : '/sys/fs/cgroup/pids';
/** Stops every background job of a shell (the busy loops) and waits for them. */
const STOP_JOBS = 'kill $(jobs -p) 2>/dev/null; wait; true';

describe.skipIf(skip !== undefined)(`lesson 06 checks on a real sandbox (cgroup ${version})`, () => {
  const rig = lessonRig(lesson, probe, {
    hostname: 'gaiola-lesson06',
    tag: 'checks-06',
    beforeDestroy: async (r) => {
      await typeLine(r.b, STOP_JOBS).catch(() => undefined);
    },
  });

  it('is not done in a fresh sandbox', async () => {
    const { results } = await rig.lookFresh(`fresh-06-${version}`, ['quota', 'weights', 'pids', 'freeze', 'empty']);
    expect(results).toEqual({
      quota: { done: false, hint: 'no-group', params: { group: 'cpu10' } },
      weights: { done: false, hint: 'no-group', params: { group: 'alto' } },
      pids: { done: false, hint: 'no-group', params: { group: 'pid20' } },
      freeze: { done: false, hint: 'none-frozen' },
      empty: { done: false, hint: 'no-group', params: { group: 'pid20' } },
    });
  });

  it('passes nothing for limits without processes or an untouched group', async () => {
    const b = rig.b;
    await typeLine(b, `mkdir ${cpu}/cpu10 ${cpu}/alto ${cpu}/baixo ${pids}/pid20`);
    if (version === 'v2') {
      await typeLine(b, `echo "10000 100000" > ${cpu}/cpu10/cpu.max; echo 200 > ${cpu}/alto/cpu.weight`);
    } else {
      await typeLine(b, `echo 10000 > ${cpu}/cpu10/cpu.cfs_quota_us; echo 2048 > ${cpu}/alto/cpu.shares`);
    }
    await typeLine(b, `echo 20 > ${pids}/pid20/pids.max`);
    const { snap, results } = await rig.obs.look();
    record(`06-empty-groups-${version}`, snap);
    expect(results.quota).toEqual({ done: false, hint: 'empty', params: { group: 'cpu10' } });
    expect(results.weights).toEqual({ done: false, hint: 'empty', params: { group: 'alto' } });
    expect(results.pids).toEqual({ done: false, hint: 'no-refusal', params: { group: 'pid20' } });
    expect(results.empty).toEqual({ done: false, hint: 'never-used', params: { group: 'pid20' } });
    await typeLine(b, `rmdir ${cpu}/cpu10 ${cpu}/alto ${cpu}/baixo ${pids}/pid20`);
  });

  it('turns every step done with the lesson’s commands', async () => {
    const b = rig.b;
    await rig.solveStep('quota', `06-quota-${version}`);
    await typeLine(b, STOP_JOBS);

    await rig.solveStep('weights', `06-weights-${version}`);
    await typeLine(b, STOP_JOBS);

    const { outs: bomb, seen: limited } = await rig.solveStep('pids', `06-pids-${version}`);
    expect(bomb.join('')).toMatch(/Cannot fork|Resource temporarily unavailable/);
    expect(limited.results.empty).toMatchObject({ done: false, hint: 'not-emptied' });

    await rig.solveStep('freeze', `06-freeze-${version}`);

    const { seen: emptied } = await rig.solveStep('empty', `06-empty-${version}`);
    expect(emptied.results.pids).toEqual({ done: true });
  });

  it('leaves nothing on the host', async () => {
    await rig.destroyAndExpectNothingLeft();
  });
});
