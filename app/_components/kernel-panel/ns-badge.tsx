// A namespace as a small badge: its kind and its number in the panel (none for the sandbox's own), in the
// number's colour. The kernel's full name, `uts:[4026532252]`, is the title and is listed in the legend.
import type { PanelNsKind } from '@protocol';
import { format } from '@/lib/template';
import styles from './kernel-panel.module.css';
import { type NsIndex, nsColor, nsLabel, nsName, nsNumber } from './ns-index';
import type { PanelMessages } from './types';

export function nsTitle(kind: PanelNsKind, inode: number, index: NsIndex, messages: PanelMessages): string {
  const n = nsNumber(index, kind, inode);
  const name = nsName(kind, inode);
  if (n === 0) return format(messages.ns.base, { name });
  return n > 0 ? format(messages.ns.new, { name, n }) : name;
}

export function NsBadge({
  kind,
  inode,
  index,
  messages,
}: {
  kind: PanelNsKind;
  inode: number;
  index: NsIndex;
  messages: PanelMessages;
}) {
  const n = nsNumber(index, kind, inode);
  return (
    <span
      className={styles.badge}
      data-color={nsColor(n)}
      data-ns-kind={kind}
      data-ns={inode}
      data-ns-index={n}
      title={nsTitle(kind, inode, index, messages)}
      translate="no"
    >
      {nsLabel(kind, n)}
    </span>
  );
}
