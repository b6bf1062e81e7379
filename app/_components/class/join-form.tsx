'use client';
// The student's join form: class code and display name → a class token, stored where the terminals look
// for it, then the course index. A refusal says which field to fix (or whom to ask) and keeps what was
// typed. A browser that already joined sees as whom, and can go straight on.
import { CLASS_CODE_LENGTH, MAX_NAME_LENGTH } from '@protocol';
import { type FormEvent, type InputHTMLAttributes, useEffect, useId, useState } from 'react';
import type { PageAgent } from '@/lib/agent/config';
import { browserTokenStore } from '@/lib/agent/session';
import { checkJoinForm, type JoinErrorKey, joinClass, joinErrorKey, joinErrorText, joinUrl } from '@/lib/class/join';
import {
  browserLocalStorage,
  type JoinedStudent,
  loadJoinedStudent,
  saveJoinedStudent,
} from '@/lib/class/student-store';
import { displayName } from '@/lib/class/table';
import type { Messages } from '@/lib/i18n';
import { format } from '@/lib/template';
import { agentAddress, agentLocation } from '@/lib/terminal/wire';
import styles from './class.module.css';

export type JoinMessages = Messages['class']['join'];

interface Refusal {
  readonly key: JoinErrorKey;
  readonly status: number;
}

export function JoinForm({
  agent,
  courseHref,
  initialCode,
  messages,
}: {
  agent: PageAgent;
  /** Where a joined student goes: `/<locale>`. */
  courseHref: string;
  /** `?codigo=` of the link or QR code the student followed. */
  initialCode: string;
  messages: JoinMessages;
}) {
  const [code, setCode] = useState(initialCode);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [joined, setJoined] = useState<JoinedStudent | null>(null);
  const errorId = useId();

  // localStorage exists only in the browser: read after the first render, which the server shares.
  useEffect(() => setJoined(loadJoinedStudent(browserLocalStorage())), []);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const checked = checkJoinForm(code, name);
    if (!checked.ok) {
      setRefusal({ key: checked.error, status: 0 });
      return;
    }
    setBusy(true);
    setRefusal(null);
    const url = joinUrl(agentLocation(window.location, agent));
    const result = await joinClass(url, { code: checked.code, name: checked.name, token: browserTokenStore.get() });
    if (!result.ok) {
      setBusy(false);
      setRefusal({ key: joinErrorKey(result.error), status: result.status });
      return;
    }
    browserTokenStore.set(result.value.token);
    saveJoinedStudent(browserLocalStorage(), result.value.student);
    // A full load, not a client-side navigation: the terminals' session cache starts over with the new token.
    window.location.assign(courseHref);
  };

  const errorText = refusal
    ? joinErrorText(
        messages.error,
        refusal,
        typeof window === 'undefined' ? '' : agentAddress(agentLocation(window.location, agent)),
      )
    : '';
  const codeWrong = refusal?.key === 'codeFormat' || refusal?.key === 'unknownCode';
  const nameWrong = refusal?.key === 'nameInvalid';

  return (
    <>
      {joined ? (
        <div className={styles.joined} data-testid="join-current">
          <p>{format(messages.joinedAs, { name: displayName(joined.name, joined.tag) })}</p>
          <a className={styles.primary} href={courseHref}>
            {messages.continue}
          </a>
          <p className={styles.muted}>{messages.again}</p>
        </div>
      ) : null}
      <form className={styles.joinForm} onSubmit={submit} noValidate aria-describedby={refusal ? errorId : undefined}>
        <HintedField
          label={messages.code}
          hint={format(messages.codeHint, { length: CLASS_CODE_LENGTH })}
          invalid={codeWrong}
          className={styles.codeInput}
          data-testid="join-code"
          name="codigo"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={32}
        />
        <HintedField
          label={messages.name}
          hint={format(messages.nameHint, { max: MAX_NAME_LENGTH })}
          invalid={nameWrong}
          data-testid="join-name"
          name="nome"
          value={name}
          onChange={(e) => setName(e.target.value)}
          autoComplete="nickname"
          maxLength={MAX_NAME_LENGTH * 2}
        />
        {refusal ? (
          // An alert is announced when it appears; the fields keep what was typed.
          <p id={errorId} className={styles.error} data-testid="join-error" data-error={refusal.key} role="alert">
            {errorText}
          </p>
        ) : null}
        <button type="submit" className={styles.primary} data-testid="join-submit" disabled={busy}>
          {busy ? messages.joining : messages.submit}
        </button>
      </form>
    </>
  );
}

/** A required text field with its label and a hint under it that screen readers read with it. */
function HintedField({
  label,
  hint,
  invalid,
  ...input
}: { label: string; hint: string; invalid: boolean } & Omit<InputHTMLAttributes<HTMLInputElement>, 'id'>) {
  const id = useId();
  return (
    <div className={styles.field}>
      <label htmlFor={id}>{label}</label>
      <input id={id} {...input} required aria-invalid={invalid || undefined} aria-describedby={`${id}-hint`} />
      <small id={`${id}-hint`} className={styles.muted}>
        {hint}
      </small>
    </div>
  );
}
