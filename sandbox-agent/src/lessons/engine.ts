// The lesson engine: which lesson each student has open, when to run its checks against the sandbox's
// kernel state, what was seen done (kept in the store: done stays done), quiz grading, and the
// fixtures a lesson needs in the sandbox (lesson 01's `marca` process).
// Layer: imports only kernel/, checks/, sessions/, store/, protocol/ and the course (README; biome.json).

import { type CgroupVersion, type LessonDef, preparationScript } from '../../../lessons/types';
import type { SnapshotNeeds } from '../checks/index';
import type { Check } from '../checks/types';
import type { Sandbox } from '../kernel/sandbox';
import type { FixtureState, SandboxSnapshot } from '../kernel/snapshot';
import type {
  LessonProgress,
  QuizAnswerRequest,
  QuizProgress,
  QuizResult,
  ServerMessage,
  StepResult,
} from '../protocol';
import type { ShellActivity } from '../sessions/shell-session';
import type { Store } from '../store/store';
import type { Catalog, CatalogLesson } from './catalog';
import { gradeAnswer } from './grade';
import { judgeSteps, lessonNeeds } from './judge';

/**
 * A check run at most this often per student: a burst of prompts (a loop printing them) costs one run
 * per interval. A run takes about 6 ms (snapshot + checks, 10 processes; see the closing notes).
 */
const MIN_RUN_INTERVAL_MS = 100;
/**
 * A lesson's preparation and replayed steps get this long in the sandbox: they make a few directories, mounts
 * and cgroups (tens of milliseconds); a copy of the busybox rootfs takes well under a second. Past it something
 * waits for input or hangs, and the student is told the preparation failed.
 */
export const PREPARE_TIMEOUT_MS = 20_000;

export interface FixtureHandle {
  state(): FixtureState;
  stop(): Promise<void>;
  /** Resolves once the fixture runs in the sandbox; rejects when it cannot start. */
  readonly ready: Promise<unknown>;
  /** Resolves when the fixture's process is gone (after its report, if it wrote one). */
  readonly exited: Promise<void>;
}

/** A fixture started in place of `dead`: its state says how `dead` died (see FixtureState.replaces). */
function replacing(handle: FixtureHandle, dead: FixtureState): FixtureHandle {
  const replaces = { killedBy: dead.killedBy };
  return {
    ready: handle.ready,
    exited: handle.exited,
    stop: () => handle.stop(),
    state: () => ({ ...handle.state(), replaces }),
  };
}

/** A step as saved: not done, done by the student, or done by the agent's replay (prepared). */
function doneResult(id: string, doneAt: number | undefined, prepared: ReadonlySet<string>): StepResult {
  if (doneAt === undefined) return { id, done: false };
  return prepared.has(id) ? { id, done: true, doneAt, prepared: true } : { id, done: true, doneAt };
}

export interface EngineKernel {
  /** A snapshot begun at `notBefore` or later (sessions/sandbox-observer.ts shares it with the panel). */
  inspect(
    sb: Sandbox,
    opts: { paths: string[]; fixtures: Record<string, FixtureHandle>; notBefore: number } & SnapshotNeeds,
  ): Promise<SandboxSnapshot>;
  startFixture(sb: Sandbox, name: string): FixtureHandle;
  checks: Readonly<Record<string, Check>>;
  /** The host's cgroup layout, as the lessons' commands name it: which of a step's commands a replay runs. */
  cgroupVersion: CgroupVersion;
}

/** A preparation asked for, run in the student's next sandbox before its first check. */
interface PendingPrepare {
  slug: string;
  lesson: LessonDef;
  step: string | undefined;
  commands: string[];
  prepared: string[];
  replayed: string[];
  /** The step restarted and the ones after it: judged again from the fresh sandbox. */
  retry: string[];
}

export interface EngineRegistry {
  sandboxOf(studentId: string): Promise<Sandbox | undefined>;
  broadcast(studentId: string, msg: ServerMessage): void;
  destroy(studentId: string, reason: string, closeCode?: number): Promise<void>;
}

interface StudentState {
  lesson: string | undefined;
  running: boolean;
  again: boolean;
  lastRun: number;
  /** When the latest reason to run came (a prompt, a lesson opened): the snapshot must be newer. */
  lastTrigger: number;
  timer: NodeJS.Timeout | undefined;
  /** Fixtures of the current sandbox, by name; freed with the sandbox. */
  fixtures: Map<string, FixtureHandle>;
  sandboxId: string | undefined;
  /** "Prepare this lesson" / "Start this step again" waiting for the fresh sandbox. */
  prepare: PendingPrepare | undefined;
}

