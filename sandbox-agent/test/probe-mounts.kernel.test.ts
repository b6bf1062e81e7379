// Probe: mounts a student makes inside a sandbox: proc, tmpfs, bind (read-only too), overlay with several
// lowers and its upper on tmpfs, propagation, chroot and pivot_root (curriculum.md lessons 2, 7, 8;
// research/sandbox.md §1.2 and "Why some things fail").
import { readdirSync, readlinkSync, realpathSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultKernelConfig } from '../src/kernel/config';
import { gaiolaMounts, kernelSuite } from './kernel-helpers';
import { useProbeSandbox } from './probe-helpers';

const { skip } = kernelSuite('probe-mounts');

describe.skipIf(skip !== undefined)('probe: mounts inside a sandbox', () => {
  const p = useProbeSandbox('probe-mnt');

  it('mounts proc and tmpfs', async () => {
    const r = await p.term.ok(
      'mkdir -p /tmp/p /tmp/t && mount -t proc proc /tmp/p && mount -t tmpfs -o size=1m gaiola-t /tmp/t && ' +
        'findmnt -n -o FSTYPE /tmp/p; findmnt -n -o FSTYPE,OPTIONS /tmp/t; test -r /tmp/p/self/status && echo proc-ok; ' +
        'umount /tmp/p /tmp/t',
    );
    const [proc, tmpfs, ok] = r.split('\n');
    expect(proc).toBe('proc');
    expect(tmpfs).toMatch(/^tmpfs\s+rw,.*size=1024k/);
    expect(ok).toBe('proc-ok');
  });

  it('bind mounts a directory; a read-only bind refuses writes with EROFS', async () => {
    const t = p.term;
    const r = await t.ok(
      'mkdir -p /tmp/src /tmp/rw /tmp/ro && echo hello > /tmp/src/f && mount --bind /tmp/src /tmp/rw && ' +
        'mount --bind -o ro /tmp/src /tmp/ro && cat /tmp/rw/f /tmp/ro/f && echo via-rw > /tmp/rw/g && cat /tmp/src/g',
    );
    expect(r.split('\n')).toEqual(['hello', 'hello', 'via-rw']);
    const ro = await t.run('touch /tmp/ro/h');
    expect(ro.code).not.toBe(0);
    expect(ro.out).toContain('Read-only file system');
    expect(await t.ok('findmnt -n -o OPTIONS /tmp/ro | cut -d, -f1')).toBe('ro');
    await t.ok('umount /tmp/rw /tmp/ro');
  });

  it('overlay: two lowers, upper on tmpfs; a write copies up, a delete leaves a whiteout', async () => {
    const t = p.term;
    await t.ok(
      'mkdir -p /tmp/ov && mount -t tmpfs gaiola-ov /tmp/ov && cd /tmp/ov && mkdir l1 l2 up wk m && ' +
        'echo top > l1/both && echo bottom > l2/both && echo a > l1/a && echo c > l2/c && ' +
        'mount -t overlay overlay -o lowerdir=l1:l2,upperdir=up,workdir=wk m; cd /root',
    );
    // the first lower wins; the second shows through where the first has nothing
    expect((await t.ok('cat /tmp/ov/m/both /tmp/ov/m/c')).split('\n')).toEqual(['top', 'c']);
    expect(await t.ok('ls /tmp/ov/up | wc -l')).toBe('0');
    await t.ok('echo more >> /tmp/ov/m/a && rm /tmp/ov/m/c');
    // copy-up: the upper holds the changed file; the lower is untouched
    expect((await t.ok('cat /tmp/ov/up/a')).split('\n')).toEqual(['a', 'more']);
    expect(await t.ok('cat /tmp/ov/l1/a')).toBe('a');
    // whiteout: a 0/0 character device in the upper hides the lower's file
    expect(await t.ok("stat -c '%F %t:%T' /tmp/ov/up/c")).toBe('character special file 0:0');
    expect(await t.ok('cat /tmp/ov/l2/c')).toBe('c');
    expect((await t.run('ls /tmp/ov/m/c')).code).not.toBe(0);
    await t.ok('umount /tmp/ov/m && umount /tmp/ov');
  });

  it('overlay with its upper on the sandbox root (itself an overlay) is refused, as the lessons warn', async () => {
    const r = await p.term.run(
      'mkdir -p /root/ovx/{l,u,w,m} && mount -t overlay overlay -o lowerdir=/root/ovx/l,upperdir=/root/ovx/u,workdir=/root/ovx/w /root/ovx/m',
    );
    expect(r.code).not.toBe(0);
    await p.term.ok('umount /root/ovx/m 2>/dev/null; rm -rf /root/ovx');
  });

  it('propagation: a mount under a shared subtree appears in its peer; under a private one it does not', async () => {
    const t = p.term;
    const shared = await t.ok(
      'mkdir -p /tmp/sh /tmp/peer && mount -t tmpfs gaiola-sh /tmp/sh && mount --make-shared /tmp/sh && mkdir /tmp/sh/a && ' +
        'mount --bind /tmp/sh /tmp/peer && mount -t tmpfs gaiola-in /tmp/sh/a && findmnt -n -o SOURCE,PROPAGATION /tmp/peer/a',
    );
    expect(shared).toMatch(/^gaiola-in\s+shared$/);
    const priv = await t.ok(
      'mkdir -p /tmp/pv /tmp/pv2 && mount -t tmpfs gaiola-pv /tmp/pv && mount --make-private /tmp/pv && mkdir /tmp/pv/a && ' +
        'mount --bind /tmp/pv /tmp/pv2 && mount -t tmpfs gaiola-in2 /tmp/pv/a && (findmnt -n /tmp/pv2/a || echo NOT-IN-PEER)',
    );
    expect(priv).toBe('NOT-IN-PEER');
    // and across mount namespaces: a slave copy, made first, receives a mount made afterwards in the original
    const ns = await t.ok(
      "mkfifo /tmp/go && unshare --mount --propagation unchanged sh -c 'mount --make-rslave /tmp/sh; : > /tmp/ready; " +
        "read x < /tmp/go; findmnt -n -o SOURCE /tmp/sh/b' & until [ -e /tmp/ready ]; do sleep 0.01; done; " +
        'mkdir -p /tmp/sh/b && mount -t tmpfs gaiola-late /tmp/sh/b && echo go > /tmp/go; wait',
    );
    expect(ns).toContain('gaiola-late');
    await t.ok('umount -R /tmp/peer; umount -R /tmp/sh; umount -R /tmp/pv2; umount -R /tmp/pv');
  });

  it('chroot into the course rootfs', async () => {
    const r = await p.term.ok(
      "chroot /root/rootfs /bin/sh -c 'readlink /proc/self/exe 2>/dev/null; ls /; cat /etc/hostname'",
    );
    expect(r).toMatch(/\bbin\b.*\betc\b/s);
    expect(r).not.toContain('usr');
  });

  it('pivot_root with proc mounted before the pivot; mounting proc only after it is refused', async () => {
    const t = p.term;
    const pivot = (procFirst: boolean): string =>
      "unshare --mount --pid --fork sh -c 'mount --make-rprivate / && mount --bind /root/rootfs /root/rootfs && " +
      `cd /root/rootfs && mkdir -p .old && ${procFirst ? 'mount -t proc proc proc && ' : ''}pivot_root . .old && ` +
      'cd / && umount -l /.old && echo root=$(ls / | tr "\\n" " "); echo old=$(ls -A /.old | wc -l); ' +
      `${procFirst ? '' : 'mount -t proc proc /proc; '}echo pid1=$(cat /proc/1/comm)' 2>&1; true`;
    const r = await t.ok(pivot(true));
    expect(r).toMatch(/^root=bin dev etc proc root sys tmp ?$/m);
    expect(r).toMatch(/^old=0$/m);
    expect(r).toMatch(/^pid1=sh$/m);
    // mnt_too_revealing (research/sandbox.md §1.2): with the old root gone no full proc is left to vouch for a
    // new one, so the kernel refuses it. runc and LXC mount proc before pivoting for this reason.
    const late = await t.ok(pivot(false));
    expect(late).toMatch(/^root=bin dev etc proc root sys tmp ?$/m);
    expect(late).toMatch(/mount: .*(Operation not permitted|permission denied)/i);
    expect(late).not.toMatch(/^pid1=sh$/m);
    await t.ok('rmdir /root/rootfs/.old');
  });

  it('runs on a resolved base image that the agent holds open (what lets a rebuild keep it)', () => {
    const image = realpathSync(defaultKernelConfig().baseImageDir);
    const held = readdirSync('/proc/self/fd').map((fd) => {
      try {
        return readlinkSync(`/proc/self/fd/${fd}`);
      } catch {
        return '';
      }
    });
    expect(held).toContain(image);
  });

  it('leaves nothing on the host', async () => {
    await p.destroyAndCheckHost();
  });
});

