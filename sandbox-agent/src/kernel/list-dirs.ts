// The files below a few directories of a sandbox, for the Kernel panel's drawing of an overlay's layers
// (lower dirs, upper dir, merged mount point), through the launcher's `list`: each PATH resolves inside the
// root of a process of the sandbox, as the sandbox's root user, like read-file; below a PATH no symlink is
// ever followed. A whiteout (a char device 0:0 in an upper layer) is a file deleted through the overlay.
import { type ProcessRef, runLauncherQuery, targetArgs } from './launcher-run';

export type ListedType = 'file' | 'dir' | 'symlink' | 'whiteout' | 'other';

export interface ListedEntry {
  /** Relative to the listed directory, names joined by '/'. */
  path: string;
  type: ListedType;
}

export interface DirListing {
  /** Depth first, the names of each directory sorted by their bytes. */
  entries: ListedEntry[];
  /** More entries than `maxEntries`: `entries` holds the first ones of the whole listing. */
  truncated: boolean;
  /** The directory itself: no such directory, or anything else that keeps it closed (EACCES, a magic link). */
  error?: 'missing' | 'unreadable';
}

/** The launcher's limits (LIST_MAX_* in launcher/args.h): a few layers to draw, not a file manager. */
export const LIST_MAX_PATHS = 32;
export const LIST_MAX_DEPTH = 6;
export const LIST_MAX_ENTRIES = 1000;

/** Largest name of a Linux directory entry, in bytes (NAME_MAX). */
const NAME_MAX = 255;
/** A byte the launcher escapes takes 4 (`\ooo`). */
const ESCAPED_BYTE = 4;
/**
 * Output kept at most. The worst case the launcher could print, 32 paths × 1000 entries × 6 names of 255
 * escaped bytes, is about 200 MiB; 8 MiB still holds 32 × 1000 entries of 256 characters. Past it the
 * listing fails rather than grow the agent's memory (only names a student crafted can get there).
 */
const MAX_LIST_OUTPUT = 8 * 1024 * 1024;

const TYPES: Record<string, ListedType> = { f: 'file', d: 'dir', l: 'symlink', w: 'whiteout', o: 'other' };

/** Undoes the launcher's `\ooo` escapes (bytes below 0x20, 0x7f, '\'), then reads the bytes as UTF-8. */
function unescapeName(s: string, line: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x7f)
      throw new Error(`launcher list: unescaped control character in ${JSON.stringify(line)}`);
  }
  if (!s.includes('\\')) return s;
  const raw = Buffer.from(s, 'utf8');
  const out = Buffer.alloc(raw.length);
  let n = 0;
  for (let i = 0; i < raw.length; i++) {
    const b = raw[i] as number;
    if (b !== 0x5c) {
      out[n++] = b;
      continue;
    }
    const oct = raw.subarray(i + 1, i + 4).toString('latin1');
    if (!/^[0-3][0-7]{2}$/.test(oct)) throw new Error(`launcher list: bad escape in ${JSON.stringify(line)}`);
    out[n++] = Number.parseInt(oct, 8);
    i += 3;
  }
  return out.subarray(0, n).toString('utf8');
}

/**
 * The launcher's `list` output → one listing per PATH, in the order printed. Blocks:
 * `= PATH`, then `! missing` | `! unreadable`, or entry lines `<f|d|l|w|o> <relpath>` and a last `+` when
 * entries were left out. Throws on anything else.
 */
