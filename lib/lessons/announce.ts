// What the lesson page says through its one polite live region (issue 21): a step seen done, the result of a
// check the student asked for (with the hint, as the step shows it), a quiz answer graded with its feedback. Pure:
// it compares two snapshots of the lesson store, so saved progress arriving with the page says nothing, and the
// words are the page's (the templates come in its language).
import type { StepResult } from '@protocol';
import { unfilledHintParams } from '@/lessons/types';
import { format } from '@/lib/template';
import { hintParts } from './hint';
import type { LessonSnapshot } from './lesson-client';

export interface AnnouncedStep {
  readonly id: string;
  /** As the step's title reads, code included, without its backticks. */
  readonly title: string;
  /** The step's hint templates in the page's language, by hint key. */
  readonly hints: Readonly<Record<string, string>>;
}

export interface AnnounceLabels {
  /** `{n}`, `{title}` */
  readonly stepDone: string;
  readonly stepNotYet: string;
  /** `{hint}` */
  readonly stepHint: string;
  /** `{n}`, `{verdict}`, `{feedback}` */
  readonly quiz: string;
  readonly correct: string;
  readonly incorrect: string;
}

const plain = (text: string) => text.replaceAll('`', '');

/** The hint of a step not done, filled from what the check saw; null where the step shows none. */
function hintText(step: AnnouncedStep, snapshot: LessonSnapshot): string | null {
  const hint = snapshot.steps[step.id]?.hint;
  const template = hint ? step.hints[hint.key] : undefined;
  if (!hint || template === undefined || unfilledHintParams(template, hint.params).length > 0) return null;
  return hintParts(template, hint.params)
    .map((part) => ('code' in part ? part.code : part.text))
    .join('');
}

type StepHint = StepResult['hint'];

/** Two hints are the same: one key, the same values. */
function sameHint(a: StepHint, b: StepHint): boolean {
  return a?.key === b?.key && JSON.stringify(a?.params ?? {}) === JSON.stringify(b?.params ?? {});
}

/** What changed from `prev` to `next` that the student should hear, or null for nothing. */
export function announcement(
  prev: LessonSnapshot,
  next: LessonSnapshot,
  steps: readonly AnnouncedStep[],
  questions: readonly string[],
  labels: AnnounceLabels,
): string | null {
  // The saved progress arriving (or coming back after a reconnection) is the page's state, not news.
  if (!prev.known) return null;
  const said: string[] = [];
  steps.forEach((step, i) => {
    if (next.steps[step.id]?.done && !prev.steps[step.id]?.done)
      said.push(format(labels.stepDone, { n: i + 1, title: step.title }));
  });
  const i = steps.findIndex((s) => !next.steps[s.id]?.done);
  const step = steps[i];
  if (said.length === 0 && step) {
    const hint = hintText(step, next);
    const asked = prev.checking && !next.checking;
    // An automatic check (the terminal went quiet) is said only when it changes the hint of the step the student
    // is on (another reason, or another value seen), as the step shows it: the same hint again, or none, says
    // nothing; nor does a step's first hint, which is the sandbox's state when the page opened, not news.
    const before = prev.steps[step.id]?.hint;
    const newHint = hint !== null && before !== undefined && !sameHint(before, next.steps[step.id]?.hint);
    if (asked || newHint) {
      said.push(format(labels.stepNotYet, { n: i + 1, title: step.title }));
      if (hint) said.push(format(labels.stepHint, { hint }));
    }
  }
  questions.forEach((id, i) => {
    const answer = next.tries[id];
    if (!answer || answer === prev.tries[id]) return;
    const verdict = answer.correct ? labels.correct : labels.incorrect;
    said.push(format(labels.quiz, { n: i + 1, verdict, feedback: plain(answer.feedback) }));
  });
  return said.length > 0 ? said.join(' ') : null;
}
