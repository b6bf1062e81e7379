// Small pieces every section and table of the Kernel panel draws the same way.
import type { ReactNode } from 'react';
import styles from './kernel-panel.module.css';

/** A section with nothing to draw: one line that says so. */
export function EmptySection({ text }: { text: string }) {
  return (
    <div className={styles.section}>
      <p className={styles.empty}>{text}</p>
    </div>
  );
}

/** A table's header row: one column header per label. */
export function HeadRow({ labels }: { labels: readonly ReactNode[] }) {
  return (
    <thead>
      <tr>
        {labels.map((label, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: fixed columns, never reordered
          <th key={i} scope="col">
            {label}
          </th>
        ))}
      </tr>
    </thead>
  );
}
