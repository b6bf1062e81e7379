'use client';
// The lesson's steps as numbered marks in the narrow screen's pane switch, there in both panes: each shows
// whether the agent saw the step done, and a tap brings the text back at that step.
import { useRef } from 'react';
import { useLessonState } from '@/lib/lessons/use-lesson';
import { format } from '@/lib/template';
import { usePanes } from '../panes';
import styles from './lesson-parts.module.css';

export interface PaneStep {
  readonly id: string;
  readonly n: number;
  /** The step's title as plain text (code marks dropped), for its accessible name. */
  readonly title: string;
}

export interface PaneStepsLabels {
  readonly steps: string;
  readonly step: string;
  readonly stepDone: string;
  readonly stepNotDone: string;
}

/** Room between the switch bar and the step's title once scrolled to. */
const SCROLL_GAP_PX = 8;

function StepMark({ step, labels, bar }: { step: PaneStep; labels: PaneStepsLabels; bar: () => DOMRect | null }) {
  const done = useLessonState((s) => s.steps[step.id]?.done === true);
  const panes = usePanes();
  const href = `#step-${step.id}`;
  return (
    <li>
      <a
        className={styles.paneStep}
        href={href}
        aria-label={format(labels.step, {
          n: step.n,
          title: step.title,
          status: done ? labels.stepDone : labels.stepNotDone,
        })}
        data-testid={`pane-step-${step.id}`}
        data-status={done ? 'done' : 'pending'}
        onClick={(event) => {
          event.preventDefault();
          panes?.show('text');
          // Once the text is back in the page: the step just under the bar.
          requestAnimationFrame(() => {
            const target = document.getElementById(`step-${step.id}`);
            if (!target) return;
            const top = target.getBoundingClientRect().top + window.scrollY;
            window.scrollTo({ top: top - (bar()?.bottom ?? 0) - SCROLL_GAP_PX });
          });
        }}
      >
        {step.n}
        {done ? <span aria-hidden="true">✓</span> : null}
      </a>
    </li>
  );
}

export function PaneSteps({ steps, labels }: { steps: readonly PaneStep[]; labels: PaneStepsLabels }) {
  const nav = useRef<HTMLElement>(null);
  return (
    <nav ref={nav} aria-label={labels.steps} className={styles.paneSteps}>
      <ol>
        {steps.map((step) => (
          <StepMark
            key={step.id}
            step={step}
            labels={labels}
            bar={() => nav.current?.getBoundingClientRect() ?? null}
          />
        ))}
      </ol>
    </nav>
  );
}
