// The checks of lessons 05-08 on snapshots recorded from real sandboxes (fixtures/, written by the checks-05
// to -08 kernel tests with GAIOLA_RECORD_CHECK_FIXTURES=1), with the parameters the lessons give. This host
// records cgroup v1; the v2 variants run on the same snapshots turned into the one tree v2 would show.
import { describe, expect, it } from 'vitest';
import memoryLesson from '../../../lessons/05-cgroups-memory/lesson';
import cpuLesson from '../../../lessons/06-cgroups-cpu-pids/lesson';
import pidsLesson from '../../../lessons/06-cgroups-pids-freezer/lesson';
import mountsLesson from '../../../lessons/07-mounts/lesson';
import overlayLesson from '../../../lessons/08-overlay/lesson';
import { DONE, editFile, editGroup, judge, load, notYet, V1_AND_V2, withText } from './fixture-util';

describe('lesson 05 checks (cgroups and memory), v1 and v2', () => {
  const m = memoryLesson;
  for (const [version, view] of V1_AND_V2) {
    const file = version === 'v1' ? 'memory.limit_in_bytes' : 'memory.max';
    it(`${version}: group is done at 100 MiB, and says what it found otherwise`, () => {
      expect(judge(m, 'group', view(load('05-group-v1')))).toEqual(DONE);
      expect(judge(m, 'group', view(load('fresh-05-v1')))).toEqual(notYet('no-group', { group: 'demo' }));
      // the limit file's text as read: v1's near-2^63 number, which v2 shows as `max`
      const found = version === 'v1' ? '9223372036854771712' : 'max';
      expect(judge(m, 'group', view(load('05-unlimited-v1')))).toEqual(
        notYet('no-limit', { group: 'demo', file, found }),
      );
      const half = editGroup(load('05-group-v1'), '/demo', (g) =>
        g.memory ? { ...g, memory: { ...g.memory, limit: 52428800 } } : g,
      );
      expect(judge(m, 'group', view(half))).toEqual(
        notYet('wrong-limit', { group: 'demo', file, found: 52428800, want: 104857600 }),
      );
      // one page off, as a limit written in bytes that are not whole pages reads back (±1 page is accepted)
      const rounded = editGroup(load('05-group-v1'), '/demo', (g) =>
        g.memory ? { ...g, memory: { ...g.memory, limit: 104853504 } } : g,
      );
      expect(judge(m, 'group', view(rounded))).toEqual(DONE);
    });
    it(`${version}: join, usage and oom`, () => {
      expect(judge(m, 'join', view(load('05-join-v1')))).toEqual(DONE);
      expect(judge(m, 'join', view(load('05-group-v1')))).toEqual(notYet('empty', { group: 'demo' }));
      expect(judge(m, 'usage', view(load('05-usage-v1')))).toEqual(DONE);
      expect(judge(m, 'usage', view(load('05-join-v1')))).toMatchObject({ done: false, hint: 'low-usage' });
      expect(judge(m, 'oom', view(load('05-oom-v1')))).toEqual(DONE);
      expect(judge(m, 'oom', view(load('05-usage-v1')))).toEqual(
        notYet('no-oom', { group: 'demo', file: version === 'v1' ? 'memory.oom_control' : 'memory.events' }),
      );
      const nobodyLeft = editGroup(load('05-oom-v1'), '/demo', (g) => ({ ...g, procs: [] }));
      expect(judge(m, 'oom', view(nobodyLeft))).toEqual(notYet('empty-after-oom', { group: 'demo' }));
    });
  }
  it('does not take a same-named group of another controller for the memory group (v1)', () => {
    const snap = load('05-group-v1');
    const moved = {
      ...snap,
      cgroups: {
        ...snap.cgroups,
        groups: snap.cgroups.groups.filter((g) => !(g.hierarchy === 'memory' && g.path === '/demo')),
      },
    };
    expect(judge(m, 'group', moved)).toEqual(notYet('no-group', { group: 'demo' }));
  });
});

