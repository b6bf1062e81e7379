// /proc/PID/ns/*: each entry is a magic link whose readlink(2) text is `type:[inode]` (namespaces(7)).
// Two processes share a namespace when the links read the same (same nsfs inode).
import { nonNegativeInt, ParseError } from './text';

/** The ten entries of /proc/PID/ns (kernel 5.6+ for time and time_for_children). */
export const NS_TYPES = [
  'cgroup',
  'ipc',
  'mnt',
  'net',
  'pid',
  'pid_for_children',
  'time',
  'time_for_children',
  'user',
  'uts',
] as const;
export type NsType = (typeof NS_TYPES)[number];

/**
 * The kind a link names. `pid_for_children` and `time_for_children` link to a `pid:[…]` / `time:[…]`
 * namespace, so a parsed link's type is never one of those two.
 */
export type NsKind = Exclude<NsType, 'pid_for_children' | 'time_for_children'>;

export interface NsLink {
  type: NsKind;
  /** nsfs inode number: the namespace's identity. */
  inode: number;
}

const LINK = /^([a-z_]+):\[(\d+)\]$/;

/** The namespace kind behind an ns entry: `pid_for_children` → `pid`. */
export function nsKindOf(file: NsType): NsKind {
  if (file === 'pid_for_children') return 'pid';
  if (file === 'time_for_children') return 'time';
  return file;
}

function isKind(s: string): s is NsKind {
  return (NS_TYPES as readonly string[]).includes(s) && !s.endsWith('_for_children');
}

/**
 * Parses readlink(/proc/PID/ns/FILE), e.g. `uts:[4026531838]`. When `file` is given, the link's type must
 * be the kind that entry holds (`pid_for_children` → `pid`), which catches a mixed-up read.
 */
export function parseNsLink(linkText: string, file?: NsType): NsLink {
  const text = linkText.trim();
  const m = LINK.exec(text);
  const type = m?.[1];
  const inodeText = m?.[2];
  if (type === undefined || inodeText === undefined)
    throw new ParseError('ns-link', 'expected "type:[inode]"', linkText);
  if (!isKind(type)) throw new ParseError('ns-link', `unknown namespace type ${type}`, linkText);
  if (file !== undefined && nsKindOf(file) !== type) {
    throw new ParseError('ns-link', `/proc/PID/ns/${file} should link to a ${nsKindOf(file)} namespace`, linkText);
  }
  const inode = nonNegativeInt(inodeText, 'ns-link', 'inode', linkText);
  if (inode === 0) throw new ParseError('ns-link', 'inode 0', linkText);
  return { type, inode };
}

export function sameNamespace(a: NsLink, b: NsLink): boolean {
  return a.type === b.type && a.inode === b.inode;
}
