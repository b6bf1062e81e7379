// Lesson 08 (overlay) on a real sandbox: before anything no step is done; fakes pass nothing (files written
// into "upper" by hand without an overlay, an overlay with an upper where an image must be read-only); the
// lesson's own commands turn every step done, and a write in one container stays out of the image and of the
// other container; layers typed as relative paths count by what they are (and other directories so typed not).
import { describe, expect, it } from 'vitest';
import lesson from '../../lessons/08-overlay/lesson';
import { baseMounts, overlayDirs } from '../src/checks/mount-util';
import type { MountEntry } from '../src/kernel/parse/mountinfo';
import type { SandboxSnapshot } from '../src/kernel/snapshot';
import { lessonRig, typeLine } from './checks-helpers';
import { kernelSuite } from './kernel-helpers';

const { probe, skip } = kernelSuite('checks-08-overlay.kernel.test');

describe.skipIf(skip !== undefined)('lesson 08 checks on a real sandbox', () => {
  const rig = lessonRig(lesson, probe, { hostname: 'gaiola-lesson08', tag: 'checks-08' });

  it('is not done in a fresh sandbox', async () => {
    await rig.lookFresh('fresh-08', ['mount', 'copy-up', 'whiteout', 'layers', 'two-containers']);
  });

  it('passes nothing for files written by hand or an image with an upper', async () => {
    const a = rig.a;
    await typeLine(a, 'mkdir -p /root/ov/lower /root/ov/upper /root/ov/merged /root/ov/m2 /root/ov/w2');
    await typeLine(a, "echo baixo > /root/ov/lower/baixo.txt; printf 'baixo\\nmudou\\n' > /root/ov/upper/baixo.txt");
    await typeLine(a, 'mount -t tmpfs x /root/ov/m2');
    // from /root/ov, where `lower` and `upper` name the lesson's directories: the sandbox's own root is an
    // overlay whose layers are spelled `lower` and `upper` too (relative to the launcher's private tmpfs)
    await typeLine(a, 'cd /root/ov');
    const seen = await rig.lookAs('08-fakes');
    expect(seen.snap.files['/root/ov/upper/baixo.txt']).toMatchObject({ type: 'file', text: 'baixo\nmudou\n' });
    // files written by hand, no overlay of upper over lower: the hint says so, not that the file is missing
    expect(seen.results['copy-up']).toEqual({
      done: false,
      hint: 'no-overlay',
      params: { lower: '/root/ov/lower', upper: '/root/ov/upper' },
    });
    expect(seen.results.layers).toEqual({ done: false, hint: 'no-overlay', params: { target: '/root/ov/m2' } });
    // merged is a plain directory of the sandbox's own root (no tmpfs at /root/ov): the hint names that filesystem
    expect(seen.results.mount).toEqual({
      done: false,
      hint: 'plain-dir',
      params: { target: '/root/ov/merged', fstype: 'overlay', under: '/' },
    });
    await typeLine(a, 'umount /root/ov/m2; cd /root && rm -r /root/ov');
  });

  it('turns every step done with the lesson’s commands', async () => {
    const { outs: first } = await rig.solveStep('mount', '08-mount');
    expect(first.at(-1)).toMatch(/cima/);

    await rig.solveStep('copy-up', '08-copy-up');

    const { seen: wh } = await rig.solveStep('whiteout', '08-whiteout');
    expect(wh.snap.files['/root/ov/upper/ambos.txt']).toMatchObject({ type: 'char', rdev: '0:0' });

    const { outs: layers } = await rig.solveStep('layers', '08-layers');
    expect(layers.join('')).toMatch(/v2/);
    expect(layers.join('')).toMatch(/Read-only file system/);

    const { seen: shared } = await rig.solveStep('two-containers', '08-two-containers');
    expect(await typeLine(rig.b, 'cat /etc/motd')).toContain('c1');
    await typeLine(rig.b, 'exit');
    for (const id of ['mount', 'copy-up', 'whiteout', 'layers', 'two-containers'])
      expect(shared.results[id], id).toEqual({ done: true });
  });

  it('counts layers typed as relative paths by what they are, and refuses other directories so typed', async () => {
    const overlayAt = (snap: SandboxSnapshot, target: string) =>
      baseMounts(snap)?.find((m) => m.fsType === 'overlay' && m.mountPoint === target);
    // the lesson's overlay again, typed from /root/ov with relative names: the kernel keeps them as typed
    await typeLine(
      rig.a,
      'cd /root/ov && umount merged && mount -t overlay overlay -o lowerdir=lower,upperdir=upper,workdir=work merged',
    );
    const rel = await rig.lookAs('08-relative');
    expect(overlayDirs(overlayAt(rel.snap, '/root/ov/merged') as MountEntry)).toEqual({
      lowers: ['lower'],
      upper: 'upper',
    });
    for (const id of ['mount', 'copy-up', 'whiteout']) expect(rel.results[id], id).toEqual({ done: true });

    // the two containers, each mounted from its own directory (a subshell: nobody stays there), both uppers
    // spelled `upper`, the image `../../rootfs`
    await typeLine(
      rig.a,
      'umount /root/c/c1/merged /root/c/c2/merged && for c in c1 c2; do (cd /root/c/$c && mount -t overlay overlay -o lowerdir=../../rootfs,upperdir=upper,workdir=work merged); done',
    );
    const shared = await rig.lookAs('08-relative-shared');
    expect(overlayDirs(overlayAt(shared.snap, '/root/c/c2/merged') as MountEntry).upper).toBe('upper');
    expect(shared.results['two-containers']).toEqual({ done: true });

    // other directories, typed relative from /root: refused as other dirs, whatever the spelling
    await typeLine(rig.a, 'mkdir -p /root/ov/l9 /root/ov/u9 /root/ov/w9');
    await typeLine(
      rig.a,
      'cd /root && umount ov/merged && mount -t overlay overlay -o lowerdir=ov/l9,upperdir=ov/u9,workdir=ov/w9 ov/merged',
    );
    const other = await rig.lookAs('08-relative-other');
    // the hint shows the layers as the kernel keeps them, spelled as typed
    expect(other.results.mount).toEqual({
      done: false,
      hint: 'wrong-dirs',
      params: { target: '/root/ov/merged', found: 'lowerdir=ov/l9,upperdir=ov/u9' },
    });
    // the lesson's upper and lower are in no mounted overlay now
    expect(other.results['copy-up']).toMatchObject({ done: false, hint: 'no-overlay' });
  });

  it('leaves nothing on the host', async () => {
    await rig.destroyAndExpectNothingLeft();
  });
});