export class LessonEngine {
  private readonly students = new Map<string, StudentState>();

  constructor(
    private readonly catalog: Catalog,
    private readonly store: Store,
    private readonly registry: EngineRegistry,
    private readonly kernel: EngineKernel,
    private readonly log: (line: string) => void,
    /** Called when a student's page opens another lesson (class mode's table shows the lesson they are on). */
    private readonly onLessonOpened: (studentId: string, slug: string) => void = () => {},
    /** Called with each check run's results (class mode counts the check that keeps failing: issue 20). */
    private readonly onChecked: (studentId: string, slug: string, steps: readonly StepResult[]) => void = () => {},
  ) {}

  /** Activity hooks for a new shell of this student: each is a reason to run the checks. */
  activity(studentId: string): ShellActivity {
    return { prompt: () => this.trigger(studentId), quietAfterInput: () => this.trigger(studentId) };
  }

  /** A tab shows this lesson: prepare its fixtures, and check (what was saved is read over HTTP: progress()). */
  openLesson(studentId: string, slug: string): boolean {
    const lesson = this.catalog.get(slug);
    if (!lesson) return false;
    const st = this.state(studentId);
    const changed = st.lesson !== slug;
    st.lesson = slug;
    if (changed) this.onLessonOpened(studentId, slug);
    this.trigger(studentId);
    return true;
  }

  /** The "check" button. */
  check(studentId: string, slug: string): boolean {
    if (!this.catalog.has(slug)) return false;
    this.state(studentId).lesson = slug;
    this.trigger(studentId);
    return true;
  }

  /** Grades and stores an answer (the store's change hook tells class mode). Undefined: no such question. */
  async answer(
    studentId: string,
    { slug, question, option, locale }: QuizAnswerRequest,
  ): Promise<QuizResult | undefined> {
    const lesson = this.catalog.get(slug);
    if (!lesson) return undefined;
    const grade = gradeAnswer(lesson.def, lesson.answers, question, option, locale);
    if (!grade.ok) return undefined;
    const attempt = await this.store.addQuizAttempt(studentId, slug, question, option, grade.correct);
    return {
      slug,
      question,
      option,
      correct: grade.correct,
      feedback: grade.feedback,
      first: attempt === 1,
    };
  }

  /** "Start this lesson again": a fresh sandbox (the tabs reconnect to it), progress kept. */
  async restart(studentId: string): Promise<void> {
    await this.registry.destroy(studentId, 'restart', 4012);
  }

  /**
   * "Prepare this lesson" (`step` undefined) or "Start this step again": a fresh sandbox (the tabs reconnect to it)
   * that the next check run first brings to the start of `step` with the lesson's preparation and the earlier
   * steps' replay. False when the lesson or the step is unknown, or the step cannot be started again.
   */
  async prepare(studentId: string, slug: string, step: string | undefined): Promise<boolean> {
    const lesson = this.catalog.get(slug);
    if (!lesson) return false;
    const plan = preparationScript(lesson.def, step, this.kernel.cgroupVersion);
    if (!plan) return false;
    const ids = lesson.def.steps.map((s) => s.id);
    const st = this.state(studentId);
    st.lesson = slug;
    st.prepare = { slug, lesson: lesson.def, step, ...plan, retry: ids.slice(plan.replayed.length) };
    await this.registry.destroy(studentId, 'restart', 4012);
    return true;
  }

  /** The lesson this student's page last opened, since the agent started. */
  lessonOf(studentId: string): string | undefined {
    return this.students.get(studentId)?.lesson;
  }

  /** The registry freed this student's sandbox: its fixtures go with it. */
  sandboxGone(studentId: string): void {
    const st = this.students.get(studentId);
    if (!st) return;
    if (st.timer) clearTimeout(st.timer);
    st.timer = undefined;
    const fixtures = [...st.fixtures.values()];
    st.fixtures.clear();
    st.sandboxId = undefined;
    for (const f of fixtures) void f.stop().catch(() => {});
  }

