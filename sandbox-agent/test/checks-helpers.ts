// Shared by the lesson-check kernel tests: typing a line into a sandbox shell and waiting for the next
// prompt marker (which also proves the shell prints it), judging every step of a lesson on a fresh
// snapshot, timing it, and (with GAIOLA_RECORD_CHECK_FIXTURES=1) recording the snapshot as a fixture for
// the checks' unit tests (sandbox-agent/src/checks/fixtures/).
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { type CgroupVersion, type LessonDef, onHost } from '../../lessons/types';
import { checks } from '../src/checks/index';
import type { CheckResult } from '../src/checks/types';
import type { KernelConfig } from '../src/kernel/config';
import type { FixtureLike } from '../src/kernel/inspect';
import { inspectSandbox } from '../src/kernel/inspect';
import type { HostProbe } from '../src/kernel/probe';
import { PROMPT_MARKER } from '../src/kernel/prompt-marker';
import type { Sandbox } from '../src/kernel/sandbox';
import type { SandboxSnapshot } from '../src/kernel/snapshot';
import { judgeSteps, lessonNeeds } from '../src/lessons/judge';
import {
  COMMAND_TIMEOUT_MS,
  cleanupTestRun,
  hostMountPoints,
  type KernelSuite,
  leftovers,
  processesInUidRange,
  sandboxFixture,
  type Terminal,
} from './kernel-helpers';

export const RECORD = process.env.GAIOLA_RECORD_CHECK_FIXTURES === '1';
const FIXTURE_DIR = fileURLToPath(new URL('../src/checks/fixtures/', import.meta.url));

export function promptCount(text: string): number {
  return text.split(PROMPT_MARKER).length - 1;
}

/** The output ends with a prompt: nothing but the prompt's own text after the last marker. */
function atPrompt(text: string): boolean {
  const i = text.lastIndexOf(PROMPT_MARKER);
  return i !== -1 && !text.slice(i).includes('\n');
}

/** Types `line` and Enter, then waits for the next prompt (marker included) of whatever shell reads it. */
export async function typeLine(t: Terminal, line: string, timeoutMs = COMMAND_TIMEOUT_MS): Promise<string> {
  // First the shell must sit at a prompt (the one after a Terminal.run may still be on its way).
  await t.waitFor(atPrompt, 'a prompt', timeoutMs);
  const before = t.output.length;
  const n = promptCount(t.output);
  t.pty.write(`${line}\n`);
  await t.waitFor((o) => promptCount(o) > n, `the prompt after ${JSON.stringify(line)}`, timeoutMs);
  return t.output.slice(before);
}

/**
 * Every step of `lesson` judged on one snapshot, by step id: the engine's own judging (lessons/judge.ts) with
 * the agent's check registry, so a test here fails when what the agent runs is wrong, not a copy of it.
 */
export function judge(lesson: LessonDef, snap: SandboxSnapshot): Record<string, CheckResult> {
  return Object.fromEntries(judgeSteps(lesson.slug, lesson.steps, snap, checks));
}

export class Observer {
  /** Milliseconds of each snapshot + checks run. */
  readonly timings: number[] = [];

  constructor(
    private readonly sb: Sandbox,
    private readonly lesson: LessonDef,
    private readonly fixtures: () => Record<string, FixtureLike>,
    private readonly extraPaths: string[] = [],
  ) {}

  async look(): Promise<{ snap: SandboxSnapshot; results: Record<string, CheckResult> }> {
    const t0 = performance.now();
    // What the engine asks the snapshot to read for this lesson (lessons/judge.ts), plus any path a test
    // records for the unit tests' fixtures.
    const needs = lessonNeeds(this.lesson);
    const snap = await inspectSandbox(this.sb, {
      paths: [...needs.paths, ...this.extraPaths],
      fixtures: this.fixtures(),
      ...needs.reads,
    });
    const results = judge(this.lesson, snap);
    this.timings.push(performance.now() - t0);
    return { snap, results };
  }

  /** Step ids judged done now. */
  async done(): Promise<string[]> {
    const { results } = await this.look();
    return Object.entries(results)
      .filter(([, r]) => r.done)
      .map(([id]) => id);
  }

