// Mounts and layers: the mounts one process sees (each mount namespace and root is its own view), then every
// overlay the student mounted, as its stack of layers, or as tables in the table view.
import type { PanelView } from '@protocol';
import { useId } from 'react';
import { format } from '@/lib/template';
import styles from './kernel-panel.module.css';
import { MountTable } from './mount-table';
import { baseMountView, mountProc } from './mounts';
import { NsBadge } from './ns-badge';
import type { NsIndex } from './ns-index';
import { OverlayStack } from './overlay-stack';
import { OverlayTable } from './overlay-table';
import { sandboxPid } from './proc-tree';
import type { PanelMessages } from './types';

export function MountsSection({
  view,
  index,
  messages,
  chosen,
  onChoose,
  tableView,
  activeTab = 0,
}: {
  view: PanelView;
  index: NsIndex;
  messages: PanelMessages;
  /** The process the student picked (a key); null or gone: the default choice. */
  chosen: string | null;
  onChoose: (key: string) => void;
  tableView: boolean;
  /** The terminal tab on show: with no choice made, its shell's mounts show. */
  activeTab?: number;
}) {
  const m = messages.mounts;
  const selectId = useId();
  const key = mountProc(view, chosen, activeTab);
  const procs = view.procs;
  const proc = procs.find((p) => p.key === key);
  const mounts = proc?.mountView ? view.mountViews.find((v) => v.key === proc.mountView) : undefined;
  const base = baseMountView(view);
  return (
    <div className={styles.section}>
      {procs.length === 0 ? (
        <p className={styles.empty}>{m.noProcesses}</p>
      ) : (
        <div className={styles.field}>
          <label htmlFor={selectId}>{m.process}</label>
          <select
            id={selectId}
            value={key ?? ''}
            onChange={(event) => onChoose(event.target.value)}
            data-testid="mounts-proc"
          >
            {procs.map((p) => (
              <option key={p.key} value={p.key}>
                {sandboxPid(p)} {p.comm}
              </option>
            ))}
          </select>
        </div>
      )}
      {proc ? (
        mounts ? (
          <>
            <p className={styles.note} data-testid="mounts-view-note">
              {mounts.key === base ? m.sameAsSandbox : null}
              {mounts.mnt !== view.base.ns.mnt ? (
                <>
                  {format(m.ownNamespace, { name: `mnt:[${mounts.mnt}]` })}{' '}
                  <NsBadge kind="mnt" inode={mounts.mnt} index={index} messages={messages} />{' '}
                </>
              ) : null}
              {mounts.sandboxRoot ? null : m.otherRoot}
            </p>
            <MountTable mounts={mounts} pid={sandboxPid(proc)} messages={messages} />
          </>
        ) : (
          <p className={styles.empty}>{m.noView}</p>
        )
      ) : null}
      <h3 className={styles.subheading}>{m.overlays}</h3>
      {view.overlays.length === 0 ? (
        <p className={styles.empty}>{m.noOverlays}</p>
      ) : (
        view.overlays.map((overlay) =>
          tableView ? (
            <OverlayTable key={overlay.key} overlay={overlay} messages={messages} />
          ) : (
            <OverlayStack key={overlay.key} overlay={overlay} messages={messages} />
          ),
        )
      )}
    </div>
  );
}
