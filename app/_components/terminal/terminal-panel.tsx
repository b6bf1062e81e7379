'use client';
// The two terminal tabs of a lesson page: both root shells in the student's one sandbox. Each tab's
// xterm is created once and only hidden when the other tab is shown, so its screen and shell survive.
// Terminal I/O stays in lib/terminal (outside React); this component renders tabs, buttons, status.
// On a lesson page it also links each tab to the page's lesson store: control messages from either
// socket go to the store, and the store types commands into a tab ("run in terminal") and sends JSON.
import '@xterm/xterm/css/xterm.css';
import { TAB_COUNT } from '@protocol';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PageAgent } from '@/lib/agent/config';
import { useLessonStore } from '@/lib/lessons/use-lesson';
import type { TabStatus } from '@/lib/terminal/connection';
import { type BarKey, keyBytes, StickyModifiers } from '@/lib/terminal/key-bar-keys';
import { LEAVE_KEYS, leaveTerminal } from '@/lib/terminal/leave';
import { createTerminalController, type TerminalController } from '@/lib/terminal/load-controller';
import type { TabIndex } from '@/lib/terminal/tab';
import { useTabList } from '@/lib/use-tab-list';
import { usePanes } from '../panes';
import { KeyBar, useKeyBarShown } from './key-bar';
import { PasteDialog } from './paste-dialog';
import { useScreenReaderMode } from './screen-reader-mode';
import { isProblem, StatusBar, StatusCard } from './status-line';
import { TerminalAction } from './terminal-action';
import styles from './terminal-panel.module.css';
import type { TerminalMessages } from './types';

const TABS = Array.from({ length: TAB_COUNT }, (_, i) => i);
const INITIAL: TabStatus = { state: 'connecting', message: 'connecting', vars: {}, action: null, retryAt: null };
/** How long "Copied." and friends stay up. */
const TOAST_MS = 2500;

