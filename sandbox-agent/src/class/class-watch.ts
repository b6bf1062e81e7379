// Who is stuck without asking, and where the class is (issue 20). Per student, from what the agent sees: the
// commands run since their last step and the check failing now (the hint the student sees), counted once per
// command after which it still fails; per lesson, how many students are at each step and the median time a step
// took. Pure: the agent feeds it prompts and check results, the routes read it.
import type { StepResult, StudentRow } from '../protocol';

export type Watch = NonNullable<StudentRow['watch']>;
type Failing = NonNullable<Watch['failing']>;

interface WatchState {
  commands: number;
  /** `commands` when the failing check was last counted: one count per command. */
  countedAt: number;
  lesson: string | undefined;
  /** Steps done in `lesson` at the last check seen. */
  done: number;
  failing: Failing | null;
}

export class ClassWatch {
  private readonly students = new Map<string, WatchState>();

  /** A prompt in one of the student's shells: a command ran. */
  command(student: string): void {
    this.state(student).commands++;
  }

  /**
   * A check run's results for the lesson the student has open (the `steps` message they were sent); true when the
   * failing check's count moved (the table shows it). Runs after each prompt: no copy made.
   */
  checked(student: string, lesson: string, steps: readonly StepResult[]): boolean {
    const st = this.state(student);
    const before = st.failing?.count;
    this.judge(st, lesson, steps);
    return st.failing?.count !== before;
  }

  private judge(st: WatchState, lesson: string, steps: readonly StepResult[]): void {
    const done = steps.filter((s) => s.done).length;
    // Progress: commands count from this step on, and the command that did it is not a failure of the next check.
    // Another lesson: what failed before is no longer the point (a command since the last count still counts).
    if (st.lesson === lesson && done > st.done) {
      st.commands = 0;
      st.countedAt = 0;
      st.failing = null;
    } else if (st.lesson !== lesson) {
      st.lesson = lesson;
      st.failing = null;
    }
    st.done = done;
    const first = steps.find((s) => !s.done);
    if (!first?.hint) {
      st.failing = null;
      return;
    }
    if (st.failing?.step !== first.id) {
      st.failing = { lesson, step: first.id, hint: first.hint, count: 0 };
    }
    st.failing.hint = first.hint;
    if (st.commands !== st.countedAt) {
      st.failing.count++;
      st.countedAt = st.commands;
    }
  }

  of(student: string): Watch | undefined {
    const st = this.students.get(student);
    return st && { commands: st.commands, failing: st.failing && { ...st.failing } };
  }

  forget(student: string): void {
    this.students.delete(student);
  }

  private state(student: string): WatchState {
    let st = this.students.get(student);
    if (!st) {
      st = { commands: 0, countedAt: 0, lesson: undefined, done: 0, failing: null };
      this.students.set(student, st);
    }
    return st;
  }
}

/** Stuck by repeated failure: the same check still failed after `threshold` commands. */
export function stuckByFailures(watch: Watch | undefined, threshold: number): boolean {
  return (watch?.failing?.count ?? 0) >= threshold;
}

/** The middle value (the mean of the two middle ones for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export interface ProgressData {
  students: readonly { id: string; created_at: number }[];
  steps: readonly { student_id: string; lesson: string; step: string; done_at: number }[];
}

/**
 * Where the class is in one lesson. `atStep[i]`: students whose page has this lesson open (`lessonOf`) and whose
 * first step not done is step i; the last entry counts those with every step done. `medianMs[i]`: over every
 * student who did step i, the median of the time from their previous step done (in any lesson), or from joining,
 * to it.
 */
export function lessonProgress(
  slug: string,
  stepIds: readonly string[],
  data: ProgressData,
  lessonOf: (student: string) => string | null,
): { slug: string; atStep: number[]; medianMs: (number | null)[] } {
  const atStep = new Array<number>(stepIds.length + 1).fill(0);
  const durations = stepIds.map((): number[] => []);
  const byStudent = new Map<string, { lesson: string; step: string; done_at: number }[]>();
  for (const d of data.steps) {
    const list = byStudent.get(d.student_id);
    if (list) list.push(d);
    else byStudent.set(d.student_id, [d]);
  }
  for (const s of data.students) {
    const mine = (byStudent.get(s.id) ?? []).sort((a, b) => a.done_at - b.done_at);
    const doneHere = new Set(mine.filter((d) => d.lesson === slug).map((d) => d.step));
    if (lessonOf(s.id) === slug) {
      const at = stepIds.findIndex((id) => !doneHere.has(id));
      const i = at === -1 ? stepIds.length : at;
      atStep[i] = (atStep[i] ?? 0) + 1;
    }
    let previous = s.created_at;
    for (const d of mine) {
      const i = d.lesson === slug ? stepIds.indexOf(d.step) : -1;
      if (i >= 0) durations[i]?.push(Math.max(0, d.done_at - previous));
      previous = Math.max(previous, d.done_at);
    }
  }
  return { slug, atStep, medianMs: durations.map(median) };
}
