import { describe, expect, it } from 'vitest';
import { studentOrder } from './shuffle';

const OPTIONS = ['a', 'b', 'c', 'd'] as const;
const ALICE = '0123456789abcdef0123456789abcdef';
const BRUNO = 'fedcba9876543210fedcba9876543210';

describe('studentOrder', () => {
  it('keeps every option once and leaves the input alone', () => {
    const input = [...OPTIONS];
    const order = studentOrder(input, ALICE, '02-unshare', 'q1');
    expect([...order].sort()).toEqual([...OPTIONS]);
    expect(input).toEqual([...OPTIONS]);
  });

  it('gives the same student the same order every time', () => {
    for (const q of ['q1', 'q2', 'q3']) {
      expect(studentOrder(OPTIONS, ALICE, '02-unshare', q)).toEqual(studentOrder(OPTIONS, ALICE, '02-unshare', q));
    }
  });

  it('gives two students different orders, and one student different orders across questions and lessons', () => {
    const questions = ['q1', 'q2', 'q3', 'q4', 'q5', 'q6'];
    const of = (student: string, lesson: string) =>
      questions.map((q) => studentOrder(OPTIONS, student, lesson, q).join(''));
    expect(of(ALICE, '02-unshare')).not.toEqual(of(BRUNO, '02-unshare'));
    expect(new Set(of(ALICE, '02-unshare')).size).toBeGreaterThan(1);
    expect(of(ALICE, '02-unshare')).not.toEqual(of(ALICE, '03-namespaces'));
  });

  it('puts each option in each place about equally often over many students', () => {
    // Position must not hint at anything: over 4000 students, option a lands in each of the 4 places
    // about 1000 times (a fixed bias would show as thousands, chance as a few dozen).
    const places = [0, 0, 0, 0];
    for (let n = 0; n < 4000; n++) {
      const student = n.toString(16).padStart(32, '0');
      const place = studentOrder(OPTIONS, student, '01-chroot', 'q1').indexOf('a');
      places[place] = (places[place] ?? 0) + 1;
    }
    for (const count of places) expect(Math.abs(count - 1000)).toBeLessThan(150);
  });
});
