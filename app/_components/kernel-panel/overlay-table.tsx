// An overlay's layers as a table (the table view): one row per layer, top first, its entries with what
// each one means written out.
import type { PanelOverlay } from '@protocol';
import { format } from '@/lib/template';
import styles from './kernel-panel.module.css';
import { describeLayers, entryName } from './overlay-stack';
import { HeadRow, PanelTable } from './panel-parts';
import { PathText } from './path-text';
import type { PanelMessages } from './types';

export function OverlayTable({ overlay, messages }: { overlay: PanelOverlay; messages: PanelMessages }) {
  const m = messages.mounts;
  return (
    <PanelTable
      caption={format(m.layersCaption, { path: overlay.mountPoint })}
      head={<HeadRow labels={[m.layer, m.directory, m.entries]} />}
      data-testid="panel-overlay-table"
      data-key={overlay.key}
    >
      {describeLayers(overlay, messages).map(({ layer, label, entries }) => (
        <tr key={`${layer.role}-${layer.dir}`} data-role={layer.role}>
          <th scope="row">{label}</th>
          <td className={styles.path} translate="no">
            <PathText path={layer.dir} />
          </td>
          <td>
            {layer.error ? (
              m.error[layer.error]
            ) : entries.length === 0 ? (
              m.empty
            ) : (
              <ul className={styles.cellList}>
                {entries.map(({ entry, state, label: meaning }) => (
                  <li key={entry.path} data-testid="table-layer-entry" data-path={entry.path} data-state={state}>
                    <span translate="no">{entryName(entry)}</span>
                    {meaning ? ` (${meaning})` : null}
                  </li>
                ))}
                {layer.truncated ? <li>{m.more}</li> : null}
              </ul>
            )}
          </td>
        </tr>
      ))}
    </PanelTable>
  );
}
