// The PIDs lesson split from lesson 06 (a fork bomb at pids.max, a frozen group, a group emptied at once) on a
// real sandbox, with the commands the page shows on this host: before anything no step is done; fakes pass
// nothing (a limited group that never refused a fork, an empty group that never held the bomb); the lesson's
// own commands turn every step done.
import { describe, expect, it } from 'vitest';
import lesson from '../../lessons/06-cgroups-pids-freezer/lesson';
import { lessonCgroupVersion, lessonRig, typeLine } from './checks-helpers';
import { kernelSuite } from './kernel-helpers';

const { probe, skip } = kernelSuite('checks-06-cgroups-pids-freezer.kernel.test');
const version = lessonCgroupVersion(probe);
const pids = version === 'v2' ? '/sys/fs/cgroup' : '/sys/fs/cgroup/pids';

describe.skipIf(skip !== undefined)(
  `lesson 06-cgroups-pids-freezer checks on a real sandbox (cgroup ${version})`,
  () => {
    const rig = lessonRig(lesson, probe, { hostname: 'gaiola-lesson06p', tag: 'checks-06p' });

    it('is not done in a fresh sandbox', async () => {
      const { results } = await rig.lookFresh(`fresh-06-pids-${version}`, ['pids', 'freeze', 'empty']);
      expect(results).toEqual({
        pids: { done: false, hint: 'no-group', params: { group: 'pid20' } },
        freeze: { done: false, hint: 'none-frozen' },
        empty: { done: false, hint: 'no-group', params: { group: 'pid20' } },
      });
    });

    it('passes nothing for a limit that never refused a fork', async () => {
      const b = rig.b;
      await typeLine(b, `mkdir ${pids}/pid20 && echo 20 > ${pids}/pid20/pids.max`);
      const { results } = await rig.lookAs(`06-pids-untouched-${version}`);
      expect(results.pids).toEqual({ done: false, hint: 'no-refusal', params: { group: 'pid20' } });
      expect(results.empty).toEqual({ done: false, hint: 'never-used', params: { group: 'pid20' } });
      await typeLine(b, `rmdir ${pids}/pid20`);
    });

    it('turns every step done with the lesson’s commands', async () => {
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
  },
);
