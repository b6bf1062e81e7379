'use client';
// The student's progress on the course index, asked of the agent from the browser (the page itself is
// the same for everyone). One request per page view, again when the tab comes back into view.
import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';
import type { PageAgent } from '@/lib/agent/config';
import { browserTokenStore } from '@/lib/agent/session';
import { fetchProgress, type ProgressState, progressUrl } from '@/lib/lessons/progress';
import { type LessonTotals, summarize } from '@/lib/lessons/summary';
import { format } from '@/lib/template';
import { agentLocation } from '@/lib/terminal/wire';
import styles from './course-progress.module.css';

const ProgressContext = createContext<ProgressState>({ kind: 'loading' });

export function CourseProgressProvider({ agent, children }: { agent: PageAgent; children: ReactNode }) {
  const [state, setState] = useState<ProgressState>({ kind: 'loading' });
  const { port, path } = agent;
  useEffect(() => {
    const url = progressUrl(agentLocation(window.location, { port, path }));
    let current = 0;
    const load = () => {
      const request = ++current;
      void fetchProgress(url, browserTokenStore).then((next) => {
        if (request === current) setState(next);
      });
    };
    load();
    const onVisible = () => {
      if (document.visibilityState === 'visible') load();
    };
    document.addEventListener('visibilitychange', onVisible);
    window.addEventListener('pageshow', load);
    return () => {
      current++;
      document.removeEventListener('visibilitychange', onVisible);
      window.removeEventListener('pageshow', load);
    };
  }, [port, path]);
  return <ProgressContext.Provider value={state}>{children}</ProgressContext.Provider>;
}

export interface BadgeLabels {
  readonly label: string;
  readonly steps: string;
  readonly quiz: string;
  readonly complete: string;
}

/** One lesson's progress, or nothing when there is none to show. */
export function LessonBadge({
  id,
  slug,
  totals,
  labels,
}: {
  /** For the lesson's link to name it by (aria-labelledby). */
  id?: string;
  slug: string;
  totals: LessonTotals;
  labels: BadgeLabels;
}) {
  const state = useContext(ProgressContext);
  if (state.kind !== 'ok') return null;
  const saved = state.lessons[slug];
  if (!saved) return null;
  const sum = summarize(totals, saved.steps, saved.quiz);
  if (sum.stepsDone === 0 && sum.quizAnswered === 0) return null;
  return (
    <span id={id} className={styles.badge} data-testid={`progress-${slug}`} data-complete={sum.complete}>
      <span className="visually-hidden">{labels.label}: </span>
      {sum.complete ? (
        <span className={styles.complete}>✓ {labels.complete}</span>
      ) : (
        <>
          <span>{format(labels.steps, { done: sum.stepsDone, total: sum.steps })}</span>
          {sum.quizAnswered > 0 ? (
            <span>{format(labels.quiz, { correct: sum.quizCorrect, total: sum.questions })}</span>
          ) : null}
        </>
      )}
    </span>
  );
}

/** The quiet note when the agent did not answer. */
export function ProgressNote({ text }: { text: string }) {
  const state = useContext(ProgressContext);
  return (
    <p className={styles.note} data-testid="progress-note" hidden={state.kind !== 'unreachable'}>
      {state.kind === 'unreachable' ? text : ''}
    </p>
  );
}
