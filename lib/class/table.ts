// The instructor's student table without React: how a name is shown, the totals a row carries, and the
// order rows take when a column header is clicked. Pure, unit-tested in table.test.ts.
import { type StudentRow, taggedName } from '@protocol';

/** "Ana" for the first Ana of the class, "Ana (2)" for the second: two students are never confused. */
export const displayName = taggedName;

/** Steps done across every lesson. */
export function totalSteps(row: Pick<StudentRow, 'steps'>): number {
  let sum = 0;
  for (const n of Object.values(row.steps)) sum += n;
  return sum;
}

/** A column the table sorts by; `lesson:<slug>` is one lesson's steps (then its quiz score, then answers). */
export type SortKey = 'name' | 'joinedAt' | 'currentLesson' | 'total' | 'online' | 'lastSeen' | `lesson:${string}`;
export type SortDirection = 'ascending' | 'descending';
export interface Sort {
  readonly key: SortKey;
  readonly direction: SortDirection;
}

/** Names read A→Z and the earliest arrival first; progress and activity read most first. */
function defaultDirection(key: SortKey): SortDirection {
  return key === 'name' || key === 'joinedAt' || key === 'currentLesson' ? 'ascending' : 'descending';
}

/** A header click: the same column flips its direction, another column starts at its natural one. */
export function nextSort(current: Sort, key: SortKey): Sort {
  if (current.key === key) return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  return { key, direction: defaultDirection(key) };
}

export const DEFAULT_SORT: Sort = { key: 'name', direction: 'ascending' };

export interface SortContext {
  /** Lesson slugs in course order: "current lesson" sorts by position in the course, not by slug. */
  readonly lessonOrder: readonly string[];
  /** The page's locale collation: "Álvaro" sorts with the A's. */
  readonly collator: Intl.Collator;
}

/**
 * A sorted copy of `rows`. Ties fall back to the name, then the tag, then the id, so rows never swap
 * places between two refreshes of the same data (a table that jitters live is unreadable).
 */
export function sortStudents(rows: readonly StudentRow[], sort: Sort, ctx: SortContext): StudentRow[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const byName = (a: StudentRow, b: StudentRow) =>
    ctx.collator.compare(a.name, b.name) || a.tag - b.tag || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const primary = comparator(sort.key, ctx);
  // Stuck students first, whatever the column (issue 20): they are who the instructor looks for.
  const stuck = (a: StudentRow, b: StudentRow) => Number(b.stuck ?? false) - Number(a.stuck ?? false);
  return [...rows].sort((a, b) => stuck(a, b) || sign * primary(a, b) || byName(a, b));
}

function comparator(key: SortKey, ctx: SortContext): (a: StudentRow, b: StudentRow) => number {
  switch (key) {
    case 'name':
      return (a, b) => ctx.collator.compare(a.name, b.name) || a.tag - b.tag;
    case 'joinedAt':
      return (a, b) => a.joinedAt - b.joinedAt;
    case 'currentLesson': {
      // A student who has not started sorts after every lesson.
      const position = (row: StudentRow) => {
        const at = row.currentLesson === null ? -1 : ctx.lessonOrder.indexOf(row.currentLesson);
        return at === -1 ? Number.MAX_SAFE_INTEGER : at;
      };
      return (a, b) => position(a) - position(b);
    }
    case 'total':
      return (a, b) => totalSteps(a) - totalSteps(b);
    case 'online':
      return (a, b) => Number(a.online) - Number(b.online);
    case 'lastSeen':
      return (a, b) => a.lastSeenAt - b.lastSeenAt;
    default: {
      const slug = key.slice('lesson:'.length);
      return (a, b) =>
        (a.steps[slug] ?? 0) - (b.steps[slug] ?? 0) ||
        (a.quiz[slug] ?? 0) - (b.quiz[slug] ?? 0) ||
        (a.answered[slug] ?? 0) - (b.answered[slug] ?? 0);
    }
  }
}
