import type { StudentRow } from '@protocol';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SORT, displayName, nextSort, type Sort, sortStudents, totalSteps } from './table';

function row(over: Partial<StudentRow> & { id: string; name: string }): StudentRow {
  return {
    tag: 1,
    joinedAt: 0,
    lastSeenAt: 0,
    online: false,
    currentLesson: null,
    steps: {},
    quiz: {},
    answered: {},
    ...over,
  };
}

const ctx = { lessonOrder: ['01-chroot', '02-unshare', '03-namespaces'], collator: new Intl.Collator('pt-BR') };
const ids = (rows: StudentRow[]) => rows.map((r) => r.id);

const ana = row({
  id: 'a',
  name: 'Ana',
  joinedAt: 3,
  lastSeenAt: 50,
  online: true,
  currentLesson: '02-unshare',
  steps: { '01-chroot': 4, '02-unshare': 1 },
  quiz: { '01-chroot': 2 },
});
const ana2 = row({
  id: 'b',
  name: 'Ana',
  tag: 2,
  joinedAt: 1,
  lastSeenAt: 10,
  currentLesson: '01-chroot',
  steps: { '01-chroot': 4 },
  quiz: { '01-chroot': 3 },
});
const alvaro = row({
  id: 'c',
  name: 'Álvaro',
  joinedAt: 2,
  lastSeenAt: 30,
  online: true,
  currentLesson: '03-namespaces',
  steps: { '01-chroot': 4, '02-unshare': 3, '03-namespaces': 1 },
});
const zeca = row({ id: 'd', name: 'zeca', joinedAt: 4, lastSeenAt: 40 });
const all = [zeca, ana2, alvaro, ana];

describe('displayName and totals', () => {
  it('adds the tag from the second student with a name on', () => {
    expect(displayName('Ana', 1)).toBe('Ana');
    expect(displayName('Ana', 2)).toBe('Ana (2)');
    expect(displayName('<script>', 3)).toBe('<script> (3)');
  });

  it('sums steps over every lesson', () => {
    expect(totalSteps(alvaro)).toBe(8);
    expect(totalSteps(zeca)).toBe(0);
  });
});

describe('sortStudents', () => {
  it('sorts names by the locale collation (accents and case do not push a name to the end), then tag', () => {
    expect(ids(sortStudents(all, DEFAULT_SORT, ctx))).toEqual(['c', 'a', 'b', 'd']);
    expect(ids(sortStudents(all, { key: 'name', direction: 'descending' }, ctx))).toEqual(['d', 'b', 'a', 'c']);
  });

  it('sorts by join time, total progress, activity and connection', () => {
    expect(ids(sortStudents(all, { key: 'joinedAt', direction: 'ascending' }, ctx))).toEqual(['b', 'c', 'a', 'd']);
    expect(ids(sortStudents(all, { key: 'total', direction: 'descending' }, ctx))).toEqual(['c', 'a', 'b', 'd']);
    expect(ids(sortStudents(all, { key: 'lastSeen', direction: 'descending' }, ctx))).toEqual(['a', 'd', 'c', 'b']);
    // Ties (both online) keep the name order, whatever the direction.
    expect(ids(sortStudents(all, { key: 'online', direction: 'descending' }, ctx))).toEqual(['c', 'a', 'b', 'd']);
  });

  it('puts stuck students first, whatever the column and direction (issue 20)', () => {
    const stuckZeca = { ...zeca, stuck: true };
    const rows = [stuckZeca, ana2, alvaro, ana];
    expect(ids(sortStudents(rows, { key: 'joinedAt', direction: 'ascending' }, ctx))).toEqual(['d', 'b', 'c', 'a']);
    expect(ids(sortStudents(rows, { key: 'name', direction: 'descending' }, ctx))[0]).toBe('d');
  });

  it('sorts the current lesson by course order, students who have not started last', () => {
    expect(ids(sortStudents(all, { key: 'currentLesson', direction: 'ascending' }, ctx))).toEqual(['b', 'a', 'c', 'd']);
  });

  it('sorts one lesson by its steps, then its quiz score, then the questions answered', () => {
    // two students with no step and no score: the one who answered (wrong) comes first
    const tried = row({ id: 'e', name: 'Uxía', answered: { '03-namespaces': 1 } });
    const quiet = row({ id: 'f', name: 'Brais' });
    expect(ids(sortStudents([quiet, tried], { key: 'lesson:03-namespaces', direction: 'descending' }, ctx))).toEqual([
      'e',
      'f',
    ]);
    const sort: Sort = { key: 'lesson:01-chroot', direction: 'descending' };
    expect(ids(sortStudents(all, sort, ctx))).toEqual(['b', 'a', 'c', 'd']);
    expect(ids(sortStudents(all, { key: 'lesson:02-unshare', direction: 'descending' }, ctx))).toEqual([
      'c',
      'a',
      'b',
      'd',
    ]);
  });

  it('leaves its input alone and gives the same order for the same data', () => {
    const input = [...all];
    const once = sortStudents(input, { key: 'online', direction: 'ascending' }, ctx);
    expect(input).toEqual(all);
    expect(sortStudents([...input].reverse(), { key: 'online', direction: 'ascending' }, ctx)).toEqual(once);
  });
});

describe('nextSort', () => {
  it('flips the same column and starts a new one in its natural direction', () => {
    expect(nextSort(DEFAULT_SORT, 'name')).toEqual({ key: 'name', direction: 'descending' });
    expect(nextSort(DEFAULT_SORT, 'total')).toEqual({ key: 'total', direction: 'descending' });
    expect(nextSort(DEFAULT_SORT, 'lesson:01-chroot')).toEqual({ key: 'lesson:01-chroot', direction: 'descending' });
    expect(nextSort({ key: 'total', direction: 'descending' }, 'joinedAt')).toEqual({
      key: 'joinedAt',
      direction: 'ascending',
    });
  });
});
