'use client';
// Where a paste goes when the page may not read the clipboard (plain http on a class VM): a textarea
// the student pastes into with the keyboard, then sends to the terminal.
import { useEffect, useId, useRef } from 'react';
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
  const dialog = useRef<HTMLDialogElement>(null);
  const area = useRef<HTMLTextAreaElement>(null);
  const titleId = useId();
  const helpId = useId();

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) {
      if (area.current) area.current.value = '';
      d.showModal();
      area.current?.focus();
    } else if (!open && d.open) {
      d.close();
    }
  }, [open]);

  const send = () => {
    const text = area.current?.value ?? '';
    // Close first, synchronously: the dialog hands focus back, then the paste focuses the terminal.
    dialog.current?.close();
    onClose();
    if (text) onSend(text);
  };

  return (
    <dialog
      ref={dialog}
      className={styles.dialog}
      aria-labelledby={titleId}
      aria-describedby={helpId}
      onClose={onClose}
      onCancel={onClose}
    >
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          send();
        }}
      >
        <h2 id={titleId}>{labels.title}</h2>
        <p id={helpId}>{labels.help}</p>
        <label className="visually-hidden" htmlFor={`${titleId}-text`}>
          {labels.field}
        </label>
        <textarea
          id={`${titleId}-text`}
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
        <div className={styles.dialogButtons}>
          <button type="button" className={styles.button} onClick={onClose}>
            {labels.cancel}
          </button>
          <button type="submit" className={`${styles.button} ${styles.primary}`}>
            {labels.send}
          </button>
        </div>
      </form>
    </dialog>
  );
}
