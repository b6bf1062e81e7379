import { describe, expect, it } from 'vitest';
import { fx, itRejects } from './fixture-util';
import { findMount, type MountEntry, optionValue, overlayLayers, parseMountinfo } from './mountinfo';
import { ParseError } from './text';

const REC = '/tmp/gaiola-fx-rec';

function mustFind(entries: MountEntry[], mountPoint: string): MountEntry {
  const m = findMount(entries, mountPoint);
  if (!m) throw new Error(`no mount at ${mountPoint}`);
  return m;
}

describe('parseMountinfo on the recorded v1/hybrid host', () => {
  const entries = parseMountinfo(fx('v1-hybrid/host/mountinfo'));

  it('reads every line with its fields', () => {
    expect(entries).toHaveLength(19);
    const root = mustFind(entries, '/');
    expect(root).toMatchObject({
      parentId: 1,
      major: 254,
      minor: 0,
      root: '/',
      fsType: 'ext4',
      source: '/dev/vda',
      mountOptions: ['rw', 'relatime'],
      optionalFields: [],
      propagation: { mode: 'private', unbindable: false },
    });
    expect(root.superOptions).toEqual(['rw', 'discard', 'resv_strict', 'resuid=65534', 'resgid=65534']);
    expect(optionValue(root.superOptions, 'resuid')).toBe('65534');
    expect(optionValue(root.superOptions, 'discard')).toBe(true);
    expect(optionValue(root.superOptions, 'nope')).toBeUndefined();
  });

  it('shows the hybrid layout: v1 controllers under a tmpfs, cgroup2 at unified', () => {
    expect(mustFind(entries, '/sys/fs/cgroup').fsType).toBe('tmpfs');
    expect(mustFind(entries, '/sys/fs/cgroup/memory')).toMatchObject({
      fsType: 'cgroup',
      superOptions: ['rw', 'memory'],
    });
    expect(mustFind(entries, '/sys/fs/cgroup/systemd').superOptions).toContain('name=systemd');
    expect(mustFind(entries, '/sys/fs/cgroup/unified').fsType).toBe('cgroup2');
  });

  it('findMount returns the top of a stack (last listed)', () => {
    // /dev/pts and /dev/shm are each mounted twice on this VM.
    expect(entries.filter((e) => e.mountPoint === '/dev/pts').map((e) => e.mountId)).toEqual([26, 29]);
    expect(mustFind(entries, '/dev/pts').mountId).toBe(29);
    expect(findMount(entries, '/nowhere')).toBeUndefined();
  });
});

