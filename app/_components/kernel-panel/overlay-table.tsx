// An overlay's layers as a table (the table view): one row per layer, top first, its entries with what
// each one means written out.
import type { PanelOverlay } from '@protocol';
import { format } from '@/lib/i18n';
import styles from './kernel-panel.module.css';
import { entryState, stackLayers, upperIndex } from './mounts';
import { entryName, layerLabels, stateLabel } from './overlay-stack';
import { HeadRow } from './panel-parts';
import { PathText } from './path-text';
import type { PanelMessages } from './types';

export function OverlayTable({ overlay, messages }: { overlay: PanelOverlay; messages: PanelMessages }) {
  const m = messages.mounts;
  const layers = stackLayers(overlay);
  const labels = layerLabels(layers, messages);
  const upper = upperIndex(layers);
  return (
    <div className={styles.tableWrap}>
      <table className={styles.table} data-testid="panel-overlay-table" data-key={overlay.key}>
        <caption>{format(m.layersCaption, { path: overlay.mountPoint })}</caption>
        <HeadRow labels={[m.layer, m.directory, m.entries]} />
        <tbody>
          {layers.map((layer, i) => (
            <tr key={`${layer.role}-${layer.dir}`} data-role={layer.role}>
              <th scope="row">{labels[i]}</th>
              <td className={styles.path} translate="no">
                <PathText path={layer.dir} />
              </td>
              <td>
                {layer.error ? (
                  m.error[layer.error]
                ) : layer.entries.length === 0 ? (
                  m.empty
                ) : (
                  <ul className={styles.cellList}>
                    {layer.entries.map((entry) => {
                      const state = entryState(layer.role, entry, upper);
                      const label = stateLabel(state, messages);
                      return (
                        <li key={entry.path} data-testid="table-layer-entry" data-path={entry.path} data-state={state}>
                          <span translate="no">{entryName(entry)}</span>
                          {label ? ` (${label})` : null}
                        </li>
                      );
                    })}
                    {layer.truncated ? <li>{m.more}</li> : null}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
