// The quiz must need reading (issue 23): when the right option is the longest one, a student can score by
// picking the longest without reading the lesson. Options are shuffled per student (lib/lessons/shuffle.ts),
// so position gives nothing away; length is what this test guards. A test may import the answer keys; the
// site never does.
import { describe, expect, it } from 'vitest';
import { lessons } from './index';
import { type LessonAnswers, type LessonDef, type LessonLocale, LOCALES } from './types';

/**
 * At most this share of a lesson's questions may have the right option as the longest (ties count as
 * longest): about what chance gives with four options of similar length, so length is no better a guide
 * than guessing.
 */
const MAX_LONGEST_RIGHT_SHARE = 1 / 3;

/** Characters as a reader sees them (code points, so `ã` or `…` count once). */
function chars(text: string): number {
  return [...text].length;
}

/** The questions of a lesson, in one locale, whose right option is at least as long as every other. */
function rightIsLongest(lesson: LessonDef, answers: LessonAnswers, locale: LessonLocale): string[] {
  return lesson.quiz
    .filter((q) => {
      const correct = answers[q.id]?.correct;
      const right = q.options.find((o) => o.id === correct);
      if (!right) return false; // lessons.test.ts reports a key that names no option
      const length = chars(right.text[locale]);
      return q.options.every((o) => o.id === right.id || chars(o.text[locale]) <= length);
    })
    .map((q) => q.id);
}

for (const lesson of lessons) {
  describe(`lessons/${lesson.slug} quiz`, () => {
    for (const locale of LOCALES) {
      it(`does not make the right option the longest in more than a third of its questions (${locale})`, async () => {
        const answers = ((await import(`./${lesson.slug}/answers.ts`)) as { default: LessonAnswers }).default;
        const longest = rightIsLongest(lesson, answers, locale);
        const allowed = Math.floor(lesson.quiz.length * MAX_LONGEST_RIGHT_SHARE);
        expect(
          longest.length,
          `questions whose right option is the longest (${locale}): ${longest.join(', ')}`,
        ).toBeLessThanOrEqual(allowed);
      });
    }
  });
}