describe('parseMountinfo on the recorded overlay/propagation namespace', () => {
  const entries = parseMountinfo(fx('v1-hybrid/overlay/mountinfo'));

  it('unescapes a space in the mount point and reads the overlay layers in order', () => {
    const merged = mustFind(entries, `${REC}/base/merged dir`);
    expect(merged.fsType).toBe('overlay');
    expect(merged.source).toBe('overlay');
    expect(overlayLayers(merged)).toEqual({
      lowerdirs: [`${REC}/l1`, `${REC}/l2`],
      datadirs: [],
      upperdir: `${REC}/base/upper`,
      workdir: `${REC}/base/work`,
    });
    expect(merged.superOptions).toContain('uuid=null');
  });

  it('reads an escaped colon inside a lowerdir (shown by the kernel as \\134:)', () => {
    const ro = mustFind(entries, `${REC}/base/ro`);
    expect(ro.superOptions[0]).toBe('ro');
    const layers = overlayLayers(ro);
    expect(layers.lowerdirs).toEqual([`${REC}/l:colon`, `${REC}/l1`]);
    expect(layers.upperdir).toBeUndefined();
    expect(layers.workdir).toBeUndefined();
  });

  it('reads lowerdir+= layers, and the stacked overlay on top wins', () => {
    const stacked = entries.filter((e) => e.mountPoint === `${REC}/base/plus`);
    expect(stacked).toHaveLength(2);
    const [below, top] = stacked as [MountEntry, MountEntry];
    expect(overlayLayers(below)).toEqual({ lowerdirs: [`${REC}/l1`, `${REC}/l2`], datadirs: [] });
    expect(top.parentId).toBe(below.mountId);
    expect(mustFind(entries, `${REC}/base/plus`)).toBe(top);
    expect(overlayLayers(top)).toEqual({
      lowerdirs: [`${REC}/l2`, `${REC}/l1`],
      datadirs: [],
      upperdir: `${REC}/base/u2`,
      workdir: `${REC}/base/w2`,
    });
  });

  it('types the propagation of shared, slave, shared+slave, unbindable and private mounts', () => {
    const shared = mustFind(entries, `${REC}/base/shared`).propagation;
    const peer = mustFind(entries, `${REC}/base/peer`).propagation;
    expect(shared).toEqual({ mode: 'shared', shared: 1, unbindable: false });
    expect(peer.shared).toBe(shared.shared);
    expect(mustFind(entries, `${REC}/base/slave`).propagation).toEqual({ mode: 'slave', master: 1, unbindable: false });
    expect(mustFind(entries, `${REC}/base/slave-shared`).propagation).toEqual({
      mode: 'shared+slave',
      shared: 2,
      master: 1,
      unbindable: false,
    });
    expect(mustFind(entries, `${REC}/base/unbindable`).propagation).toEqual({ mode: 'unbindable', unbindable: true });
    expect(mustFind(entries, `${REC}/base`).propagation.mode).toBe('private');
  });

  it('reads the root of a bind mount of a subdirectory', () => {
    const bind = mustFind(entries, `${REC}/base/bind-sub`);
    expect(bind.root).toBe('/sub');
    expect(bind.mountOptions[0]).toBe('ro');
    expect(bind.superOptions[0]).toBe('rw');
    const shared = mustFind(entries, `${REC}/base/shared`);
    expect([bind.major, bind.minor]).toEqual([shared.major, shared.minor]);
  });

  it('unescapes tab, newline and backslash in mount points', () => {
    expect(findMount(entries, `${REC}/base/tab\tx`)?.source).toBe('gaiola-fx-esc');
    expect(findMount(entries, `${REC}/base/nl\nx`)?.source).toBe('gaiola-fx-esc');
    expect(findMount(entries, `${REC}/base/back\\slash`)?.source).toBe('gaiola-fx-esc');
  });
});

describe('parseMountinfo on the hand-written v2 host', () => {
  const entries = parseMountinfo(fx('v2/mountinfo'));
  it('finds the cgroup2 mount with its super options', () => {
    const cg = mustFind(entries, '/sys/fs/cgroup');
    expect(cg.fsType).toBe('cgroup2');
    expect(cg.superOptions).toEqual(['rw', 'nsdelegate', 'memory_recursiveprot']);
    expect(cg.propagation).toEqual({ mode: 'shared', shared: 9, unbindable: false });
    expect(cg.mountOptions).toEqual(['rw', 'nosuid', 'nodev', 'noexec', 'relatime']);
  });
});