describe('lesson 06-cgroups-cpu-pids checks (CPU quota and weights), v1 and v2', () => {
  const c = cpuLesson;
  for (const [version, view] of V1_AND_V2) {
    it(`${version}: quota needs the 10 % limit, a process and throttling`, () => {
      expect(judge(c, 'quota', view(load('06-quota-v1')))).toEqual(DONE);
      expect(judge(c, 'quota', view(load('06-empty-groups-v1')))).toEqual(notYet('empty', { group: 'cpu10' }));
      const unthrottled = editGroup(load('06-quota-v1'), '/cpu10', (g) =>
        g.cpu ? { ...g, cpu: { ...g.cpu, nrThrottled: 0 } } : g,
      );
      expect(judge(c, 'quota', view(unthrottled))).toEqual(notYet('not-throttled', { group: 'cpu10' }));
      const twice = editGroup(load('06-quota-v1'), '/cpu10', (g) =>
        g.cpu ? { ...g, cpu: { ...g.cpu, quotaUs: 20000 } } : g,
      );
      expect(judge(c, 'quota', view(twice))).toEqual(notYet('wrong-quota', { group: 'cpu10', found: 20, want: 10 }));
    });
    it(`${version}: shared needs the quota and two processes in the group, throttled`, () => {
      expect(judge(c, 'shared', view(load('06-shared-v1')))).toEqual(DONE);
      expect(judge(c, 'shared', view(load('06-quota-v1')))).toEqual(
        notYet('too-few', { group: 'cpu10', count: 1, want: 2 }),
      );
      expect(judge(c, 'shared', view(load('06-empty-groups-v1')))).toEqual(notYet('empty', { group: 'cpu10' }));
      const unthrottled = editGroup(load('06-shared-v1'), '/cpu10', (g) =>
        g.cpu ? { ...g, cpu: { ...g.cpu, nrThrottled: 0 } } : g,
      );
      expect(judge(c, 'shared', view(unthrottled))).toEqual(notYet('not-throttled', { group: 'cpu10' }));
    });
    it(`${version}: weights 2:1 with a process each`, () => {
      expect(judge(c, 'weights', view(load('06-weights-v1')))).toEqual(DONE);
      expect(judge(c, 'weights', view(load('06-empty-groups-v1')))).toEqual(notYet('empty', { group: 'alto' }));
      const even = editGroup(load('06-weights-v1'), '/alto', (g) =>
        g.cpu ? { ...g, cpu: { ...g.cpu, weight: 1024 } } : g,
      );
      // the hint shows both weights as the host's files do: v1 shares, v2 weights
      const weight = version === 'v1' ? 1024 : 100;
      expect(judge(c, 'weights', view(even))).toEqual(
        notYet('wrong-ratio', { found: 1, want: 2, highWeight: weight, lowWeight: weight }),
      );
    });
  }
});

describe('lesson 06-cgroups-pids-freezer checks (PIDs, freezer, emptying), v1 and v2', () => {
  const c = pidsLesson;
  for (const [version, view] of V1_AND_V2) {
    it(`${version}: pids, freeze and empty`, () => {
      expect(judge(c, 'pids', view(load('06-pids-v1')))).toEqual(DONE);
      expect(judge(c, 'pids', view(load('06-pids-untouched-v1')))).toEqual(notYet('no-refusal', { group: 'pid20' }));
      expect(judge(c, 'freeze', view(load('06-freeze-v1')))).toEqual(DONE);
      expect(judge(c, 'freeze', view(load('06-pids-v1')))).toEqual(notYet('none-frozen'));
      expect(judge(c, 'empty', view(load('06-empty-v1')))).toEqual(DONE);
      expect(judge(c, 'empty', view(load('06-pids-v1')))).toMatchObject({ done: false, hint: 'not-emptied' });
      expect(judge(c, 'empty', view(load('06-pids-untouched-v1')))).toEqual(notYet('never-used', { group: 'pid20' }));
    });
  }
});