  /**
   * Saved progress (read-only, no sandbox needed): every lesson's for the course index, or `only` that one's for
   * its page; saved quiz feedback in `locale`. Undefined when `only` names no lesson.
   */
  async progress(
    studentId: string,
    locale: 'pt' | 'gl' = 'pt',
    only?: string,
  ): Promise<Record<string, LessonProgress> | undefined> {
    if (only !== undefined) {
      const lesson = this.catalog.get(only);
      return lesson ? { [only]: await this.lessonProgress(studentId, lesson, locale) } : undefined;
    }
    const out: Record<string, LessonProgress> = {};
    for (const [slug, lesson] of this.catalog) out[slug] = await this.lessonProgress(studentId, lesson, locale);
    return out;
  }

  private async lessonProgress(studentId: string, lesson: CatalogLesson, locale: 'pt' | 'gl'): Promise<LessonProgress> {
    const slug = lesson.def.slug;
    const done = await this.store.stepsDone(studentId, slug);
    const prepared = await this.store.stepsPrepared(studentId, slug);
    const steps: StepResult[] = lesson.def.steps.map((s) => doneResult(s.id, done.get(s.id), prepared));
    const quiz: QuizProgress = {};
    for (const a of await this.store.quizAttempts(studentId, slug)) {
      const q = quiz[a.question];
      if (q) {
        q.attempts = a.attempt;
        continue;
      }
      // The first answer scores; its feedback is re-read from the key (a lesson edit may have reworded it).
      const grade = gradeAnswer(lesson.def, lesson.answers, a.question, a.option, locale);
      if (grade.ok)
        quiz[a.question] = { option: a.option, correct: a.correct, attempts: a.attempt, feedback: grade.feedback };
    }
    return { steps, quiz };
  }

  private state(studentId: string): StudentState {
    let st = this.students.get(studentId);
    if (!st) {
      st = {
        lesson: undefined,
        running: false,
        again: false,
        lastRun: 0,
        lastTrigger: 0,
        timer: undefined,
        fixtures: new Map(),
        sandboxId: undefined,
        prepare: undefined,
      };
      this.students.set(studentId, st);
    }
    return st;
  }

  private trigger(studentId: string): void {
    const st = this.state(studentId);
    if (!st.lesson) return;
    st.lastTrigger = Date.now();
    if (st.running) {
      st.again = true;
      return;
    }
    if (st.timer) return;
    const wait = Math.max(0, st.lastRun + MIN_RUN_INTERVAL_MS - Date.now());
    st.timer = setTimeout(() => {
      st.timer = undefined;
      void this.run(studentId);
    }, wait);
  }

  private async run(studentId: string): Promise<void> {
    const st = this.state(studentId);
    const slug = st.lesson;
    const lesson = slug ? this.catalog.get(slug) : undefined;
    if (!slug || !lesson) return;
    st.running = true;
    try {
      const sb = await this.registry.sandboxOf(studentId);
      if (!sb) return;
      if (st.sandboxId !== sb.id) {
        this.sandboxGone(studentId);
        st.sandboxId = sb.id;
        const pending = st.prepare;
        st.prepare = undefined;
        if (pending) await this.runPreparation(studentId, sb, pending);
      }
      const needs = lessonNeeds(lesson.def);
      const done = await this.store.stepsDone(studentId, slug);
      this.ensureFixtures(studentId, st, sb, needs.fixtures, done, false);
      const pending = lesson.def.steps.filter((s) => !done.has(s.id));
      const results = new Map<string, StepResult>();
      if (pending.length > 0) {
        const snap = await this.kernel.inspect(sb, {
          paths: needs.paths,
          fixtures: Object.fromEntries(st.fixtures),
          notBefore: st.lastTrigger,
          ...needs.reads,
        });
        for (const [stepId, r] of judgeSteps(slug, pending, snap, this.kernel.checks)) {
          if (r.done) {
            results.set(stepId, {
              id: stepId,
              done: true,
              doneAt: await this.store.markStepDone(studentId, slug, stepId),
            });
          } else {
            results.set(stepId, { id: stepId, done: false, hint: { key: r.hint, params: r.params ?? {} } });
          }
        }
      }
      const after = await this.store.stepsDone(studentId, slug);
      const prepared = await this.store.stepsPrepared(studentId, slug);
      const steps = lesson.def.steps.map((s): StepResult => {
        const at = after.get(s.id);
        return at !== undefined ? doneResult(s.id, at, prepared) : (results.get(s.id) ?? { id: s.id, done: false });
      });
      this.registry.broadcast(studentId, { type: 'steps', slug, steps });
      this.onChecked(studentId, slug, steps);
      // A fixture killed the wrong way comes back, so the student can try again.
      this.ensureFixtures(studentId, st, sb, needs.fixtures, after, true);
    } catch (err) {
      this.log(`checks of ${slug} failed: ${(err as Error).message}`);
      this.registry.broadcast(studentId, { type: 'error', code: 'check_failed' });
    } finally {
      st.running = false;
      st.lastRun = Date.now();
      if (st.again) {
        st.again = false;
        this.trigger(studentId);
      }
    }
  }

