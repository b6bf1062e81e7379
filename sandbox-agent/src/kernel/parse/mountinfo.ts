// /proc/PID/mountinfo, per proc(5):
//   36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 - ext3 /dev/root rw,errors=continue
//   (1)(2)(3)   (4)   (5)      (6)      (7)   (8) (9)   (10)         (11)
// (7) is zero or more optional fields ended by the single '-' (8). Fields are separated by one space;
// spaces, tabs, newlines and backslashes inside fields are octal-escaped by the kernel.
import { lines, nonNegativeInt, ParseError, unescapeOctal } from './text';

/** Propagation of a mount, from its optional fields (shared:N, master:N, propagate_from:N, unbindable). */
export interface Propagation {
  /** 'shared+slave' = it receives from a master and also shares with its own peer group. */
  mode: 'private' | 'shared' | 'slave' | 'shared+slave' | 'unbindable';
  /** Peer group id when shared. */
  shared?: number;
  /** Master peer group id when a slave. */
  master?: number;
  /** Closest dominant peer group reachable from the process's root, when the master is not. */
  propagateFrom?: number;
  unbindable: boolean;
}

export interface MountEntry {
  mountId: number;
  parentId: number;
  major: number;
  minor: number;
  /** Root of the mount within its filesystem (`/` for a whole fs, `/sub` for a bind of a subdirectory). */
  root: string;
  /** Mount point relative to the reading process's root, unescaped. */
  mountPoint: string;
  /** Per-mount options (rw, nosuid, relatime...). */
  mountOptions: string[];
  /** Optional fields verbatim, including any the kernel adds later (proc(5): ignore unknown ones). */
  optionalFields: string[];
  propagation: Propagation;
  fsType: string;
  /** Filesystem-specific source ("none", "/dev/sda1", "overlay"...), unescaped. */
  source: string;
  /** Per-superblock options, split on ',' and then unescaped (values may contain escaped ',' and '='). */
  superOptions: string[];
}

const KIND = 'mountinfo';

function parsePropagation(fields: string[], line: string, lineNumber: number): Propagation {
  let shared: number | undefined;
  let master: number | undefined;
  let propagateFrom: number | undefined;
  let unbindable = false;
  for (const field of fields) {
    const colon = field.indexOf(':');
    const tag = colon === -1 ? field : field.slice(0, colon);
    const value = colon === -1 ? undefined : field.slice(colon + 1);
    const id = () => {
      if (value === undefined) throw new ParseError(KIND, `optional field ${tag} has no peer group`, line, lineNumber);
      return nonNegativeInt(value, KIND, `peer group of ${tag}`, line, lineNumber);
    };
    if (tag === 'shared') shared = id();
    else if (tag === 'master') master = id();
    else if (tag === 'propagate_from') propagateFrom = id();
    else if (tag === 'unbindable' && value === undefined) unbindable = true;
    else if (tag === '') throw new ParseError(KIND, 'empty optional field', line, lineNumber);
    // Any other tag is a future kernel's addition: kept in optionalFields, ignored here as proc(5) asks.
  }
  const mode: Propagation['mode'] = unbindable
    ? 'unbindable'
    : shared !== undefined && master !== undefined
      ? 'shared+slave'
      : shared !== undefined
        ? 'shared'
        : master !== undefined
          ? 'slave'
          : 'private';
  const p: Propagation = { mode, unbindable };
  if (shared !== undefined) p.shared = shared;
  if (master !== undefined) p.master = master;
  if (propagateFrom !== undefined) p.propagateFrom = propagateFrom;
  return p;
}

function parseLine(line: string, lineNumber: number): MountEntry {
  const fields = line.split(' ');
  const sep = fields.indexOf('-', 6);
  if (fields.length < 10 || sep === -1) {
    throw new ParseError(
      KIND,
      'expected "ID PARENT MAJ:MIN ROOT MOUNTPOINT OPTIONS [OPTIONAL...] - FSTYPE SOURCE SUPEROPTIONS"',
      line,
      lineNumber,
    );
  }
  if (fields.length - sep !== 4) {
    throw new ParseError(KIND, 'expected exactly FSTYPE SOURCE SUPEROPTIONS after "-"', line, lineNumber);
  }
  const [idText, parentText, devText, rootText, mountPointText, optionsText] = fields as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const [fsType, sourceText, superText] = fields.slice(sep + 1) as [string, string, string];
  const dev = /^(\d+):(\d+)$/.exec(devText);
  if (!dev) throw new ParseError(KIND, 'major:minor is malformed', line, lineNumber);
  if (rootText === '') throw new ParseError(KIND, 'empty root', line, lineNumber);
  const mountPoint = unescapeOctal(mountPointText);
  if (!mountPoint.startsWith('/')) throw new ParseError(KIND, 'mount point is not absolute', line, lineNumber);
  if (optionsText === '') throw new ParseError(KIND, 'empty mount options', line, lineNumber);
  if (fsType === '') throw new ParseError(KIND, 'empty filesystem type', line, lineNumber);
  const optionalFields = fields.slice(6, sep);
  return {
    mountId: nonNegativeInt(idText, KIND, 'mount ID', line, lineNumber),
    parentId: nonNegativeInt(parentText, KIND, 'parent ID', line, lineNumber),
    major: Number(dev[1]),
    minor: Number(dev[2]),
    root: unescapeOctal(rootText),
    mountPoint,
    mountOptions: optionsText.split(','),
    optionalFields,
    propagation: parsePropagation(optionalFields, line, lineNumber),
    fsType: unescapeOctal(fsType),
    source: unescapeOctal(sourceText),
    superOptions: superText === '' ? [] : superText.split(',').map(unescapeOctal),
  };
}

