'use client';
// The instructor's page in the browser: takes the secret token from the link's fragment, follows the
// class live (lib/class/feed.ts) and lays out what to project (join URL, code, QR), the VM's capacity,
// the student table with its detail, and the class-wide actions. Plain HTTP on a LAN is the normal case:
// nothing here needs a secure context (no crypto.randomUUID, no clipboard API).
import type { InstructorAction, InstructorState } from '@protocol';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { PageAgent } from '@/lib/agent/config';
import type { AgentFailure, AgentResult } from '@/lib/class/agent';
import { ClassFeed, type FeedSnapshot } from '@/lib/class/feed';
import { exportFileName, InstructorClient } from '@/lib/class/instructor';
import { takeInstructorToken } from '@/lib/class/instructor-token';
import { DEFAULT_SORT, type Sort } from '@/lib/class/table';
import type { Locale } from '@/lib/locales';
import { format } from '@/lib/template';
import { agentAddress, agentLocation } from '@/lib/terminal/wire';
import { ActionButtons } from './action-buttons';
import { BroadcastForm } from './broadcast-form';
import { Capacity } from './capacity';
import styles from './class.module.css';
import { ClassHeader } from './class-header';
import { ClassProgress } from './class-progress';
import { ConfirmDialog } from './confirm-dialog';
import { HelpQueue } from './help-queue';
import { LookDialog } from './look-dialog';
import { StudentDetail } from './student-detail';
import { StudentTable } from './student-table';
import type { InstructorMessages, LessonOutline } from './types';

/** Relative times ("há 2 min.") are redrawn this often even when nothing else changes. */
const CLOCK_TICK_MS = 10_000;

function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/** Hands a Blob to the browser as a file download. */
function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked a moment later: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

type Notice = { readonly text: string; readonly error: boolean };