export function parseLauncherList(out: string): Map<string, DirListing> {
  const result = new Map<string, DirListing>();
  if (out === '') return result;
  if (!out.endsWith('\n')) throw new Error('launcher list: output does not end with a newline');
  let current: DirListing | undefined;
  let closed = false; // after `!` or `+`, only a new block may follow
  for (const line of out.slice(0, -1).split('\n')) {
    if (line.startsWith('= ')) {
      const path = unescapeName(line.slice(2), line);
      if (result.has(path)) throw new Error(`launcher list: ${JSON.stringify(path)} listed twice`);
      current = { entries: [], truncated: false };
      closed = false;
      result.set(path, current);
      continue;
    }
    if (!current || closed) throw new Error(`launcher list: unexpected line ${JSON.stringify(line)}`);
    if (line === '! missing' || line === '! unreadable') {
      if (current.entries.length > 0) throw new Error(`launcher list: ${line} after entries`);
      current.error = line === '! missing' ? 'missing' : 'unreadable';
      closed = true;
    } else if (line === '+') {
      current.truncated = true;
      closed = true;
    } else {
      const type = line[1] === ' ' ? TYPES[line[0] ?? ''] : undefined;
      const path = unescapeName(line.slice(2), line);
      if (!type || path === '' || path.startsWith('/'))
        throw new Error(`launcher list: unexpected line ${JSON.stringify(line)}`);
      current.entries.push({ path, type });
    }
  }
  return result;
}

/** The most output `list` can print for these paths: every name at its longest, every byte escaped. */
function outputBound(paths: readonly string[], depth: number, maxEntries: number): number {
  const line = 2 + depth * (NAME_MAX * ESCAPED_BYTE + 1) + 1;
  let total = 0;
  for (const p of paths) total += 3 + Buffer.byteLength(p) * ESCAPED_BYTE + Math.max(maxEntries * line + 2, 13);
  return total;
}

/**
 * Lists PATHs (up to LIST_MAX_PATHS, repeats counted once) inside the root of process `proc` of the sandbox,
 * as the sandbox's root, `depth` levels deep and at most `maxEntries` entries per PATH: one launcher spawn.
 * Undefined when the process is gone (or its pid is another's now); throws when the launcher fails or its
 * output is out of bounds.
 */
export async function listDirs(
  launcherPath: string,
  sb: { uidBase: number },
  proc: ProcessRef,
  paths: string[],
  opts: { depth: number; maxEntries: number },
): Promise<Map<string, DirListing> | undefined> {
  const unique = [...new Set(paths)];
  if (unique.length === 0) return new Map();
  const { depth, maxEntries } = opts;
  if (unique.length > LIST_MAX_PATHS) throw new RangeError(`list: ${unique.length} paths, at most ${LIST_MAX_PATHS}`);
  if (!Number.isInteger(depth) || depth < 1 || depth > LIST_MAX_DEPTH) throw new RangeError(`list: depth ${depth}`);
  if (!Number.isInteger(maxEntries) || maxEntries < 1 || maxEntries > LIST_MAX_ENTRIES)
    throw new RangeError(`list: maxEntries ${maxEntries}`);
  if (!Number.isInteger(proc.pid) || proc.pid < 1) throw new RangeError(`list: pid ${proc.pid}`);
  const bad = unique.find((p) => p.includes('\0'));
  if (bad !== undefined) throw new RangeError(`list: path ${JSON.stringify(bad)} holds a NUL byte`);

  const uid = String(sb.uidBase);
  const args = ['list', ...targetArgs(proc.pid, proc.startTime), '--uid', uid, '--gid', uid];
  args.push('--depth', String(depth), '--max-entries', String(maxEntries), '--', ...unique);
  // One more than the bound: output that reaches the cap was cut.
  const cap = Math.min(outputBound(unique, depth, maxEntries), MAX_LIST_OUTPUT) + 1;
  const r = await runLauncherQuery(launcherPath, args, undefined, cap);
  const what = `list ${unique.join(' ')} in the sandbox`;
  if (r.code === 2) return undefined;
  if (r.code !== 0) throw new Error(`${what}: ${r.stderr || `launcher ${r.signal ?? `exit ${r.code}`}`}`);
  if (r.stdout.length >= cap) throw new Error(`${what}: more than ${cap - 1} characters of output`);
  const listing = parseLauncherList(r.stdout);
  const answered = [...listing.keys()];
  if (answered.length !== unique.length || unique.some((p, i) => answered[i] !== p))
    throw new Error(`${what}: the launcher answered for ${JSON.stringify(answered)}`);
  return listing;
}
