// One step of a lesson, placed in the prose by `<Step id="…" />`: its title, its commands (each with a
// "run in terminal" button naming the tab it goes to) and its status. Rendered on the server; the
// button and the status are client leaves.
import { type CgroupVersion, type LessonDef, restartableSteps, type StepDef } from '@/lessons/types';
import type { Messages } from '@/lib/i18n';
import { hintParts } from '@/lib/lessons/hint';
import { htmlLang, type Locale } from '@/lib/locales';
import { format } from '@/lib/template';
import { CodeText } from './code-text';
import styles from './lesson-parts.module.css';
import { StepRestartButton } from './prepare-lesson';
import { RunButton } from './run-button';
import { StepStatus } from './step-status';

/** The step `id` of `lesson`; an id the lesson lacks is an error, never a blank space in the page. */
export function findStep(lesson: LessonDef, id: string): { step: StepDef; number: number } {
  const index = lesson.steps.findIndex((s) => s.id === id);
  const step = lesson.steps[index];
  if (!step) throw new Error(`<Step id="${id}">: lesson ${lesson.slug} has no such step`);
  return { step, number: index + 1 };
}

/** A step's hint templates in one language, by hint key. */
export function localHints(step: StepDef, locale: Locale): Record<string, string> {
  return Object.fromEntries(Object.entries(step.hints).map(([key, text]) => [key, text[locale]]));
}

export function Step({
  lesson,
  id,
  locale,
  m,
  cgroup,
}: {
  lesson: LessonDef;
  id: string;
  locale: Locale;
  m: Messages;
  /** The host's cgroup version: commands written for the other one are left out. */
  cgroup: CgroupVersion;
}) {
  const { step, number } = findStep(lesson, id);
  // Indexes of the whole list, so that a command's test id is the same on every host.
  const commands = step.commands
    .map((command, i) => ({ command, i }))
    .filter(({ command }) => command.cgroup === undefined || command.cgroup === cgroup);
  const s = m.lesson.step;
  const tabNames = [m.terminal.tab0, m.terminal.tab1] as const;
  const hints = localHints(step, locale);
  const titleId = `step-${step.id}-title`;
  return (
    <section
      className={styles.step}
      id={`step-${step.id}`}
      data-testid={`step-${step.id}`}
      aria-labelledby={titleId}
      // lib/terminal/leave.ts's STEP_ATTR
      data-step={step.id}
      // Focusable by script: Shift+F6 in a terminal comes to the step the student is on.
      tabIndex={-1}
    >
      <h3 id={titleId} className={styles.stepTitle}>
        <span className={styles.stepNumber}>{format(s.label, { n: number })}</span>
        <span>
          <CodeText parts={hintParts(step.title[locale], {})} />
        </span>
      </h3>
      {commands.length > 0 ? (
        <ul className={styles.commands} aria-label={s.commandsLabel}>
          {commands.map(({ command, i }) => {
            const tab = tabNames[command.tab];
            return (
              <li key={i} className={styles.command}>
                <code id={`${titleId}-command-${i}`} translate="no" className={styles.commandText}>
                  {command.text}
                </code>
                {/* Described by its command and what it does: tabbing from button to button, a screen reader
                    hears which command each one types, not the same "Run in Terminal A" again and again. */}
                <RunButton
                  tab={command.tab}
                  command={command.text}
                  label={format(s.run, { tab })}
                  title={format(s.runHint, { tab })}
                  describedBy={`${titleId}-command-${i} ${titleId}-run-${command.tab}`}
                  testId={`run-${step.id}-${i}`}
                />
              </li>
            );
          })}
        </ul>
      ) : null}
      {[...new Set(commands.map(({ command }) => command.tab))].map((tab) => (
        <span key={tab} id={`${titleId}-run-${tab}`} hidden>
          {format(s.runHint, { tab: tabNames[tab] })}
        </span>
      ))}
      <StepStatus
        id={step.id}
        hints={hints}
        lang={htmlLang[locale]}
        labels={{
          unknown: s.unknown,
          notYet: s.notYet,
          done: s.done,
          doneAtTime: s.doneAtTime,
          doneAtDate: s.doneAtDate,
          hint: s.hint,
          hintUnknown: s.hintUnknown,
          check: s.check,
          checking: s.checking,
          offline: s.offline,
          prepared: s.prepared,
        }}
      />
      {/* The first step's start is the lesson's: "Prepare this lesson", in the toolbar. */}
      {number > 1 && restartableSteps(lesson).includes(step.id) ? (
        <StepRestartButton step={step.id} number={number} labels={{ ...m.lesson.prepare, offline: s.offline }} />
      ) : null}
    </section>
  );
}
