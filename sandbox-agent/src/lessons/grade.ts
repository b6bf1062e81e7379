// Grading a quiz answer: pure, from the lesson's answer key.
import type { LessonAnswers, LessonDef, LessonLocale } from '../../../lessons/types';

export type Grade = { ok: true; correct: boolean; feedback: string } | { ok: false; reason: 'unknown_question' };

export function gradeAnswer(
  def: LessonDef,
  answers: LessonAnswers,
  question: string,
  option: string,
  locale: LessonLocale,
): Grade {
  const q = def.quiz.find((x) => x.id === question);
  const key = answers[question];
  if (!q || !key || !q.options.some((o) => o.id === option)) return { ok: false, reason: 'unknown_question' };
  const feedback = key.feedback[option];
  return { ok: true, correct: key.correct === option, feedback: feedback ? feedback[locale] : '' };
}
