// Lesson 07 (mounts) on a real sandbox: before anything no step is done; fakes pass nothing (a writable bind,
// a copy instead of a bind, a tmpfs mounted only in the sandbox's own namespace, a chroot into the bind
// instead of pivot_root, the old root left mounted); the lesson's own commands turn every step done, and
// escapa gets out of the chroot but not out of the pivoted container.
import { describe, expect, it } from 'vitest';
import lesson from '../../lessons/07-mounts/lesson';
import { lessonRig, typeLine } from './checks-helpers';
import { kernelSuite } from './kernel-helpers';

const { probe, skip } = kernelSuite('checks-07-mounts.kernel.test');

describe.skipIf(skip !== undefined)('lesson 07 checks on a real sandbox', () => {
  const rig = lessonRig(lesson, probe, { hostname: 'gaiola-lesson07', tag: 'checks-07' });

  it('is not done in a fresh sandbox', async () => {
    const { results } = await rig.lookFresh('fresh-07', ['bind-ro', 'shared', 'private', 'pivot', 'escape']);
    expect(results).toEqual({
      'bind-ro': { done: false, hint: 'not-mounted', params: { target: '/root/rootfs/mnt/volume' } },
      shared: { done: false, hint: 'no-mount', params: { path: '/root/prop/a', fsSource: 'fuga' } },
      private: { done: false, hint: 'no-mount', params: { path: '/root/prop/b', fsSource: 'privado' } },
      pivot: { done: false, hint: 'no-process', params: { path: '/root/rootfs' } },
      escape: { done: false, hint: 'no-escape' },
    });
  });

  it('passes nothing for a writable bind, a copy, a mount in one namespace, or a chroot into the bind', async () => {
    const b = rig.b;
    await typeLine(
      b,
      'mkdir -p /root/volume /root/copia /root/rootfs/mnt/volume && echo texto > /root/volume/nota.txt',
    );
    await typeLine(b, 'mount --bind /root/copia /root/rootfs/mnt/volume');
    let seen = await rig.obs.look();
    // the hint names the directory the mount shows instead, as the sandbox's path
    expect(seen.results['bind-ro']).toEqual({
      done: false,
      hint: 'other-source',
      params: { target: '/root/rootfs/mnt/volume', source: '/root/volume', found: '/root/copia' },
    });
    await typeLine(b, 'umount /root/rootfs/mnt/volume && mount --bind /root/volume /root/rootfs/mnt/volume');
    seen = await rig.obs.look();
    expect(seen.results['bind-ro']).toEqual({
      done: false,
      hint: 'writable',
      // the hint shows the bind's options as the kernel has them: read-write
      params: { target: '/root/rootfs/mnt/volume', found: expect.stringMatching(/^rw(,|$)/) },
    });
    await typeLine(b, 'umount /root/rootfs/mnt/volume; rmdir /root/copia');

    await typeLine(b, 'mkdir -p /root/prop/a && mount -t tmpfs fuga /root/prop/a');
    seen = await rig.obs.look();
    expect(seen.results.shared).toEqual({ done: false, hint: 'not-shared', params: { path: '/root/prop/a' } });
    await typeLine(b, 'umount /root/prop/a && rm -r /root/prop');

    // containers in new namespaces that did not pivot: a chroot into the rootfs, a chroot into a bind mount
    // of it (its own view then shows a mount at '/': the namespace's whole table tells), and a pivot_root
    // that left the old root mounted
    const containers: [string, string, string][] = [
      ['07-chroot', 'cd /root/rootfs && exec chroot . /bin/sh', 'chrooted'],
      [
        '07-chroot-bind',
        'mount --bind /root/rootfs /root/rootfs && cd /root/rootfs && exec chroot . /bin/sh',
        'chrooted',
      ],
      [
        '07-old-root',
        'mount --make-rprivate / && mount --bind /root/rootfs /root/rootfs && cd /root/rootfs && mkdir -p .antiga && pivot_root . .antiga && exec /bin/sh',
        'old-root',
      ],
    ];
    for (const [name, line, hint] of containers) {
      await typeLine(rig.a, 'unshare -m -p -f -u -i -n bash');
      try {
        await typeLine(rig.a, line);
        seen = await rig.lookAs(name);
        expect(seen.results.pivot, name).toMatchObject({ done: false, hint });
      } finally {
        await typeLine(rig.a, 'exit');
      }
    }
    await typeLine(rig.b, 'rmdir /root/rootfs/.antiga');
  });

  it('turns every step done with the lesson’s commands; the escape fails in the pivoted container', async () => {
    const { outs: bind } = await rig.solveStep('bind-ro', '07-bind');
    expect(bind.at(-1)).toMatch(/Read-only file system/);

    await rig.solveStep('shared', '07-shared');

    await rig.solveStep('private', '07-private');

    await rig.solveStep('pivot', '07-pivot');

    // escape: the chroot in tab B is left, the pivoted container in tab A is not
    const { seen: escaped } = await rig.solveStep('escape', '07-escape');
    expect(await typeLine(rig.b, 'ls /root/rootfs/bin/escapa')).toContain('/root/rootfs/bin/escapa');
    expect(await typeLine(rig.a, 'ls /root')).not.toContain('rootfs');
    // the steps whose state is still there (shared and private were undone by the next steps, as the page says)
    for (const id of ['bind-ro', 'pivot', 'escape']) expect(escaped.results[id], id).toEqual({ done: true });
  });

  it('leaves nothing on the host', async () => {
    await rig.destroyAndExpectNothingLeft();
  });
});
