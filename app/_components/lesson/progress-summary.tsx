'use client';
import { type LessonTotals, summarize } from '@/lib/lessons/summary';
import { useLessonState } from '@/lib/lessons/use-lesson';
// The lesson's progress in one line (steps done, quiz score) and "start this lesson again".
import { format } from '@/lib/template';
import styles from './lesson-parts.module.css';

export interface ProgressLabels {
  readonly label: string;
  readonly unknown: string;
  readonly steps: string;
  readonly quiz: string;
  readonly quizNone: string;
}

export function ProgressSummary({ totals, labels }: { totals: LessonTotals; labels: ProgressLabels }) {
  const known = useLessonState((s) => s.known);
  const steps = useLessonState((s) => s.steps);
  const quiz = useLessonState((s) => s.quiz);
  const sum = summarize(totals, steps, quiz);
  return (
    <p
      className={styles.progress}
      data-testid="lesson-progress"
      data-steps-done={sum.stepsDone}
      data-quiz-correct={sum.quizCorrect}
    >
      <span className={styles.progressLabel}>{labels.label}:</span>{' '}
      {!known && sum.stepsDone === 0 ? (
        labels.unknown
      ) : (
        <>
          <span>{format(labels.steps, { done: sum.stepsDone, total: sum.steps })}</span>
          {sum.questions > 0 ? (
            <>
              {' · '}
              <span>
                {sum.quizAnswered === 0
                  ? labels.quizNone
                  : format(labels.quiz, { correct: sum.quizCorrect, total: sum.questions })}
              </span>
            </>
          ) : null}
        </>
      )}
    </p>
  );
}
