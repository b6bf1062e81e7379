// What a path inside a sandbox is, through the launcher's `stat` (it resolves the path inside the sandbox's
// root as the sandbox's uid, never following anything out of it): shared by the snapshot (inspect.ts) and by
// the sandbox's creation, which records the identity of the directories it prepares (sandbox.ts).
import { runLauncherQuery, targetArgs } from './launcher-run';

/**
 * Which sandbox to look in: its init (whose root the launcher resolves in; with its start time when known, so
 * that a reused pid is not taken for it) and the host uid of its root.
 */
export interface SandboxRef {
  initPid: number;
  initStartTime?: number | undefined;
  uidBase: number;
}

/** A path inside the sandbox as the launcher's stat sees it (symlinks followed inside the sandbox's root). */
export interface FileFacts {
  /** Its identity, "<st_dev>:<st_ino>". */
  id: string;
  /** 'file' | 'dir' | 'char' | 'block' | 'fifo' | 'socket' | 'symlink' */
  type: string;
  /** Device numbers of a device node, "major:minor" (an overlay whiteout is a char device 0:0). */
  rdev: string;
  size: number;
  /** Content of a regular file up to MAX_FILE_TEXT bytes; null for other types and larger files. */
  text: string | null;
}

/** Bytes of a regular file a snapshot reads as text (lesson 08's files hold a word; lesson 12's config.json a few KiB). */
export const MAX_FILE_TEXT = 64 * 1024;

/** st_mode & S_IFMT → type (sys/stat.h). Pairs, not an object: numeric keys would be read as decimal text. */
const FILE_TYPES: readonly (readonly [number, string])[] = [
  [0o100000, 'file'],
  [0o040000, 'dir'],
  [0o020000, 'char'],
  [0o060000, 'block'],
  [0o010000, 'fifo'],
  [0o140000, 'socket'],
  [0o120000, 'symlink'],
];

/**
 * `gaiola-sandbox stat` output: "DEV:INO MODE MAJOR:MINOR SIZE[ text]\n", then the file's content when the
 * line says " text".
 */
export function parseLauncherStat(out: string): FileFacts {
  const m = /^(\d+:\d+) ([0-7]+) (\d+:\d+) (\d+)( text)?\n/.exec(out);
  if (!m?.[1] || !m[2] || !m[3] || !m[4]) throw new Error(`unexpected launcher stat output ${JSON.stringify(out)}`);
  const mode = Number.parseInt(m[2], 8);
  return {
    id: m[1],
    type: FILE_TYPES.find(([fmt]) => fmt === (mode & 0o170000))?.[1] ?? 'other',
    rdev: m[3],
    size: Number(m[4]),
    text: m[5] ? out.slice(m[0].length) : null,
  };
}

/** What a path of the sandbox is, and the text of a small regular file: one launcher spawn. */
export async function fileFactsOf(launcherPath: string, sb: SandboxRef, path: string): Promise<FileFacts | null> {
  const uid = String(sb.uidBase);
  const args = ['stat', ...targetArgs(sb.initPid, sb.initStartTime), '--uid', uid, '--gid', uid];
  args.push('--max-bytes', String(MAX_FILE_TEXT));
  const r = await runLauncherQuery(launcherPath, [...args, '--', path], undefined, MAX_FILE_TEXT + 256);
  if (r.code === 0) return parseLauncherStat(r.stdout);
  // 2 = no such file (or the init gone, its pid maybe another's now), 3 = not allowed to the sandbox's root,
  // ELOOP = a symlink loop or a magic link the student put there: nothing a process could use, either way.
  if (r.code === 2 || r.code === 3 || r.stderr.includes('Too many levels of symbolic links')) return null;
  throw new Error(`stat ${path} in the sandbox: ${r.stderr || `launcher ${r.signal ?? `exit ${r.code}`}`}`);
}

/** The identity of each of `paths` inside the sandbox as its root user sees it now (absent: nothing there). */
export async function pathIdentities(
  launcherPath: string,
  sb: SandboxRef,
  paths: readonly string[],
): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const p of paths) {
    const facts = await fileFactsOf(launcherPath, sb, p);
    if (facts) out[p] = facts.id;
  }
  return out;
}
