// Processes and namespaces: the sandbox's process tree, each process with its PID as every PID namespace
// sees it (`37 → 1`) and one badge per namespace kind. Processes that share a namespace share its badge;
// the legend spells out every namespace the student made.
import { PANEL_NS_KINDS, type PanelProc, type PanelView } from '@protocol';
import { Fragment } from 'react';
import { format } from '@/lib/template';
import styles from './kernel-panel.module.css';
import { NsBadge } from './ns-badge';
import { type NsIndex, nsName } from './ns-index';
import { Subtree } from './panel-parts';
import { type ProcNode, procTree, sandboxPid } from './proc-tree';
import type { NsSectionProps, PanelMessages } from './types';

/** "37 in the sandbox, 1 inside its own PID namespace", for the `37 → 1` it explains. */
export function pidsTitle(pids: readonly number[], messages: PanelMessages): string {
  const m = messages.processes;
  const outer = pids[0] ?? 0;
  const inner = pids.at(-1) ?? outer;
  if (pids.length <= 1) return format(m.pidsOne, { pid: outer });
  if (pids.length === 2) return format(m.pidsTwo, { outer, inner });
  return format(m.pidsMore, { outer, middle: pids.slice(1, -1).join(', '), inner });
}

/** The hostname of each UTS namespace the panel read. */
export function utsHostnames(view: PanelView): Map<number, string> {
  return new Map(view.uts.map((u) => [u.ns, u.hostname]));
}

interface Shared {
  view: PanelView;
  index: NsIndex;
  messages: PanelMessages;
  hostnames: Map<number, string>;
}

export function ProcessesSection({ view, index, messages }: NsSectionProps) {
  const m = messages.processes;
  const tree = procTree(view.procs);
  const shared: Shared = { view, index, messages, hostnames: utsHostnames(view) };
  return (
    <div className={styles.section}>
      <p className={styles.note}>{format(m.sandboxHostname, { name: view.base.hostname })}</p>
      {tree.length === 0 ? (
        <p className={styles.empty}>{m.onlyInit}</p>
      ) : (
        <ul className={styles.tree} data-testid="panel-proc-tree">
          {tree.map((node) => (
            <ProcItem key={node.proc.key} node={node} shared={shared} />
          ))}
        </ul>
      )}
      <NsLegend {...shared} />
    </div>
  );
}

function ProcItem({ node, shared }: { node: ProcNode; shared: Shared }) {
  const { proc } = node;
  return (
    <li
      data-testid="panel-proc"
      data-pid={sandboxPid(proc)}
      data-ppid={proc.ppid}
      data-pids={proc.pids.join(' ')}
      data-comm={proc.comm}
    >
      <div className={styles.procRow}>
        <span className={styles.pids} title={pidsTitle(proc.pids, shared.messages)} data-testid="proc-pids">
          {proc.pids.join(' → ')}
        </span>
        <span className={styles.comm} translate="no">
          {proc.comm}
        </span>
        <Uid proc={proc} messages={shared.messages} />
        <span className={styles.badges}>
          {PANEL_NS_KINDS.map((kind) => {
            const inode = proc.ns[kind];
            if (inode === undefined) return null;
            const hostname = kind === 'uts' ? shared.hostnames.get(inode) : undefined;
            return (
              <Fragment key={kind}>
                <NsBadge kind={kind} inode={inode} index={shared.index} messages={shared.messages} />
                {hostname !== undefined && hostname !== shared.view.base.hostname ? (
                  <span
                    className={styles.hostname}
                    title={format(shared.messages.processes.hostname, { name: hostname })}
                    data-testid="proc-hostname"
                    translate="no"
                  >
                    {hostname}
                  </span>
                ) : null}
              </Fragment>
            );
          })}
        </span>
      </div>
      <Subtree node={node} item={(child) => <ProcItem key={child.proc.key} node={child} shared={shared} />} />
    </li>
  );
}

/** Root is the sandbox's everyday user and goes unsaid; any other uid is worth a look. */
function Uid({ proc, messages }: { proc: PanelProc; messages: PanelMessages }) {
  if (proc.uid === 0) return null;
  const text = proc.uid < 0 ? messages.processes.uidOutside : format(messages.processes.uid, { uid: proc.uid });
  return <span className={styles.uid}>{text}</span>;
}

/** Every namespace that is not the sandbox's own, by kind, with its full name, hostname and processes. */
function NsLegend({ view, index, messages, hostnames }: Shared) {
  const m = messages.processes;
  const items = PANEL_NS_KINDS.flatMap((kind) =>
    [...index[kind]]
      .filter(([, n]) => n > 0)
      .sort((a, b) => a[1] - b[1])
      .map(([inode]) => ({
        kind,
        inode,
        pids: view.procs.filter((p) => p.ns[kind] === inode).map(sandboxPid),
      })),
  );
  return (
    <div className={styles.legend}>
      <h3 className={styles.subheading}>{m.legend}</h3>
      <p>{m.legendBase}</p>
      <p>{m.legendNew}</p>
      {items.length === 0 ? (
        <p>{m.legendNone}</p>
      ) : (
        <ul className={styles.legendList}>
          {items.map(({ kind, inode, pids }) => {
            const hostname = kind === 'uts' ? hostnames.get(inode) : undefined;
            return (
              <li key={`${kind}:${inode}`} data-testid="panel-ns-legend" data-ns-kind={kind} data-ns={inode}>
                <NsBadge kind={kind} inode={inode} index={index} messages={messages} />{' '}
                <code translate="no">{nsName(kind, inode)}</code>
                <span className={styles.muted}> {messages.ns.kind[kind]}</span>
                {hostname !== undefined ? <span> · {format(m.hostname, { name: hostname })}</span> : null}
                {pids.length > 0 ? <span> · {format(m.legendProcs, { list: pids.join(', ') })}</span> : null}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
