'use client';
// The instructor's broadcast in class (issue 20): a banner over the lesson with the instructor's words as they
// wrote them (plain text, their line breaks kept; a command shown as code, never typed into a terminal), which
// the student closes. A closed one stays closed in this tab's session; a new broadcast shows again. Outside a
// class the agent sends none and nothing renders.
import { useEffect, useState } from 'react';
import { useLessonState } from '@/lib/lessons/use-lesson';
import styles from './broadcast-banner.module.css';

export interface BroadcastLabels {
  readonly heading: string;
  readonly command: string;
  readonly dismiss: string;
}

/** The id of the broadcast this tab closed, kept across the lesson pages of one session. */
const DISMISSED_KEY = 'gaiola-broadcast-dismissed';

function readDismissed(): number | null {
  try {
    const raw = window.sessionStorage.getItem(DISMISSED_KEY);
    return raw === null ? null : Number(raw);
  } catch {
    return null;
  }
}

export function BroadcastBanner({ labels }: { labels: BroadcastLabels }) {
  const broadcast = useLessonState((s) => s.broadcast);
  /** undefined until read in the browser, so the server and the first render agree. */
  const [dismissed, setDismissed] = useState<number | null | undefined>(undefined);
  useEffect(() => setDismissed(readDismissed()), []);
  if (!broadcast || dismissed === undefined || dismissed === broadcast.id) return null;
  const dismiss = () => {
    setDismissed(broadcast.id);
    try {
      window.sessionStorage.setItem(DISMISSED_KEY, String(broadcast.id));
    } catch {
      // storage refused (a private window): closed for this page only
    }
  };
  return (
    <section
      className={styles.banner}
      aria-labelledby="broadcast-heading"
      data-testid="broadcast-banner"
      data-kind={broadcast.kind}
    >
      <div className={styles.body}>
        <p id="broadcast-heading" className={styles.heading}>
          {labels.heading}
        </p>
        {broadcast.kind === 'command' ? (
          <>
            <p className={styles.text}>{labels.command}</p>
            <pre className={styles.command} translate="no" data-testid="broadcast-text">
              <code>{broadcast.text}</code>
            </pre>
          </>
        ) : (
          <p className={styles.text} data-testid="broadcast-text">
            {broadcast.text}
          </p>
        )}
      </div>
      <button type="button" className={styles.dismiss} onClick={dismiss} data-testid="broadcast-dismiss">
        {labels.dismiss}
      </button>
    </section>
  );
}
