// One mount view as a table: the list of mounts is a table by nature, so the drawing and the table view
// share it.
import type { PanelMountView } from '@protocol';
import { format } from '@/lib/template';
import styles from './kernel-panel.module.css';
import { HeadRow, PanelTable } from './panel-parts';
import { PathText } from './path-text';
import type { PanelMessages } from './types';

export function MountTable({
  mounts,
  pid,
  messages,
}: {
  mounts: PanelMountView;
  pid: number;
  messages: PanelMessages;
}) {
  const m = messages.mounts;
  return (
    <PanelTable
      caption={format(m.caption, { pid })}
      captionHidden
      wrapClassName={styles.mountsWrap}
      head={<HeadRow labels={[m.mountPoint, m.type, m.source, m.access, m.propagation]} />}
      after={mounts.truncated ? <p className={styles.muted}>{m.truncated}</p> : null}
      data-testid="panel-mount-table"
      data-view={mounts.key}
    >
      {mounts.mounts.map((mount) => (
        <tr
          key={mount.id}
          data-testid="panel-mount"
          data-mount-point={mount.mountPoint}
          data-fs-type={mount.fsType}
          data-read-only={mount.readOnly}
        >
          <th scope="row" className={styles.path} translate="no">
            <PathText path={mount.mountPoint} />
          </th>
          <td translate="no">{mount.fsType}</td>
          <td className={styles.path} translate="no">
            <PathText path={mount.source} />
          </td>
          <td title={mount.readOnly ? m.readOnly : m.readWrite}>
            <span aria-hidden="true">{mount.readOnly ? 'ro' : 'rw'}</span>
            <span className="visually-hidden">{mount.readOnly ? m.readOnly : m.readWrite}</span>
          </td>
          <td translate="no">{mount.propagation}</td>
        </tr>
      ))}
    </PanelTable>
  );
}
