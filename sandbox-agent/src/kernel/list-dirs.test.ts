// The reader of the launcher's `list` output, on text in the shape query-files.c prints: escapes back to
// the names' bytes, `!` blocks, `+` truncation, and anything else refused.
import { describe, expect, it } from 'vitest';
import { listDirs, parseLauncherList } from './list-dirs';

const OVERLAY = [
  '= /root/ov/lower',
  'f ambos.txt',
  'f baixo.txt',
  '= /root/ov/upper',
  'w ambos.txt',
  'd sub',
  'f sub/novo.txt',
  'l sub/raiz',
  'o sub/fifo',
  '= /root/ov/merged',
  'f baixo.txt',
  'd sub',
  '',
].join('\n');

describe('parseLauncherList', () => {
  it('reads one block per path, in order, with each entry’s type', () => {
    const l = parseLauncherList(OVERLAY);
    expect([...l.keys()]).toEqual(['/root/ov/lower', '/root/ov/upper', '/root/ov/merged']);
    expect(l.get('/root/ov/upper')).toEqual({
      entries: [
        { path: 'ambos.txt', type: 'whiteout' },
        { path: 'sub', type: 'dir' },
        { path: 'sub/novo.txt', type: 'file' },
        { path: 'sub/raiz', type: 'symlink' },
        { path: 'sub/fifo', type: 'other' },
      ],
      truncated: false,
    });
    expect(l.get('/root/ov/merged')?.entries.map((e) => e.path)).toEqual(['baixo.txt', 'sub']);
  });

  it('undoes \\ooo escapes: a name with a newline forges no line; UTF-8 comes back whole', () => {
    const l = parseLauncherList(
      [
        '= /root/a\\012= b',
        'f x\\012= forged',
        'f back\\134slash',
        'f tab\\011del\\177',
        'f ção',
        'f split\\303\\247',
        '',
      ].join('\n'),
    );
    expect([...l.keys()]).toEqual(['/root/a\n= b']);
    expect(l.get('/root/a\n= b')?.entries.map((e) => e.path)).toEqual([
      'x\n= forged',
      'back\\slash',
      'tab\tdel\x7f',
      'ção',
      'splitç',
    ]);
  });

  it('reads ! blocks and + truncation', () => {
    const l = parseLauncherList(
      ['= /a', '! missing', '= /b', '! unreadable', '= /c', 'f 1', 'f 2', '+', '= /d', ''].join('\n'),
    );
    expect(l.get('/a')).toEqual({ entries: [], truncated: false, error: 'missing' });
    expect(l.get('/b')).toEqual({ entries: [], truncated: false, error: 'unreadable' });
    expect(l.get('/c')).toEqual({
      entries: [
        { path: '1', type: 'file' },
        { path: '2', type: 'file' },
      ],
      truncated: true,
    });
    expect(l.get('/d')).toEqual({ entries: [], truncated: false });
    expect(parseLauncherList('').size).toBe(0);
  });

  it.each([
    ['no trailing newline', '= /a\nf x'],
    ['an entry before any block', 'f x\n'],
    ['an unknown type', '= /a\nx name\n'],
    ['a type without a space', '= /a\nfname\n'],
    ['an empty path', '= /a\nf \n'],
    ['an absolute entry', '= /a\nf /etc\n'],
    ['an entry after !', '= /a\n! missing\nf x\n'],
    ['! after entries', '= /a\nf x\n! unreadable\n'],
    ['an entry after +', '= /a\nf x\n+\nf y\n'],
    ['an unknown ! word', '= /a\n! gone\n'],
    ['a bad escape', '= /a\nf x\\9\n'],
    ['a short escape', '= /a\nf x\\01\n'],
    ['a raw control character', '= /a\nf x\ty\n'],
    ['a raw carriage return', '= /a\r\n'],
    ['the same path twice', '= /a\n= /a\n'],
    ['a blank line', '= /a\n\n'],
  ])('throws on %s', (_, text) => {
    expect(() => parseLauncherList(text)).toThrow(/launcher list/);
  });
});

describe('listDirs', () => {
  const none = '/nonexistent/gaiola-sandbox';
  const sb = { uidBase: 1 };
  const one = { pid: 1 };
  it('answers no paths without spawning, and refuses out-of-range limits', async () => {
    expect((await listDirs(none, sb, one, [], { depth: 1, maxEntries: 1 }))?.size).toBe(0);
    const ok = { depth: 2, maxEntries: 10 };
    await expect(listDirs(none, sb, one, ['/'], { ...ok, depth: 7 })).rejects.toThrow(RangeError);
    await expect(listDirs(none, sb, one, ['/'], { ...ok, maxEntries: 0 })).rejects.toThrow(RangeError);
    const many = Array.from({ length: 33 }, (_, i) => `/d${i}`);
    await expect(listDirs(none, sb, one, many, ok)).rejects.toThrow(RangeError);
    await expect(listDirs(none, sb, one, ['/a\0b'], ok)).rejects.toThrow(RangeError);
    await expect(listDirs(none, sb, one, ['/'], ok)).rejects.toThrow(/cannot start/);
  });
});
