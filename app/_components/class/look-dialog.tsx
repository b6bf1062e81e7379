'use client';
// The instructor's look at a student's terminal (issue 20), in a dialog on the class page: it asks, waits for the
// student's consent, then shows each of the student's terminals read-only at their size (the same screen and
// scrollback), live, until the student ends it, leaves, or the dialog is closed. "Ask to type" asks the student a
// second time; once they accept, the terminals take the instructor's keystrokes until either side stops.
// xterm's own styles, as the lesson's terminal has them: without them its input field shows as a box in the corner
import '@xterm/xterm/css/xterm.css';
import { type HelpOffReason, TAB_COUNT } from '@protocol';
import type { Terminal } from '@xterm/xterm';
import { useEffect, useRef, useState } from 'react';
import { type LookEnd, type LookHandle, openLook } from '@/lib/class/look';
import { format } from '@/lib/template';
import { registerTerminal, unregisterTerminal } from '@/lib/terminal/test-hook';
import styles from './class.module.css';
import type { InstructorMessages } from './types';

/** Test-hook slots of the look's terminals (the lesson page's own tabs are 0 and 1). */
export const LOOK_HOOK_BASE = 100;

export function LookDialog({
  url,
  studentName,
  messages,
  onClose,
}: {
  url: string;
  studentName: string;
  messages: InstructorMessages['look'];
  onClose(): void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const hosts = useRef<(HTMLDivElement | null)[]>([]);
  const [state, setState] = useState<'asking' | 'waiting' | 'watching' | LookEnd>('asking');
  const [tab, setTab] = useState(0);
  const [help, setHelp] = useState<{ state: 'asking' | 'typing' | 'off'; why?: HelpOffReason }>({ state: 'off' });
  const look = useRef<LookHandle | undefined>(undefined);
  const shown = useRef<(Terminal | undefined)[]>([]);
  const typing = help.state === 'typing';

  useEffect(() => {
    dialog.current?.showModal();
    const terms: (Terminal | undefined)[] = [];
    shown.current = terms;
    const pending: { tab: number; bytes?: Uint8Array; size?: [number, number] }[] = [];
    let stopped = false;
    const apply = (p: (typeof pending)[number]) => {
      const term = terms[p.tab];
      if (!term) return pending.push(p);
      if (p.size) term.resize(p.size[0], p.size[1]);
      if (p.bytes) term.write(p.bytes);
    };
    void import('@xterm/xterm').then(({ Terminal }) => {
      if (stopped) return;
      for (let t = 0; t < TAB_COUNT; t++) {
        const host = hosts.current[t];
        if (!host) continue;
        const term = new Terminal({ disableStdin: true, scrollback: 5000, fontSize: 13 });
        term.open(host);
        // taken only while the student lets this look type (disableStdin is lifted then); the agent checks again
        term.onData((data) => look.current?.type(t, data));
        terms[t] = term;
        registerTerminal(LOOK_HOOK_BASE + t, term);
      }
      for (const p of pending.splice(0)) apply(p);
    });
    const handle = openLook(url, {
      state: setState,
      help: (state, why) => setHelp({ state, why }),
      // a copy: the socket's buffer is not the terminal's
      output: (t, bytes) => apply({ tab: t, bytes: bytes.slice() }),
      screen: (t, cols, rows) => apply({ tab: t, size: [cols, rows] }),
      ended: (why) => {
        setState(why);
        setHelp({ state: 'off' });
      },
    });
    look.current = handle;
    return () => {
      stopped = true;
      look.current = undefined;
      handle.close();
      terms.forEach((term, t) => {
        if (!term) return;
        unregisterTerminal(LOOK_HOOK_BASE + t, term);
        term.dispose();
      });
    };
  }, [url]);

  useEffect(() => {
    for (const term of shown.current) if (term) term.options.disableStdin = !typing;
    if (typing) shown.current[tab]?.focus();
  }, [typing, tab]);

  const helpStatus =
    help.state === 'asking'
      ? format(messages.helpAsking, { name: studentName })
      : help.state === 'typing'
        ? format(messages.helping, { name: studentName })
        : help.why
          ? messages.helpOff[help.why]
          : null;
  const status =
    state === 'asking' || state === 'waiting'
      ? format(messages.waiting, { name: studentName })
      : state === 'watching'
        ? format(messages.watching, { name: studentName })
        : messages.ended[state];
  return (
    <dialog
      ref={dialog}
      className={styles.lookDialog}
      aria-labelledby="look-title"
      onClose={onClose}
      data-testid="look-dialog"
      data-state={state}
    >
      <h2 id="look-title">{format(messages.title, { name: studentName })}</h2>
      <p role="status" data-testid="look-status">
        {status}
      </p>
      {state === 'watching' ? (
        <p className={styles.toolbar} data-testid="look-help" data-state={help.state}>
          <span role="status" data-testid="look-help-status">
            {helpStatus}
          </span>{' '}
          <button
            type="button"
            className={styles.secondary}
            onClick={() => look.current?.request({ type: help.state === 'off' ? 'help-ask' : 'help-stop' })}
            data-testid={help.state === 'off' ? 'look-help-ask' : 'look-help-stop'}
          >
            {help.state === 'off' ? messages.helpAsk : messages.helpStop}
          </button>
        </p>
      ) : null}
      <div role="tablist" className={styles.toolbar}>
        {Array.from({ length: TAB_COUNT }, (_, t) => (
          <button
            // biome-ignore lint/suspicious/noArrayIndexKey: the tabs are fixed
            key={t}
            type="button"
            role="tab"
            aria-selected={tab === t}
            className={styles.secondary}
            onClick={() => setTab(t)}
          >
            {format(messages.tab, { n: t + 1 })}
          </button>
        ))}
      </div>
      {Array.from({ length: TAB_COUNT }, (_, t) => (
        <div
          // biome-ignore lint/suspicious/noArrayIndexKey: the tabs are fixed
          key={t}
          ref={(el) => {
            hosts.current[t] = el;
          }}
          className={styles.lookScreen}
          hidden={tab !== t}
          data-testid={`look-screen-${t}`}
        />
      ))}
      <button
        type="button"
        className={styles.secondary}
        onClick={() => dialog.current?.close()}
        data-testid="look-close"
      >
        {messages.close}
      </button>
    </dialog>
  );
}
