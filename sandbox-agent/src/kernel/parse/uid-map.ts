// /proc/PID/uid_map and gid_map (user_namespaces(7)): lines of `ID-inside-ns ID-outside-ns length`, shown
// relative to the reader's user namespace. An unwritten map is empty.
import { lines, nonNegativeInt, ParseError } from './text';

export interface IdMapRange {
  /** First ID inside the namespace. */
  inside: number;
  /** First ID it maps to outside (in the reader's user namespace). */
  outside: number;
  count: number;
}

/** IDs are 32-bit; 4294967295 ((uid_t)-1) itself is never a valid ID but appears as the initial map's length. */
const ID_SPACE = 2 ** 32;

/** Parses a uid_map/gid_map. An empty file (a user namespace whose map is not written yet) gives []. */
export function parseIdMap(text: string): IdMapRange[] {
  const kind = 'id-map';
  return lines(text).map((line, i) => {
    const n = i + 1;
    const parts = line.trim().split(/\s+/);
    if (parts.length !== 3) throw new ParseError(kind, 'expected "inside outside count"', line, n);
    const [inside, outside, count] = parts.map((p) => nonNegativeInt(p, kind, 'map field', line, n)) as [
      number,
      number,
      number,
    ];
    if (count === 0) throw new ParseError(kind, 'zero-length range', line, n);
    if (inside + count > ID_SPACE || outside + count > ID_SPACE) {
      throw new ParseError(kind, 'range passes the 32-bit ID space', line, n);
    }
    return { inside, outside, count };
  });
}

/** The outside ID of an inside ID, or undefined when it is not mapped (the kernel shows it as the overflow ID). */
export function mapToHost(map: readonly IdMapRange[], id: number): number | undefined {
  for (const r of map) if (id >= r.inside && id < r.inside + r.count) return r.outside + (id - r.inside);
  return undefined;
}

/** The inside ID of an outside ID, or undefined when no range covers it. */
export function mapFromHost(map: readonly IdMapRange[], id: number): number | undefined {
  for (const r of map) if (id >= r.outside && id < r.outside + r.count) return r.inside + (id - r.outside);
  return undefined;
}
