'use client';
// Connects the Kernel panel to the lesson page's store: the panel's state lives in the LessonStore's
// PanelStore (lib/panel/panel-store.ts), which asks one tab's socket for the stream while the panel is open
// and the page visible. This leaf only renders it and reports visibility changes.
import { useEffect, useSyncExternalStore } from 'react';
import type { Messages } from '@/lib/i18n';
import { useLessonStore } from '@/lib/lessons/use-lesson';
import { CLOSED_PANEL, type PanelState } from '@/lib/panel/panel-store';
import { KernelPanel } from './kernel-panel';
import styles from './kernel-panel.module.css';

const noop = () => () => {};
const closed = (): PanelState => CLOSED_PANEL;

export function KernelPanelHost({ messages, lang }: { messages: Messages['panel']; lang: string }) {
  const panel = useLessonStore()?.panel;
  const state = useSyncExternalStore(panel?.subscribe ?? noop, panel?.getSnapshot ?? closed, closed);

  useEffect(() => {
    if (!panel) return;
    panel.restore();
    const onVisibility = () => panel.setVisible(document.visibilityState === 'visible');
    onVisibility();
    document.addEventListener('visibilitychange', onVisibility);
    return () => document.removeEventListener('visibilitychange', onVisibility);
  }, [panel]);

  if (!panel) return null;
  return (
    // Open, it takes at most a share of the column: the terminals stay the main view.
    <div className={state.open ? styles.hostOpen : styles.hostClosed}>
      <KernelPanel
        view={state.view}
        history={state.history}
        messages={messages}
        lang={lang}
        open={state.open}
        onOpenChange={(open) => panel.setOpen(open)}
        section={state.section}
        onSectionChange={(section) => panel.setSection(section)}
        tableView={state.tableView}
        onTableViewChange={(on) => panel.setTableView(on)}
        activeTab={state.activeTab}
      />
    </div>
  );
}
