// The instructor's view of a class, built from the store: one row per student with steps, first-answer
// scores and questions answered per lesson, the lesson they are on, presence; and one student's whole
// history. Pure over the rows.
import {
  type HelpEntry,
  type InstructorState,
  type StuckBy,
  type StudentDetail,
  type StudentRow,
  taggedName,
} from '../protocol';
import type { AuditRow, ClassStudentRow, QuizAttemptRow } from '../store/store';
import type { Watch } from './class-watch';
import type { AuditCsvRow, CsvRow } from './csv';
import type { Hand } from './help-queue';

export interface ClassData {
  students: ClassStudentRow[];
  steps: { student_id: string; lesson: string; step: string; done_at: number }[];
  attempts: (QuizAttemptRow & { student_id: string; lesson: string })[];
}

/**
 * Stuck (issue 20): active in the terminal within the last `thresholdMs`, and no progress (a step done, else
 * joining or the first activity this run) for at least as long.
 */
export function isStuck(p: { activeAt?: number; progressAt: number; now: number; thresholdMs: number }): boolean {
  return p.activeAt !== undefined && p.now - p.activeAt < p.thresholdMs && p.now - p.progressAt >= p.thresholdMs;
}

/** What the agent saw of a student beyond the store (class-mode.ts): why they are stuck, if they are, and their terminal. */
export type AgentSaw = (id: string, lastStepAt: number) => { stuckBy: StuckBy | undefined; watch: Watch | undefined };

/**
 * The table's rows. `openLesson` is the lesson a student's page has open, if the agent knows it: a student
 * who opened lesson 3 and has done nothing in it yet is on lesson 3, not on the lesson of their last step.
 * `agentSaw` adds what the agent saw this run: the stuck badge and its reason, and the terminal's watch.
 */
export function studentRows(
  data: ClassData,
  online: (id: string) => boolean,
  openLesson: (id: string) => string | undefined = () => undefined,
  agentSaw: AgentSaw = () => ({ stuckBy: undefined, watch: undefined }),
): StudentRow[] {
  return data.students.map((s) => {
    const steps: Record<string, number> = {};
    const quiz: Record<string, number> = {};
    const answered: Record<string, number> = {};
    let last: { at: number; lesson: string } | undefined;
    let lastStepAt = s.created_at;
    const seen = (at: number, lesson: string) => {
      if (!last || at >= last.at) last = { at, lesson };
    };
    for (const d of data.steps) {
      if (d.student_id !== s.id) continue;
      steps[d.lesson] = (steps[d.lesson] ?? 0) + 1;
      lastStepAt = Math.max(lastStepAt, d.done_at);
      seen(d.done_at, d.lesson);
    }
    for (const a of data.attempts) {
      if (a.student_id !== s.id) continue;
      // every answered question has exactly one first attempt
      if (a.attempt === 1) answered[a.lesson] = (answered[a.lesson] ?? 0) + 1;
      if (a.attempt === 1 && a.correct) quiz[a.lesson] = (quiz[a.lesson] ?? 0) + 1;
      seen(a.answered_at, a.lesson);
    }
    const { stuckBy, watch } = agentSaw(s.id, lastStepAt);
    return {
      id: s.id,
      name: s.display_name,
      tag: s.name_tag,
      joinedAt: s.created_at,
      lastSeenAt: Math.max(s.last_seen_at, last?.at ?? 0),
      online: online(s.id),
      currentLesson: openLesson(s.id) ?? last?.lesson ?? null,
      steps,
      quiz,
      answered,
      stuck: stuckBy !== undefined,
      ...(stuckBy && { stuckBy }),
      ...(watch && { watch }),
    };
  });
}

export function studentDetailOf(data: ClassData, row: StudentRow): StudentDetail {
  return {
    student: row,
    steps: data.steps
      .filter((d) => d.student_id === row.id)
      .map((d) => ({ lesson: d.lesson, step: d.step, doneAt: d.done_at })),
    attempts: data.attempts
      .filter((a) => a.student_id === row.id)
      .map((a) => ({
        lesson: a.lesson,
        question: a.question,
        attempt: a.attempt,
        option: a.option,
        correct: a.correct,
        answeredAt: a.answered_at,
      })),
  };
}

/** The export rows: steps, then attempts, in time order; the student named as shown ("Ana (2)"). */
export function csvRows(data: ClassData): CsvRow[] {
  const names = new Map(data.students.map((s) => [s.id, taggedName(s.display_name, s.name_tag)]));
  const iso = (ms: number) => new Date(ms).toISOString();
  const empty = { step: null, done_at: null, question: null, attempt: null, answer: null, correct: null };
  return [
    ...data.steps.map((d) => ({
      ...empty,
      student: names.get(d.student_id) ?? d.student_id,
      lesson: d.lesson,
      step: d.step,
      done_at: iso(d.done_at),
    })),
    ...data.attempts.map((a) => ({
      ...empty,
      student: names.get(a.student_id) ?? a.student_id,
      lesson: a.lesson,
      done_at: iso(a.answered_at),
      question: a.question,
      attempt: a.attempt,
      answer: a.option,
      correct: a.correct,
    })),
  ];
}

/** The audit's rows, oldest first; a record not ended yet (a look going on) has no end and no length. */
export function auditCsvRows(rows: readonly AuditRow[]): AuditCsvRow[] {
  return rows.map((r) => ({
    kind: r.kind,
    instructor: r.instructor,
    student: r.student_name ?? r.student_id,
    started_at: new Date(r.started_at).toISOString(),
    ended_at: r.ended_at === null ? null : new Date(r.ended_at).toISOString(),
    seconds: r.ended_at === null ? null : Math.round((r.ended_at - r.started_at) / 1000),
    detail: r.detail,
  }));
}

/**
 * The help queue as the instructor sees it, oldest first: each hand with the lesson its student is on and that
 * lesson's first step not done yet (by the steps' order), read now, so it follows the student's progress.
 */
export function helpEntries(
  hands: readonly Hand[],
  data: Pick<ClassData, 'steps'>,
  rows: readonly StudentRow[],
  stepIds: (slug: string) => readonly string[],
): HelpEntry[] {
  const lessonOf = new Map(rows.map((r) => [r.id, r.currentLesson]));
  return hands
    .filter((h) => lessonOf.has(h.student))
    .map((h) => {
      const lesson = lessonOf.get(h.student) ?? null;
      const done = new Set(
        data.steps.filter((d) => d.student_id === h.student && d.lesson === lesson).map((d) => d.step),
      );
      const ids = lesson ? stepIds(lesson) : [];
      const n = ids.findIndex((id) => !done.has(id));
      const id = ids[n];
      return {
        student: h.student,
        lesson,
        step: id === undefined ? null : { n: n + 1, id },
        question: h.question,
        raisedAt: h.raisedAt,
      };
    });
}

export type CapacityView = InstructorState['capacity'];