  /**
   * Looks until `stepId` is done (a fixture's report may land a few ms after the prompt); returns the
   * last look. Fails with the last hint after `timeoutMs`.
   */
  async until(
    stepId: string,
    timeoutMs = 5_000,
  ): Promise<{ snap: SandboxSnapshot; results: Record<string, CheckResult> }> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const seen = await this.look();
      if (seen.results[stepId]?.done) return seen;
      if (Date.now() > deadline)
        throw new Error(`step ${stepId} not done after ${timeoutMs} ms: ${JSON.stringify(seen.results[stepId])}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  median(): number {
    const s = [...this.timings].sort((a, b) => a - b);
    return s[Math.floor(s.length / 2)] ?? Number.NaN;
  }
}

/** With GAIOLA_RECORD_CHECK_FIXTURES=1, saves a snapshot as src/checks/fixtures/NAME.json. */
export function record(name: string, snap: SandboxSnapshot): void {
  if (!RECORD) return;
  mkdirSync(FIXTURE_DIR, { recursive: true });
  writeFileSync(`${FIXTURE_DIR}${name}.json`, `${JSON.stringify(snap, null, 1)}\n`);
}

/** One look: the snapshot and every step judged on it. */
export type Look = Awaited<ReturnType<Observer['look']>>;

/** A lesson's sandbox with two shells (tabs A and B) and an Observer; filled in by beforeAll. */
export interface LessonRig {
  readonly cfg: KernelConfig;
  readonly lesson: LessonDef;
  /** The host's cgroup version, as the lesson's commands name it. */
  readonly version: CgroupVersion;
  sb: Sandbox;
  a: Terminal;
  b: Terminal;
  obs: Observer;
  /**
   * The first look, at the fresh sandbox: the lesson's steps are `stepIds` in order (when given), none is done,
   * and the snapshot is recorded as the fixture `name`.
   */
  lookFresh(name: string, stepIds?: readonly string[]): Promise<Look>;
  /** One look, recorded as the fixture `name` (GAIOLA_RECORD_CHECK_FIXTURES=1). */
  lookAs(name: string): Promise<Look>;
  /**
   * Types step `stepId`'s commands as the page shows them on this host (typeStep, `skip` as there), looks until
   * the step is done and records that look as the fixture `name`; returns the commands' outputs and the look.
   */
  solveStep(stepId: string, name: string, skip?: (text: string) => boolean): Promise<{ outs: string[]; seen: Look }>;
  /** Destroys the sandbox and expects nothing of it left on the host: processes, cgroups, run dirs, mounts. */
  destroyAndExpectNothingLeft(): Promise<void>;
}

export interface LessonRigOptions {
  hostname: string;
  /** The tag of the timing line printed at the end. */
  tag: string;
  fixtures?: () => Record<string, FixtureLike>;
  extraPaths?: string[];
  /** Runs once the shells are at a prompt (e.g. starting a lesson fixture). */
  afterCreate?: (rig: LessonRig) => Promise<void>;
  /** Runs before the sandbox is destroyed at the end, even when a test failed. */
  beforeDestroy?: (rig: LessonRig) => Promise<void>;
}

/**
 * Registers the beforeAll/afterAll of a lesson-check kernel test: a fresh sandbox with two shells (a
 * sandboxFixture), an Observer; at the end everything destroyed and the test run's cgroups and run dirs
 * removed even after a failure.
 */
export function lessonRig(lesson: LessonDef, probe: HostProbe, opts: LessonRigOptions): LessonRig {
  const box = sandboxFixture(probe, {
    hostnames: [opts.hostname],
    shells: 2,
    size: { cols: 160, rows: 40 },
    release: async () => {
      if (rig.sb) await opts.beforeDestroy?.(rig);
      if (rig.obs && rig.obs.timings.length > 0)
        console.log(
          `[${opts.tag}] snapshot+checks: median ${rig.obs.median().toFixed(1)} ms over ${rig.obs.timings.length}`,
        );
    },
  });
  const { cfg } = box;
  const rig = {
    cfg,
    lesson,
    version: lessonCgroupVersion(probe),
    async lookFresh(name: string, stepIds?: readonly string[]) {
      if (stepIds) expect(lesson.steps.map((s) => s.id)).toEqual(stepIds);
      const seen = await rig.lookAs(name);
      expect(notDone(seen.results), `steps done in a fresh sandbox (${name})`).toEqual([]);
      return seen;
    },
    async lookAs(name: string) {
      const seen = await rig.obs.look();
      record(name, seen.snap);
      return seen;
    },
    async solveStep(stepId: string, name: string, skip?: (text: string) => boolean) {
      const outs = await typeStep(rig, lesson, stepId, rig.version, skip);
      const seen = await rig.obs.until(stepId);
      record(name, seen.snap);
      return { outs, seen };
    },
    async destroyAndExpectNothingLeft() {
      await rig.sb.destroy();
      expect(processesInUidRange(rig.sb.uidBase)).toEqual([]);
      await cleanupTestRun(cfg, probe);
      expect(leftovers(cfg, probe)).toEqual([]);
      expect(hostMountPoints()).toEqual(box.mountsBefore);
    },
  } as LessonRig;

  beforeAll(async () => {
    rig.sb = box.sandbox();
    rig.a = box.shell(0);
    rig.b = box.shell(1);
    await opts.afterCreate?.(rig);
    rig.obs = new Observer(rig.sb, lesson, opts.fixtures ?? (() => ({})), opts.extraPaths);
  });
  return rig;
}

/** The host's cgroup version, as lessons name it. */
export function lessonCgroupVersion(probe: HostProbe): CgroupVersion {
  return probe.cgroup.mode === 'v2' ? 'v2' : 'v1';
}

/**
 * Types a step's commands as the page shows them on this host (each into its tab, waiting for the prompt
 * after it), so the lesson's own commands are the reference solution; returns each command's output.
 */
export async function typeStep(
  rig: LessonRig,
  lesson: LessonDef,
  stepId: string,
  version: CgroupVersion,
  skip: (text: string) => boolean = () => false,
): Promise<string[]> {
  const step = lesson.steps.find((s) => s.id === stepId);
  if (!step) throw new Error(`lesson ${lesson.slug} has no step ${stepId}`);
  const outs: string[] = [];
  for (const c of step.commands) {
    if (!onHost(c, version) || skip(c.text)) continue;
    outs.push(await typeLine(c.tab === 0 ? rig.a : rig.b, c.text));
  }
  return outs;
}

/**
 * Types every step's commands in order, looking after each one as the agent does at each prompt: a step seen
 * done stays done (its last commands may undo the state, e.g. `exit`), and must be seen before the next
 * step starts.
 */
export async function solveLesson(
  rig: LessonRig,
  lesson: LessonDef,
  tag: string,
  version: CgroupVersion,
  /** Lines the page's prose asks for between steps (not buttons), typed before the step: [tab, line]. */
  before: Record<string, [0 | 1, string][]> = {},
): Promise<void> {
  const seen = new Set<string>();
  const look = async (stepId: string) => {
    const r = await rig.obs.look();
    for (const [id, res] of Object.entries(r.results)) if (res.done) seen.add(id);
    if (seen.has(stepId) && !seen.has(`recorded:${stepId}`)) {
      seen.add(`recorded:${stepId}`);
      record(`${tag}-${stepId}`, r.snap);
    }
    return r;
  };
  for (const step of lesson.steps) {
    for (const [tab, line] of before[step.id] ?? []) await typeLine(tab === 0 ? rig.a : rig.b, line);
    for (const c of step.commands) {
      if (!onHost(c, version)) continue;
      await typeLine(c.tab === 0 ? rig.a : rig.b, c.text);
      await look(step.id);
    }
    const deadline = Date.now() + 10_000;
    let last = await look(step.id);
    while (!seen.has(step.id) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      last = await look(step.id);
    }
    expect(seen.has(step.id), `${lesson.slug} step ${step.id}: ${JSON.stringify(last.results[step.id])}`).toBe(true);
  }
}

/** The ids of the steps done in `results` (none, when nothing was done yet). */
export const notDone = (results: Record<string, { done: boolean }>) =>
  Object.entries(results)
    .filter(([, r]) => r.done)
    .map(([id]) => id);

export interface SolvedLessonSpec {
  /** What the lesson is about, in the describe block's title: "lesson NN (about) on a real sandbox". */
  about: string;
  /** What the first test shows passing nothing, after "is not done fresh; ". */
  fakes: string;
  /** Types the fakes and expects each to pass nothing; `fresh` is the first look (lookFresh). */
  tryFakes: (rig: LessonRig, fresh: Look) => Promise<void>;
  /** Lines the page's prose asks for between steps (solveLesson's `before`). */
  before?: Record<string, [0 | 1, string][]>;
  /** lessonRig's beforeDestroy. */
  beforeDestroy?: LessonRigOptions['beforeDestroy'];
  /** Runs in the last test before the sandbox is destroyed (what the lesson leaves running). */
  beforeLast?: (rig: LessonRig) => Promise<unknown>;
}

/**
 * A lesson on a sandbox of its own, in three tests: nothing is done fresh and the fakes of `spec` pass nothing;
 * the lesson's own commands, typed in order, turn each step done as it comes (solveLesson); nothing is left on
 * the host.
 */
export function describeSolvedLesson(suite: KernelSuite, lesson: LessonDef, spec: SolvedLessonSpec): void {
  // The lesson's number: the sandbox is gaiola-lessonNN, the timing tag checks-NN, the fresh fixture fresh-NN.
  const n = lesson.slug.slice(0, 2);
  describe.skipIf(suite.skip !== undefined)(`lesson ${n} (${spec.about}) on a real sandbox`, () => {
    const rig = lessonRig(lesson, suite.probe, {
      hostname: `gaiola-lesson${n}`,
      tag: `checks-${n}`,
      beforeDestroy: spec.beforeDestroy,
    });
    it(`is not done fresh; ${spec.fakes}`, async () => {
      await spec.tryFakes(rig, await rig.lookFresh(`fresh-${n}`));
    });
    it('turns every step done with the lesson’s commands', async () => {
      await solveLesson(rig, lesson, n, rig.version, spec.before);
    });
    it('leaves nothing on the host', async () => {
      await spec.beforeLast?.(rig);
      await rig.destroyAndExpectNothingLeft();
    });
  });
}
