// The table view of processes and namespaces: one row per process, one column per namespace kind, every
// namespace written out in full ("uts:[4026532252]: a new namespace, number 1") instead of a colour.
import { PANEL_NS_KINDS } from '@protocol';
import { format } from '@/lib/template';
import styles from './kernel-panel.module.css';
import { nsTitle } from './ns-badge';
import { PanelTable } from './panel-parts';
import { sandboxPid } from './proc-tree';
import { pidsTitle, utsHostnames } from './processes-section';
import type { NsSectionProps } from './types';

export function ProcessesTable({ view, index, messages }: NsSectionProps) {
  const m = messages.processes;
  const hostnames = utsHostnames(view);
  const procs = view.procs;
  return (
    <div className={styles.section}>
      <p className={styles.note}>{format(m.sandboxHostname, { name: view.base.hostname })}</p>
      {procs.length === 0 ? (
        <p className={styles.empty}>{m.onlyInit}</p>
      ) : (
        <PanelTable
          caption={m.caption}
          wide
          data-testid="panel-proc-table"
          head={
            <thead>
              <tr>
                <th scope="col">{m.pid}</th>
                <th scope="col">{m.pids}</th>
                <th scope="col">{m.ppid}</th>
                <th scope="col">{m.comm}</th>
                <th scope="col">{m.uidColumn}</th>
                <th scope="col">{messages.ns.kind.uts}</th>
                {PANEL_NS_KINDS.map((kind) => (
                  <th key={kind} scope="col" title={messages.ns.kind[kind]} translate="no">
                    {kind}
                  </th>
                ))}
              </tr>
            </thead>
          }
        >
          {procs.map((p) => {
            const uts = p.ns.uts;
            return (
              <tr key={p.key} data-testid="table-proc" data-pid={sandboxPid(p)}>
                <th scope="row">{sandboxPid(p)}</th>
                <td data-testid="table-proc-pids">
                  <span aria-hidden="true">{p.pids.join(' → ')}</span>
                  <span className="visually-hidden">{pidsTitle(p.pids, messages)}</span>
                </td>
                <td>{p.ppid}</td>
                <td translate="no">{p.comm}</td>
                <td>{p.uid < 0 ? m.uidOutside : p.uid}</td>
                <td translate="no" data-testid="table-proc-hostname">
                  {uts === undefined ? '' : (hostnames.get(uts) ?? '')}
                </td>
                {PANEL_NS_KINDS.map((kind) => {
                  const inode = p.ns[kind];
                  return (
                    <td key={kind} data-ns-kind={kind} data-ns={inode}>
                      {inode === undefined ? '' : nsTitle(kind, inode, index, messages)}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </PanelTable>
      )}
    </div>
  );
}
