'use client';
// One student's detail: each step done with its time, each quiz attempt with the option chosen, right or
// wrong and its time; and the two actions on their sandbox (reset, end), each confirmed first. Asked of
// the agent when opened and again whenever the class state changes.
import type { StudentDetail as Detail } from '@protocol';
import { type ReactNode, useEffect, useState } from 'react';
import type { AgentFailure } from '@/lib/class/agent';
import { clockTime } from '@/lib/class/format';
import type { InstructorClient } from '@/lib/class/instructor';
import { displayName } from '@/lib/class/table';
import { hintParts } from '@/lib/lessons/hint';
import { format } from '@/lib/template';
import { CodeText } from '../lesson/code-text';
import { ActionButtons } from './action-buttons';
import styles from './class.module.css';
import local from './class-progress.module.css';
import { ConfirmDialog } from './confirm-dialog';
import type { InstructorMessages, LessonOutline } from './types';

type Loaded =
  | { kind: 'loading' }
  | { kind: 'ok'; detail: Detail; for: string; version: number }
  | { kind: 'error'; error: AgentFailure; for: string; version: number };

export function StudentDetail({
  id,
  client,
  version,
  outline,
  messages,
  lang,
  now,
  busy,
  onAction,
  onClose,
  panelId,
}: {
  id: string;
  client: InstructorClient;
  /** Changes with every new class state: the detail is asked for again. */
  version: number;
  outline: readonly LessonOutline[];
  messages: InstructorMessages;
  lang: string;
  now: number;
  busy: boolean;
  onAction: (action: 'reset' | 'end', id: string, name: string) => void;
  onClose: () => void;
  panelId: string;
}) {
  const [answer, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const loaded: Loaded = answer.kind !== 'loading' && answer.for !== id ? { kind: 'loading' } : answer;
  const [confirm, setConfirm] = useState<'reset' | 'end' | null>(null);
  const d = messages.detail;

  // Tagged with the student it belongs to: another student shows "loading" at once, while a new version of
  // the same student keeps the old detail on screen until the new one arrives.
  useEffect(() => {
    let current = true;
    const asked = version; // a dependency on purpose: each new class state asks again
    client.student(id).then((result) => {
      if (!current) return;
      setLoaded(
        result.ok
          ? { kind: 'ok', detail: result.value, for: id, version: asked }
          : { kind: 'error', error: result.error, for: id, version: asked },
      );
    });
    return () => {
      current = false;
    };
  }, [client, id, version]);

  const lesson = (slug: string) => outline.find((l) => l.slug === slug);
  const lessonName = (slug: string) => {
    const l = lesson(slug);
    return l ? format(messages.lessonShort, { n: l.number }) : slug;
  };
  const when = (t: number) => clockTime(t, now, lang);
  const detail = loaded.kind === 'ok' ? loaded.detail : null;
  const name = detail ? displayName(detail.student.name, detail.student.tag) : '';

  return (
    <section id={panelId} className={styles.detail} data-testid="student-detail" data-student={id} aria-live="polite">
      <div className={styles.detailHead}>
        <h2 className={styles.detailName}>{name || d.loading}</h2>
        <button type="button" className={styles.secondary} onClick={onClose}>
          {d.close}
        </button>
      </div>
      {loaded.kind === 'error' ? (
        <p className={styles.error}>
          {loaded.error === 'unknown_student' ? d.unknownStudent : format(d.failed, { error: loaded.error })}
        </p>
      ) : null}
      {detail ? (
        <>
          <p className={styles.muted}>{format(d.joined, { time: clockTime(detail.student.joinedAt, now, lang) })}</p>
          <WatchNow watch={detail.student.watch} lesson={lesson} messages={messages} />
          <div className={styles.detailActions}>
            <ActionButtons
              actions={(['reset', 'end'] as const).map((action) => ({
                label: d[action],
                testId: `${action}-student`,
                disabled: busy,
                danger: action === 'end',
                onClick: () => setConfirm(action),
              }))}
            />
          </div>

          <EventList
            heading={d.stepsHeading}
            none={d.noSteps}
            testId="student-steps"
            events={detail.steps}
            when={when}
            lessonName={lessonName}
            line={(s) => {
              const l = lesson(s.lesson);
              const index = l ? l.steps.findIndex((x) => x.id === s.step) : -1;
              const step = l?.steps[index];
              return {
                key: `${s.lesson}/${s.step}`,
                at: s.doneAt,
                lesson: s.lesson,
                what: step ? format(d.step, { n: index + 1, title: step.title }) : <code translate="no">{s.step}</code>,
              };
            }}
          />

          <EventList
            heading={d.attemptsHeading}
            none={d.noAttempts}
            testId="student-attempts"
            events={detail.attempts}
            when={when}
            lessonName={lessonName}
            line={(a) => {
              const l = lesson(a.lesson);
              const qIndex = l ? l.questions.findIndex((q) => q.id === a.question) : -1;
              const option = l?.questions[qIndex]?.options.find((o) => o.id === a.option);
              return {
                key: `${a.lesson}/${a.question}/${a.attempt}`,
                at: a.answeredAt,
                lesson: a.lesson,
                correct: a.correct,
                what: (
                  <>
                    {qIndex >= 0 ? format(d.question, { n: qIndex + 1 }) : a.question}
                    {' · '}
                    {format(d.attempt, { n: a.attempt })}
                    {': '}
                    <q>{option ? option.text : a.option}</q>{' '}
                    <span className={a.correct ? styles.right : styles.wrong}>
                      <span aria-hidden="true">{a.correct ? '✓ ' : '✗ '}</span>
                      {a.correct ? d.right : d.wrong}
                    </span>
                  </>
                ),
              };
            }}
          />
        </>
      ) : null}
      <ConfirmDialog
        open={confirm !== null}
        testId={confirm === 'end' ? 'confirm-end' : 'confirm-reset'}
        labels={{
          title: format(confirm === 'end' ? d.endTitle : d.resetTitle, { name }),
          body: confirm === 'end' ? d.endBody : d.resetBody,
          confirm: confirm === 'end' ? d.end : d.reset,
          cancel: messages.cancel,
        }}
        onConfirm={() => {
          if (confirm) onAction(confirm, id, name);
        }}
        onClose={() => setConfirm(null)}
      />
    </section>
  );
}

/**
 * What the agent sees of the student now (issue 20): commands since their last step, and the check failing with
 * the hint they see, filled from what it observed.
 */
function WatchNow({
  watch,
  lesson,
  messages,
}: {
  watch: Detail['student']['watch'];
  lesson: (slug: string) => LessonOutline | undefined;
  messages: InstructorMessages;
}) {
  const m = messages.watch;
  const failing = watch?.failing;
  const steps = failing ? (lesson(failing.lesson)?.steps ?? []) : [];
  const index = failing ? steps.findIndex((s) => s.id === failing.step) : -1;
  const template = failing ? steps[index]?.hints?.[failing.hint.key] : undefined;
  return (
    <div className={local.watch} data-testid="student-watch">
      <h3>{m.heading}</h3>
      {watch ? (
        <>
          <p data-testid="student-commands" data-count={watch.commands}>
            {format(m.commands, { n: watch.commands })}
          </p>
          {failing ? (
            <p data-testid="student-failing" data-step={failing.step} data-count={failing.count}>
              {format(m.failing, {
                n: index + 1,
                title: (steps[index]?.title ?? failing.step).replaceAll('`', ''),
                count: failing.count,
              })}
            </p>
          ) : (
            <p className={styles.muted}>{m.noFailing}</p>
          )}
          {failing && template !== undefined ? (
            <p data-testid="student-hint">
              {format(m.hint, { hint: '' })}
              <CodeText parts={hintParts(template, failing.hint.params)} />
            </p>
          ) : null}
        </>
      ) : (
        <p className={styles.muted}>{m.notSeen}</p>
      )}
    </div>
  );
}

/** One event of a student's: when, in which lesson (its slug), what happened; `correct` for an answer. */
interface EventLine {
  key: string;
  at: number;
  lesson: string;
  correct?: boolean;
  what: ReactNode;
}

/** A heading over a student's events, oldest first, a line each with its time and lesson; or a line saying none. */
function EventList<T>({
  heading,
  none,
  testId,
  events,
  when,
  lessonName,
  line,
}: {
  heading: string;
  none: string;
  testId: string;
  events: readonly T[];
  when: (t: number) => string;
  lessonName: (slug: string) => string;
  line: (event: T) => EventLine;
}) {
  return (
    <>
      <h3>{heading}</h3>
      {events.length === 0 ? (
        <p className={styles.muted}>{none}</p>
      ) : (
        <ol className={styles.eventList} data-testid={testId}>
          {events.map((event) => {
            const { key, at, lesson, correct, what } = line(event);
            return (
              <li key={key} data-correct={correct}>
                <span className={styles.eventTime}>{when(at)}</span>
                <span>
                  {lessonName(lesson)}
                  {' · '}
                  {what}
                </span>
              </li>
            );
          })}
        </ol>
      )}
    </>
  );
}
