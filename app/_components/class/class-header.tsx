'use client';
// What the instructor projects for the class: the join URL (in the page's language, as its QR code), the
// class code spaced for reading aloud, the QR code of the URL, and whether new students may still join (with
// the switch).
import type { InstructorState } from '@protocol';
import { useEffect, useState } from 'react';
import { spacedCode } from '@/lib/class/format';
import { joinPageIn } from '@/lib/class/join';
import { qrDataUrl } from '@/lib/class/qr';
import type { Locale } from '@/lib/locales';
import styles from './class.module.css';
import type { InstructorMessages } from './types';

export function ClassHeader({
  info,
  locale,
  messages,
  busy,
  onToggleOpen,
}: {
  info: InstructorState['class'];
  /** The page's language: students who follow the link or QR code get the course in it. */
  locale: Locale;
  messages: InstructorMessages;
  busy: boolean;
  onToggleOpen: () => void;
}) {
  const [qr, setQr] = useState<string | null>(null);
  const joinUrl = joinPageIn(info.joinUrl, locale);
  useEffect(() => {
    let current = true;
    qrDataUrl(joinUrl).then(
      (url) => current && setQr(url),
      () => current && setQr(null),
    );
    return () => {
      current = false;
    };
  }, [joinUrl]);

  return (
    <section className={styles.joinPanel} aria-labelledby="join-heading">
      <div className={styles.joinText}>
        <h2 id="join-heading" className={styles.sectionHeading}>
          {messages.joinHeading}
        </h2>
        <p className={styles.joinUrl} translate="no" data-testid="class-join-url">
          {joinUrl}
        </p>
        <p className={styles.codeLabel}>{messages.codeLabel}</p>
        <p className={styles.code} translate="no" data-testid="class-code" data-code={info.code}>
          {spacedCode(info.code)}
        </p>
        <p className={styles.openState} data-testid="class-open" data-open={info.open}>
          <span className={styles.dot} data-on={info.open} aria-hidden="true" />
          {info.open ? messages.open : messages.closed}
        </p>
        <button
          type="button"
          className={styles.secondary}
          onClick={onToggleOpen}
          disabled={busy}
          data-testid="close-class"
          data-open={info.open}
        >
          {info.open ? messages.close : messages.reopen}
        </button>
      </div>
      <div className={styles.qr} data-testid="class-qr">
        {qr ? (
          // biome-ignore lint/performance/noImgElement: a data: URL drawn in the browser; next/image adds nothing
          <img src={qr} alt={messages.qrAlt} width={240} height={240} />
        ) : null}
      </div>
    </section>
  );
}
