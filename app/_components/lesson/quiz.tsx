'use client';
// The lesson's quiz. The page holds the questions and options only: the agent grades each answer and
// sends the feedback for the option chosen, over HTTP (no sandbox needed: a student refused one because the
// class is full still answers). The first answer to a question is the one that scores;
// a question already answered shows that first answer and its feedback, and can be tried again (the
// agent keeps the attempts).
// Options show in the student's own order (lib/lessons/shuffle.ts), seeded by the student id of the
// page's session: the server does not know the student (the token lives in the browser), so the options
// stay invisible, their space kept, until the session is made, then appear in that order. Only the order
// changes, never the page's height: no layout jump.
import { useId, useMemo, useState, useSyncExternalStore } from 'react';
import { confirmedStudentId, subscribeStudent } from '@/lib/agent/session';
import { hintParts } from '@/lib/lessons/hint';
import type { QuizTry, SavedAnswer } from '@/lib/lessons/lesson-client';
import { studentOrder } from '@/lib/lessons/shuffle';
import { useLessonState, useLessonStore } from '@/lib/lessons/use-lesson';
import { format } from '@/lib/template';
import { CodeText } from './code-text';
import styles from './lesson-parts.module.css';

export interface QuizQuestionView {
  readonly id: string;
  readonly prompt: string;
  readonly options: readonly { readonly id: string; readonly text: string }[];
}

export interface QuizLabels {
  readonly heading: string;
  readonly firstCounts: string;
  readonly question: string;
  readonly answer: string;
  readonly answerAgain: string;
  readonly answering: string;
  readonly correct: string;
  readonly incorrect: string;
  readonly yourFirst: string;
  readonly extraTry: string;
  readonly attempts: string;
  readonly offline: string;
}

function Verdict({
  correct,
  feedback,
  note,
  labels,
  testId,
  first,
}: {
  correct: boolean;
  feedback: string;
  note: string | null;
  labels: QuizLabels;
  testId: string;
  first: boolean;
}) {
  return (
    <div
      className={`${styles.verdict} ${correct ? styles.right : styles.wrong}`}
      data-testid={testId}
      data-correct={correct}
      data-first={first}
    >
      <p className={styles.verdictTitle}>
        <span aria-hidden="true">{correct ? '✓' : '✗'}</span> {correct ? labels.correct : labels.incorrect}
        {note ? <span className={styles.verdictNote}> · {note}</span> : null}
      </p>
      <p className={styles.feedback}>
        <CodeText parts={hintParts(feedback, {})} />
      </p>
    </div>
  );
}

function Question({
  question,
  number,
  total,
  labels,
  student,
}: {
  question: QuizQuestionView;
  number: number;
  total: number;
  labels: QuizLabels;
  /** The session's student, null until the agent has answered for it. */
  student: string | null;
}) {
  const store = useLessonStore();
  const slug = store?.slug ?? '';
  const options = useMemo(
    () => (student ? studentOrder(question.options, student, slug, question.id) : question.options),
    [question, student, slug],
  );
  const saved: SavedAnswer | undefined = useLessonState((s) => s.quiz[question.id]);
  const latest: QuizTry | undefined = useLessonState((s) => s.tries[question.id]);
  const answering = useLessonState((s) => s.answering[question.id] === true);
  // The agent has given this student's saved progress: it is there to grade too.
  const reachable = useLessonState((s) => s.known);
  const [choice, setChoice] = useState<string | null>(null);
  const name = useId();
  const optionText = (id: string) => question.options.find((o) => o.id === id)?.text ?? id;

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (choice && !answering) store?.answer(question.id, choice);
  };

  // What to show under the options: the latest try from this page, and the saved first answer when the
  // latest try is not it.
  const latestIsFirst = latest?.first === true;
  return (
    <form
      className={styles.question}
      onSubmit={submit}
      data-testid={`quiz-${question.id}`}
      data-answered={saved ? 'true' : 'false'}
    >
      <fieldset aria-busy={student === null}>
        <legend>
          <span className={styles.questionNumber}>{format(labels.question, { n: number, total })}</span>
          <span>
            <CodeText parts={hintParts(question.prompt, {})} />
          </span>
        </legend>
        <div className={student ? styles.options : `${styles.options} ${styles.optionsPending}`}>
          {options.map((option) => (
            <label key={option.id} className={styles.option} data-option={option.id}>
              <input
                type="radio"
                name={name}
                value={option.id}
                checked={choice === option.id}
                onChange={() => setChoice(option.id)}
              />
              <span>
                <CodeText parts={hintParts(option.text, {})} />
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className={styles.questionActions}>
        <button
          type="submit"
          className={styles.answer}
          // While the answer is on its way the button stays focusable (aria-disabled, not disabled): a disabled
          // button drops the keyboard's focus to the top of the page, where the verdict is not.
          disabled={!choice || !reachable}
          aria-disabled={answering || undefined}
          title={reachable ? undefined : labels.offline}
          data-testid={`quiz-answer-${question.id}`}
        >
          {answering ? labels.answering : saved ? labels.answerAgain : labels.answer}
        </button>
        {saved && saved.attempts > 1 ? (
          <span className={styles.attempts}>{format(labels.attempts, { n: saved.attempts })}</span>
        ) : null}
      </div>
      {/* The verdict is said by the page's one announcer (announcer.tsx), not by a live region per question. */}
      <div>
        {latest ? (
          <Verdict
            correct={latest.correct}
            feedback={latest.feedback}
            note={latestIsFirst ? null : labels.extraTry}
            labels={labels}
            testId={`quiz-feedback-${question.id}`}
            first={latestIsFirst}
          />
        ) : null}
      </div>
      {saved && !latestIsFirst ? (
        <div className={styles.savedAnswer} data-testid={`quiz-saved-${question.id}`} data-option={saved.option}>
          <p className={styles.savedLabel}>
            <CodeText parts={hintParts(format(labels.yourFirst, { option: optionText(saved.option) }), {})} />
          </p>
          <Verdict
            correct={saved.correct}
            feedback={saved.feedback}
            note={null}
            labels={labels}
            testId={`quiz-saved-verdict-${question.id}`}
            first
          />
        </div>
      ) : null}
    </form>
  );
}

export function Quiz({ questions, labels }: { questions: readonly QuizQuestionView[]; labels: QuizLabels }) {
  const student = useSyncExternalStore(subscribeStudent, confirmedStudentId, () => null);
  if (questions.length === 0) return null;
  return (
    <section className={styles.quiz} aria-labelledby="quiz-heading" data-testid="quiz">
      <h2 id="quiz-heading">{labels.heading}</h2>
      <p className={styles.quizIntro}>{labels.firstCounts}</p>
      {questions.map((q, i) => (
        <Question key={q.id} question={q} number={i + 1} total={questions.length} labels={labels} student={student} />
      ))}
    </section>
  );
}
