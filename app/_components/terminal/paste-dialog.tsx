'use client';
// Where a paste goes when the page may not read the clipboard (plain http on a class VM): a textarea
// the student pastes into with the keyboard, then sends to the terminal.
import { useId, useRef } from 'react';
import { FormDialog } from '../form-dialog';
import { useModalDialog } from '../use-modal-dialog';
import styles from './terminal-panel.module.css';

export function PasteDialog({
  open,
  labels,
  onSend,
  onClose,
}: {
  open: boolean;
  labels: { title: string; help: string; field: string; send: string; cancel: string };
  onSend: (text: string) => void;
  onClose: () => void;
}) {
  const area = useRef<HTMLTextAreaElement>(null);
  const dialog = useModalDialog(open, () => {
    if (area.current) area.current.value = '';
    area.current?.focus();
  });
  const fieldId = useId();

  const send = () => {
    const text = area.current?.value ?? '';
    // Close first, synchronously: the dialog hands focus back, then the paste focuses the terminal.
    dialog.current?.close();
    onClose();
    if (text) onSend(text);
  };

  return (
    <FormDialog
      dialogRef={dialog}
      classNames={styles}
      title={labels.title}
      body={labels.help}
      onClose={onClose}
      onCancel={onClose}
      onSubmit={send}
      buttons={
        <>
          <button type="button" className={styles.button} onClick={onClose}>
            {labels.cancel}
          </button>
          <button type="submit" className={`${styles.button} ${styles.primary}`}>
            {labels.send}
          </button>
        </>
      }
    >
      <label className="visually-hidden" htmlFor={fieldId}>
        {labels.field}
      </label>
      <textarea
        id={fieldId}
        ref={area}
        rows={6}
        spellCheck={false}
        translate="no"
        onKeyDown={(event) => {
          // Ctrl+Enter sends; Enter alone is a newline of the pasted text.
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            send();
          }
        }}
      />
    </FormDialog>
  );
}
