'use client';
// A modal confirmation for what cannot be undone from the page: resetting or ending a student's sandbox,
// deleting the class's data. With `typeToConfirm`, the confirm button waits until that exact text is
// typed (the class code): a strong confirmation a reflex click cannot give.
import { useEffect, useId, useRef, useState } from 'react';
import dialogStyles from '../dialog.module.css';
import styles from './class.module.css';

export interface ConfirmLabels {
  readonly title: string;
  readonly body: string;
  readonly confirm: string;
  readonly cancel: string;
  /** The label of the field for `typeToConfirm`. */
  readonly field?: string;
}

export function ConfirmDialog({
  open,
  labels,
  typeToConfirm,
  onConfirm,
  onClose,
  testId,
}: {
  open: boolean;
  labels: ConfirmLabels;
  typeToConfirm?: string;
  onConfirm: () => void;
  onClose: () => void;
  testId: string;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [typed, setTyped] = useState('');
  const titleId = useId();
  const bodyId = useId();
  const fieldId = useId();

  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (open && !el.open) {
      setTyped('');
      el.showModal();
    } else if (!open && el.open) {
      el.close();
    }
  }, [open]);

  // Spaces and case are forgiven, as on the join form; the characters themselves are not.
  const matches =
    typeToConfirm === undefined || typed.toUpperCase().replace(/\s+/g, '') === typeToConfirm.toUpperCase();

  return (
    <dialog
      ref={dialog}
      className={dialogStyles.dialog}
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      data-testid={testId}
      onClose={onClose}
    >
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          if (!matches) return;
          dialog.current?.close();
          onConfirm();
        }}
      >
        <h2 id={titleId}>{labels.title}</h2>
        <p id={bodyId}>{labels.body}</p>
        {typeToConfirm !== undefined ? (
          <div className={styles.field}>
            <label htmlFor={fieldId}>{labels.field}</label>
            <input
              id={fieldId}
              className={styles.codeInput}
              data-testid={`${testId}-input`}
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              autoComplete="off"
              spellCheck={false}
            />
          </div>
        ) : null}
        <div className={dialogStyles.dialogButtons}>
          <button type="button" className={styles.secondary} onClick={() => dialog.current?.close()}>
            {labels.cancel}
          </button>
          <button type="submit" className={styles.danger} disabled={!matches} data-testid={`${testId}-confirm`}>
            {labels.confirm}
          </button>
        </div>
      </form>
    </dialog>
  );
}
