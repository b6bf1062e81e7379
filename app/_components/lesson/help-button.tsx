'use client';
// Help in class (issue 20), beside the steps: "ask for help" raises a hand with an optional one-line question
// (Alt+H opens it from anywhere on the page), the student sees their place in the queue and can lower the hand;
// when the instructor asks to look, the student accepts or declines, and while anyone looks a badge says so with
// a button that ends it. Someone looking may ask to type: a second, separate consent; while they type, a badge
// names them with a button that takes the keyboard back. Shown only in a class: the agent sends the help state
// only there.
import { MAX_HELP_QUESTION_LENGTH } from '@protocol';
import { useEffect, useRef, useState } from 'react';
import { useLessonState, useLessonStore } from '@/lib/lessons/use-lesson';
import { format } from '@/lib/template';
import styles from './lesson-parts.module.css';

export interface HelpLabels {
  readonly ask: string;
  readonly shortcut: string;
  readonly question: string;
  readonly send: string;
  readonly cancel: string;
  readonly place: string;
  readonly lower: string;
  readonly asking: string;
  readonly someone: string;
  readonly accept: string;
  readonly decline: string;
  readonly watching: string;
  readonly end: string;
  readonly helpAsking: string;
  readonly helpAccept: string;
  readonly helpDecline: string;
  readonly typing: string;
  readonly helpEnd: string;
}

/** One of the help's buttons: a label, a test id, an action. */
function Action({
  label,
  testId,
  danger = false,
  onClick,
}: {
  label: string;
  testId: string;
  danger?: boolean;
  onClick(): void;
}) {
  return (
    <button type="button" className={danger ? styles.danger : styles.secondary} onClick={onClick} data-testid={testId}>
      {label}
    </button>
  );
}

/** A request of the instructor's, accept or decline: to look, or (a second consent) to type. */
function Consent({
  text,
  testId,
  accept,
  decline,
  onAnswer,
}: {
  text: string;
  testId: string;
  accept: string;
  decline: string;
  onAnswer(accept: boolean): void;
}) {
  return (
    <div className={styles.helpAlert} role="alertdialog" aria-label={text} data-testid={`${testId}-asking`}>
      <p>{text}</p>
      <Action label={accept} testId={`${testId}-accept`} onClick={() => onAnswer(true)} />
      <Action label={decline} testId={`${testId}-decline`} onClick={() => onAnswer(false)} />
    </div>
  );
}

/**
 * The instructor's two requests, in the order they show: to look, then to type. Each names the field of the help
 * state (and of the labels) that holds who asks, its buttons' labels and the store's answer.
 */
const CONSENTS = [
  { testId: 'look', asking: 'asking', accept: 'accept', decline: 'decline', answer: 'answerLook' },
  { testId: 'help', asking: 'helpAsking', accept: 'helpAccept', decline: 'helpDecline', answer: 'answerHelp' },
] as const;

export function HelpButton({ labels }: { labels: HelpLabels }) {
  const store = useLessonStore();
  const help = useLessonState((s) => s.help);
  const connected = useLessonState((s) => s.connected);
  const [open, setOpen] = useState(false);
  const [question, setQuestion] = useState('');
  const field = useRef<HTMLInputElement>(null);
  const inClass = help !== null;

  useEffect(() => {
    if (!inClass) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyH') {
        // Caught before the terminal, which would send it to the shell as Meta-h.
        e.preventDefault();
        e.stopPropagation();
        setOpen(true);
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [inClass]);
  useEffect(() => {
    if (open) field.current?.focus();
  }, [open]);

  if (!help) return null;
  const name = (n: string) => n || labels.someone;
  return (
    <div className={styles.help} data-testid="help">
      {help.hand ? (
        <p className={styles.helpLine} role="status" data-testid="help-place" data-position={help.hand.position}>
          {format(labels.place, { n: help.hand.position })}{' '}
          <Action label={labels.lower} testId="help-lower" onClick={() => store?.hand(false)} />
        </p>
      ) : open ? (
        <form
          className={styles.helpLine}
          onSubmit={(e) => {
            e.preventDefault();
            if (store?.hand(true, question)) {
              setOpen(false);
              setQuestion('');
            }
          }}
        >
          <input
            ref={field}
            className={styles.helpField}
            aria-label={labels.question}
            placeholder={labels.question}
            maxLength={MAX_HELP_QUESTION_LENGTH}
            value={question}
            onChange={(e) => setQuestion(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') setOpen(false);
            }}
            data-testid="help-question"
          />
          <button type="submit" className={styles.secondary} disabled={!connected} data-testid="help-send">
            {labels.send}
          </button>
          <Action label={labels.cancel} testId="help-cancel" onClick={() => setOpen(false)} />
        </form>
      ) : (
        <button
          type="button"
          className={styles.secondary}
          disabled={!connected}
          aria-keyshortcuts="Alt+H"
          title={labels.shortcut}
          onClick={() => setOpen(true)}
          data-testid="help-ask"
        >
          {labels.ask}
        </button>
      )}
      {CONSENTS.map((c) => {
        const who = help[c.asking];
        return who === null ? null : (
          <Consent
            key={c.testId}
            text={format(labels[c.asking], { name: name(who) })}
            testId={c.testId}
            accept={labels[c.accept]}
            decline={labels[c.decline]}
            onAnswer={(yes) => store?.[c.answer](yes)}
          />
        );
      })}
      {help.typing !== null ? (
        <p className={styles.helpBadge} role="status" data-testid="help-typing">
          {format(labels.typing, { name: name(help.typing) })}{' '}
          <Action label={labels.helpEnd} testId="help-end" danger onClick={() => store?.endHelp()} />
        </p>
      ) : null}
      {help.watching.length > 0 ? (
        <p className={styles.helpBadge} role="status" data-testid="look-watching">
          {format(labels.watching, { names: help.watching.map(name).join(', ') })}{' '}
          <Action label={labels.end} testId="look-end" danger onClick={() => store?.endLook()} />
        </p>
      ) : null}
    </div>
  );
}
