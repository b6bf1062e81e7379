// Lesson 08 (overlay): an overlay mounted from the lesson's directories, a copy-up, a whiteout, a read-only
// stack of two lower layers, and two overlays sharing one image while a write in one stays out of the other.
// From the mount table's superblock options and from what the paths are (type, device numbers, content).
// Layers are compared by identity (layerIs), not by how they were spelled: the kernel shows a relative
// `lowerdir=lower` as typed.
import type { MountEntry } from '../kernel/parse/mountinfo';
import type { FileFacts } from '../kernel/path-facts';
import { baseMountAt, baseMountHolding, baseMounts, layerIdentity, layerIs, overlayDirs } from './mount-util';
import { type Check, type CheckResult, defineCheck } from './types';

/**
 * The layers of overlay `m` as its options show them (`lowerdir=lower,upperdir=upper`: spelled as typed, as
 * `findmnt` prints them): what a hint shows when they are not the step's. Its whole options when unreadable.
 */
function shownLayers(m: MountEntry): string {
  const { lowers, upper } = overlayDirs(m);
  const shown = [
    ...(lowers.length > 0 ? [`lowerdir=${lowers.join(':')}`] : []),
    ...(upper !== undefined ? [`upperdir=${upper}`] : []),
  ];
  return shown.length > 0 ? shown.join(',') : m.superOptions.join(',');
}

/** An overlay at `target` whose lowerdir includes `lower` and whose upperdir is `upper`. */
export const overlayMount = defineCheck('overlay-mount', (snap, params): CheckResult => {
  const target = params.target;
  const m = baseMountAt(snap, target);
  if (!m) {
    // A directory with nothing mounted on it: say which filesystem it is a plain directory of.
    const holder = snap.files[target]?.type === 'dir' ? baseMountHolding(snap, target) : undefined;
    return holder
      ? { done: false, hint: 'plain-dir', params: { target, fstype: holder.fsType, under: holder.mountPoint } }
      : { done: false, hint: 'no-overlay', params: { target } };
  }
  if (m.fsType !== 'overlay') return { done: false, hint: 'not-overlay', params: { target, fstype: m.fsType } };
  const { lowers, upper } = overlayDirs(m);
  const lower = params.lower;
  if (!lowers.some((l) => layerIs(snap, m, l, lower)) || upper === undefined || !layerIs(snap, m, upper, params.upper))
    return { done: false, hint: 'wrong-dirs', params: { target, found: shownLayers(m) } };
  return { done: true };
});

/** Characters of a file's text a hint shows: lesson 08's files hold a word or two lines. */
const SHOWN_TEXT = 40;

/**
 * A regular file's content as a hint shows it: quoted, with `\n` for each newline (`"baixo\nmudou\n"`, `""` when
 * empty), cut after SHOWN_TEXT characters; its size when the snapshot did not read its text (too large).
 */
export function shownText(f: FileFacts): string {
  if (f.text === null) return `${f.size} bytes`;
  const quoted = JSON.stringify(f.text);
  return quoted.length > SHOWN_TEXT ? `${quoted.slice(0, SHOWN_TEXT)}…` : quoted;
}

/** `ls -l`'s first letter for each file type. */
const LS_TYPE: Readonly<Record<string, string>> = {
  file: '-',
  dir: 'd',
  char: 'c',
  block: 'b',
  fifo: 'p',
  socket: 's',
  symlink: 'l',
};

/**
 * What a path is, as `ls -l` starts its line (no word of any language): the type's letter, and a device's
 * numbers (`c 1, 3`) or a file's content (`- "cima\n"`).
 */
export function shownEntry(f: FileFacts): string {
  const letter = LS_TYPE[f.type] ?? '?';
  if (f.type === 'char' || f.type === 'block') return `${letter} ${f.rdev.replace(':', ', ')}`;
  return f.type === 'file' ? `${letter} ${shownText(f)}` : letter;
}

/** The directory part of a path: '/root/ov/upper/a.txt' → '/root/ov/upper'. */
const dirOf = (path: string) => path.slice(0, path.lastIndexOf('/')) || '/';

/** An overlay of the sandbox's namespace has the directory of `upperPath` as upper and that of `lowerPath` as a lower. */
function mountedOver(snap: Parameters<Check>[0], upperPath: string, lowerPath: string): boolean {
  return (baseMounts(snap) ?? []).some((m) => {
    if (m.fsType !== 'overlay') return false;
    const dirs = overlayDirs(m);
    return (
      dirs.upper !== undefined &&
      layerIs(snap, m, dirs.upper, dirOf(upperPath)) &&
      dirs.lowers.some((l) => layerIs(snap, m, l, dirOf(lowerPath)))
    );
  });
}

