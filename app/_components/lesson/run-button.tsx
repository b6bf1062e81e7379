'use client';
import { useLessonStore } from '@/lib/lessons/use-lesson';
// "Run in terminal": types a step's command into the tab it belongs to and focuses it. The student reads
// it there and presses Enter: nothing runs without them.
import type { TabIndex } from '@/lib/terminal/tab';
import styles from './lesson-parts.module.css';

export function RunButton({
  tab,
  command,
  label,
  title,
  describedBy,
  testId,
}: {
  tab: TabIndex;
  command: string;
  label: string;
  title: string;
  /** Ids of its command and of the hint that says what it does, for a screen reader. */
  describedBy?: string;
  testId: string;
}) {
  const store = useLessonStore();
  return (
    <button
      type="button"
      className={styles.run}
      title={title}
      aria-describedby={describedBy}
      data-testid={testId}
      data-tab={tab}
      onClick={() => store?.runInTerminal(tab, command)}
    >
      <span aria-hidden="true">▶</span> {label}
    </button>
  );
}
