'use client';
// The warm pool on the instructor's page (issue 18): how many sandboxes are ready for the students who arrive,
// how many are starting, and a field to keep as many ready as the class expects. Checked here as the agent
// checks it (parseWarmTarget, warmTargetMax: 0 to the capacity less the students' sandboxes); the count is a
// polite status, so a screen reader hears it grow; what a warm sandbox costs is said beside the field.
import { type InstructorState, parseWarmTarget, warmTargetMax } from '@protocol';
import { useId, useState } from 'react';
import { format } from '@/lib/template';
import styles from './class.module.css';
import type { InstructorMessages } from './types';
import local from './warm-pool.module.css';

export function WarmPool({
  capacity,
  messages,
  busy,
  onSet,
}: {
  capacity: InstructorState['capacity'];
  messages: InstructorMessages;
  busy: boolean;
  /** Resolves true once the agent took the target (the field then follows the agent's again). */
  onSet(target: number): Promise<boolean>;
}) {
  const m = messages.warm;
  const fieldId = useId();
  const rangeId = useId();
  const errorId = useId();
  const explainId = useId();
  const { ready, starting, target } = capacity.warm;
  const max = warmTargetMax(capacity);
  /** What the instructor typed; null while the field shows the agent's target. */
  const [draft, setDraft] = useState<string | null>(null);
  const [invalid, setInvalid] = useState(false);
  const value = draft ?? String(target);
  const submit = async () => {
    const n = parseWarmTarget(value, max);
    setInvalid(n === null);
    if (n !== null && (await onSet(n))) setDraft(null);
  };
  return (
    <div
      className={local.warm}
      data-testid="warm-pool"
      data-ready={ready}
      data-starting={starting}
      data-target={target}
    >
      <h3 className={local.heading}>{m.heading}</h3>
      <p role="status" data-testid="warm-status">
        {format(m.status, { ready, target, starting })}
      </p>
      {/* The page's own message, in its language, rather than the browser's bubble for min and max. */}
      <form
        className={local.form}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <label htmlFor={fieldId}>{m.label}</label>
        <input
          id={fieldId}
          className={local.input}
          type="number"
          inputMode="numeric"
          min={0}
          max={max}
          step={1}
          value={value}
          aria-invalid={invalid}
          aria-describedby={invalid ? `${errorId} ${rangeId} ${explainId}` : `${rangeId} ${explainId}`}
          onChange={(e) => {
            setDraft(e.target.value);
            setInvalid(false);
          }}
          data-testid="warm-target"
        />
        <button type="submit" className={styles.primary} disabled={busy} data-testid="warm-set">
          {m.set}
        </button>
      </form>
      <p id={rangeId} className={styles.muted}>
        {format(m.range, { max, capacity: capacity.maxSandboxes, students: capacity.sandboxes })}
      </p>
      {invalid ? (
        <p id={errorId} className={styles.error} role="alert" data-testid="warm-invalid">
          {format(m.invalid, { max })}
        </p>
      ) : null}
      <p id={explainId} className={`${styles.muted} ${local.explain}`}>
        {m.explain}
      </p>
    </div>
  );
}
