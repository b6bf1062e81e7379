'use client';
// One tab's connection status. The bar (always there, carries data-state for the tests) shows the
// state and, while things are fine, what happened; a problem (error, exited) moves the explanation
// and its button into a card over the terminal, where it cannot be missed.
import { useEffect, useState } from 'react';
import { templateParts } from '@/lib/template';
import type { TabStatus } from '@/lib/terminal/connection';
import styles from './terminal-panel.module.css';
import type { TerminalMessages } from './types';

function secondsUntil(at: number | null): number {
  return at === null ? 0 : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

/** Placeholders shown as code: commands and machine names are not prose. */
const CODE_VARS = new Set(['command', 'sandbox']);

export function isProblem(status: TabStatus): boolean {
  return status.state === 'error' || status.state === 'exited';
}

interface StatusProps {
  status: TabStatus;
  messages: TerminalMessages;
  onAction: () => void;
  /** The class join page, for the `join` action (class mode, not joined yet). */
  joinHref: string;
}

function StatusMessage({ status, messages, onAction, joinHref }: StatusProps) {
  const [seconds, setSeconds] = useState(() => secondsUntil(status.retryAt));
  useEffect(() => {
    setSeconds(secondsUntil(status.retryAt));
    if (status.retryAt === null) return;
    const timer = setInterval(() => setSeconds(secondsUntil(status.retryAt)), 1000);
    return () => clearInterval(timer);
  }, [status.retryAt]);

  const vars: Record<string, string | number> = { ...status.vars, seconds };
  return (
    <>
      <span className={styles.statusText}>
        {templateParts(messages.message[status.message]).map((part, i) => {
          if ('text' in part) return part.text;
          const value = String(vars[part.name] ?? `{${part.name}}`);
          return CODE_VARS.has(part.name) ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed template never reorder
            <code key={i} translate="no">
              {value}
            </code>
          ) : (
            value
          );
        })}
      </span>
      {status.action === 'join' ? (
        // A link, not a button: joining is another page, and the student may open it in a new tab.
        <a className={styles.statusAction} href={joinHref} data-testid="terminal-join-link">
          {messages.action.join}
        </a>
      ) : status.action ? (
        <button type="button" className={styles.statusAction} onClick={onAction}>
          {messages.action[status.action]}
        </button>
      ) : null}
    </>
  );
}

export function StatusBar(props: StatusProps & { tab: number }) {
  const { tab, status, messages } = props;
  return (
    <div
      className={styles.status}
      data-testid={`terminal-status-${tab}`}
      data-state={status.state}
      data-message={status.message}
      role="status"
    >
      <span className={styles.stateBadge} data-state={status.state}>
        <span className={styles.dot} aria-hidden="true" />
        {messages.state[status.state]}
      </span>
      {isProblem(status) ? null : <StatusMessage {...props} />}
      {/* Seen by keyboard users; a screen reader hears it with the terminal's input (its description). */}
      <span className={styles.leaveKeys} aria-hidden="true">
        {messages.leaveKeys}
      </span>
    </div>
  );
}

export function StatusCard(props: StatusProps) {
  return (
    <div className={styles.card} data-state={props.status.state} role="alert">
      <StatusMessage {...props} />
    </div>
  );
}
