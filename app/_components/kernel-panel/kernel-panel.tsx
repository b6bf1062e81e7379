'use client';
// The Kernel panel beside the terminals: the kernel state of the student's own sandbox, drawn live, in four
// sections (processes and namespaces, cgroups, mounts and layers, network). Presentational: the store that
// holds the view and its history, and decides what is open, lives outside React and passes it all in; the
// only state kept here is which process's mounts are shown. A header button collapses it; "table view"
// draws the same facts as plain tables for screen readers.
import { PANEL_SECTION_IDS, type PanelView } from '@protocol';
import { useId, useMemo, useState } from 'react';
import { KERNEL_PANEL_TOGGLE_ID } from '@/lib/terminal/leave';
import { useTabList } from '@/lib/use-tab-list';
import { CgroupsSection } from './cgroups-section';
import { CgroupsTable } from './cgroups-table';
import styles from './kernel-panel.module.css';
import { MountsSection } from './mounts-section';
import { NetworkSection } from './network-section';
import { NetworkTable } from './network-table';
import { indexNamespaces, type NsIndex } from './ns-index';
import { ProcessesSection } from './processes-section';
import { ProcessesTable } from './processes-table';
import type {
  CgroupHistory,
  CgroupSectionProps,
  KernelPanelProps,
  NsSectionProps,
  PanelMessages,
  PanelSectionId,
} from './types';

export type {
  CgroupHistory,
  KernelPanelProps,
  MemorySample,
  PanelEvent,
  PanelMessages,
  PanelSectionId,
} from './types';

export function KernelPanel({
  view,
  history,
  messages,
  lang,
  open,
  onOpenChange,
  section,
  onSectionChange,
  tableView,
  onTableViewChange,
  activeTab = 0,
}: KernelPanelProps) {
  const id = useId();
  const [mountChoice, setMountChoice] = useState<string | null>(null);
  const index = useMemo(() => (view ? indexNamespaces(view) : null), [view]);
  const active = Math.max(0, PANEL_SECTION_IDS.indexOf(section));

  // The tablist pattern of the terminal panel: arrows move and select, Home/End jump.
  const tabs = useTabList(active, PANEL_SECTION_IDS.length, (next) => {
    const target = PANEL_SECTION_IDS[next];
    if (target !== undefined) onSectionChange(target);
  });

  return (
    <section
      className={styles.panel}
      aria-labelledby={`${id}-title`}
      data-testid="kernel-panel"
      data-open={open}
      data-section={section}
      data-table-view={tableView}
    >
      <header className={styles.header}>
        <h2 className={styles.title} id={`${id}-title`}>
          <button
            type="button"
            // F6 in a terminal comes here (lib/terminal/leave.ts).
            id={KERNEL_PANEL_TOGGLE_ID}
            className={styles.toggle}
            aria-expanded={open}
            aria-controls={`${id}-body`}
            title={messages.toggleHint}
            onClick={() => onOpenChange(!open)}
            data-testid="kernel-panel-toggle"
          >
            <span className={styles.chevron} aria-hidden="true" />
            {messages.title}
          </button>
        </h2>
        {open ? (
          <label className={styles.tableToggle} title={messages.tableViewHint}>
            <input
              type="checkbox"
              checked={tableView}
              onChange={(event) => onTableViewChange(event.target.checked)}
              data-testid="kernel-panel-table-view"
            />
            {messages.tableView}
          </label>
        ) : null}
      </header>
      <div id={`${id}-body`} className={styles.body} hidden={!open}>
        {!open ? null : view && index ? (
          <>
            <div role="tablist" aria-label={messages.sectionsLabel} className={styles.tabs} onKeyDown={tabs.onKeyDown}>
              {PANEL_SECTION_IDS.map((s, i) => (
                <button
                  key={s}
                  ref={tabs.tabRef(i)}
                  type="button"
                  role="tab"
                  id={`${id}-tab-${s}`}
                  className={styles.tab}
                  aria-selected={s === section}
                  aria-controls={`${id}-panel-${s}`}
                  tabIndex={s === section ? 0 : -1}
                  onClick={() => onSectionChange(s)}
                  data-testid={`kernel-panel-tab-${s}`}
                >
                  {messages.section[s]}
                </button>
              ))}
            </div>
            <div className={styles.scroll}>
              {view.truncated ? <p className={styles.truncated}>{messages.truncated}</p> : null}
              {PANEL_SECTION_IDS.map((s) => (
                <div
                  key={s}
                  role="tabpanel"
                  id={`${id}-panel-${s}`}
                  aria-labelledby={`${id}-tab-${s}`}
                  hidden={s !== section}
                  // biome-ignore lint/a11y/noNoninteractiveTabindex: the APG tabs pattern; a section without controls still scrolls by keyboard
                  tabIndex={0}
                  data-testid={`kernel-panel-section-${s}`}
                >
                  {s === section ? (
                    <Section
                      section={s}
                      view={view}
                      history={history}
                      index={index}
                      messages={messages}
                      locale={lang}
                      tableView={tableView}
                      mountChoice={mountChoice}
                      onMountChoice={setMountChoice}
                      activeTab={activeTab}
                    />
                  ) : null}
                </div>
              ))}
            </div>
          </>
        ) : (
          <p className={styles.waiting} data-testid="kernel-panel-waiting">
            {messages.waiting}
          </p>
        )}
      </div>
    </section>
  );
}

function Section({
  section,
  view,
  history,
  index,
  messages,
  locale,
  tableView,
  mountChoice,
  onMountChoice,
  activeTab,
}: {
  section: PanelSectionId;
  view: PanelView;
  history: CgroupHistory;
  index: NsIndex;
  messages: PanelMessages;
  locale: string;
  tableView: boolean;
  mountChoice: string | null;
  onMountChoice: (key: string) => void;
  activeTab: number;
}) {
  const ns: NsSectionProps = { view, index, messages };
  const cgroups: CgroupSectionProps = { view, history, messages, locale };
  switch (section) {
    case 'processes':
      return tableView ? <ProcessesTable {...ns} /> : <ProcessesSection {...ns} />;
    case 'cgroups':
      return tableView ? <CgroupsTable {...cgroups} /> : <CgroupsSection {...cgroups} />;
    case 'mounts':
      return (
        <MountsSection
          {...ns}
          chosen={mountChoice}
          onChoose={onMountChoice}
          tableView={tableView}
          activeTab={activeTab}
        />
      );
    case 'network':
      return tableView ? <NetworkTable {...ns} /> : <NetworkSection {...ns} />;
  }
}
