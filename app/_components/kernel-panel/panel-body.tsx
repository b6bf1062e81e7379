'use client';
// The Kernel panel's open body once a view has arrived: the section tabs and the section on show, drawn or as
// tables. Most of the panel's code, so a module of its own that the lesson page loads only when the panel is
// open (kernel-panel-host.tsx); the frame around it (kernel-panel-frame.tsx) is in the page's first load.
import { PANEL_SECTION_IDS, type PanelView } from '@protocol';
import { useMemo } from 'react';
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
import type { CgroupHistory, CgroupSectionProps, NsSectionProps, PanelMessages, PanelSectionId } from './types';

export interface PanelBodyProps {
  /** The panel's useId: the tabs' and sections' ids derive from it. */
  id: string;
  view: PanelView;
  history: CgroupHistory;
  messages: PanelMessages;
  lang: string;
  section: PanelSectionId;
  onSectionChange(section: PanelSectionId): void;
  tableView: boolean;
  /** The process whose mounts are shown; kept by the frame, so it outlives a collapse. */
  mountChoice: string | null;
  onMountChoice(key: string): void;
  activeTab: number;
}

export function PanelBody({
  id,
  view,
  history,
  messages,
  lang,
  section,
  onSectionChange,
  tableView,
  mountChoice,
  onMountChoice: setMountChoice,
  activeTab,
}: PanelBodyProps) {
  const index = useMemo(() => indexNamespaces(view), [view]);
  const active = Math.max(0, PANEL_SECTION_IDS.indexOf(section));

  // The tablist pattern of the terminal panel: arrows move and select, Home/End jump.
  const tabs = useTabList(active, PANEL_SECTION_IDS.length, (next) => {
    const target = PANEL_SECTION_IDS[next];
    if (target !== undefined) onSectionChange(target);
  });

  return (
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
