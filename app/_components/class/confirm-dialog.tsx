'use client';
// A modal confirmation for what cannot be undone from the page: resetting or ending a student's sandbox,
// deleting the class's data. With `typeToConfirm`, the confirm button waits until that exact text is
// typed (the class code): a strong confirmation a reflex click cannot give.
import { useId, useState } from 'react';
import { FormDialog } from '../form-dialog';
import { useModalDialog } from '../use-modal-dialog';
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
  const [typed, setTyped] = useState('');
  const dialog = useModalDialog(open, () => setTyped(''));
  const fieldId = useId();

  // Spaces and case are forgiven, as on the join form; the characters themselves are not.
  const matches =
    typeToConfirm === undefined || typed.toUpperCase().replace(/\s+/g, '') === typeToConfirm.toUpperCase();

  return (
    <FormDialog
      dialogRef={dialog}
      title={labels.title}
      body={labels.body}
      data-testid={testId}
      onClose={onClose}
      onSubmit={() => {
        if (!matches) return;
        dialog.current?.close();
        onConfirm();
      }}
      buttons={
        <>
          <button type="button" className={styles.secondary} onClick={() => dialog.current?.close()}>
            {labels.cancel}
          </button>
          <button type="submit" className={styles.danger} disabled={!matches} data-testid={`${testId}-confirm`}>
            {labels.confirm}
          </button>
        </>
      }
    >
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
    </FormDialog>
  );
}
