import { describe, expect, it } from 'vitest';
import { cleanBroadcast, MAX_BROADCAST_LENGTH, type StepResult } from '../protocol';
import { ClassWatch, lessonProgress, median, stuckByFailures } from './class-watch';

const failing = (id: string, key = 'not-chrooted', params: Record<string, string | number> = {}): StepResult => ({
  id,
  done: false,
  hint: { key, params },
});
const done = (id: string): StepResult => ({ id, done: true, doneAt: 1 });

describe('stuck by repeated failure', () => {
  it('counts a failing check once per command after which it still fails, and marks stuck at the threshold', () => {
    const w = new ClassWatch();
    w.checked('ana', 'l1', [failing('a'), failing('b')]);
    expect(w.of('ana')?.failing).toMatchObject({ step: 'a', count: 0 });
    for (let i = 1; i <= 3; i++) {
      w.command('ana');
      w.checked('ana', 'l1', [failing('a', 'pid', { pid: i }), failing('b')]);
      // a second run for the same command (quiet after typing, the check button) does not count again
      w.checked('ana', 'l1', [failing('a', 'pid', { pid: i }), failing('b')]);
    }
    const watch = w.of('ana');
    expect(watch).toEqual({
      commands: 3,
      failing: { lesson: 'l1', step: 'a', hint: { key: 'pid', params: { pid: 3 } }, count: 3 },
    });
    expect(stuckByFailures(watch, 3)).toBe(true);
    expect(stuckByFailures(watch, 4)).toBe(false);
  });

  it('starts again when a step is done: commands since it and the next check failing from zero', () => {
    const w = new ClassWatch();
    for (let i = 0; i < 4; i++) {
      w.command('ana');
      w.checked('ana', 'l1', [failing('a'), failing('b')]);
    }
    w.command('ana');
    w.checked('ana', 'l1', [done('a'), failing('b')]);
    expect(w.of('ana')).toEqual({
      commands: 0,
      failing: { lesson: 'l1', step: 'b', hint: expect.any(Object), count: 0 },
    });
    w.command('ana');
    w.checked('ana', 'l1', [done('a'), failing('b')]);
    expect(w.of('ana')?.failing?.count).toBe(1);
    expect(stuckByFailures(w.of('ana'), 2)).toBe(false);
    // every step done: nothing fails
    w.checked('ana', 'l1', [done('a'), done('b')]);
    expect(w.of('ana')?.failing).toBeNull();
  });

  it('keeps students apart, and a student never seen is not stuck', () => {
    const w = new ClassWatch();
    w.command('ana');
    w.checked('ana', 'l1', [failing('a')]);
    expect(w.of('bea')).toBeUndefined();
    expect(stuckByFailures(undefined, 1)).toBe(false);
    w.forget('ana');
    expect(w.of('ana')).toBeUndefined();
  });
});

describe('median', () => {
  it('is the middle value, the mean of the two middle ones, or null for none', () => {
    expect(median([])).toBeNull();
    expect(median([5])).toBe(5);
    expect(median([9, 1, 5])).toBe(5);
    expect(median([4, 1, 10, 2])).toBe(3);
  });
});

describe('where the class is', () => {
  const students = [
    { id: 'ana', created_at: 0 },
    { id: 'bea', created_at: 0 },
    { id: 'caio', created_at: 1000 },
    { id: 'dani', created_at: 0 },
  ];
  const steps = (
    [
      // ana: both steps, 60 s then 30 s; bea: step a after 120 s
      ['ana', 'l1', 'a', 60_000],
      ['ana', 'l1', 'b', 90_000],
      ['bea', 'l1', 'a', 120_000],
      // caio: a step of another lesson first; step a counts from it
      ['caio', 'l0', 'x', 11_000],
      ['caio', 'l1', 'a', 41_000],
    ] as const
  ).map(([student_id, lesson, step, done_at]) => ({ student_id, lesson, step, done_at }));
  const on: Record<string, string | null> = { ana: 'l1', bea: 'l1', caio: 'l1', dani: 'l0' };

  it('counts the students on the lesson at their first step not done, the last column for all done', () => {
    const p = lessonProgress('l1', ['a', 'b', 'c'], { students, steps }, (id) => on[id] ?? null);
    // ana is on c; bea and caio on b; dani has another lesson open
    expect(p.atStep).toEqual([0, 2, 1, 0]);
    expect(p.atStep.reduce((a, b) => a + b)).toBe(3);
  });

  it('takes the median time per step from the previous step done anywhere, or from joining', () => {
    const p = lessonProgress('l1', ['a', 'b', 'c'], { students, steps }, (id) => on[id] ?? null);
    expect(p.medianMs).toEqual([60_000, 30_000, null]);
    const whole = lessonProgress('l1', ['a', 'b'], { students, steps }, () => 'l1');
    expect(whole.atStep).toEqual([1, 2, 1]);
  });
});

describe('a broadcast', () => {
  it('is kept as written, lines and all, and refused empty, too long, with too many lines or control characters', () => {
    expect(cleanBroadcast('  Olhem o passo 2:\r\n  ls -l /proc/self/ns  ')).toBe(
      'Olhem o passo 2:\n  ls -l /proc/self/ns',
    );
    expect(cleanBroadcast('<b>negrito</b> & "aspas"')).toBe('<b>negrito</b> & "aspas"');
    expect(cleanBroadcast('   ')).toBeNull();
    expect(cleanBroadcast('é'.repeat(MAX_BROADCAST_LENGTH))).not.toBeNull();
    expect(cleanBroadcast('é'.repeat(MAX_BROADCAST_LENGTH + 1))).toBeNull();
    expect(cleanBroadcast('1\n2\n3\n4\n5\n6\n7')).toBeNull();
    expect(cleanBroadcast('a\u001b[31mb')).toBeNull();
    expect(cleanBroadcast('a\tb')).toBe('a\tb');
  });
});