describe('lesson 07 checks (mounts)', () => {
  const l = mountsLesson;
  it('bind-ro: the read-only bind of the volume', () => {
    expect(judge(l, 'bind-ro', load('07-bind'))).toEqual(DONE);
    expect(judge(l, 'bind-ro', load('fresh-07'))).toEqual(notYet('not-mounted', { target: '/root/rootfs/mnt/volume' }));
  });
  it('shared and private: in two namespaces, or only in the student’s', () => {
    expect(judge(l, 'shared', load('07-shared'))).toEqual(DONE);
    expect(judge(l, 'shared', load('07-bind'))).toMatchObject({ done: false, hint: 'no-mount' });
    expect(judge(l, 'private', load('07-private'))).toEqual(DONE);
    expect(judge(l, 'private', load('07-shared'))).toMatchObject({ done: false, hint: 'no-mount' });
  });
  it('pivot: pivot_root, not a chroot, with the old root gone', () => {
    expect(judge(l, 'pivot', load('07-pivot'))).toEqual(DONE);
    expect(judge(l, 'pivot', load('07-chroot'))).toMatchObject({ done: false, hint: 'chrooted' });
    expect(judge(l, 'pivot', load('fresh-07'))).toEqual(notYet('no-process', { path: '/root/rootfs' }));
    // a chroot into a bind mount of the rootfs, in new namespaces: its own view has a mount at '/', the
    // namespace's whole table still has the old root
    expect(judge(l, 'pivot', load('07-chroot-bind'))).toMatchObject({ done: false, hint: 'chrooted' });
    expect(judge(l, 'pivot', load('07-old-root'))).toMatchObject({ done: false, hint: 'old-root' });
    // without the namespaces' whole tables (the launcher could not read them), the process's own view decides
    expect(judge(l, 'pivot', { ...load('07-pivot'), nsMounts: {} })).toEqual(DONE);
    expect(judge(l, 'pivot', { ...load('07-chroot'), nsMounts: {} })).toMatchObject({ done: false, hint: 'chrooted' });
  });
  it('escape: a shell whose root is the real one, started from the chroot', () => {
    expect(judge(l, 'escape', load('07-escape'))).toEqual(DONE);
    expect(judge(l, 'escape', load('07-pivot'))).toEqual(notYet('no-escape'));
  });
});

