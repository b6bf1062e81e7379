'use client';
// The help queue on the instructor's page (issue 20): raised hands, oldest first, each with the student's name,
// lesson, the step they are on and their question (text, never markup); "look" asks to see their terminal (the
// student must accept), "answered" takes the hand out of the queue.
import type { InstructorState } from '@protocol';
import { relativeTime } from '@/lib/class/format';
import { format } from '@/lib/template';
import { ActionButtons } from './action-buttons';
import styles from './class.module.css';
import type { InstructorMessages, LessonOutline } from './types';

export function HelpQueue({
  state,
  outline,
  messages,
  now,
  busy,
  onLook,
  onAnswer,
}: {
  state: InstructorState;
  outline: readonly LessonOutline[];
  messages: InstructorMessages;
  now: number;
  busy: boolean;
  onLook(student: string, name: string): void;
  onAnswer(student: string, name: string): void;
}) {
  const m = messages.help;
  const names = new Map(state.students.map((s) => [s.id, s.tag > 1 ? `${s.name} (${s.tag})` : s.name]));
  return (
    <section aria-labelledby="help-heading" data-testid="help-queue">
      <h2 id="help-heading" className={styles.sectionHeading}>
        {format(m.heading, { n: state.help.length })}
      </h2>
      {state.help.length === 0 ? (
        <p className={styles.muted}>{m.empty}</p>
      ) : (
        <ol className={styles.helpQueue}>
          {state.help.map((h) => {
            const name = names.get(h.student) ?? '?';
            const lesson = outline.find((l) => l.slug === h.lesson);
            const step = h.step && lesson?.steps.find((s) => s.id === h.step?.id);
            return (
              <li key={h.student} data-testid={`help-entry-${h.student}`} className={styles.helpEntry}>
                <strong>{name}</strong>{' '}
                <span>
                  {lesson ? `L${lesson.number}` : m.noLesson}
                  {h.step ? ` · ${format(m.step, { n: h.step.n, title: step ? step.title : h.step.id })}` : ''}
                </span>{' '}
                <span className={styles.muted}>{relativeTime(h.raisedAt, now, messages.ago)}</span>
                {h.question ? <q className={styles.helpQuestion}>{h.question}</q> : null}
                <span className={styles.toolbar}>
                  <ActionButtons
                    actions={[
                      { label: m.look, testId: 'help-look', onClick: () => onLook(h.student, name) },
                      {
                        label: m.answered,
                        testId: 'help-answered',
                        disabled: busy,
                        onClick: () => onAnswer(h.student, name),
                      },
                    ]}
                  />
                </span>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
