'use client';
// A button of the terminal panel that acts on the terminal on show (copy, paste, a key of the touch key bar)
// without taking its focus: the default of pointerdown (and of mousedown, for the older path) is what moves
// the focus, and keeping it keeps the terminal's selection and, on a phone, the platform keyboard open.
import type { ReactNode } from 'react';
import styles from './terminal-panel.module.css';

export function TerminalAction({
  title,
  label,
  testId,
  pressed,
  className = styles.button,
  onClick,
  children,
}: {
  title: string;
  /** The accessible name, when the visible text is a symbol or a key cap. */
  label?: string;
  testId: string;
  /** A toggle: on or off. */
  pressed?: boolean;
  className?: string;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className={className}
      title={title}
      aria-label={label}
      aria-pressed={pressed}
      data-testid={testId}
      onPointerDown={(event) => event.preventDefault()}
      onMouseDown={(event) => event.preventDefault()}
      onClick={onClick}
    >
      {children}
    </button>
  );
}