describe('lesson 08 checks (overlay)', () => {
  it('counts layers typed as relative paths by their identity, not their spelling', () => {
    const rel = load('08-relative'); // lowerdir=lower,upperdir=upper typed in /root/ov
    for (const id of ['mount', 'copy-up', 'whiteout']) expect(judge(overlayLesson, id, rel), id).toEqual(DONE);
    // the same snapshot without the identities the agent looked up: the spelling alone is refused
    const spelled = { ...rel, overlayLayerIds: {} };
    expect(judge(overlayLesson, 'mount', spelled)).toMatchObject({ done: false, hint: 'wrong-dirs' });
    expect(judge(overlayLesson, 'two-containers', load('08-relative-shared'))).toEqual(DONE);
    const other = load('08-relative-other'); // ov/l9, ov/u9 typed in /root
    expect(judge(overlayLesson, 'mount', other)).toMatchObject({ done: false, hint: 'wrong-dirs' });
  });

  const o = overlayLesson;
  it('mount, copy-up and whiteout', () => {
    expect(judge(o, 'mount', load('08-mount'))).toEqual(DONE);
    // merged is a plain directory of the sandbox's own root (no tmpfs at /root/ov): the hint says so
    expect(judge(o, 'mount', load('08-fakes'))).toEqual(
      notYet('plain-dir', { target: '/root/ov/merged', fstype: 'overlay', under: '/' }),
    );
    expect(judge(o, 'mount', load('fresh-08'))).toEqual(notYet('no-overlay', { target: '/root/ov/merged' }));
    expect(judge(o, 'copy-up', load('08-copy-up'))).toEqual(DONE);
    // the same words written into "upper" by hand, with no overlay over it: the reason is the missing overlay,
    // not a missing file (it exists)
    expect(load('08-fakes').files['/root/ov/upper/baixo.txt']?.type).toBe('file');
    expect(judge(o, 'copy-up', load('08-fakes'))).toEqual(
      notYet('no-overlay', { upper: '/root/ov/upper', lower: '/root/ov/lower' }),
    );
    expect(judge(o, 'copy-up', load('fresh-08'))).toEqual(
      notYet('no-overlay', { upper: '/root/ov/upper', lower: '/root/ov/lower' }),
    );
    expect(judge(o, 'copy-up', load('08-mount'))).toEqual(notYet('no-copy', { upperPath: '/root/ov/upper/baixo.txt' }));
    expect(judge(o, 'whiteout', load('08-whiteout'))).toEqual(DONE);
    expect(judge(o, 'whiteout', load('08-copy-up'))).toEqual(
      notYet('not-deleted', { mergedPath: '/root/ov/merged/ambos.txt' }),
    );
  });
  it('shows what the upper layer holds where a copy-up or a whiteout should be', () => {
    const upperPath = '/root/ov/upper/baixo.txt';
    const lowerPath = '/root/ov/lower/baixo.txt';
    // the copy-up written over by hand in the upper layer, or only copied up (a touch: nothing appended)
    const overwritten = editFile(load('08-copy-up'), upperPath, (f) => withText(f, 'cima\n'));
    expect(judge(o, 'copy-up', overwritten)).toEqual(
      notYet('not-appended', { upperPath, lowerPath, found: '"cima\\n"', lower: '"baixo\\n"' }),
    );
    const touched = editFile(load('08-copy-up'), upperPath, (f) => withText(f, 'baixo\n'));
    expect(judge(o, 'copy-up', touched)).toMatchObject({ hint: 'not-appended', params: { found: '"baixo\\n"' } });
    // the whiteout: replaced by a file, by another device, gone; or no overlay of those layers mounted any more
    const whiteout = '/root/ov/upper/ambos.txt';
    const replaced = editFile(load('08-whiteout'), whiteout, (f) => withText(f, 'cima\n'));
    expect(judge(o, 'whiteout', replaced)).toEqual(
      notYet('no-whiteout', { upperPath: whiteout, found: '- "cima\\n"' }),
    );
    const nullDevice = editFile(load('08-whiteout'), whiteout, (f) => f && { ...f, rdev: '1:3' });
    expect(judge(o, 'whiteout', nullDevice)).toEqual(notYet('no-whiteout', { upperPath: whiteout, found: 'c 1, 3' }));
    expect(
      judge(
        o,
        'whiteout',
        editFile(load('08-whiteout'), whiteout, () => null),
      ),
    ).toEqual(notYet('upper-gone', { upperPath: whiteout }));
    expect(judge(o, 'whiteout', load('08-fakes'))).toEqual(
      notYet('no-overlay', { upper: '/root/ov/upper', lower: '/root/ov/lower' }),
    );
  });
  it('layers and two containers on one image', () => {
    expect(judge(o, 'layers', load('08-layers'))).toEqual(DONE);
    expect(judge(o, 'layers', load('08-mount'))).toEqual(notYet('no-overlay', { target: '/root/ov/m2' }));
    expect(judge(o, 'two-containers', load('08-two-containers'))).toEqual(DONE);
    expect(judge(o, 'two-containers', load('08-layers'))).toEqual(
      notYet('too-few', { lower: '/root/rootfs', found: 0, count: 2 }),
    );
    // the write seen in the other container: leaked
    const snap = load('08-two-containers');
    const written = snap.files['/root/c/c1/upper/etc/motd'];
    const leaked = { ...snap, files: { ...snap.files, '/root/c/c2/merged/etc/motd': written ?? null } };
    expect(judge(o, 'two-containers', leaked)).toEqual(notYet('leaked', { filePath: '/root/c/c1/upper/etc/motd' }));
  });
});
