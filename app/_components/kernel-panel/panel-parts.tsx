// Small pieces every section and table of the Kernel panel draws the same way.
import { type ReactNode, useId } from 'react';
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

/** `data-*` attributes a table carries for the tests (`data-testid`, the key of what it shows). */
type DataAttributes = { [name: `data-${string}`]: string | number | undefined };

/**
 * A table of the panel: in its scrolling wrapper, with its caption (for screen readers only where a heading
 * above already says it), its header (usually a `HeadRow`) and its rows.
 */
export function PanelTable({
  caption,
  captionHidden = false,
  wide = false,
  wrapClassName,
  head,
  after,
  children,
  ...data
}: {
  caption: ReactNode;
  captionHidden?: boolean;
  /** Many columns: the table may grow wider than the panel and scroll. */
  wide?: boolean;
  wrapClassName?: string;
  head: ReactNode;
  /** What follows the table in its wrapper (a note that the list was cut). */
  after?: ReactNode;
  /** The rows. */
  children: ReactNode;
} & DataAttributes) {
  const captionId = useId();
  return (
    // The wrapper scrolls (a long mount list, a wide table): a keyboard user scrolls it once it has the focus, and a
    // screen reader names it by the table's caption.
    <section
      className={wrapClassName ? `${styles.tableWrap} ${wrapClassName}` : styles.tableWrap}
      aria-labelledby={captionId}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take the focus to scroll by keyboard (axe scrollable-region-focusable)
      tabIndex={0}
    >
      <table className={wide ? `${styles.table} ${styles.wideTable}` : styles.table} {...data}>
        <caption id={captionId} className={captionHidden ? 'visually-hidden' : undefined}>
          {caption}
        </caption>
        {head}
        <tbody>{children}</tbody>
      </table>
      {after}
    </section>
  );
}

/** A tree node's children as a nested list, or nothing for a leaf. */
export function Subtree<Node extends { children: Node[] }>({
  node,
  item,
}: {
  node: Node;
  /** Draws one child (with its `key`). */
  item: (child: Node) => ReactNode;
}) {
  return node.children.length > 0 ? <ul>{node.children.map(item)}</ul> : null;
}
