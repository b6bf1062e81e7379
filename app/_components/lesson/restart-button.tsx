'use client';
// "Start this lesson again": after a confirmation, the agent replaces the student's sandbox with a fresh
// one (both terminals close with 4012 and reconnect to it); steps done and answers stay saved.
import { useRef } from 'react';
import { useLessonState, useLessonStore } from '@/lib/lessons/use-lesson';
import { FormDialog } from '../form-dialog';
import styles from './lesson-parts.module.css';

export interface RestartLabels {
  readonly button: string;
  readonly title: string;
  readonly body: string;
  readonly confirm: string;
  readonly cancel: string;
  readonly restarting: string;
  readonly offline: string;
}

export function RestartButton({ labels }: { labels: RestartLabels }) {
  const store = useLessonStore();
  const connected = useLessonState((s) => s.connected);
  const restarting = useLessonState((s) => s.restarting);
  const dialog = useRef<HTMLDialogElement>(null);

  return (
    <>
      <button
        type="button"
        className={styles.restart}
        disabled={!connected || restarting}
        title={connected ? undefined : labels.offline}
        data-testid="lesson-restart"
        onClick={() => dialog.current?.showModal()}
      >
        {restarting ? labels.restarting : labels.button}
      </button>
      <FormDialog
        dialogRef={dialog}
        title={labels.title}
        body={labels.body}
        data-testid="lesson-restart-dialog"
        onSubmit={() => {
          dialog.current?.close();
          store?.restart();
        }}
        buttons={
          <>
            <button type="button" className={styles.secondary} onClick={() => dialog.current?.close()}>
              {labels.cancel}
            </button>
            <button type="submit" className={styles.danger} data-testid="lesson-restart-confirm">
              {labels.confirm}
            </button>
          </>
        }
      />
    </>
  );
}
