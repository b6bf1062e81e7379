'use client';
// The instructor's look at a student's terminal (issue 20), in a dialog on the class page: it asks, waits for the
// student's consent, then shows each of the student's terminals read-only at their size (the same screen and
// scrollback), live, until the student ends it, leaves, or the dialog is closed.
import { TAB_COUNT } from '@protocol';
import type { Terminal } from '@xterm/xterm';
import { useEffect, useRef, useState } from 'react';
import { type LookEnd, openLook } from '@/lib/class/look';
import { format } from '@/lib/i18n';
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

  useEffect(() => {
    dialog.current?.showModal();
    const terms: (Terminal | undefined)[] = [];
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
        terms[t] = term;
        registerTerminal(LOOK_HOOK_BASE + t, term);
      }
      for (const p of pending.splice(0)) apply(p);
    });
    const close = openLook(url, {
      state: setState,
      // a copy: the socket's buffer is not the terminal's
      output: (t, bytes) => apply({ tab: t, bytes: bytes.slice() }),
      screen: (t, cols, rows) => apply({ tab: t, size: [cols, rows] }),
      ended: (why) => setState(why),
    });
    return () => {
      stopped = true;
      close();
      terms.forEach((term, t) => {
        if (!term) return;
        unregisterTerminal(LOOK_HOOK_BASE + t, term);
        term.dispose();
      });
    };
  }, [url]);

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
