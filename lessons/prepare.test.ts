// Each lesson's preparation and replay as data (issue 21, "Start at any lesson, retry any step"): what the agent
// runs to bring a fresh sandbox to a step, and which steps can be started again. The kernel test
// (sandbox-agent/test/prepare-lesson.kernel.test.ts) runs them.
import { describe, expect, it } from 'vitest';
import lesson05 from './05-cgroups-memory/lesson';
import lesson08 from './08-overlay/lesson';
import { lessons } from './index';
import { LOCALES, preparationScript, restartableSteps } from './types';

describe('lesson preparations and replays', () => {
  for (const lesson of lessons) {
    it(`${lesson.slug}: preparation items and replays are sound`, () => {
      const items = lesson.prepare ?? [];
      expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
      for (const item of items) {
        expect(item.id).toMatch(/^[a-z0-9][a-z0-9-]*$/);
        for (const l of LOCALES) expect(item.title[l].trim(), `${item.id} title ${l}`).not.toBe('');
        expect(item.commands.length).toBeGreaterThan(0);
      }
      for (const step of lesson.steps) {
        const texts = step.commands.map((c) => c.text);
        for (const skipped of step.replay?.skip ?? [])
          expect(texts, `${step.id} skips a command it has`).toContain(skipped);
      }
      // The first step can always be started again: it is "Prepare this lesson".
      expect(restartableSteps(lesson)[0]).toBe(lesson.steps[0]?.id);
      expect(preparationScript(lesson, undefined, 'v2')?.replayed).toEqual([]);
    });
  }

  it('lesson 08 replays its earlier steps’ commands in order, without the one meant to fail', () => {
    const plan = preparationScript(lesson08, 'two-containers', 'v2');
    expect(plan?.prepared).toEqual(['rootfs']);
    expect(plan?.replayed).toEqual(['mount', 'copy-up', 'whiteout', 'layers']);
    expect(plan?.commands[0]).toMatch(/^test -x \/root\/rootfs\/bin\/busybox/);
    expect(plan?.commands[1]).toMatch(/^mkdir -p \/root\/ov && mount -t tmpfs/);
    expect(plan?.commands).not.toContain('touch m2/novo');
    expect(plan?.commands).toContain('cat m2/app.txt');
  });

  it('lesson 05 replays the commands of this host’s cgroup version, and no step after join', () => {
    expect(restartableSteps(lesson05)).toEqual(['group', 'join']);
    const v1 = preparationScript(lesson05, 'join', 'v1')?.commands ?? [];
    const v2 = preparationScript(lesson05, 'join', 'v2')?.commands ?? [];
    expect(v1).toContain('echo 100M > /sys/fs/cgroup/memory/demo/memory.limit_in_bytes');
    expect(v1.some((c) => c.includes('memory.max'))).toBe(false);
    expect(v2).toContain('echo 100M > /sys/fs/cgroup/demo/memory.max');
    expect(v2.some((c) => c.includes('memory/demo'))).toBe(false);
    expect(preparationScript(lesson05, 'usage', 'v2')).toBeUndefined();
    expect(preparationScript(lesson05, 'no-such-step', 'v2')).toBeUndefined();
  });
});
