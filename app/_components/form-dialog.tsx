'use client';
// A modal <dialog> holding one form: named by its heading, described by its text, then any field and the
// buttons. The confirmations (restarting a lesson, the instructor's actions) and the terminal's paste
// dialog; the dialog's owner opens it (showModal, or useModalDialog) and says what submitting does.
import type { ComponentPropsWithoutRef, ReactNode, Ref } from 'react';
import { useId } from 'react';
import dialogStyles from './dialog.module.css';

export function FormDialog({
  dialogRef,
  title,
  body,
  onSubmit,
  buttons,
  children,
  classNames = dialogStyles,
  ...dialog
}: {
  dialogRef: Ref<HTMLDialogElement>;
  title: string;
  body: string;
  /** The form was submitted: the browser's default (close, nothing else) is prevented. */
  onSubmit: () => void;
  buttons: ReactNode;
  /** Between the text and the buttons: a field. */
  children?: ReactNode;
  /** The look: dialog.module.css's, or a module with the same two classes, `dialog` and `dialogButtons`. */
  classNames?: { readonly [key: string]: string };
} & Omit<ComponentPropsWithoutRef<'dialog'>, 'title' | 'onSubmit' | 'children' | 'className'>) {
  const titleId = useId();
  const bodyId = useId();
  return (
    <dialog
      ref={dialogRef}
      className={classNames.dialog}
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      {...dialog}
    >
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit();
        }}
      >
        <h2 id={titleId}>{title}</h2>
        <p id={bodyId}>{body}</p>
        {children}
        <div className={classNames.dialogButtons}>{buttons}</div>
      </form>
    </dialog>
  );
}