describe('parseMountinfo edge cases (proc(5) examples and synthetic lines)', () => {
  it('reads the proc(5) example with master:1', () => {
    const [e] = parseMountinfo('36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 - ext3 /dev/root rw,errors=continue\n');
    expect(e).toMatchObject({ mountId: 36, parentId: 35, major: 98, minor: 0, root: '/mnt1', mountPoint: '/mnt2' });
    expect(e?.propagation).toEqual({ mode: 'slave', master: 1, unbindable: false });
  });

  it('reads propagate_from and keeps unknown optional fields without failing', () => {
    const [e] = parseMountinfo('40 30 0:50 / /x rw master:3 propagate_from:2 future:7 - tmpfs t rw\n');
    expect(e?.propagation).toEqual({ mode: 'slave', master: 3, propagateFrom: 2, unbindable: false });
    expect(e?.optionalFields).toEqual(['master:3', 'propagate_from:2', 'future:7']);
  });

  it('tolerates trailing whitespace and blank trailing lines', () => {
    expect(parseMountinfo('1 0 0:1 / / rw - rootfs rootfs rw\n\n  \n')).toHaveLength(1);
  });

  it('keeps an nsfs root such as net:[4026532181] and unescapes a source with a space', () => {
    const [e] = parseMountinfo('50 26 0:4 net:[4026532181] /run/netns/a rw - nsfs nsfs rw\n');
    expect(e?.root).toBe('net:[4026532181]');
    const [s] = parseMountinfo('51 26 0:40 / /mnt rw - fuse.sshfs user@host:/a\\040b rw,user_id=0\n');
    expect(s?.source).toBe('user@host:/a b');
    expect(s?.fsType).toBe('fuse.sshfs');
  });

  it('reads data-only layers after "::" and datadir+=', () => {
    const [e] = parseMountinfo(
      '60 1 0:60 / /m ro - overlay overlay ro,lowerdir=/a:/b::/d1,datadir+=/d2,metacopy=on,redirect_dir=follow\n',
    );
    expect(e && overlayLayers(e)).toEqual({ lowerdirs: ['/a', '/b'], datadirs: ['/d1', '/d2'] });
  });

  itRejects(parseMountinfo, [
    ['empty file', ''],
    ['only whitespace', '\n  \n'],
    ['too few fields', '22 27 0:21 / /proc rw\n'],
    ['no separator', '22 27 0:21 / /proc rw,relatime proc proc rw\n'],
    ['extra field after separator', '22 27 0:21 / /proc rw - proc proc rw extra\n'],
    ['missing super options', '22 27 0:21 / /proc rw - proc proc\n'],
    ['non-numeric mount id', 'x 27 0:21 / /proc rw - proc proc rw\n'],
    ['negative parent id', '22 -1 0:21 / /proc rw - proc proc rw\n'],
    ['bad major:minor', '22 27 0-21 / /proc rw - proc proc rw\n'],
    ['relative mount point', '22 27 0:21 / proc rw - proc proc rw\n'],
    ['empty mount options', '22 27 0:21 / /proc  - proc proc rw\n'],
    ['shared without a group', '22 27 0:21 / /proc rw shared - proc proc rw\n'],
    ['non-numeric peer group', '22 27 0:21 / /proc rw master:x - proc proc rw\n'],
    ['a blank line in the middle', '1 0 0:1 / / rw - rootfs rootfs rw\n\n2 1 0:2 / /p rw - proc proc rw\n'],
    ['prose', 'mount: permission denied\n'],
  ]);

  it('says which file and which line was bad', () => {
    const text = '1 0 0:1 / / rw - rootfs rootfs rw\n2 1 zz / /p rw - proc proc rw\n';
    try {
      parseMountinfo(text);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ParseError);
      const err = e as ParseError;
      expect(err.kind).toBe('mountinfo');
      expect(err.lineNumber).toBe(2);
      expect(err.line).toBe('2 1 zz / /p rw - proc proc rw');
      expect(err.message).toContain('line 2');
    }
  });

  it('overlayLayers refuses non-overlay mounts and malformed lowerdirs', () => {
    const [tmpfs] = parseMountinfo('1 0 0:1 / /t rw - tmpfs tmpfs rw\n');
    if (!tmpfs) throw new Error('no entry');
    expect(() => overlayLayers(tmpfs)).toThrow(/not an overlay/);
    const ovl = (opts: string) => {
      const [e] = parseMountinfo(`1 0 0:1 / /o rw - overlay overlay ${opts}\n`);
      if (!e) throw new Error('no entry');
      return e;
    };
    expect(() => overlayLayers(ovl('rw,upperdir=/u,workdir=/w'))).toThrow(/without lowerdir/);
    expect(() => overlayLayers(ovl('rw,lowerdir=/a::'))).toThrow(ParseError);
    expect(() => overlayLayers(ovl('rw,lowerdir=:/a'))).toThrow(ParseError);
    expect(() => overlayLayers(ovl('rw,lowerdir=/a::/b::/c'))).toThrow(/more than one/);
    expect(() => overlayLayers(ovl('rw,lowerdir=/a\\134'))).toThrow(/lone backslash/);
    expect(() => overlayLayers(ovl('rw,lowerdir+='))).toThrow(ParseError);
  });
});
