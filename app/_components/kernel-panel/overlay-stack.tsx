// An overlay drawn as its stack of layers: merged on top (what processes see), the upper that takes every
// write, then the read-only lowers. Comparing the layers shows the overlay's rules: what the student wrote
// lands in upper; a deletion is a whiteout in upper that hides the lower's file from merged.
import type { LayerEntry, PanelLayer, PanelOverlay } from '@protocol';
import { format } from '@/lib/template';
import styles from './kernel-panel.module.css';
import { type EntryState, entryState, stackLayers, upperIndex } from './mounts';
import { PathText } from './path-text';
import type { PanelMessages } from './types';

/** "merged: …", "upper: …", "lower 2: …": lowers numbered from the top. */
export function layerLabels(layers: readonly PanelLayer[], messages: PanelMessages): string[] {
  const m = messages.mounts;
  let lower = 0;
  return layers.map((layer) => {
    if (layer.role === 'merged') return m.merged;
    if (layer.role === 'upper') return m.upper;
    lower += 1;
    return format(m.lower, { n: lower });
  });
}

/** What an entry's state means, in words; null for a plain entry. */
export function stateLabel(state: EntryState, messages: PanelMessages): string | null {
  const m = messages.mounts;
  const labels: Record<EntryState, string | null> = {
    written: m.written,
    whiteout: m.whiteout,
    fromUpper: m.fromUpper,
    hidden: m.hidden,
    covered: m.covered,
    plain: null,
  };
  return labels[state];
}

/** `ls -F`'s marks, which a shell user already reads: `dir/`, `link@`. */
export function entryName(entry: LayerEntry): string {
  if (entry.type === 'dir') return `${entry.path}/`;
  if (entry.type === 'symlink') return `${entry.path}@`;
  return entry.path;
}

/** One entry of a layer with what it is in the stack (written, whiteout, hidden…) and that in words. */
export interface DescribedEntry {
  entry: LayerEntry;
  state: EntryState;
  label: string | null;
}

/** An overlay's layers, top first, each with its label and every entry described: the stack and the table. */
export function describeLayers(
  overlay: PanelOverlay,
  messages: PanelMessages,
): { layer: PanelLayer; label: string | undefined; entries: DescribedEntry[] }[] {
  const layers = stackLayers(overlay);
  const labels = layerLabels(layers, messages);
  const upper = upperIndex(layers);
  return layers.map((layer, i) => ({
    layer,
    label: labels[i],
    entries: layer.entries.map((entry) => {
      const state = entryState(layer.role, entry, upper);
      return { entry, state, label: stateLabel(state, messages) };
    }),
  }));
}

export function OverlayStack({ overlay, messages }: { overlay: PanelOverlay; messages: PanelMessages }) {
  const m = messages.mounts;
  return (
    <section className={styles.overlay} data-testid="panel-overlay" data-key={overlay.key}>
      <h4 className={styles.overlayTitle}>{format(m.overlay, { path: overlay.mountPoint })}</h4>
      <ol className={styles.layers}>
        {describeLayers(overlay, messages).map(({ layer, label, entries }) => (
          <li
            key={`${layer.role}-${layer.dir}`}
            className={styles.layer}
            data-role={layer.role}
            data-testid="overlay-layer"
            data-dir={layer.dir}
          >
            <div className={styles.layerHead}>
              <span className={styles.layerRole}>{label}</span>
              <code className={styles.path} translate="no">
                <PathText path={layer.dir} />
              </code>
            </div>
            <LayerBody layer={layer} entries={entries} messages={messages} />
          </li>
        ))}
      </ol>
    </section>
  );
}

function LayerBody({
  layer,
  entries,
  messages,
}: {
  layer: PanelLayer;
  entries: readonly DescribedEntry[];
  messages: PanelMessages;
}) {
  const m = messages.mounts;
  if (layer.error) return <p className={styles.layerError}>{m.error[layer.error]}</p>;
  if (entries.length === 0) return <p className={styles.muted}>{m.empty}</p>;
  return (
    <ul className={styles.entries}>
      {entries.map(({ entry, state, label }) => {
        const name = <span translate="no">{entryName(entry)}</span>;
        return (
          <li
            key={entry.path}
            className={styles.entry}
            data-testid="layer-entry"
            data-role={layer.role}
            data-path={entry.path}
            data-type={entry.type}
            data-state={state}
          >
            {state === 'whiteout' ? <s>{name}</s> : name}
            {label ? <span className={styles.entryLabel}>{label}</span> : null}
          </li>
        );
      })}
      {layer.truncated ? <li className={styles.muted}>{m.more}</li> : null}
    </ul>
  );
}
