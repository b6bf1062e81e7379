// Lesson 16 (an image from a registry's layers) on a real sandbox: before anything no step is done; fakes pass
// nothing (the layers' files echoed into place, a plain file where the whiteout goes, the layers stacked in the
// manifest's order instead of the reverse, the overlay mounted without userxattr, a chroot into a plain copy, a
// process whose root is another directory), each with the hint of what it lacks; honest alternatives pass (the
// layers given to the overlay by relative paths, the image run by pivot_root in a mount namespace of its own);
// the lesson's own commands typed through the ptys turn every step done, and nothing is left on the host. Step
// 2's opaque directory both ways: the user.* attribute (a tmpfs takes it from Linux 6.6) and, on every kernel,
// a whiteout for each entry of the lower layers (a half-done one, leaving one visible, fails).
import { describe, expect, it } from 'vitest';
import lesson from '../../lessons/16-oci-image/lesson';
import { kernelVersion } from '../src/kernel/probe';
import { lessonRig, record, typeLine } from './checks-helpers';
import { kernelSuite } from './kernel-helpers';

const { probe, skip } = kernelSuite('checks-16-oci-image.kernel.test');
/**
 * Step 2's opaque directory as a user.* attribute needs a tmpfs that takes them (Linux 6.6, "shmem: add support
 * for user extended attributes"); before, the step's per-entry whiteouts give the same merged view.
 */
const [major, minor] = kernelVersion(probe.kernelRelease);
const TMPFS_USER_XATTRS = major > 6 || (major === 6 && minor >= 6);
const LAYERS = '/root/img/3:/root/img/2:/root/img/1';
const TARGET = '/root/img/root';
const KILL_SLEEP = 'pkill -KILL -x sleep; while pgrep -x sleep >/dev/null; do sleep 0.05; done';
const notYet = (hint: string, params?: Record<string, string>) => ({
  done: false,
  hint,
  ...(params ? { params } : {}),
});

/** The step's command line that starts with `start` (the one that keeps its terminal, or the one to type). */
const commandOf = (stepId: string, start: string): string => {
  const c = lesson.steps.find((s) => s.id === stepId)?.commands.find((x) => x.text.startsWith(start));
  if (!c) throw new Error(`step ${stepId} has no command starting ${start}`);
  return c.text;
};
/** Step 2's per-entry whiteouts, as the step's command gives them after its `||`. */
const PER_ENTRY = /for n .*; done/.exec(commandOf('whiteouts', 'rm app/conf'))?.[0] ?? 'no loop in step 2';

