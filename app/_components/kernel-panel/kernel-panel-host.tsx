'use client';
// Connects the Kernel panel to the lesson page's store: the panel's state lives in the LessonStore's
// PanelStore (lib/panel/panel-store.ts), which asks one tab's socket for the stream while the panel is open
// and the page visible. This leaf only renders it and reports visibility changes. The panel's body (most of its
// code) is a chunk of its own, fetched when the panel is open: a fresh page, with the panel collapsed, loads only
// its frame (issue 18).
import { lazy, Suspense, useEffect, useSyncExternalStore } from 'react';
import type { Messages } from '@/lib/i18n';
import { useLessonStore } from '@/lib/lessons/use-lesson';
import { CLOSED_PANEL, type PanelState } from '@/lib/panel/panel-store';
import { KernelPanelFrame, PanelWaiting } from './kernel-panel-frame';
import styles from './kernel-panel-frame.module.css';
import type { PanelBodyProps } from './panel-body';

const noop = () => () => {};
const closed = (): PanelState => CLOSED_PANEL;

let bodyCode: Promise<{ default: typeof import('./panel-body').PanelBody }> | null = null;
/** The body's chunk, fetched once, when the panel is first open. */
function loadBody() {
  bodyCode ??= import('./panel-body').then((m) => ({ default: m.PanelBody }));
  return bodyCode;
}
const LazyBody = lazy(loadBody);

/** The body once its code is here; until then the panel says it is waiting, as before the first view. */
function SuspendedBody(props: PanelBodyProps) {
  return (
    <Suspense fallback={<PanelWaiting messages={props.messages} />}>
      <LazyBody {...props} />
    </Suspense>
  );
}

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
  // Open, the body's code downloads beside the agent's first view instead of after it.
  useEffect(() => {
    if (state.open) void loadBody().catch(() => undefined);
  }, [state.open]);

  if (!panel) return null;
  return (
    // Open, it takes at most a share of the column: the terminals stay the main view.
    <div className={state.open ? styles.hostOpen : styles.hostClosed}>
      <KernelPanelFrame
        Body={SuspendedBody}
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
