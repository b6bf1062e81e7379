'use client';
// The Kernel panel beside the terminals: the kernel state of the student's own sandbox, drawn live, in four
// sections (processes and namespaces, cgroups, mounts and layers, network). Presentational: the store that
// holds the view and its history, and decides what is open, lives outside React and passes it all in; the
// only state kept here is which process's mounts are shown. A header button collapses it; "table view"
// draws the same facts as plain tables for screen readers.
//
// This is the frame (header, toggle, body box); the body once a view has arrived is a component passed in
// (panel-body.tsx), so the lesson page can load it only when the panel opens (issue 18).
import { type ComponentType, useId, useState } from 'react';
import { KERNEL_PANEL_TOGGLE_ID } from '@/lib/terminal/leave';
import styles from './kernel-panel-frame.module.css';
import type { PanelBodyProps } from './panel-body';
import type { KernelPanelProps, PanelMessages } from './types';

/** What the open body says until the first view arrives (or its code does). */
export function PanelWaiting({ messages }: { messages: PanelMessages }) {
  return (
    <p className={styles.waiting} data-testid="kernel-panel-waiting">
      {messages.waiting}
    </p>
  );
}

export function KernelPanelFrame({
  Body,
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
}: KernelPanelProps & { Body: ComponentType<PanelBodyProps> }) {
  const id = useId();
  const [mountChoice, setMountChoice] = useState<string | null>(null);

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
        {!open ? null : view ? (
          <Body
            id={id}
            view={view}
            history={history}
            messages={messages}
            lang={lang}
            section={section}
            onSectionChange={onSectionChange}
            tableView={tableView}
            mountChoice={mountChoice}
            onMountChoice={setMountChoice}
            activeTab={activeTab}
          />
        ) : (
          <PanelWaiting messages={messages} />
        )}
      </div>
    </section>
  );
}