describe.skipIf(skip !== undefined)('lesson 16 (an image from OCI layers) on a real sandbox', () => {
  // Layer 3's per-entry whiteout, which no check reads (the merged view decides), recorded for the unit tests.
  const rig = lessonRig(lesson, probe, {
    hostname: 'gaiola-lesson16',
    tag: 'checks-16',
    extraPaths: ['/root/img/3/app/conf/antigo.conf'],
  });

  it('is not done fresh; echoed layer files and a plain file for a whiteout pass nothing', async () => {
    const { results } = await rig.lookFresh('fresh-16', ['unpack', 'whiteouts', 'mount', 'run']);
    expect(results.unpack).toEqual(notYet('missing', { path: '/root/img/1/etc/motd' }));
    expect(results.whiteouts).toEqual(notYet('no-layer', { path: '/root/img/3/app/conf/novo.conf' }));
    expect(results.mount).toEqual(notYet('no-overlay', { target: TARGET }));
    expect(results.run).toEqual(results.mount);

    // The files the check reads, written by hand: no busybox, so no layer 1.
    await typeLine(
      rig.b,
      'mkdir -p /root/img/1/etc /root/img/1/bin /root/img/2/app/conf /root/img/3/app/conf /root/img/3/etc && ' +
        "printf 'camada 1\\n' > /root/img/1/etc/motd && echo porta=8080 > /root/img/2/app/conf/antigo.conf && " +
        'echo porta=9090 > /root/img/3/app/conf/novo.conf && echo x > /root/img/1/bin/busybox && : > /root/img/3/etc/motd',
    );
    const fake = await rig.lookAs('16-fake');
    expect(fake.results.unpack).toMatchObject(
      notYet('no-busybox', { path: '/root/img/1/bin/busybox', found: '- "x\\n"' }),
    );
    expect(fake.results.whiteouts).toEqual(notYet('no-whiteout', { path: '/root/img/3/etc/motd', found: '- ""' }));
    await typeLine(rig.b, 'rm -rf /root/img');
  });

  it('takes a whiteout per lower entry for the opaque directory, with or without userxattr; one left visible fails', async () => {
    for (const c of lesson.steps.find((s) => s.id === 'unpack')?.commands ?? []) await typeLine(rig.b, c.text);
    // Half done: the OCI markers gone, motd's whiteout made, and app/conf's under a wrong name: antigo.conf shows.
    await typeLine(
      rig.b,
      'cd /root/img/3 && rm etc/.wh.motd app/conf/.wh..wh..opq && mknod etc/motd c 0 0 && mknod app/conf/antigo c 0 0',
    );
    await typeLine(rig.b, `mkdir ${TARGET} && ${commandOf('mount', 'mount')}`);
    const half = await rig.lookAs('16-per-entry-half');
    expect(half.results.whiteouts).toEqual({ done: true });
    expect(half.results.mount).toEqual(notYet('not-opaque', { path: `${TARGET}/app/conf/antigo.conf` }));
    // The step's loop: a whiteout for each name layer 2 has in app/conf. No attribute on app/conf at all.
    await typeLine(rig.b, `umount ${TARGET} && rm app/conf/antigo && ${PER_ENTRY}`);
    const listed = await typeLine(rig.b, 'ls -l app/conf; getfattr -d -m - app/conf');
    expect(listed).toMatch(/crw-r--r-- +1 root +root +0, +0 .*antigo\.conf/);
    expect(listed).not.toContain('user.overlay.opaque');
    await typeLine(rig.b, `${commandOf('mount', 'mount')}; cd`);
    expect(await typeLine(rig.b, `LC_ALL=C ls -A ${TARGET}/app/conf ${TARGET}/etc`)).not.toMatch(/antigo|motd/);
    const perEntry = await rig.lookAs('16-per-entry');
    expect(perEntry.results.whiteouts).toEqual({ done: true });
    expect(perEntry.results.mount).toEqual({ done: true });
    // A whiteout holds with or without userxattr (unlike the attribute): the same view, an honest mount.
    await typeLine(rig.b, `umount ${TARGET} && mount -t overlay img -o lowerdir=${LAYERS} ${TARGET}`);
    expect((await rig.obs.look()).results.mount).toEqual({ done: true });
    await typeLine(rig.b, `umount ${TARGET} /root/img && rmdir /root/img`);
  });

  it('turns every step done with the lesson’s commands; refuses a wrong order, no userxattr, another root', async () => {
    const { outs } = await rig.solveStep('unpack', '16-unpack');
    const text = outs.join('');
    expect(text.match(/: OK/g)).toHaveLength(3);
    expect(text).toContain('.wh.motd');
    expect(text).toContain('.wh..wh..opq');
    // The manifest's digest is its sha256sum.
    expect(outs[2]).toMatch(/^(?:.*\n)?([0-9a-f]{64}) +\/root\/oci\/blobs\/sha256\/\1/m);

    // The attribute where the tmpfs takes it, alone (the step's per-entry loop runs only if setfattr fails; the
    // test before this one types it); before Linux 6.6 setfattr is refused and the loop's whiteout does it.
    const { outs: wh, seen } = await rig.solveStep('whiteouts', '16-whiteouts');
    if (TMPFS_USER_XATTRS) expect(wh.join('')).not.toMatch(/antigo\.conf/);
    expect(wh.join('')).toMatch(/crw-r--r-- +1 root +root +0, +0 .*motd/);
    if (TMPFS_USER_XATTRS) expect(wh.join('')).toContain('user.overlay.opaque="y"');
    else {
      expect(wh.join('')).toContain('Operation not supported');
      expect(wh.join('')).toMatch(/crw-r--r-- +1 root +root +0, +0 .*antigo\.conf/);
    }
    expect(seen.results.mount).toEqual(notYet('no-overlay', { target: TARGET }));

    // trusted.* is not the sandbox's root's to write.
    expect(await typeLine(rig.b, 'setfattr -n trusted.overlay.opaque -v y /root/img/3/app/conf')).toContain(
      'Operation not permitted',
    );
    // The manifest's order as lowerdir: the base on top, /etc/motd back.
    await typeLine(rig.b, `mkdir ${TARGET}`);
    await typeLine(rig.b, `mount -t overlay img -o userxattr,lowerdir=/root/img/1:/root/img/2:/root/img/3 ${TARGET}`);
    const reversed = await rig.lookAs('16-reversed');
    expect(reversed.results.mount).toEqual(
      notYet('wrong-order', { target: TARGET, found: '/root/img/1:/root/img/2:/root/img/3' }),
    );
    // Without userxattr the opaque attribute is not read: the old configuration shows through. Relative layer
    // paths are the same layers (compared by identity).
    await typeLine(rig.b, `umount ${TARGET}`);
    await typeLine(rig.b, `cd /root/img && mount -t overlay img -o lowerdir=3:2:1 ${TARGET}; cd`);
    const noUserxattr = await rig.lookAs('16-no-userxattr');
    // (With the per-entry whiteouts, before 6.6, that mount is honest: a whiteout needs no userxattr.)
    expect(noUserxattr.results.mount).toEqual(
      TMPFS_USER_XATTRS ? notYet('not-opaque', { path: `${TARGET}/app/conf/antigo.conf` }) : { done: true },
    );
    // The same relative layers with userxattr: an honest mount, done.
    await typeLine(rig.b, `umount ${TARGET}`);
    await typeLine(rig.b, `cd /root/img && mount -t overlay img -o userxattr,lowerdir=3:2:1 root; cd`);
    const relative = await rig.lookAs('16-relative');
    expect(relative.results.mount).toEqual({ done: true });
    // A process whose root is another directory, beside the right overlay, is no image running.
    await typeLine(rig.b, '(chroot /root/rootfs /bin/sleep 1000 &)');
    const otherRoot = await rig.lookAs('16-other-root');
    expect(otherRoot.results.run).toEqual(notYet('not-running', { target: TARGET }));
    await typeLine(rig.b, KILL_SLEEP);
    // pivot_root into the image in a mount namespace of its own: another mount of the same overlay, an honest run.
    await typeLine(
      rig.b,
      `(unshare -m sh -c 'cd ${TARGET} && pivot_root . . && umount -l . && exec /bin/sleep 1000' </dev/null >/dev/null 2>&1 &)`,
    );
    let pivoted = await rig.obs.look();
    for (let i = 0; i < 100 && !pivoted.snap.processes.some((p) => p.comm === 'sleep'); i++)
      pivoted = await rig.obs.look();
    record('16-pivoted', pivoted.snap);
    expect(pivoted.results.run).toEqual({ done: true });
    await typeLine(rig.b, KILL_SLEEP);
    await typeLine(rig.b, `umount ${TARGET}`);
    // A chroot into a plain copy of the merged view is no image running.
    await typeLine(rig.b, `cp -a /root/rootfs/. ${TARGET}/ && (chroot ${TARGET} /bin/sleep 1000 &)`);
    const plain = await rig.lookAs('16-plain-chroot');
    expect(plain.results.run).toEqual(notYet('no-overlay', { target: TARGET }));
    await typeLine(rig.b, KILL_SLEEP);
    await typeLine(rig.b, `rm -rf ${TARGET}`);

    const { outs: mounted, seen: mountSeen } = await rig.solveStep('mount', '16-mount');
    expect(mounted.join('')).toContain(`lowerdir=${LAYERS}`);
    expect(mounted.join('')).toContain('userxattr');
    expect(mountSeen.results.run).toEqual(notYet('not-running', { target: TARGET }));

    // The image's command keeps Terminal A (run.sh ends in `exec /bin/sh`): typed, not waited on for a prompt;
    // the step is decided from the process whose root is the overlay.
    const config = await typeLine(rig.a, commandOf('run', 'jq'));
    // jq colours its output: each token is whole, not the line.
    for (const token of ['"Cmd"', '"/app/run.sh"', '"WorkingDir"', '"PATH=/bin"']) expect(config).toContain(token);
    const before = rig.a.output.length;
    rig.a.pty.write(`${commandOf('run', 'chroot')}\n`);
    await rig.a.waitFor((o) => o.slice(before).includes('motd: apagado'), "the image's run.sh");
    const ran = await rig.obs.until('run', 10_000);
    record('16-run', ran.snap);
    expect(ran.results.run).toEqual({ done: true });
    const out = rig.a.output.slice(before);
    expect(out).toContain('app: porta=9090');
    expect(out).not.toContain('porta=8080');
    const where = await typeLine(rig.b, commandOf('run', 'readlink'));
    expect(where).toMatch(/\/root\/img\/root\r?\n\/root\/img\/root\/app/);
    // The cleanup the page gives: leave the image's shell, unmount the overlay, then the tmpfs.
    const back = rig.a.output.length;
    rig.a.pty.write(`${commandOf('run', 'exit')}\n`);
    await rig.a.waitFor((o) => o.slice(back).includes('root@'), 'tab A back at its prompt');
    await typeLine(rig.a, commandOf('run', 'umount'));
    expect(await typeLine(rig.b, 'findmnt -n /root/img; echo rc=$?')).toContain('rc=1');
  });

  it('leaves nothing on the host', async () => {
    await rig.destroyAndExpectNothingLeft();
  });
});
