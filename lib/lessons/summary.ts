// How far a student is in a lesson, from what the agent saved: steps done out of the lesson's steps,
// first answers right out of its questions. Shared by the lesson page and the course index.
import type { StepResult } from '@protocol';

export interface LessonTotals {
  readonly stepIds: readonly string[];
  readonly questionIds: readonly string[];
}

export interface LessonSummary {
  readonly stepsDone: number;
  readonly steps: number;
  /** First answers that were right (the score). */
  readonly quizCorrect: number;
  readonly quizAnswered: number;
  readonly questions: number;
  /** Every step done and every question answered. */
  readonly complete: boolean;
}

export function summarize(
  totals: LessonTotals,
  steps: Readonly<Record<string, StepResult>> | readonly StepResult[],
  quiz: Readonly<Record<string, { readonly correct: boolean }>>,
): LessonSummary {
  const byId = Array.isArray(steps)
    ? new Map((steps as readonly StepResult[]).map((s) => [s.id, s]))
    : new Map(Object.entries(steps as Readonly<Record<string, StepResult>>));
  // Only the lesson's own steps and questions count: a renamed step's old record is not progress.
  const stepsDone = totals.stepIds.filter((id) => byId.get(id)?.done === true).length;
  const answered = totals.questionIds.filter((id) => quiz[id] !== undefined);
  const quizCorrect = answered.filter((id) => quiz[id]?.correct === true).length;
  return {
    stepsDone,
    steps: totals.stepIds.length,
    quizCorrect,
    quizAnswered: answered.length,
    questions: totals.questionIds.length,
    complete: stepsDone === totals.stepIds.length && answered.length === totals.questionIds.length,
  };
}
