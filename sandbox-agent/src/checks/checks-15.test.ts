// The checks of lesson 15 on snapshots recorded from real sandboxes (fixtures/, written by
// checks-15-dev-and-pid1.kernel.test.ts with GAIOLA_RECORD_CHECK_FIXTURES=1), with the parameters the lesson gives.
import { describe, expect, it } from 'vitest';
import lesson from '../../../lessons/15-dev-and-pid1/lesson';
import type { SandboxSnapshot } from '../kernel/snapshot';
import { DONE, judge, load, notYet } from './fixture-util';

const STEPS = ['dev', 'devpts', 'zombie', 'reaper'];

describe('lesson 15 checks (/dev and PID 1)', () => {
  it('each step on its own snapshot, none on a fresh sandbox', () => {
    expect(lesson.steps.map((s) => s.id)).toEqual(STEPS);
    for (const id of STEPS) {
      expect(judge(lesson, id, load(`15-${id}`)), id).toEqual(DONE);
      expect(judge(lesson, id, load('fresh-15')).done, `${id} fresh`).toBe(false);
    }
  });

  it('passes no /dev of plain files or of the wrong nodes, naming them', () => {
    const fake = load('15-dev-fake');
    const missing = notYet('missing-devices', { dev: '/root/rootfs/dev', missing: 'null, zero' });
    expect(judge(lesson, 'dev', fake)).toEqual(missing);
    expect(judge(lesson, 'devpts', fake)).toEqual(missing);
  });

  it("passes no devpts that is the sandbox's own or whose ptmx nobody may open", () => {
    const at = { dev: '/root/rootfs/dev' };
    expect(judge(lesson, 'devpts', load('15-dev'))).toEqual(notYet('no-devpts', at));
    expect(judge(lesson, 'devpts', load('15-devpts-shared'))).toEqual(notYet('devpts-shared', at));
    expect(judge(lesson, 'devpts', load('15-devpts-closed'))).toEqual(notYet('devpts-ptmxmode', at));
  });

  it('needs a tmpfs of its own on the /dev: the copy of the sandbox`s a new mount namespace holds does not count', () => {
    const snap = load('15-devpts');
    const noTmpfs: SandboxSnapshot = {
      ...snap,
      nsMounts: Object.fromEntries(
        Object.entries(snap.nsMounts).map(([k, t]) => [
          k,
          t.filter((m) => !m.mountPoint.startsWith('/root/rootfs/dev')),
        ]),
      ),
    };
    expect(judge(lesson, 'dev', noTmpfs)).toEqual(notYet('no-dev-tmpfs'));
  });

  it('takes a zombie only when its parent is the init of a PID namespace of the student`s', () => {
    const fake = load('15-pid1-fake');
    expect(judge(lesson, 'zombie', fake)).toMatchObject({ done: false, hint: 'no-zombie', params: { comm: 'init' } });
    expect(judge(lesson, 'reaper', fake)).toMatchObject({ done: false, hint: 'not-reaped', params: { comm: 'init' } });
    const zombie = load('15-zombie');
    // the same zombie under another parent, or a snapshot recorded before zombies were read
    const orphaned = { ...zombie, zombies: (zombie.zombies ?? []).map((z) => ({ ...z, ppid: 1 })) };
    expect(judge(lesson, 'zombie', orphaned)).toMatchObject({ done: false, hint: 'no-zombie' });
    expect(judge(lesson, 'zombie', { ...zombie, zombies: undefined })).toMatchObject({
      done: false,
      hint: 'no-zombie',
    });
    expect(judge(lesson, 'reaper', zombie)).toMatchObject({
      done: false,
      hint: 'zombie-left',
      params: { comm: 'sleep' },
    });
  });

  it('takes a reaper only when it has reaped, still has a child and leaves no zombie', () => {
    const snap = load('15-reaper');
    const init = snap.processes.find((p) => p.comm === 'sh' && p.nsPids.at(-1) === 1);
    expect(init?.reapedFaults).toBeGreaterThan(0);
    const withInit = (change: Partial<NonNullable<typeof init>>): SandboxSnapshot => ({
      ...snap,
      processes: snap.processes.map((p) => (p === init ? { ...p, ...change } : p)),
    });
    expect(judge(lesson, 'reaper', withInit({ reapedFaults: 0 }))).toMatchObject({ hint: 'not-reaped' });
    expect(judge(lesson, 'reaper', withInit({ reapedFaults: undefined }))).toMatchObject({ hint: 'not-reaped' });
    const childless = { ...snap, processes: snap.processes.filter((p) => p.ppid !== init?.hostPid) };
    expect(judge(lesson, 'reaper', childless)).toMatchObject({ hint: 'no-child', params: { comm: 'sh' } });
    const zombie = { hostPid: 99999, ppid: init?.hostPid ?? 0, nsPids: [99999, 50, 3], comm: 'sleep' };
    expect(judge(lesson, 'reaper', { ...snap, zombies: [zombie] })).toMatchObject({ hint: 'zombie-left' });
  });
});