// What "leaves nothing on the host" compares: only mounts of ours, so that the host's own activity meanwhile
// (systemd 257 mounted a unit's credentials on Debian 13 between before and after) cannot fail it.
describe('the host mounts the tests compare', () => {
  const line = (id: number, root: string, point: string, fs: string, source: string, opts = 'rw') =>
    `${id} 1 0:${id} ${root} ${point} rw,relatime shared:1 - ${fs} ${source} ${opts}`;
  const host = [line(21, '/', '/', 'ext4', '/dev/vda1'), line(22, '/', '/run', 'tmpfs', 'tmpfs', 'rw,size=400m')];

  it('ignores a host mount that comes and goes', () => {
    const later = [...host, line(90, '/', '/run/credentials/systemd-tmpfiles-clean.service', 'tmpfs', 'tmpfs')];
    expect(gaiolaMounts(later.join('\n'))).toEqual(gaiolaMounts(host.join('\n')));
  });

  it('sees a leak of ours: a path, a source or an overlay dir named gaiola', () => {
    expect(gaiolaMounts([...host, line(91, '/', '/run/gaiola-t1/mnt', 'tmpfs', 'tmpfs')].join('\n'))).toEqual([
      '/run/gaiola-t1/mnt tmpfs tmpfs',
    ]);
    expect(gaiolaMounts([...host, line(92, '/', '/tmp/sh', 'tmpfs', 'gaiola-sh')].join('\n'))).toEqual([
      '/tmp/sh tmpfs gaiola-sh',
    ]);
    const overlay = line(93, '/', '/mnt/x', 'overlay', 'overlay', 'rw,lowerdir=/var/lib/gaiola/base,upperdir=/u');
    expect(gaiolaMounts([...host, overlay].join('\n'))).toEqual(['/mnt/x overlay overlay']);
    expect(gaiolaMounts([...host, line(94, '/gaiola-t1', '/srv/b', 'ext4', '/dev/vda1')].join('\n'))).toEqual([
      '/srv/b ext4 /dev/vda1',
    ]);
  });
});