export function TerminalPanel({
  agent,
  messages,
  joinHref,
}: {
  agent: PageAgent;
  messages: TerminalMessages;
  /** Where a class-mode student without a class token is sent: `/<locale>/turma`. */
  joinHref: string;
}) {
  const [active, setActive] = useState(0);
  const [statuses, setStatuses] = useState<TabStatus[]>(() => TABS.map(() => INITIAL));
  const [ready, setReady] = useState<boolean[]>(() => TABS.map(() => false));
  const [toast, setToast] = useState<string | null>(null);
  const [pasteOpen, setPasteOpen] = useState(false);
  const [screenReader, setScreenReader] = useScreenReaderMode();
  const hosts = useRef<(HTMLDivElement | null)[]>([]);
  const controllers = useRef<(TerminalController | null)[]>([]);
  const toastTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const lesson = useLessonStore();
  // Touch: the key bar's sticky Ctrl/Alt also change the next key from the platform keyboard.
  const [sticky] = useState(() => new StickyModifiers());
  const [keysShown, toggleKeys] = useKeyBarShown();
  const panel = useRef<HTMLDivElement>(null);
  // A narrow screen shows the text or the terminals: "run in terminal" brings the terminals forward.
  const panes = usePanes();
  const panesRef = useRef(panes);
  panesRef.current = panes;
  // The Kernel panel's Mounts section opens on the shell of the tab on show.
  useEffect(() => {
    lesson?.panel.setActiveTab(active === 1 ? 1 : 0);
  }, [lesson, active]);

  const showToast = useCallback((text: string) => {
    setToast(text);
    if (toastTimer.current) clearTimeout(toastTimer.current);
    toastTimer.current = setTimeout(() => setToast(null), TOAST_MS);
  }, []);

  const copyFeedback = useCallback(
    (result: 'copied' | 'empty' | 'failed') =>
      showToast(
        result === 'copied' ? messages.copied : result === 'empty' ? messages.nothingSelected : messages.copyFailed,
      ),
    [messages.copied, messages.nothingSelected, messages.copyFailed, showToast],
  );
  const copyFeedbackRef = useRef(copyFeedback);
  copyFeedbackRef.current = copyFeedback;

  // Primitives for the effect below: a new props object with the same agent must not reconnect the terminals.
  const { port: agentPort, path: agentPath } = agent;
  const newShellBanner = messages.message.newShell;
  const { tab0, tab1, tooMuchOutput } = messages;
  useEffect(() => {
    const inputLabels = [tab0, tab1];
    let cancelled = false;
    const created: TerminalController[] = [];
    const detach: (() => void)[] = [];
    for (const tab of TABS) {
      const host = hosts.current[tab];
      if (!host) continue;
      void createTerminalController(host, {
        tab,
        agent: { port: agentPort, path: agentPath },
        newShellBanner,
        inputLabel: inputLabels[tab] ?? tab0,
        tooMuchOutput,
        onLeave: (direction) => leaveTerminal(direction),
        onStatus: (status) => {
          lesson?.setTabConnected(tab, status.state === 'connected');
          setStatuses((prev) => prev.map((s, i) => (i === tab ? status : s)));
        },
        onCopy: (result) => copyFeedbackRef.current(result),
        onMessage: lesson ? (message, reply) => lesson.receive(message, reply) : undefined,
        transformInput: (data) => sticky.apply(data),
      }).then((controller) => {
        if (cancelled) {
          controller.dispose();
          return;
        }
        created.push(controller);
        controllers.current[tab] = controller;
        // What the input is for and the keys out of it, read with its name (xterm's textarea is its own).
        controller.term.textarea?.setAttribute('aria-describedby', `terminal-hint-${tab}`);
        controller.term.textarea?.setAttribute('aria-keyshortcuts', LEAVE_KEYS);
        if (lesson) {
          detach.push(
            lesson.attach(tab as TabIndex, {
              type: (text) => {
                // Show the tab first (and on a narrow screen the terminals' pane): a hidden tab is inert and
                // cannot take focus, and the student sees where the command went.
                setActive(tab);
                panesRef.current?.show('terminal');
                requestAnimationFrame(() => {
                  controller.fit();
                  controller.paste(text);
                  panel.current?.scrollIntoView({ block: 'nearest' });
                });
              },
              send: (message) => controller.sendJson(message),
            }),
          );
        }
        setReady((prev) => prev.map((r, i) => (i === tab ? true : r)));
      });
    }
    return () => {
      cancelled = true;
      for (const d of detach) d();
      for (const c of created) c.dispose();
      for (const tab of TABS) lesson?.setTabConnected(tab, false);
      controllers.current = [];
    };
  }, [agentPort, agentPath, newShellBanner, tab0, tab1, tooMuchOutput, lesson, sticky]);

  useEffect(
    () => () => {
      if (toastTimer.current) clearTimeout(toastTimer.current);
    },
    [],
  );

  // Each terminal as it becomes ready, and both when the student turns the mode on or off.
  useEffect(() => {
    if (ready.some(Boolean)) for (const c of controllers.current) c?.setScreenReaderMode(screenReader);
  }, [screenReader, ready]);

  const select = (tab: number, focusTerminal: boolean) => {
    setActive(tab);
    // Shown now: fit to the box it may have missed while hidden.
    requestAnimationFrame(() => {
      const controller = controllers.current[tab];
      controller?.fit();
      if (focusTerminal) controller?.focus();
    });
  };

  const tabs = useTabList(active, TABS.length, (next) => select(next, false));

  const copy = async () => {
    const controller = controllers.current[active];
    if (controller) copyFeedback(await controller.copySelection());
  };

  const paste = async () => {
    const controller = controllers.current[active];
    if (!controller) return;
    if ((await controller.pasteClipboard()) === 'unavailable') setPasteOpen(true);
  };

  const sendKey = (key: BarKey) => {
    const controller = controllers.current[active];
    if (!controller) return;
    controller.input(keyBytes(key, sticky.take(), controller.applicationCursor()));
    controller.focus();
  };

  const act = (tab: number) => {
    if (statuses[tab]?.action === 'reload') window.location.reload();
    else controllers.current[tab]?.retry();
  };

  const labels = [messages.tab0, messages.tab1];
  const hints = [messages.tab0Hint, messages.tab1Hint];

  return (
    <div ref={panel} className={styles.panel}>
      <div className={styles.toolbar}>
        <div role="tablist" aria-label={messages.tabsLabel} className={styles.tabs} onKeyDown={tabs.onKeyDown}>
          {TABS.map((tab) => (
            <button
              key={tab}
              ref={tabs.tabRef(tab)}
              type="button"
              role="tab"
              id={`terminal-tab-${tab}`}
              className={styles.tab}
              aria-selected={active === tab}
              aria-controls={`terminal-panel-${tab}`}
              aria-describedby={`terminal-hint-${tab}`}
              tabIndex={active === tab ? 0 : -1}
              title={hints[tab]}
              data-testid={`tab-${tab}`}
              data-state={statuses[tab]?.state}
              onClick={() => select(tab, true)}
            >
              <span className={styles.dot} aria-hidden="true" />
              {labels[tab]}
            </button>
          ))}
        </div>
        <div className={styles.actions}>
          <TerminalAction
            title={messages.keys.toggleHint}
            testId="key-bar-toggle"
            pressed={keysShown}
            onClick={toggleKeys}
          >
            {messages.keys.toggle}
          </TerminalAction>
          <TerminalAction title={messages.copyHint} testId="copy-button" onClick={() => void copy()}>
            {messages.copy}
          </TerminalAction>
          <TerminalAction title={messages.pasteHint} testId="paste-button" onClick={() => void paste()}>
            {messages.paste}
          </TerminalAction>
          <TerminalAction
            title={messages.screenReaderHint}
            testId="screen-reader-toggle"
            pressed={screenReader}
            onClick={() => setScreenReader(!screenReader)}
          >
            {messages.screenReader}
          </TerminalAction>
        </div>
      </div>
      {keysShown ? (
        <KeyBar
          labels={messages.keys}
          sticky={sticky}
          onKey={sendKey}
          onModifier={() => controllers.current[active]?.focus()}
          onPaste={() => void paste()}
        />
      ) : null}
      <div className={styles.stack}>
        {TABS.map((tab) => {
          const status = statuses[tab] ?? INITIAL;
          return (
            <div
              key={tab}
              role="tabpanel"
              id={`terminal-panel-${tab}`}
              aria-labelledby={`terminal-tab-${tab}`}
              className={`${styles.tabpanel} ${active === tab ? '' : styles.inactive}`}
              inert={active !== tab}
            >
              <StatusBar tab={tab} status={status} messages={messages} onAction={() => act(tab)} joinHref={joinHref} />
              <div className={styles.screen}>
                <div
                  ref={(el) => {
                    hosts.current[tab] = el;
                  }}
                  className={styles.host}
                  data-testid={`terminal-${tab}`}
                  translate="no"
                />
                {ready[tab] ? null : <p className={styles.loading}>{messages.loading}</p>}
                {isProblem(status) ? (
                  <StatusCard status={status} messages={messages} onAction={() => act(tab)} joinHref={joinHref} />
                ) : null}
              </div>
              <span id={`terminal-hint-${tab}`} hidden>
                {hints[tab]} {messages.leaveHint}
              </span>
            </div>
          );
        })}
      </div>
      <p className={`${styles.toast} ${toast ? styles.toastShown : ''}`} aria-live="polite">
        {toast ?? ''}
      </p>
      <PasteDialog
        open={pasteOpen}
        labels={{
          title: messages.pasteDialogTitle,
          help: messages.pasteDialogHelp,
          field: messages.pasteDialogField,
          send: messages.pasteDialogSend,
          cancel: messages.cancel,
        }}
        onClose={() => setPasteOpen(false)}
        onSend={(text) => controllers.current[active]?.paste(text)}
      />
    </div>
  );
}