  /**
   * Runs a preparation in the fresh sandbox and, when it worked, records the restarted steps as not done and the
   * replayed ones as prepared; tells the student's page either way. The checks then judge from the kernel state.
   */
  private async runPreparation(studentId: string, sb: Sandbox, p: PendingPrepare): Promise<void> {
    const at = `${p.slug}${p.step ? ` at ${p.step}` : ''}`;
    let error: 'prepare_failed' | 'prepare_timeout' | undefined;
    try {
      const result = await sb.runScript(p.commands.join('\n'), PREPARE_TIMEOUT_MS);
      if (result.code === 0) await this.recordReplay(studentId, sb, p);
      else {
        error = result.timedOut ? 'prepare_timeout' : 'prepare_failed';
        this.log(
          `preparing ${at} failed (${result.timedOut ? 'time cap' : `exit ${result.code}`}): ${result.output.slice(-300)}`,
        );
      }
    } catch (err) {
      // The sandbox went away meanwhile, or its snapshot failed: the page must hear of it all the same.
      error = 'prepare_failed';
      this.log(`preparing ${at} failed: ${(err as Error).message}`);
    }
    this.registry.broadcast(studentId, {
      type: 'prepared',
      slug: p.slug,
      ...(p.step === undefined ? {} : { step: p.step }),
      ok: error === undefined,
      prepared: p.prepared,
      replayed: p.replayed,
      ...(error === undefined ? {} : { error }),
    });
  }

  /**
   * The checks decide here too: a replayed step is recorded prepared only once the kernel shows it done in the
   * fresh sandbox (one that is not stays to do); the restarted steps are to do again.
   */
  private async recordReplay(studentId: string, sb: Sandbox, p: PendingPrepare): Promise<void> {
    const replayed = p.lesson.steps.filter((s) => p.replayed.includes(s.id));
    const needs = lessonNeeds(p.lesson);
    const snap = await this.kernel.inspect(sb, {
      paths: needs.paths,
      fixtures: {},
      notBefore: Date.now(),
      ...needs.reads,
    });
    const seen = new Set(
      [...judgeSteps(p.slug, replayed, snap, this.kernel.checks)].filter(([, r]) => r.done).map(([id]) => id),
    );
    const unseen = p.replayed.filter((id) => !seen.has(id));
    if (unseen.length > 0) this.log(`preparing ${p.slug}: replayed but not seen done: ${unseen.join(', ')}`);
    await this.store.restartSteps(studentId, p.slug, [...seen], [...unseen, ...p.retry]);
  }

  /**
   * Starts the lesson's fixtures that are missing. With `replaceDead`, also replaces a dead one whose step
   * is not done (it was killed the wrong way): only after a check run has judged its death.
   */
  private ensureFixtures(
    studentId: string,
    st: StudentState,
    sb: Sandbox,
    wanted: Map<string, string>,
    done: Map<string, number>,
    replaceDead: boolean,
  ): void {
    for (const [name, stepId] of wanted) {
      if (done.has(stepId)) continue;
      const current = st.fixtures.get(name);
      if (current && (current.state().alive || !replaceDead)) continue;
      void current?.stop().catch(() => {});
      const started = this.kernel.startFixture(sb, name);
      const handle = current ? replacing(started, current.state()) : started;
      st.fixtures.set(name, handle);
      // Its start and its death are news: the run that started it saw it starting, and the run that
      // follows the student's `kill` may have looked a moment too early (the fixture still writing who
      // killed it), so check again once it is up and once it is gone.
      const again = () => {
        if (st.fixtures.get(name) === handle) this.trigger(studentId);
      };
      handle.ready.then(again, () => {});
      void handle.exited.then(again);
    }
  }
}
