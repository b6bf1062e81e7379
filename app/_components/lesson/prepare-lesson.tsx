'use client';
// "Prepare this lesson" and "Start this step again" (issue 21): after a confirmation, the agent replaces the
// student's sandbox with a fresh one and brings it, by the lesson's own preparation and the replay of the steps
// before, to the start of the lesson or of that step (nothing is typed into the student's terminals). The list
// of what was prepared, or why it failed, shows once the agent says it is done.
import { useRef } from 'react';
import { hintParts } from '@/lib/lessons/hint';
import { useLessonState, useLessonStore } from '@/lib/lessons/use-lesson';
import { format } from '@/lib/template';
import { FormDialog } from '../form-dialog';
import { CodeText } from './code-text';
import styles from './lesson-parts.module.css';

export interface PrepareLabels {
  readonly lessonButton: string;
  readonly lessonTitle: string;
  readonly lessonBody: string;
  readonly stepButton: string;
  readonly stepTitle: string;
  /** `{n}`: the step's number. */
  readonly stepBody: string;
  readonly confirm: string;
  readonly cancel: string;
  readonly preparing: string;
  readonly offline: string;
  /** Heading of the list of what was prepared. */
  readonly listTitle: string;
  /** A step redone by the agent, in the list: `{n}` its number, `{title}` its title. */
  readonly replayedStep: string;
  /** The lesson needs nothing from earlier lessons: a fresh sandbox was all. */
  readonly nothing: string;
  readonly failed: string;
  readonly timeout: string;
}

/** A button that asks first, then sends a preparation: the lesson's (no step) or a step's. */
function PrepareButton({
  step,
  button,
  title,
  body,
  labels,
}: {
  step?: string;
  button: string;
  title: string;
  body: string;
  labels: PrepareLabels;
}) {
  const store = useLessonStore();
  const connected = useLessonState((s) => s.connected);
  const preparing = useLessonState((s) => s.preparing);
  const dialog = useRef<HTMLDialogElement>(null);
  const testId = step === undefined ? 'lesson-prepare' : `step-restart-${step}`;
  return (
    <>
      <button
        type="button"
        className={styles.restart}
        disabled={!connected || preparing !== null}
        title={connected ? undefined : labels.offline}
        data-testid={testId}
        onClick={() => dialog.current?.showModal()}
      >
        {preparing === (step ?? '') ? labels.preparing : button}
      </button>
      <FormDialog
        dialogRef={dialog}
        title={title}
        body={body}
        data-testid={`${testId}-dialog`}
        onSubmit={() => {
          dialog.current?.close();
          store?.prepare(step);
        }}
        buttons={
          <>
            <button type="button" className={styles.secondary} onClick={() => dialog.current?.close()}>
              {labels.cancel}
            </button>
            <button type="submit" className={styles.danger} data-testid={`${testId}-confirm`}>
              {labels.confirm}
            </button>
          </>
        }
      />
    </>
  );
}

/** "Prepare this lesson", in the lesson's toolbar. */
export function PrepareLessonButton({ labels }: { labels: PrepareLabels }) {
  return (
    <PrepareButton button={labels.lessonButton} title={labels.lessonTitle} body={labels.lessonBody} labels={labels} />
  );
}

/** "Start this step again", under a step the agent can bring the sandbox to (lessons/types.ts restartableSteps). */
export function StepRestartButton({ step, number, labels }: { step: string; number: number; labels: PrepareLabels }) {
  return (
    <PrepareButton
      step={step}
      button={labels.stepButton}
      title={labels.stepTitle}
      body={format(labels.stepBody, { n: number })}
      labels={labels}
    />
  );
}

/**
 * What the latest preparation left in the sandbox: the lesson's preparation items and the steps redone, in the
 * page's language (the agent sends ids only), or why it failed.
 */
export function PreparedList({
  items,
  steps,
  labels,
}: {
  /** The lesson's preparation items' titles, by id. */
  items: Readonly<Record<string, string>>;
  /** The lesson's steps' titles in order, by id. */
  steps: readonly { id: string; title: string }[];
  labels: PrepareLabels;
}) {
  const prepared = useLessonState((s) => s.prepared);
  if (!prepared) return null;
  if (!prepared.ok) {
    return (
      <p className={styles.hint} role="alert" data-testid="prepared-failed" data-error={prepared.error}>
        {prepared.error === 'prepare_timeout' ? labels.timeout : labels.failed}
      </p>
    );
  }
  const lines = [
    ...prepared.prepared.map((id) => ({ id, text: items[id] ?? id })),
    ...prepared.replayed.map((id) => {
      const n = steps.findIndex((s) => s.id === id) + 1;
      return { id: `step-${id}`, text: format(labels.replayedStep, { n, title: steps[n - 1]?.title ?? id }) };
    }),
  ];
  return (
    <section className={styles.hint} aria-label={labels.listTitle} data-testid="prepared-list">
      <strong>{labels.listTitle}</strong>
      {lines.length === 0 ? (
        <p>{labels.nothing}</p>
      ) : (
        <ul>
          {lines.map((line) => (
            <li key={line.id} data-testid={`prepared-${line.id}`}>
              <CodeText parts={hintParts(line.text, {})} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
