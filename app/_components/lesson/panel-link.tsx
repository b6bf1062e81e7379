'use client';
import type { PanelSectionId } from '@protocol';
// A lesson's pointer at the Kernel panel: the lesson's own words ("look at your shell's UTS badge now") and
// a button that opens the panel at the section they are about.
import type { ReactNode } from 'react';
import { useLessonStore } from '@/lib/lessons/use-lesson';
import styles from './lesson-parts.module.css';

export function PanelLink({
  section,
  label,
  button,
  children,
}: {
  section: PanelSectionId;
  /** "Kernel panel" */
  label: string;
  /** "Open the panel at Processes" */
  button: string;
  children?: ReactNode;
}) {
  const panel = useLessonStore()?.panel;
  return (
    <aside className={`${styles.callout} ${styles.panelLink}`} data-kind="panel" data-section={section}>
      <p className={styles.calloutLabel}>{label}</p>
      {children}
      <p>
        <button
          type="button"
          className={styles.panelButton}
          data-testid={`panel-link-${section}`}
          disabled={!panel}
          onClick={() => panel?.show(section)}
        >
          {button}
        </button>
      </p>
    </aside>
  );
}
