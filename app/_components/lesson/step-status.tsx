'use client';
// A step's state, from the page's lesson store: not known yet, not yet (with the check's hint, in the
// page's language), or done with the time it was first seen done. The "check" button asks the agent to
// check now (checks also run by themselves when the terminal goes quiet).
import type { StepResult } from '@protocol';
import { useEffect, useRef } from 'react';
import { unfilledHintParams } from '@/lessons/types';
import { hintParts } from '@/lib/lessons/hint';
import { useLessonState, useLessonStore } from '@/lib/lessons/use-lesson';
import { intlLocales } from '@/lib/locales';
import { format } from '@/lib/template';
import { CodeText } from './code-text';
import styles from './lesson-parts.module.css';

export interface StepStatusLabels {
  readonly unknown: string;
  readonly notYet: string;
  readonly done: string;
  readonly doneAtTime: string;
  readonly doneAtDate: string;
  readonly hint: string;
  readonly hintUnknown: string;
  readonly check: string;
  readonly checking: string;
  readonly offline: string;
  /** Done by the agent's replay for "Start this step again", not by the student. */
  readonly prepared: string;
}

function doneText(doneAt: number | undefined, lang: string, labels: StepStatusLabels): string {
  if (doneAt === undefined) return labels.done;
  const at = new Date(doneAt);
  const today = new Date().toDateString() === at.toDateString();
  if (today) {
    return format(labels.doneAtTime, {
      time: at.toLocaleTimeString(intlLocales(lang), { hour: '2-digit', minute: '2-digit' }),
    });
  }
  return format(labels.doneAtDate, {
    date: at.toLocaleString(intlLocales(lang), { dateStyle: 'short', timeStyle: 'short' }),
  });
}

function Hint({
  result,
  hints,
  labels,
}: {
  result: StepResult;
  hints: Readonly<Record<string, string>>;
  labels: StepStatusLabels;
}) {
  const hint = result.hint;
  if (!hint) return null;
  const template = hints[hint.key];
  // A hint with a gap ("PID ?") misleads more than none: "not yet" and the check button stay.
  if (template !== undefined && unfilledHintParams(template, hint.params).length > 0) return null;
  const parts = template ? hintParts(template, hint.params) : [{ text: format(labels.hintUnknown, { key: hint.key }) }];
  return (
    <p className={styles.hint} data-testid="step-hint" data-hint={hint.key}>
      <strong>{labels.hint}:</strong> <CodeText parts={parts} />
    </p>
  );
}

export function StepStatus({
  id,
  hints,
  lang,
  labels,
}: {
  id: string;
  /** The step's hint templates in the page's locale, by hint key. */
  hints: Readonly<Record<string, string>>;
  /** BCP 47 tag for the time. */
  lang: string;
  labels: StepStatusLabels;
}) {
  const store = useLessonStore();
  const result = useLessonState((s) => s.steps[id]);
  const known = useLessonState((s) => s.known);
  const checking = useLessonState((s) => s.checking);
  const connected = useLessonState((s) => s.connected);
  const status = result?.done ? (result.prepared ? 'prepared' : 'done') : result || known ? 'pending' : 'unknown';
  // The check button goes once the step is done: if it had the focus, the focus goes to the line that says so,
  // not to the top of the page.
  const checkFocused = useRef(false);
  const line = useRef<HTMLParagraphElement>(null);
  const finished = status === 'done' || status === 'prepared';
  useEffect(() => {
    if (!finished || !checkFocused.current) return;
    checkFocused.current = false;
    line.current?.focus();
  }, [finished]);

  return (
    <div className={styles.status} data-testid={`step-status-${id}`} data-status={status}>
      {/* Not a live region of its own: the page's one announcer says what changed (announcer.tsx). */}
      <p ref={line} className={styles.statusLine} tabIndex={-1} data-testid={`step-status-line-${id}`}>
        {status === 'done' ? (
          <>
            <span className={styles.doneMark} aria-hidden="true">
              ✓
            </span>{' '}
            {doneText(result?.doneAt, lang, labels)}
          </>
        ) : status === 'prepared' ? (
          labels.prepared
        ) : status === 'pending' ? (
          labels.notYet
        ) : (
          labels.unknown
        )}
      </p>
      {status === 'pending' && result ? <Hint result={result} hints={hints} labels={labels} /> : null}
      {status === 'done' || status === 'prepared' ? null : (
        <button
          type="button"
          className={styles.check}
          // While checking it stays focusable (aria-disabled): a disabled button drops the keyboard's focus.
          disabled={!connected}
          aria-disabled={checking || undefined}
          title={connected ? undefined : labels.offline}
          data-testid={`step-check-${id}`}
          onClick={() => {
            if (!checking) store?.check();
          }}
          onFocus={() => {
            checkFocused.current = true;
          }}
          onBlur={() => {
            checkFocused.current = false;
          }}
        >
          {checking ? labels.checking : labels.check}
        </button>
      )}
    </div>
  );
}