/** Not yet: no overlay mounted now has the directories of `upperPath` and `lowerPath` as its upper and lower. */
const noOverlayOver = (upperPath: string, lowerPath: string): CheckResult => ({
  done: false,
  hint: 'no-overlay',
  params: { upper: dirOf(upperPath), lower: dirOf(lowerPath) },
});

/**
 * `upperPath` is a copy of `lowerPath` with more written after it, `lowerPath` is as it was, and their
 * directories are an overlay's upper and lower (files written there by hand, with no overlay, are no copy-up:
 * `no-overlay`, whether or not the upper file exists; `no-copy` only when the overlay is there and nothing came up).
 */
export const overlayCopiedUp = defineCheck('overlay-copied-up', (snap, params): CheckResult => {
  const upperPath = params.upperPath;
  const lowerPath = params.lowerPath;
  if (!mountedOver(snap, upperPath, lowerPath)) return noOverlayOver(upperPath, lowerPath);
  const upper = snap.files[upperPath];
  const lower = snap.files[lowerPath];
  if (lower?.type !== 'file') return { done: false, hint: 'no-lower', params: { lowerPath } };
  if (upper?.type !== 'file') return { done: false, hint: 'no-copy', params: { upperPath } };
  if (upper.text === null || lower.text === null || !upper.text.startsWith(lower.text) || upper.text === lower.text)
    return {
      done: false,
      hint: 'not-appended',
      params: { upperPath, lowerPath, found: shownText(upper), lower: shownText(lower) },
    };
  return { done: true };
});

/**
 * Deleted through the overlay: gone from `mergedPath`, a 0:0 character device at `upperPath`, `lowerPath`
 * intact, and those directories an overlay's upper and lower. Not yet: no such overlay is mounted now
 * (`no-overlay`), or `upperPath` is gone (`upper-gone`) or something else, which the hint shows as `ls -l` would.
 */
export const overlayWhiteout = defineCheck('overlay-whiteout', (snap, params): CheckResult => {
  const upperPath = params.upperPath;
  const lowerPath = params.lowerPath;
  const mergedPath = params.mergedPath;
  if (!mountedOver(snap, upperPath, lowerPath)) return noOverlayOver(upperPath, lowerPath);
  if (snap.files[mergedPath]) return { done: false, hint: 'not-deleted', params: { mergedPath } };
  if (!snap.files[lowerPath]) return { done: false, hint: 'lower-gone', params: { lowerPath } };
  const upper = snap.files[upperPath];
  if (!upper) return { done: false, hint: 'upper-gone', params: { upperPath } };
  if (upper.type !== 'char' || upper.rdev !== '0:0')
    return { done: false, hint: 'no-whiteout', params: { upperPath, found: shownEntry(upper) } };
  return { done: true };
});

/** An overlay at `target` with at least `minLowers` lower layers and no upper: a read-only image. */
export const overlayLayers = defineCheck('overlay-layers', (snap, params): CheckResult => {
  const target = params.target;
  const m = baseMountAt(snap, target);
  if (m?.fsType !== 'overlay') return { done: false, hint: 'no-overlay', params: { target } };
  const { lowers, upper } = overlayDirs(m);
  if (upper !== undefined) return { done: false, hint: 'has-upper', params: { target, found: shownLayers(m) } };
  if (lowers.length < params.minLowers)
    return { done: false, hint: 'one-lower', params: { target, found: shownLayers(m) } };
  return { done: true };
});

/**
 * `count` overlays or more share the lower `lower`, each with an upper of its own; a file written through one
 * (`filePath`, in its upper) shows neither in the image (`imagePath`) nor in another (`otherPath`).
 */
export const overlaySharedImage = defineCheck('overlay-shared-image', (snap, params): CheckResult => {
  const lower = params.lower;
  const count = params.count;
  const filePath = params.filePath;
  const uppers = new Set<string>();
  for (const m of baseMounts(snap) ?? []) {
    if (m.fsType !== 'overlay') continue;
    const dirs = overlayDirs(m);
    if (dirs.upper !== undefined && dirs.lowers.some((l) => layerIs(snap, m, l, lower)))
      uppers.add(layerIdentity(snap, m, dirs.upper));
  }
  if (uppers.size < count) return { done: false, hint: 'too-few', params: { lower, found: uppers.size, count } };
  const written = snap.files[filePath];
  if (written?.type !== 'file') return { done: false, hint: 'no-write', params: { filePath } };
  for (const other of [params.otherPath, params.imagePath]) {
    const seen = snap.files[other];
    if (seen && seen.text === written.text) return { done: false, hint: 'leaked', params: { filePath } };
  }
  return { done: true };
});
