// "Prepare this lesson" and "Start this step again" (issue 21) through the real agent: the page names a lesson
// (and a step), the agent frees the sandbox, runs the lesson's preparation and the earlier steps' replay in the
// fresh one (no terminal tab typed into), and the checks judge from the kernel state it left. Every lesson that
// declares a preparation is prepared here: its commands (tests of what the lesson needs) pass and no step is done.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { lessons } from '../../lessons/index';
import { type LessonDef, preparationScript, restartableSteps } from '../../lessons/types';
import { inspectSandbox } from '../src/kernel/inspect';
import { PREPARE_TIMEOUT_MS } from '../src/lessons/engine';
import { lessonNeeds } from '../src/lessons/judge';
import type { PreparedMessage, ServerMessage, StepResult } from '../src/protocol';
import { CloseCode, ErrorCode } from '../src/protocol';
import { type Harness, startAgent, TermClient, tokenFor, waitUntil } from './agent-harness';
import { judge, lessonCgroupVersion } from './checks-helpers';
import { kernelSuite, processesInUidRange, sandboxFixture } from './kernel-helpers';

const { probe, skip } = kernelSuite('prepare-lesson.kernel.test');
const cgroupDir = probe.cgroup.mode === 'v2' ? '/sys/fs/cgroup/demo' : '/sys/fs/cgroup/memory/demo';

type Steps = Extract<ServerMessage, { type: 'steps' }>;

describe.skipIf(skip !== undefined)('prepare a lesson, start a step again (real agent)', () => {
  let h: Harness;
  const open: TermClient[] = [];

  beforeAll(async () => {
    h = await startAgent({ lessons: true, maxSandboxes: 8, slotOffset: 60, graceMs: 200 });
  });
  // Each test's student leaves: their sandbox goes after the grace period, and capacity stays for the next.
  afterEach(async () => {
    for (const c of open.splice(0)) await c.close();
  });
  afterAll(async () => {
    await h?.stop();
  });

  async function tab(token: string, slug: string): Promise<TermClient> {
    const c = new TermClient(h, token, 0);
    open.push(c);
    await c.open();
    await c.hello();
    c.sendJson({ type: 'lesson', slug });
    return c;
  }

  /** Asks for the preparation, waits for the 4012 close, reconnects and returns the `prepared` message. */
  async function prepare(token: string, slug: string, step?: string) {
    const before = await tab(token, slug);
    before.sendJson({ type: 'prepare', slug, ...(step ? { step } : {}) });
    await waitUntil(() => before.closeCode !== undefined, 'the old sandbox closed', 30_000);
    expect(before.closeCode).toBe(CloseCode.restarted);
    const after = await tab(token, slug);
    await waitUntil(() => after.control.some((m) => m.type === 'prepared'), 'prepared', 60_000);
    const prepared = after.control.find((m) => m.type === 'prepared') as PreparedMessage;
    return { after, prepared };
  }

  /** The latest steps message after `from` control messages, once `ok` holds for it. */
  async function stepsWhere(c: TermClient, ok: (steps: StepResult[]) => boolean): Promise<StepResult[]> {
    let found: StepResult[] | undefined;
    await waitUntil(() => {
      const all = c.control.filter((m): m is Steps => m.type === 'steps');
      found = all.at(-1)?.steps;
      return found !== undefined && ok(found);
    }, 'a steps message');
    return found ?? [];
  }

  const withPrep = lessons.filter((l) => (l.prepare ?? []).length > 0);

  it('has lessons that declare a preparation', () => {
    expect(withPrep.map((l) => l.slug)).toContain('08-overlay');
  });

  for (const lesson of withPrep) {
    it(`prepares ${lesson.slug} in a fresh sandbox: its preparation passes and no step is done`, async () => {
      const token = await tokenFor(h);
      const { after, prepared } = await prepare(token, lesson.slug);
      expect(prepared).toEqual({
        type: 'prepared',
        slug: lesson.slug,
        ok: true,
        prepared: (lesson.prepare ?? []).map((p) => p.id),
        replayed: [],
      });
      const steps = await stepsWhere(after, (s) => s.length === lesson.steps.length);
      expect(steps.filter((s) => s.done)).toEqual([]);
    });
  }

  it('starts step join of lesson 05 again: group is replayed (prepared), join is not done until the student does it', async () => {
    const token = await tokenFor(h);
    // The student broke step 1: a group without its limit.
    const first = await tab(token, '05-cgroups-memory');
    await first.run(`mkdir ${cgroupDir}`);
    const { after, prepared } = await prepare(token, '05-cgroups-memory', 'join');
    expect(prepared).toMatchObject({ ok: true, step: 'join', prepared: [], replayed: ['group'] });
    const steps = await stepsWhere(after, (s) => s[0]?.done === true);
    expect(steps[0]).toMatchObject({ id: 'group', done: true, prepared: true });
    expect(steps[1]).toMatchObject({ id: 'join', done: false });
    // The replay is kernel state: the fresh sandbox's group has the step's 100 MiB.
    const limit = probe.cgroup.mode === 'v2' ? 'memory.max' : 'memory.limit_in_bytes';
    expect(await after.run(`cat ${cgroupDir}/${limit}`)).toBe('104857600');
    await after.run(`echo $$ > ${cgroupDir}/cgroup.procs`);
    const joined = await stepsWhere(after, (s) => s[1]?.done === true);
    expect(joined[1]).toMatchObject({ id: 'join', done: true });
    expect(joined[1]?.prepared).toBeUndefined();
  });

  it('starts step whiteout of lesson 08 again: mount and copy-up are replayed, whiteout is not done', async () => {
    const token = await tokenFor(h);
    const { after, prepared } = await prepare(token, '08-overlay', 'whiteout');
    expect(prepared).toMatchObject({ ok: true, prepared: ['rootfs'], replayed: ['mount', 'copy-up'] });
    const steps = await stepsWhere(after, (s) => s[1]?.done === true);
    expect(steps.map((s) => [s.id, s.done, s.prepared ?? false])).toEqual([
      ['mount', true, true],
      ['copy-up', true, true],
      ['whiteout', false, false],
      ['layers', false, false],
      ['two-containers', false, false],
    ]);
    expect(await after.run('cat /root/ov/upper/baixo.txt')).toBe('baixo\nmudou');
  });

  it('refuses a step the lesson does not have, or one after a step it cannot redo, and keeps the sandbox', async () => {
    const token = await tokenFor(h);
    const c = await tab(token, '05-cgroups-memory');
    for (const step of ['no-such-step', 'usage']) {
      const n = c.control.length;
      c.sendJson({ type: 'prepare', slug: '05-cgroups-memory', step });
      await waitUntil(
        () => c.control.slice(n).some((m) => m.type === 'error' && m.code === ErrorCode.unknownStep),
        `unknown_step for ${step}`,
      );
    }
    expect(c.closeCode).toBeUndefined();
    expect(await c.run('echo still')).toBe('still');
  });
});

