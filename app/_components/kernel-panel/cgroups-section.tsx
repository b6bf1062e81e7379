// cgroups: the sandbox's groups as a tree by path, each with its processes, what it may use (memory, PIDs,
// CPU) against what it uses, and a memory chart where there is a limit or a past to draw.
import type { PanelCgroup, PanelView } from '@protocol';
import { format } from '@/lib/template';
import { type CgroupNode, cgroupTree } from './cgroup-tree';
import { formatBytes, formatCpuShare } from './format';
import styles from './kernel-panel.module.css';
import { hasChart, MemoryChart } from './memory-chart';
import { Subtree } from './panel-parts';
import { commsByPid } from './proc-tree';
import type { CgroupHistory, CgroupSectionProps, PanelMessages } from './types';

/** The facts of one group as short phrases, shared by the tree and the table view. */
export function cgroupFacts(cgroup: PanelCgroup, messages: PanelMessages, locale: string) {
  const m = messages.cgroups;
  const { memory, pids, cpu } = cgroup;
  const bytes = (n: number) => formatBytes(n, locale);
  return {
    memory: memory
      ? memory.limit === null
        ? format(m.memoryNoLimit, { usage: bytes(memory.usage) })
        : format(m.memoryOf, { usage: bytes(memory.usage), limit: bytes(memory.limit) })
      : null,
    oom: memory ? format(m.oomKills, { n: memory.oomKills }) : null,
    pids: pids
      ? pids.max === null
        ? format(m.pidsNoMax, { current: pids.current })
        : format(m.pidsOf, { current: pids.current, max: pids.max })
      : null,
    refused: pids ? format(m.refused, { n: pids.refused }) : null,
    quota: cpu
      ? cpu.quotaUs === null
        ? m.cpuNoQuota
        : format(m.cpuQuota, {
            share: formatCpuShare(cpu.quotaUs, cpu.periodUs, locale),
            quota: cpu.quotaUs,
            period: cpu.periodUs,
          })
      : null,
    weight: cpu ? format(m.weight, { weight: cpu.weight }) : null,
    throttled: cpu ? format(m.throttled, { n: cpu.nrThrottled }) : null,
  };
}

interface Shared {
  view: PanelView;
  history: CgroupHistory;
  messages: PanelMessages;
  locale: string;
  comms: Map<number, string>;
}

export function CgroupsSection({ view, history, messages, locale }: CgroupSectionProps) {
  const tree = cgroupTree(view.cgroups);
  const shared: Shared = {
    view,
    history,
    messages,
    locale,
    comms: commsByPid(view),
  };
  return (
    <div className={styles.section}>
      {tree.length === 0 ? (
        <p className={styles.empty}>{messages.cgroups.none}</p>
      ) : (
        <ul className={styles.tree} data-testid="panel-cgroup-tree">
          {tree.map((node) => (
            <CgroupItem key={node.cgroup.key} node={node} shared={shared} />
          ))}
        </ul>
      )}
    </div>
  );
}

function CgroupItem({ node, shared }: { node: CgroupNode; shared: Shared }) {
  const { cgroup } = node;
  const { messages, locale, view } = shared;
  const m = messages.cgroups;
  const facts = cgroupFacts(cgroup, messages, locale);
  return (
    <li data-testid="panel-cgroup" data-path={cgroup.path} data-frozen={cgroup.frozen || undefined}>
      <div className={styles.cgroup}>
        <div className={styles.cgroupHead}>
          <code title={cgroup.path} translate="no">
            {node.name}
          </code>
          {cgroup.path === '/' ? <span className={styles.muted}>{m.root}</span> : null}
          {cgroup.frozen ? <span className={styles.frozen}>{m.frozen}</span> : null}
          {view.base.cgroupVersion === 1 && cgroup.controllers.length > 0 ? (
            <span className={styles.muted} translate="no">
              {format(m.hierarchies, { list: cgroup.controllers.join(' · ') })}
            </span>
          ) : null}
        </div>
        <dl className={styles.facts}>
          <div>
            <dt>{m.processes}</dt>
            <dd>
              {cgroup.procs.length === 0 ? (
                <span className={styles.muted}>{m.noProcesses}</span>
              ) : (
                cgroup.procs.map((pid) => (
                  <span key={pid} className={styles.chip} data-testid="cgroup-proc" data-pid={pid} translate="no">
                    {pid} {shared.comms.get(pid) ?? ''}
                  </span>
                ))
              )}
            </dd>
          </div>
          {[
            {
              term: m.memory,
              testId: 'cgroup-memory',
              text: facts.memory,
              alert: (cgroup.memory?.oomKills ?? 0) > 0 ? facts.oom : null,
              alertClass: styles.bad,
            },
            {
              term: m.pids,
              testId: 'cgroup-pids',
              text: facts.pids,
              alert: (cgroup.pids?.refused ?? 0) > 0 ? facts.refused : null,
              alertClass: styles.warn,
            },
            {
              term: m.cpu,
              testId: 'cgroup-cpu',
              text: facts.quota === null ? null : `${facts.quota} · ${facts.weight}`,
              alert: (cgroup.cpu?.nrThrottled ?? 0) > 0 ? facts.throttled : null,
              alertClass: undefined,
            },
          ].map((fact) => (
            <ControllerFact key={fact.testId} {...fact} />
          ))}
        </dl>
        {hasChart(cgroup, shared.history) ? (
          <MemoryChart cgroup={cgroup} history={shared.history} now={view.t} messages={messages} locale={locale} />
        ) : null}
      </div>
      <Subtree node={node} item={(child) => <CgroupItem key={child.cgroup.key} node={child} shared={shared} />} />
    </li>
  );
}

/**
 * What one controller allows and uses, as a term and its value, with what went wrong (OOM kills, refused
 * forks, throttling) after it when there was any; nothing where the group does not have the controller.
 */
function ControllerFact({
  term,
  testId,
  text,
  alert,
  alertClass,
}: {
  term: string;
  testId: string;
  text: string | null;
  alert: string | null;
  alertClass?: string;
}) {
  if (text === null) return null;
  return (
    <div>
      <dt>{term}</dt>
      <dd data-testid={testId}>
        {text}
        {alert !== null ? <span className={alertClass}> · {alert}</span> : null}
      </dd>
    </div>
  );
}