/** Parses /proc/PID/mountinfo. Throws ParseError on any malformed line; an empty file is an error too. */
export function parseMountinfo(text: string): MountEntry[] {
  const all = lines(text);
  if (all.length === 0) throw new ParseError(KIND, 'empty file (a live process always has a root mount)', '');
  return all.map((line, i) => parseLine(line, i + 1));
}

/**
 * The mount visible at `mountPoint`: when several are stacked on one point, the last listed is on top
 * (mountinfo lists mounts in the order they were made).
 */
export function findMount(entries: readonly MountEntry[], mountPoint: string): MountEntry | undefined {
  for (let i = entries.length - 1; i >= 0; i--) {
    const e = entries[i];
    if (e !== undefined && e.mountPoint === mountPoint) return e;
  }
  return undefined;
}

/** Value of the last `key=value` in an option list (later options override earlier ones); `true` for a bare flag. */
export function optionValue(options: readonly string[], key: string): string | true | undefined {
  let found: string | true | undefined;
  for (const o of options) {
    if (o === key) found = true;
    else if (o.startsWith(`${key}=`)) found = o.slice(key.length + 1);
  }
  return found;
}

export interface OverlayLayers {
  /** Merged lower layers, top first, as the kernel lists them. */
  lowerdirs: string[];
  /** Data-only lower layers (after '::' in lowerdir, or datadir+=), if any. */
  datadirs: string[];
  upperdir?: string;
  workdir?: string;
}

const OVL = 'overlay-options';

/**
 * Splits overlayfs's lowerdir value: ':' separates layers, '::' starts the data-only layers, and '\x'
 * stands for a literal x (so `\:` is a colon inside a path). Expects the value already octal-unescaped.
 */
function splitLowerdir(value: string, line: string): { merged: string[]; data: string[] } {
  const merged: string[] = [];
  const data: string[] = [];
  let target = merged;
  let cur = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '\\') {
      const next = value[i + 1];
      if (next === undefined) throw new ParseError(OVL, 'lowerdir ends in a lone backslash', line);
      cur += next;
      i++;
    } else if (c === ':') {
      if (cur === '') throw new ParseError(OVL, 'empty layer in lowerdir', line);
      target.push(cur);
      cur = '';
      if (value[i + 1] === ':') {
        if (target === data) throw new ParseError(OVL, 'more than one "::" in lowerdir', line);
        target = data;
        i++;
      }
    } else {
      cur += c;
    }
  }
  if (cur === '') throw new ParseError(OVL, 'empty layer in lowerdir', line);
  target.push(cur);
  return { merged, data };
}

/**
 * The layers of an overlay mount, from its super options: `lowerdir=a:b` (old style, with `\:` escapes and
 * `::` before data-only layers) or repeated `lowerdir+=`/`datadir+=` (new style, one literal path each).
 */
export function overlayLayers(entry: MountEntry): OverlayLayers {
  const line = entry.superOptions.join(',');
  if (entry.fsType !== 'overlay') throw new ParseError(OVL, `not an overlay mount (${entry.fsType})`, line);
  const lowerdirs: string[] = [];
  const datadirs: string[] = [];
  let upperdir: string | undefined;
  let workdir: string | undefined;
  for (const o of entry.superOptions) {
    const eq = o.indexOf('=');
    if (eq === -1) continue;
    const key = o.slice(0, eq);
    const value = o.slice(eq + 1);
    if (key === 'lowerdir') {
      const { merged, data } = splitLowerdir(value, line);
      lowerdirs.push(...merged);
      datadirs.push(...data);
    } else if (key === 'lowerdir+' || key === 'datadir+') {
      if (value === '') throw new ParseError(OVL, `empty ${key}`, line);
      (key === 'lowerdir+' ? lowerdirs : datadirs).push(value);
    } else if (key === 'upperdir') {
      upperdir = value;
    } else if (key === 'workdir') {
      workdir = value;
    }
  }
  if (lowerdirs.length === 0) throw new ParseError(OVL, 'overlay without lowerdir', line);
  const layers: OverlayLayers = { lowerdirs, datadirs };
  if (upperdir !== undefined) layers.upperdir = upperdir;
  if (workdir !== undefined) layers.workdir = workdir;
  return layers;
}