export function InstructorView({
  agent,
  locale,
  lang,
  outline,
  messages,
}: {
  agent: PageAgent;
  locale: Locale;
  /** BCP 47 tag for Intl (pt-BR, gl). */
  lang: string;
  outline: readonly LessonOutline[];
  messages: InstructorMessages;
}) {
  /** undefined until read in the browser; null when the page was opened without the instructor link. */
  const [token, setToken] = useState<string | null | undefined>(undefined);
  const [snap, setSnap] = useState<FeedSnapshot>({ state: null, problem: null, live: false, version: 0 });
  const [sort, setSort] = useState<Sort>(DEFAULT_SORT);
  const [selected, setSelected] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [confirmClearAudit, setConfirmClearAudit] = useState(false);
  const [look, setLook] = useState<{ url: string; name: string } | null>(null);
  const feed = useRef<ClassFeed | null>(null);
  const detailId = useId();
  const now = useNow(CLOCK_TICK_MS);

  useEffect(() => setToken(takeInstructorToken(window)), []);

  const { port, path } = agent;
  const client = useMemo(
    () => (token ? new InstructorClient(agentLocation(window.location, { port, path }), token) : null),
    [token, port, path],
  );

  useEffect(() => {
    if (!client) return;
    const f = new ClassFeed({
      fetchState: () => client.state(),
      eventsUrl: client.eventsUrl(),
      openEvents: (url) => new EventSource(url),
      onSnapshot: setSnap,
    });
    feed.current = f;
    f.start();
    return () => {
      f.dispose();
      feed.current = null;
    };
  }, [client]);

  const failureText = useCallback(
    (error: AgentFailure, status: number, max?: number) => {
      const vars = { status, error, address: agentAddress(agentLocation(window.location, { port, path })) };
      if (error === 'token') return messages.badToken;
      if (error === 'unreachable') return format(messages.unreachable, vars);
      if (error === 'not_class_mode') return messages.notClassMode;
      if (error === 'unknown_student') return messages.detail.unknownStudent;
      // the students took room since the page last read the state: the bound the agent's refusal names
      if (error === 'invalid_warm_target' && max !== undefined) return format(messages.warm.invalid, { max });
      return format(messages.actionFailed, vars);
    },
    [port, path, messages],
  );

  /** One request of the instructor's: busy meanwhile, then what came of it (`done`, or why not) in the notice line. */
  const perform = useCallback(
    async (request: (c: InstructorClient) => Promise<AgentResult<true>>, done: string): Promise<boolean> => {
      if (!client) return false;
      setBusy(true);
      setNotice(null);
      const result = await request(client);
      setBusy(false);
      setNotice(
        result.ok
          ? { text: done, error: false }
          : { text: failureText(result.error, result.status, result.max), error: true },
      );
      void feed.current?.refresh();
      return result.ok;
    },
    [client, failureText],
  );

  const act = useCallback(
    async (action: InstructorAction, student?: string, name = '') => {
      const ok = await perform((c) => c.act(action, student), format(messages.done[action], { name }));
      if (ok && action === 'delete-class') setSelected(null);
    },
    [perform, messages],
  );

  /** The progress CSV, or (`audit`) the audit's: a second file, as CSV has one sheet. */
  const exportCsv = async (state: InstructorState, audit = false) => {
    if (!client) return;
    setBusy(true);
    setNotice(null);
    const result = await client.exportCsv(audit);
    setBusy(false);
    if (result.ok) download(result.value, exportFileName(state.class.code, new Date(), audit));
    else setNotice({ text: failureText(result.error, result.status), error: true });
  };

  if (token === undefined) return <p className={styles.muted}>{messages.loading}</p>;
  if (token === null) {
    return (
      <p className={styles.problem} data-testid="instructor-problem" data-problem="no-token">
        {messages.noToken}
      </p>
    );
  }
  const { state, problem, live } = snap;
  // A refused token or an agent without a class: nothing else on the page can work.
  if (problem === 'token' || problem === 'not_class_mode') {
    return (
      <p className={styles.problem} data-testid="instructor-problem" data-problem={problem}>
        {problem === 'token' ? messages.badToken : messages.notClassMode}
      </p>
    );
  }

  return (
    <div className={styles.instructor} data-testid="instructor-view" data-live={live}>
      <div className={styles.statusLine} role="status">
        <span className={styles.dot} data-on={live} aria-hidden="true" />
        <span data-testid="class-live" data-live={live}>
          {live ? messages.live : messages.notLive}
        </span>
        {problem ? (
          <>
            <span className={styles.error} data-testid="instructor-problem" data-problem={problem}>
              {failureText(problem, 0)}
            </span>
            <button type="button" className={styles.secondary} onClick={() => void feed.current?.refresh()}>
              {messages.retry}
            </button>
          </>
        ) : null}
      </div>
      {notice ? (
        <p className={notice.error ? styles.error : styles.notice} role={notice.error ? 'alert' : 'status'}>
          {notice.text}
        </p>
      ) : null}
      {state === null ? (
        problem ? null : (
          <p className={styles.muted}>{messages.loading}</p>
        )
      ) : (
        <>
          <div className={styles.topGrid}>
            <ClassHeader
              info={state.class}
              locale={locale}
              messages={messages}
              busy={busy}
              onToggleOpen={() => void act(state.class.open ? 'close' : 'open')}
            />
            <Capacity
              capacity={state.capacity}
              {...{ messages, lang, busy }}
              onWarmTarget={(n) => perform((c) => c.warm(n), format(messages.done.warm, { n }))}
            />
          </div>

          <HelpQueue
            {...{ state, outline, messages, now, busy }}
            onLook={(id, name) => client && setLook({ url: client.lookUrl(id, ''), name })}
            onAnswer={(id, name) => void act('answer', id, name)}
          />
          {look ? (
            <LookDialog url={look.url} studentName={look.name} messages={messages.look} onClose={() => setLook(null)} />
          ) : null}

          <div className={styles.topGrid}>
            <ClassProgress {...{ state, outline, messages }} />
            <BroadcastForm
              shown={state.broadcast ?? null}
              {...{ messages, lang, now, busy }}
              onSend={(text, kind) => perform((c) => c.broadcast(text, kind), messages.done.broadcast)}
            />
          </div>

          <section aria-labelledby="students-heading">
            <div className={styles.tableHead}>
              <h2 id="students-heading" className={styles.sectionHeading}>
                {format(messages.studentsHeading, { n: state.students.length })}
              </h2>
              <div className={styles.toolbar}>
                <ActionButtons
                  actions={[
                    {
                      label: messages.exportCsv,
                      testId: 'export-csv',
                      disabled: busy,
                      onClick: () => void exportCsv(state),
                    },
                    {
                      label: messages.exportAudit,
                      testId: 'export-audit',
                      disabled: busy,
                      onClick: () => void exportCsv(state, true),
                    },
                    {
                      label: messages.clearAudit,
                      testId: 'clear-audit',
                      disabled: busy,
                      danger: true,
                      onClick: () => setConfirmClearAudit(true),
                    },
                    {
                      label: messages.deleteClass,
                      testId: 'delete-class',
                      disabled: busy,
                      danger: true,
                      onClick: () => setConfirmDelete(true),
                    },
                  ]}
                />
              </div>
            </div>
            {state.students.length === 0 ? (
              <p className={styles.muted} data-testid="class-empty">
                {messages.noStudents}
              </p>
            ) : null}
            <div className={styles.tableAndDetail} data-detail={selected !== null}>
              <StudentTable
                {...{ state, outline, messages, lang, now }}
                sort={sort}
                onSort={setSort}
                selected={selected}
                onSelect={(id) => setSelected((current) => (current === id ? null : id))}
                detailId={detailId}
              />
              {selected && client ? (
                <StudentDetail
                  id={selected}
                  client={client}
                  version={snap.version}
                  {...{ outline, messages, lang, now, busy }}
                  onAction={(action, id, name) => void act(action, id, name)}
                  onClose={() => setSelected(null)}
                  panelId={detailId}
                />
              ) : null}
            </div>
          </section>

          <ConfirmDialog
            open={confirmDelete}
            testId="confirm-delete"
            typeToConfirm={state.class.code}
            labels={{
              title: messages.deleteTitle,
              body: format(messages.deleteBody, { code: state.class.code }),
              confirm: messages.deleteConfirm,
              cancel: messages.cancel,
              field: messages.deleteField,
            }}
            onConfirm={() => void act('delete-class')}
            onClose={() => setConfirmDelete(false)}
          />
          <ConfirmDialog
            open={confirmClearAudit}
            testId="confirm-clear-audit"
            labels={{
              title: messages.clearAuditTitle,
              body: messages.clearAuditBody,
              confirm: messages.clearAuditConfirm,
              cancel: messages.cancel,
              field: messages.deleteField,
            }}
            onConfirm={() => void act('clear-audit')}
            onClose={() => setConfirmClearAudit(false)}
          />
        </>
      )}
    </div>
  );
}
