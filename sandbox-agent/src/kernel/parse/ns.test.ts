import { describe, expect, it } from 'vitest';
import { fx, itRejects } from './fixture-util';
import { NS_TYPES, type NsLink, type NsType, nsKindOf, parseNsLink, sameNamespace } from './ns';
import { ParseError } from './text';

/** The recorder writes one `file link` pair a line (see record-v1-hybrid.sh). */
function readLinks(path: string): Map<NsType, NsLink> {
  const out = new Map<NsType, NsLink>();
  for (const line of fx(path).trim().split('\n')) {
    const [file, link] = line.split(' ') as [NsType, string];
    out.set(file, parseNsLink(link, file));
  }
  return out;
}

describe('parseNsLink on recorded links', () => {
  const host = readLinks('v1-hybrid/host/ns-links');
  const inside = readLinks('v1-hybrid/container/ns-links-inside');
  const fromHost = readLinks('v1-hybrid/container/ns-links-from-host');

  it('lists all ten entries', () => {
    expect([...host.keys()]).toEqual([...NS_TYPES]);
    expect(host.get('uts')?.type).toBe('uts');
    expect(host.get('pid_for_children')?.type).toBe('pid');
    expect(host.get('time_for_children')?.type).toBe('time');
  });

  it('the container differs from the host in exactly user, mnt, pid, uts, net', () => {
    const differs = NS_TYPES.filter((t) => {
      const a = host.get(t);
      const b = inside.get(t);
      if (!a || !b) throw new Error(`missing ${t}`);
      return !sameNamespace(a, b);
    });
    expect(differs).toEqual(['mnt', 'net', 'pid', 'pid_for_children', 'user', 'uts']);
  });

  it('reads the same identities from inside and from the host', () => {
    expect(fromHost).toEqual(inside);
  });
});

describe('parseNsLink', () => {
  it('reads type and inode', () => {
    expect(parseNsLink('uts:[4026531838]')).toEqual({ type: 'uts', inode: 4026531838 });
    expect(parseNsLink('pid:[4026532180]\n', 'pid_for_children')).toEqual({ type: 'pid', inode: 4026532180 });
  });

  it('maps *_for_children to their kinds', () => {
    expect(nsKindOf('pid_for_children')).toBe('pid');
    expect(nsKindOf('time_for_children')).toBe('time');
    expect(nsKindOf('net')).toBe('net');
  });

  it('sameNamespace needs both type and inode', () => {
    expect(sameNamespace({ type: 'net', inode: 5 }, { type: 'net', inode: 5 })).toBe(true);
    expect(sameNamespace({ type: 'net', inode: 5 }, { type: 'uts', inode: 5 })).toBe(false);
  });

  itRejects(parseNsLink, [
    ['empty', ''],
    ['a path', '/proc/1/ns/uts'],
    ['no brackets', 'uts:4026531838'],
    ['unknown type', 'foo:[4026531838]'],
    ['a *_for_children type in the link', 'pid_for_children:[4026531836]'],
    ['non-numeric inode', 'uts:[abc]'],
    ['inode 0', 'uts:[0]'],
    ['trailing junk', 'uts:[4026531838] x'],
  ]);

  it('rejects a link read from the wrong entry', () => {
    expect(() => parseNsLink('net:[4026531833]', 'uts')).toThrow(/should link to a uts namespace/);
    expect(() => parseNsLink('time:[4026531834]', 'pid_for_children')).toThrow(ParseError);
  });
});
