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
