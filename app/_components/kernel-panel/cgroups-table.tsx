// The table view of cgroups: one row per group with every number the tree shows, and the OOM kills and
// refused forks the chart marks, each with its time.
import { format } from '@/lib/template';
import { cgroupFacts } from './cgroups-section';
import { formatClock } from './format';
import styles from './kernel-panel.module.css';
import { EmptySection, HeadRow, PanelTable } from './panel-parts';
import { PathText } from './path-text';
import { commsByPid } from './proc-tree';
import type { CgroupSectionProps } from './types';

export function CgroupsTable({ view, history, messages, locale }: CgroupSectionProps) {
  const m = messages.cgroups;
  const comms = commsByPid(view);
  const cgroups = view.cgroups;
  if (cgroups.length === 0) {
    return <EmptySection text={m.none} />;
  }
  return (
    <div className={styles.section}>
      <PanelTable
        caption={m.caption}
        wide
        head={<HeadRow labels={[m.path, m.processes, m.memory, m.pids, m.cpu, m.events]} />}
        data-testid="panel-cgroup-table"
      >
        {cgroups.map((cgroup) => {
          const facts = cgroupFacts(cgroup, messages, locale);
          const events = history[cgroup.path]?.events ?? [];
          const frozen = cgroup.frozen === undefined ? null : cgroup.frozen ? m.frozen : m.notFrozen;
          return (
            <tr key={cgroup.key} data-testid="table-cgroup" data-path={cgroup.path}>
              <th scope="row">
                <span className={styles.path} translate="no">
                  <PathText path={cgroup.path} />
                </span>
                {cgroup.path === '/' ? <div>{m.root}</div> : null}
                {frozen ? <div>{frozen}</div> : null}
              </th>
              <td translate="no">
                {cgroup.procs.length === 0
                  ? m.noProcesses
                  : cgroup.procs.map((pid) => `${pid} ${comms.get(pid) ?? ''}`.trim()).join(', ')}
              </td>
              <td data-testid="table-cgroup-memory">
                <FactLines lines={facts.memory ? [facts.memory, facts.oom] : []} />
              </td>
              <td>
                <FactLines lines={facts.pids ? [facts.pids, facts.refused] : []} />
              </td>
              <td>
                <FactLines lines={facts.quota ? [facts.quota, facts.weight, facts.throttled] : []} />
              </td>
              <td>
                {events.length === 0 ? (
                  m.noEvents
                ) : (
                  <ul className={styles.cellList}>
                    {events.map((e) => (
                      <li key={`${e.kind}-${e.t}`} data-testid="table-cgroup-event" data-event={e.kind}>
                        {format(e.kind === 'oom' ? m.chart.oomEvent : m.chart.refusedEvent, {
                          time: formatClock(e.t, locale),
                          n: e.count,
                        })}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          );
        })}
      </PanelTable>
    </div>
  );
}

/** One controller's facts in a cell, a line each; none where the group does not have the controller. */
function FactLines({ lines }: { lines: readonly (string | null)[] }) {
  return lines.map((line, i) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list of facts, never reordered
    <div key={i}>{line}</div>
  ));
}
