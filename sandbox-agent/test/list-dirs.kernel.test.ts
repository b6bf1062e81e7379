// The launcher's `list` (listDirs) on a real sandbox: an overlay the student mounts shows its whiteout in the
// upper layer and its merged view without the deleted file; nothing below a listed path is followed (a
// symlink to / or to /proc/1/root stays a symlink); a listed path that is itself a symlink resolves inside
// the sandbox, never on the host; a directory the sandbox's root may not open is `unreadable`; depth and
// entry caps hold; names with newlines forge no entry; a process that is gone answers undefined.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultKernelConfig } from '../src/kernel/config';
import { type DirListing, listDirs } from '../src/kernel/list-dirs';
import { kernelSuite } from './kernel-helpers';
import { useProbeSandbox } from './probe-helpers';

const FILE = 'list-dirs';
const { skip } = kernelSuite(FILE);
const launcher = defaultKernelConfig().launcherPath;

describe.skipIf(skip !== undefined)('listDirs on a sandbox', () => {
  const p = useProbeSandbox('gaiola-list');
  // Everything below lives in the sandbox's own tmpfs, gone with the sandbox (useProbeSandbox's afterAll).
  const D = `/root/gaiola-list-${randomBytes(4).toString('hex')}`;
  const list = async (paths: string[], depth = 6, maxEntries = 1000): Promise<Map<string, DirListing>> => {
    const init = { pid: p.sandbox.initPid, startTime: p.sandbox.initStartTime };
    const out = await listDirs(launcher, p.sandbox, init, paths, { depth, maxEntries });
    if (!out) throw new Error('the sandbox is gone');
    return out;
  };
  const entries = async (path: string, depth = 6, maxEntries = 1000) =>
    (await list([path], depth, maxEntries)).get(path)?.entries;

  it('shows an overlay’s layers: the whiteout and the new file in upper, the merged view without the deleted file', async () => {
    await p.term.ok(
      [
        `mkdir ${D} && mount -t tmpfs gaiola-list ${D}`,
        `mkdir ${D}/lower ${D}/upper ${D}/work ${D}/merged`,
        `echo a > ${D}/lower/keep.txt && echo b > ${D}/lower/gone.txt`,
        `mount -t overlay overlay -o lowerdir=${D}/lower,upperdir=${D}/upper,workdir=${D}/work ${D}/merged`,
        `rm -f ${D}/merged/gone.txt && echo new > ${D}/merged/new.txt`,
      ].join(' && '),
    );
    const l = await list([`${D}/lower`, `${D}/upper`, `${D}/merged`, `${D}/lower`]);
    expect([...l.keys()]).toEqual([`${D}/lower`, `${D}/upper`, `${D}/merged`]);
    expect(l.get(`${D}/lower`)).toEqual({
      entries: [
        { path: 'gone.txt', type: 'file' },
        { path: 'keep.txt', type: 'file' },
      ],
      truncated: false,
    });
    expect(l.get(`${D}/upper`)?.entries).toEqual([
      { path: 'gone.txt', type: 'whiteout' },
      { path: 'new.txt', type: 'file' },
    ]);
    expect(l.get(`${D}/merged`)?.entries).toEqual([
      { path: 'keep.txt', type: 'file' },
      { path: 'new.txt', type: 'file' },
    ]);
  });

  it('never descends a symlink inside the tree, to / or to /proc/1/root', async () => {
    await p.term.ok(
      [
        `mkdir -p ${D}/trap/sub`,
        `touch ${D}/trap/sub/f`,
        `ln -s / ${D}/trap/root`,
        `ln -s /proc/1/root ${D}/trap/magic`,
        `ln -s .. ${D}/trap/sub/up`,
      ].join(' && '),
    );
    expect(await entries(`${D}/trap`)).toEqual([
      { path: 'magic', type: 'symlink' },
      { path: 'root', type: 'symlink' },
      { path: 'sub', type: 'dir' },
      { path: 'sub/f', type: 'file' },
      { path: 'sub/up', type: 'symlink' },
    ]);
    // A listed path that is a magic link is refused (RESOLVE_NO_MAGICLINKS), not followed to the host's /.
    expect((await list([`${D}/trap/magic`])).get(`${D}/trap/magic`)).toEqual({
      entries: [],
      truncated: false,
      error: 'unreadable',
    });
  });

  it('resolves a listed path that is a symlink inside the sandbox, never on the host', async () => {
    // A host directory that exists only on the host: no path of the sandbox's may reach it.
    const hostDir = mkdtempSync('/tmp/gaiola-list-');
    try {
      writeFileSync(`${hostDir}/host-only`, 'x');
      await p.term.ok(
        [
          `touch /etc/gaiola-list-marker`,
          `ln -s /etc ${D}/etc-link`,
          `ln -s /tmp ${D}/tmp-link`,
          `ln -s ${hostDir} ${D}/host-link`,
        ].join(' && '),
      );
      const l = await list([`${D}/etc-link`, '/etc', `${D}/tmp-link`, `${D}/host-link`, hostDir], 1);
      const viaLink = l.get(`${D}/etc-link`)?.entries ?? [];
      expect(viaLink).toContainEqual({ path: 'gaiola-list-marker', type: 'file' });
      expect(viaLink).toEqual(l.get('/etc')?.entries);
      expect(viaLink.map((e) => e.path)).not.toEqual(readdirSync('/etc').sort());
      expect(l.get(`${D}/tmp-link`)?.entries.map((e) => e.path)).not.toContain(hostDir.slice('/tmp/'.length));
      expect(l.get(`${D}/host-link`)?.error).toBe('missing');
      expect(l.get(hostDir)?.error).toBe('missing');
    } finally {
      rmSync(hostDir, { recursive: true, force: true });
    }
  });

  it('calls a directory the sandbox’s root may not open unreadable, and lists it as a dir from above', async () => {
    // /proc/1/fd of the sandbox's init: mode 0500, owned by host root (outside the sandbox's range, nobody
    // inside), because the init is not dumpable. Even the sandbox's root cannot open it (`ls` fails inside).
    expect(await p.term.ok('stat -c %U:%a /proc/1/fd')).toBe('nobody:500');
    // A directory of a uid of the sandbox's other than root, mode 0700: the lister has no capability either.
    await p.term.ok(`mkdir -p ${D}/box/priv && touch ${D}/box/priv/secret && chown -R 65534:65534 ${D}/box/priv`);
    await p.term.ok(`chmod 700 ${D}/box/priv`);
    const l = await list(['/proc/1/fd', `${D}/box/priv`, `${D}/box`, `${D}/no-such-dir`, `${D}/lower/keep.txt`]);
    expect(l.get('/proc/1/fd')).toEqual({ entries: [], truncated: false, error: 'unreadable' });
    expect(l.get(`${D}/box/priv`)).toEqual({ entries: [], truncated: false, error: 'unreadable' });
    expect(l.get(`${D}/box`)?.entries).toEqual([{ path: 'priv', type: 'dir' }]);
    expect(l.get(`${D}/no-such-dir`)?.error).toBe('missing');
    expect(l.get(`${D}/lower/keep.txt`)?.error).toBe('missing');
    // From above, /proc/1: fd is a dir with its content left out; root, cwd and exe are links, not followed.
    const proc1 = (await entries('/proc/1', 2)) ?? [];
    expect(proc1).toContainEqual({ path: 'fd', type: 'dir' });
    expect(proc1.filter((e) => e.path.startsWith('fd/'))).toEqual([]);
    for (const link of ['root', 'cwd', 'exe']) expect(proc1).toContainEqual({ path: link, type: 'symlink' });
    expect(proc1.filter((e) => e.path.startsWith('root/'))).toEqual([]);
  });

  it('stops at the depth and at the entry cap (the first entries of the whole listing)', async () => {
    await p.term.ok(
      [
        `mkdir -p ${D}/deep/a/b/c/d/e/f/g/h ${D}/many`,
        `touch ${D}/deep/a/b/c/d/e/f/g/h/x`,
        `for i in $(seq -w 1 50); do touch ${D}/many/$i; done`,
        `mkdir ${D}/many/00 && touch ${D}/many/00/a ${D}/many/00/b`,
      ].join(' && '),
    );
    const chain = ['a', 'a/b', 'a/b/c', 'a/b/c/d', 'a/b/c/d/e', 'a/b/c/d/e/f'];
    expect((await entries(`${D}/deep`, 1))?.map((e) => e.path)).toEqual(chain.slice(0, 1));
    expect((await entries(`${D}/deep`, 3))?.map((e) => e.path)).toEqual(chain.slice(0, 3));
    expect((await entries(`${D}/deep`, 6))?.map((e) => e.path)).toEqual(chain);

    const names = Array.from({ length: 50 }, (_, i) => String(i + 1).padStart(2, '0'));
    const all = ['00', '00/a', '00/b', ...names];
    const l = await list([`${D}/many`, `${D}/deep`], 2, 10);
    expect(l.get(`${D}/many`)).toEqual({
      entries: all.slice(0, 10).map((path) => ({ path, type: path === '00' ? 'dir' : 'file' })),
      truncated: true,
    });
    // the cap counts per path
    expect(l.get(`${D}/deep`)).toEqual({
      entries: chain.slice(0, 2).map((path) => ({ path, type: 'dir' })),
      truncated: false,
    });
    expect((await list([`${D}/many`], 2, 53)).get(`${D}/many`)?.truncated).toBe(false);
    expect((await list([`${D}/many`], 2, 52)).get(`${D}/many`)?.truncated).toBe(true);
    // entries the depth hides are no reason for `+`
    expect((await list([`${D}/many`], 1, 51)).get(`${D}/many`)?.truncated).toBe(false);
  });

  it('gives odd names back as they are, and no name forges an entry', async () => {
    await p.term.ok(
      [
        `mkdir -p ${D}/odd/$'d\\n= x'`,
        `touch ${D}/odd/$'x\\n= forged' ${D}/odd/'b\\s' ${D}/odd/ção ${D}/odd/$'d\\n= x'/$'\\t'`,
      ].join(' && '),
    );
    expect(await entries(`${D}/odd`)).toEqual([
      { path: 'b\\s', type: 'file' },
      { path: 'd\n= x', type: 'dir' },
      { path: 'd\n= x/\t', type: 'file' },
      { path: 'x\n= forged', type: 'file' },
      { path: 'ção', type: 'file' },
    ]);
    expect(await entries(`${D}/odd/d\n= x`)).toEqual([{ path: '\t', type: 'file' }]);
  });

  it('answers undefined for a process that is gone', async () => {
    const gone = { pid: 2147483647 };
    expect(await listDirs(launcher, p.sandbox, gone, ['/'], { depth: 1, maxEntries: 1 })).toBeUndefined();
  });

  it('leaves nothing on the host', async () => {
    await p.term.ok(`umount ${D}/merged && umount ${D}`);
    await p.destroyAndCheckHost();
  });
});
