// The shape of a lesson, shared by the site (which renders it, without answers) and the agent (which
// checks steps and grades the quiz). A lesson is a folder `lessons/NN-slug/`:
//   lesson.ts   — `export default defineLesson({...})`: this file's LessonDef, no answers
//   quiz.ts     — `export default defineQuiz([...])`: the questions and options, imported by lesson.ts
//   answers.ts  — `export default defineAnswers({...})`: right option + feedback per option; ONLY the agent imports it
//   pt.mdx, gl.mdx — the prose; `<Step id="…" />` places a step (by id, never by position)
// and `lessons/index.ts` lists the folders in order.

import type { CheckRef } from '../sandbox-agent/src/protocol/check-params';

/**
 * Which check decides a step, with its parameters, typed per check id (protocol/check-params.ts): a wrong or
 * missing parameter fails the type-check, and the agent's catalog refuses it when it loads.
 */
export type { CheckId, CheckRef } from '../sandbox-agent/src/protocol/check-params';

export const LOCALES = ['pt', 'gl'] as const;
export type LessonLocale = (typeof LOCALES)[number];
export type Localized = Readonly<Record<LessonLocale, string>>;

/** A command a step suggests, typed into a terminal tab by "run in terminal" (the student presses Enter). */
export interface StepCommand {
  /** 0 = Terminal A (the one that goes "inside"), 1 = Terminal B (stays "outside"). */
  readonly tab: 0 | 1;
  readonly text: string;
  /**
   * Shown only on hosts of this cgroup version: 'v1' also means a v1/v2 hybrid (its controllers are in v1
   * hierarchies); 'v2' a pure cgroup v2 host. Absent: shown everywhere.
   */
  readonly cgroup?: CgroupVersion;
}

/** The cgroup layout a host gives its sandboxes, as lessons name it. */
export type CgroupVersion = 'v1' | 'v2';

/** Whether a command is for a host of `version`: one without a `cgroup` is for every host (the page shows it). */
export function onHost(command: { readonly cgroup?: CgroupVersion }, version: CgroupVersion): boolean {
  return command.cgroup === undefined || command.cgroup === version;
}

/**
 * A command the agent runs to prepare a sandbox ("Prepare this lesson", "Start this step again"): in one
 * non-interactive bash (`-e`: the first failure stops it) inside the sandbox, as its root, in /root; only on
 * hosts of `cgroup` when given. Lesson data, never the student's input.
 */
export interface PrepCommand {
  readonly text: string;
  readonly cgroup?: CgroupVersion;
}

/**
 * One thing "Prepare this lesson" leaves in a fresh sandbox, shown to the student as a line of the list of what
 * was prepared: what an earlier lesson left that this one needs (the busybox rootfs, an image's layers).
 */
export interface PrepItem {
  /** Unique within the lesson: kebab-case. */
  readonly id: string;
  readonly title: Localized;
  readonly commands: readonly PrepCommand[];
}

/**
 * How "Start this step again" replays a step for a later one: its commands for this host's cgroup version, in
 * order, in the agent's shell, except those listed in `skip` (one that waits for the student, one meant to fail).
 */
export interface StepReplay {
  readonly skip?: readonly string[];
}

export interface StepDef {
  /** Unique within the lesson: kebab-case. */
  readonly id: string;
  readonly title: Localized;
  readonly commands: readonly StepCommand[];
  readonly check: CheckRef;
  /**
   * What to tell the student, per hint key a check may return, with `{param}` placeholders filled from
   * what the check observed: `/proc/{pid}/ns/uts is your shell's: did you pass -u?`.
   */
  readonly hints: Readonly<Record<string, Localized>>;
  /**
   * Present when the agent can redo this step for the student, so a later step can be started again from a
   * clean sandbox. Absent for a step whose effect lives in the student's own shell (a `echo $$ > cgroup.procs`,
   * an `unshare … bash`) or in a program left running: a step after it cannot be started again.
   */
  readonly replay?: StepReplay;
}

export interface QuizOption {
  /** Unique within the question: a, b, c, … */
  readonly id: string;
  readonly text: Localized;
}

export interface QuizQuestion {
  readonly id: string;
  readonly prompt: Localized;
  readonly options: readonly QuizOption[];
}

export interface LessonDef {
  /** `NN-slug`: the folder name and the URL segment. */
  readonly slug: string;
  readonly order: number;
  readonly title: Localized;
  /** One sentence for the course index. */
  readonly summary: Localized;
  readonly steps: readonly StepDef[];
  readonly quiz: readonly QuizQuestion[];
  /** What "Prepare this lesson" puts in a fresh sandbox before the first step (absent: nothing to prepare). */
  readonly prepare?: readonly PrepItem[];
}

/**
 * The steps "Start this step again" may start at: the first, and each one after only replayable steps.
 */
export function restartableSteps(lesson: LessonDef): string[] {
  const out: string[] = [];
  for (const step of lesson.steps) {
    out.push(step.id);
    if (!step.replay) break;
  }
  return out;
}

/**
 * What the agent runs, in order, to bring a fresh sandbox to the start of step `stepId` (undefined: the first) on
 * a host of `version`: the lesson's preparation, then each earlier step's replayed commands. Undefined when that
 * step cannot be started again (an unknown id, or an earlier step that cannot be replayed).
 */
export function preparationScript(
  lesson: LessonDef,
  stepId: string | undefined,
  version: CgroupVersion,
): { prepared: string[]; replayed: string[]; commands: string[] } | undefined {
  const at = stepId === undefined ? 0 : lesson.steps.findIndex((s) => s.id === stepId);
  if (at < 0 || !restartableSteps(lesson).includes(lesson.steps[at]?.id ?? '')) return undefined;
  const items = lesson.prepare ?? [];
  const before = lesson.steps.slice(0, at);
  const commands = [
    ...items.flatMap((item) => item.commands),
    ...before.flatMap((s) => s.commands.filter((c) => !s.replay?.skip?.includes(c.text))),
  ]
    .filter((c) => onHost(c, version))
    .map((c) => c.text);
  return { prepared: items.map((i) => i.id), replayed: before.map((s) => s.id), commands };
}

/** The answer key: per question, the right option and feedback for every option, per locale. */
export type LessonAnswers = Readonly<
  Record<string, { readonly correct: string; readonly feedback: Readonly<Record<string, Localized>> }>
>;

/**
 * The `{placeholders}` of a hint template that `params` leaves without a shown value: missing, blank, or
 * the `?` a check once sent for "unknown". A hint with any is not shown (the site drops it) and a test
 * over every lesson and recorded snapshot keeps checks from sending one.
 */
export function unfilledHintParams(template: string, params: Readonly<Record<string, string | number>>): string[] {
  const names = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '');
  return [...new Set(names)].filter((name) => {
    const value = params[name];
    if (typeof value === 'number') return !Number.isFinite(value);
    return value === undefined || value.trim() === '' || value.trim() === '?';
  });
}

export function defineLesson(def: LessonDef): LessonDef {
  return def;
}

/** A lesson's quiz, in `lessons/NN-slug/quiz.ts`: the questions and their options, never which is right. */
export function defineQuiz(quiz: readonly QuizQuestion[]): readonly QuizQuestion[] {
  return quiz;
}

export function defineAnswers(answers: LessonAnswers): LessonAnswers {
  return answers;
}