describe.skipIf(skip !== undefined)('a preparation script in a sandbox (Sandbox.runScript)', () => {
  const box = sandboxFixture(probe, { hostnames: ['gaiola-prep'], checkProcesses: true });

  it('runs as root inside, in /root, stops at the first failure with its exit code, and is cut at its time cap', async () => {
    const sb = box.sandbox();
    const ok = await sb.runScript('id -u\npwd\nhostname', 10_000);
    expect(ok).toEqual({ code: 0, timedOut: false, output: expect.stringMatching(/^0\r?\n\/root\r?\ngaiola-prep$/) });
    const failed = await sb.runScript('false\necho never', 10_000);
    expect(failed.code).toBe(1);
    expect(failed.output).not.toContain('never');
    // A command that waits for input (or hangs) is killed with its whole session at the cap.
    const stuck = await sb.runScript('sleep 600 & cat', 300);
    expect(stuck).toMatchObject({ code: null, timedOut: true });
    await waitUntil(() => processesInUidRange(sb.uidBase, true).length === 1, 'only the sandbox init left');
  });
});

// Every lesson whose steps the agent can redo, started again at the last step it can: in a fresh sandbox the
// preparation and the replay pass, the checks (the engine's own judging) see every step replayed done from the
// kernel state, and the step started again not done.
const replaying = lessons
  .map((lesson) => ({ lesson, at: restartableSteps(lesson).at(-1) }))
  .filter((r): r is { lesson: LessonDef; at: string } => r.at !== undefined && r.at !== r.lesson.steps[0]?.id);

describe.skipIf(skip !== undefined)('each replay leaves what the checks of the steps replayed see done', () => {
  const box = sandboxFixture(probe, {
    hostnames: replaying.map((_, i) => `gaiola-replay${i}`),
    // A student's shell, as the agent always has one: the snapshot sees the mounts through the sandbox's processes.
    shells: 1,
    checkProcesses: true,
  });

  it('has lessons whose steps can be replayed', () => {
    expect(replaying.map((r) => r.lesson.slug)).toEqual(
      expect.arrayContaining(['05-cgroups-memory', '07-mounts', '08-overlay', '11-container-by-hand']),
    );
  });

  for (const [i, { lesson, at }] of replaying.entries()) {
    it(`${lesson.slug}, started again at ${at}`, async () => {
      const sb = box.sandbox(i);
      const plan = preparationScript(lesson, at, lessonCgroupVersion(probe));
      if (!plan) throw new Error(`${lesson.slug} cannot start ${at} again`);
      const ran = await sb.runScript(plan.commands.join('\n'), PREPARE_TIMEOUT_MS);
      expect(ran, ran.output).toMatchObject({ code: 0, timedOut: false });
      const needs = lessonNeeds(lesson);
      const snap = await inspectSandbox(sb, { paths: needs.paths, fixtures: {}, ...needs.reads });
      const results = judge(lesson, snap);
      for (const id of plan.replayed) expect(results[id], `${id} replayed`).toEqual({ done: true });
      expect(results[at]?.done, `${at} started again`).toBe(false);
    });
  }
});
