'use client';
// The instructor's broadcast (issue 20): a short message, or a command shown as text (never typed into anyone's
// shell), sent to every student's lesson page, where it shows as a banner they can close. Checked here as the
// agent checks it (cleanBroadcast: 280 characters, 6 lines, no control characters); the page shows what the
// students see now.
import {
  type BroadcastKind,
  cleanBroadcast,
  type InstructorState,
  MAX_BROADCAST_LENGTH,
  MAX_BROADCAST_LINES,
} from '@protocol';
import { useId, useState } from 'react';
import { clockTime } from '@/lib/class/format';
import { format } from '@/lib/template';
import styles from './class.module.css';
import local from './class-progress.module.css';
import type { InstructorMessages } from './types';

export function BroadcastForm({
  shown,
  messages,
  lang,
  now,
  busy,
  onSend,
}: {
  shown: InstructorState['broadcast'];
  messages: InstructorMessages;
  lang: string;
  now: number;
  busy: boolean;
  /** Resolves true once the agent took it (the field is then emptied). */
  onSend(text: string, kind: BroadcastKind): Promise<boolean>;
}) {
  const m = messages.broadcast;
  const fieldId = useId();
  const countId = useId();
  const [text, setText] = useState('');
  const [kind, setKind] = useState<BroadcastKind>('text');
  const [invalid, setInvalid] = useState(false);
  const length = [...text].length;
  const send = async () => {
    const clean = cleanBroadcast(text);
    setInvalid(clean === null);
    if (clean !== null && (await onSend(clean, kind))) setText('');
  };
  return (
    <section aria-labelledby="broadcast-heading" data-testid="broadcast-form" className={local.panel}>
      <h2 id="broadcast-heading" className={styles.sectionHeading}>
        {m.heading}
      </h2>
      <form
        className={local.form}
        onSubmit={(e) => {
          e.preventDefault();
          void send();
        }}
      >
        <label htmlFor={fieldId}>{m.label}</label>
        <textarea
          id={fieldId}
          className={local.textarea}
          value={text}
          rows={2}
          maxLength={MAX_BROADCAST_LENGTH * 2}
          aria-describedby={countId}
          aria-invalid={invalid}
          translate={kind === 'command' ? 'no' : undefined}
          onChange={(e) => {
            setText(e.target.value);
            setInvalid(false);
          }}
          data-testid="broadcast-input"
        />
        <div className={local.formLine}>
          <fieldset className={local.kinds}>
            <legend className="visually-hidden">{m.kind}</legend>
            {(['text', 'command'] as const).map((k) => (
              <label key={k}>
                <input
                  type="radio"
                  name="broadcast-kind"
                  value={k}
                  checked={kind === k}
                  onChange={() => setKind(k)}
                  data-testid={`broadcast-kind-${k}`}
                />{' '}
                {m[k]}
              </label>
            ))}
          </fieldset>
          <span id={countId} className={length > MAX_BROADCAST_LENGTH ? styles.error : styles.muted}>
            {format(m.count, { n: length, max: MAX_BROADCAST_LENGTH })}
          </span>
          <button type="submit" className={styles.primary} disabled={busy} data-testid="broadcast-send">
            {m.send}
          </button>
        </div>
        {invalid ? (
          <p className={styles.error} role="alert" data-testid="broadcast-invalid">
            {format(m.invalid, { max: MAX_BROADCAST_LENGTH, lines: MAX_BROADCAST_LINES })}
          </p>
        ) : null}
      </form>
      {shown ? (
        <>
          <p className={styles.muted}>{format(m.current, { time: clockTime(shown.at, now, lang) })}</p>
          <p
            className={local.shown}
            translate={shown.kind === 'command' ? 'no' : undefined}
            data-testid="broadcast-shown"
          >
            {shown.text}
          </p>
        </>
      ) : null}
    </section>
  );
}
