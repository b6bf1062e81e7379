// The checks of lesson 16 on snapshots recorded from real sandboxes (fixtures/, written by
// checks-16-oci-image.kernel.test.ts with GAIOLA_RECORD_CHECK_FIXTURES=1), with the parameters the lesson gives.
import { describe, expect, it } from 'vitest';
import lesson from '../../../lessons/16-oci-image/lesson';
import type { SandboxSnapshot } from '../kernel/snapshot';
import { DONE, editFile, judge, load, notYet, withText } from './fixture-util';

const STEPS = ['unpack', 'whiteouts', 'mount', 'run'];
const TARGET = '/root/img/root';

describe('lesson 16 checks (an image from OCI layers)', () => {
  it('each step on its own snapshot, none on a fresh sandbox', () => {
    expect(lesson.steps.map((s) => s.id)).toEqual(STEPS);
    for (const id of STEPS) {
      expect(judge(lesson, id, load(`16-${id}`)), id).toEqual(DONE);
      expect(judge(lesson, id, load('fresh-16')).done, `${id} fresh`).toBe(false);
    }
    // A step seen done is kept by the engine; the state after each step still holds the ones before it.
    expect(judge(lesson, 'unpack', load('16-run'))).toEqual(DONE);
    expect(judge(lesson, 'mount', load('16-run'))).toEqual(DONE);
  });

  it('passes no layer files echoed into place, and no plain file for a whiteout, naming what it found', () => {
    const fake = load('16-fake');
    const origin = load('16-unpack').files['/usr/bin/busybox'];
    expect(judge(lesson, 'unpack', fake)).toEqual(
      notYet('no-busybox', { path: '/root/img/1/bin/busybox', found: '- "x\\n"', size: origin?.size ?? -1 }),
    );
    expect(judge(lesson, 'whiteouts', fake)).toEqual(
      notYet('no-whiteout', { path: '/root/img/3/etc/motd', found: '- ""' }),
    );
    // The right files with another text: layers put in each other's directories, or written by hand.
    const conf = '/root/img/2/app/conf/antigo.conf';
    const swapped = editFile(load('16-unpack'), conf, (f) => withText(f, 'porta=9090\n'));
    expect(judge(lesson, 'unpack', swapped)).toEqual(notYet('other-text', { path: conf, found: '"porta=9090\\n"' }));
    // No busybox at all: its layer is not there.
    const noBusybox = editFile(load('16-unpack'), '/root/img/1/bin/busybox', () => null);
    expect(judge(lesson, 'unpack', noBusybox)).toEqual(notYet('missing', { path: '/root/img/1/bin/busybox' }));
  });

  it('wants a 0:0 character device and no OCI marker left', () => {
    const unpacked = load('16-unpack');
    // Unpacked, not converted: the marker files are there, the whiteout is not.
    expect(judge(lesson, 'whiteouts', unpacked)).toEqual(notYet('whiteout-missing', { path: '/root/img/3/etc/motd' }));
    const done = load('16-whiteouts');
    const otherDevice = editFile(done, '/root/img/3/etc/motd', (f) => f && { ...f, rdev: '1:3' });
    expect(judge(lesson, 'whiteouts', otherDevice)).toEqual(
      notYet('no-whiteout', { path: '/root/img/3/etc/motd', found: 'c 1, 3' }),
    );
    const markerLeft: SandboxSnapshot = {
      ...done,
      files: { ...done.files, '/root/img/3/etc/.wh.motd': unpacked.files['/root/img/3/etc/.wh.motd'] ?? null },
    };
    expect(judge(lesson, 'whiteouts', markerLeft)).toEqual(notYet('marker-left', { path: '/root/img/3/etc/.wh.motd' }));
  });

  it('passes no overlay in the manifest’s order or without userxattr; relative layer paths are the same layers', () => {
    expect(judge(lesson, 'mount', load('16-whiteouts'))).toEqual(notYet('no-overlay', { target: TARGET }));
    expect(judge(lesson, 'mount', load('16-reversed'))).toEqual(
      notYet('wrong-order', { target: TARGET, found: '/root/img/1:/root/img/2:/root/img/3' }),
    );
    expect(judge(lesson, 'mount', load('16-no-userxattr'))).toEqual(
      notYet('not-opaque', { path: `${TARGET}/app/conf/antigo.conf` }),
    );
    expect(judge(lesson, 'mount', load('16-relative'))).toEqual(DONE);
  });

  it('takes the opaque directory as a whiteout per lower entry (no attribute); one entry left visible fails', () => {
    // layer 3's app/conf with a 0:0 device named antigo.conf, and no user.overlay.opaque: the merged view decides.
    expect(load('16-per-entry').files['/root/img/3/app/conf/antigo.conf']).toMatchObject({ type: 'char', rdev: '0:0' });
    expect(judge(lesson, 'whiteouts', load('16-per-entry'))).toEqual(DONE);
    expect(judge(lesson, 'mount', load('16-per-entry'))).toEqual(DONE);
    // The whiteout under another name (antigo): the markers are gone, but layer 2's antigo.conf shows through.
    const half = load('16-per-entry-half');
    expect(half.files['/root/img/3/app/conf/antigo.conf']).toBeFalsy();
    expect(judge(lesson, 'whiteouts', half)).toEqual(DONE);
    expect(judge(lesson, 'mount', half)).toEqual(notYet('not-opaque', { path: `${TARGET}/app/conf/antigo.conf` }));
  });

  it('wants a process whose root is the image’s overlay: chroot or pivot_root, not another root or a copy', () => {
    expect(judge(lesson, 'run', load('16-mount'))).toEqual(notYet('not-running', { target: TARGET }));
    expect(judge(lesson, 'run', load('16-other-root'))).toEqual(notYet('not-running', { target: TARGET }));
    expect(judge(lesson, 'run', load('16-plain-chroot'))).toEqual(notYet('no-overlay', { target: TARGET }));
    expect(judge(lesson, 'run', load('16-pivoted'))).toEqual(DONE);
    // The image's shell gone: the step is no longer seen (the engine keeps it done once seen).
    const run = load('16-run');
    const rootId = run.paths[TARGET];
    expect(judge(lesson, 'run', { ...run, processes: run.processes.filter((p) => p.rootId !== rootId) })).toEqual(
      notYet('not-running', { target: TARGET }),
    );
  });
});
