// Lessons end to end through the real agent: the reference solutions typed into real ptys turn every
// step to done, triggered by the shells' prompts alone; the quiz is graded by the agent; progress is kept
// across reconnects and a sandbox restart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import chroot from '../../lessons/01-chroot/lesson';
import { type LessonDef, LOCALES, unfilledHintParams } from '../../lessons/types';
import { loadCatalog } from '../src/lessons/catalog';
import type { ServerMessage, StepResult } from '../src/protocol';
import { type Harness, startAgent, student, TermClient, tokenFor, waitUntil } from './agent-harness';

type Steps = Extract<ServerMessage, { type: 'steps' }>;

function latestSteps(c: TermClient, slug: string): StepResult[] | undefined {
  const all = c.control.filter((m): m is Steps => m.type === 'steps' && m.slug === slug);
  return all.at(-1)?.steps;
}

async function waitDone(c: TermClient, slug: string, step: string, timeoutMs = 15_000): Promise<number> {
  const t0 = performance.now();
  await waitUntil(
    () => latestSteps(c, slug)?.find((s) => s.id === step)?.done === true,
    `${slug}/${step} done`,
    timeoutMs,
  );
  return performance.now() - t0;
}

/**
 * The PID of the lesson-01 marker once one other than `gone` runs: the engine starts it from a check run
 * without waiting for it, so the first steps message can come before it is there.
 */
async function markerPid(b: TermClient, gone = 0): Promise<number> {
  for (let tries = 0; ; tries++) {
    const now = Number(await b.run('pgrep -x marca || echo 0'));
    if (now > 0 && now !== gone) return now;
    if (tries > 100) throw new Error(gone ? `no marker in place of ${gone}` : 'no marker');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Once a new marker runs in place of `gone`, a check run that sees it. */
async function judgedAgain(a: TermClient, b: TermClient, gone: number): Promise<void> {
  await markerPid(b, gone);
  const before = a.control.filter((m) => m.type === 'steps').length;
  a.sendJson({ type: 'check', slug: '01-chroot' });
  await waitUntil(() => a.control.filter((m) => m.type === 'steps').length > before, 'a check run');
}

/** Every hint a tab was sent for a lesson that names a key the step lacks or leaves a placeholder unfilled. */
function unfilledHints(c: TermClient, slug: string, def: LessonDef): string[] {
  const out: string[] = [];
  for (const m of c.control) {
    if (m.type !== 'steps' || m.slug !== slug) continue;
    for (const s of m.steps) {
      if (!s.hint) continue;
      const template = def.steps.find((d) => d.id === s.id)?.hints[s.hint.key];
      if (!template) out.push(`${s.id}: no hint ${s.hint.key}`);
      else
        for (const locale of LOCALES)
          for (const name of unfilledHintParams(template[locale], s.hint.params))
            out.push(`${s.id} ${s.hint.key} (${locale}): {${name}} = ${JSON.stringify(s.hint.params[name])}`);
    }
  }
  return out;
}

describe('lessons through the agent', () => {
  let h: Harness;
  let token: string;
  const tabs: TermClient[] = [];
  const latencies: Record<string, number> = {};

  const open = async (tab: number) => {
    const c = new TermClient(h, token, tab);
    tabs.push(c);
    await c.open();
    await c.hello();
    return c;
  };

  beforeAll(async () => {
    h = await startAgent({ lessons: true, slotOffset: 40 });
    token = await tokenFor(h);
  });
  afterAll(async () => {
    for (const c of tabs) await c.close();
    await h?.stop();
    console.log(`prompt → step done (ms): ${JSON.stringify(latencies)}`);
  });

  it('02-unshare: nothing is done before the solution, everything after, by prompts alone', async () => {
    const a = await open(0);
    const b = await open(1);
    a.sendJson({ type: 'lesson', slug: '02-unshare' });
    const progress = (await student(h, token).progress({ lesson: '02-unshare' }))['02-unshare'];
    expect(progress?.steps.every((s) => !s.done)).toBe(true);
    a.sendJson({ type: 'check', slug: '02-unshare' });
    await waitUntil(() => latestSteps(a, '02-unshare') !== undefined, 'first check');
    expect(latestSteps(a, '02-unshare')?.every((s) => !s.done && s.hint !== undefined)).toBe(true);

    // Fakes first: the expected text typed or printed, and the sandbox itself renamed.
    await a.run('echo contedor-a-man; echo 1');
    await b.run('hostname contedor-a-man');
    a.sendJson({ type: 'check', slug: '02-unshare' });
    // Evidence first that a run judged this very state (the hint names the renamed sandbox), so "nothing
    // done" is a verdict and not the silence of a run that never came.
    await waitUntil(
      () => latestSteps(a, '02-unshare')?.find((s) => s.id === 'hostname')?.hint?.key === 'sandbox-renamed',
      'the renamed sandbox judged',
    );
    expect(latestSteps(a, '02-unshare')?.filter((s) => s.done)).toEqual([]);
    expect(
      (await student(h, token).progress({ lesson: '02-unshare' }))['02-unshare']?.steps.filter((s) => s.done),
    ).toEqual([]);
    await b.run(`hostname ${(await a.hello()).sandbox}`);

    a.type('cd /root && unshare -m -i -n -p -u -f chroot rootfs /bin/sh\r');
    latencies.unshare = await waitDone(a, '02-unshare', 'unshare');
    a.type('mount -t proc proc /proc\r');
    latencies.namespaces = await waitDone(a, '02-unshare', 'namespaces');
    a.type('hostname contedor-a-man\r');
    latencies.hostname = await waitDone(a, '02-unshare', 'hostname');
    b.type('nsenter -t $(pgrep -n -x sh) -u bash\r');
    latencies.nsenter = await waitDone(b, '02-unshare', 'nsenter');
    expect(await b.run('hostname')).toBe('contedor-a-man');
  });

  it('grades the quiz: feedback per option, the first answer scores, attempts are kept', async () => {
    const a = tabs[0] as TermClient;
    const lesson = (await loadCatalog()).get('02-unshare');
    const q = lesson?.def.quiz[0];
    if (!lesson || !q) throw new Error('lesson 02 has no quiz');
    const right = lesson.answers[q.id]?.correct as string;
    const wrong = q.options.find((o) => o.id !== right)?.id as string;
    const answer = (option: string) =>
      student(h, token).answer({ slug: '02-unshare', question: q.id, option, locale: 'gl' });
    const first = await answer(wrong);
    const second = await answer(right);
    expect(first).toMatchObject({ question: q.id, option: wrong, correct: false, first: true });
    expect(second).toMatchObject({ question: q.id, option: right, correct: true, first: false });
    expect(first.feedback).toBe(lesson.answers[q.id]?.feedback[wrong]?.gl);
    const unknown = await student(h, token).post({
      slug: '02-unshare',
      question: 'no-such',
      option: 'a',
      locale: 'gl',
    });
    expect([unknown.status, await unknown.json()]).toEqual([404, { error: 'unknown_question' }]);
    // the terminal socket no longer takes answers
    a.sendRaw({ type: 'quiz-answer', slug: '02-unshare', question: q.id, option: right, locale: 'gl' });
    await waitUntil(() => a.control.some((m) => m.type === 'error' && m.code === 'unknown_type'), 'unknown type');
  });

  it('restart gives a fresh sandbox and keeps the progress', async () => {
    const a = tabs[0] as TermClient;
    const b = tabs[1] as TermClient;
    const before = h.events.created.length;
    a.sendJson({ type: 'restart', slug: '02-unshare' });
    await waitUntil(() => a.closeCode !== undefined && b.closeCode !== undefined, 'tabs closed');
    expect(a.closeCode).toBe(4012);
    const again = await open(0);
    expect(h.events.created.length).toBe(before + 1);
    expect(await again.run('hostname')).not.toBe('contedor-a-man');
    const p = (await student(h, token).progress({ lesson: '02-unshare' }))['02-unshare'];
    expect(p?.steps.every((s) => s.done && typeof s.doneAt === 'number')).toBe(true);
    expect(Object.values(p?.quiz ?? {})[0]).toMatchObject({ correct: false, attempts: 2 });
    const lessons = await student(h, token).progress();
    expect(lessons['02-unshare']?.steps.every((s) => s.done)).toBe(true);
    expect(lessons['01-chroot']?.steps.some((s) => s.done)).toBe(false);
  });

  it('01-chroot: the marker killed from inside the chroot, by the reference solution', async () => {
    const a = tabs.at(-1) as TermClient;
    const b = await open(1);
    a.sendJson({ type: 'lesson', slug: '01-chroot' });
    await waitUntil(() => latestSteps(a, '01-chroot') !== undefined, 'first check');
    expect(latestSteps(a, '01-chroot')?.some((s) => s.done)).toBe(false);
    // Killing the marker from outside the chroot does not count, and the marker comes back.
    const pid = await markerPid(b);
    expect(pid).toBeGreaterThan(1);
    const killer = Number(await b.run('echo $$'));
    await b.run(`kill ${pid}`);
    a.sendJson({ type: 'check', slug: '01-chroot' });
    await waitUntil(() => latestSteps(a, '01-chroot')?.[2]?.hint?.key === 'killed-from-outside', 'judged');
    // The explanation stays while the new marker runs (it used to turn into "still alive, PID …").
    const killOutside = () => latestSteps(a, '01-chroot')?.find((s) => s.id === 'kill-outside');
    await judgedAgain(a, b, pid);
    expect(killOutside()).toEqual({
      id: 'kill-outside',
      done: false,
      hint: { key: 'killed-from-outside', params: { pid: killer } },
    });
    // SIGKILL leaves no trace: a hint of its own, with no PID to fill, and it too stays once the marker is back.
    const second = Number(await b.run('pgrep -x marca'));
    await b.run(`kill -9 ${second}`);
    a.sendJson({ type: 'check', slug: '01-chroot' });
    await waitUntil(() => killOutside()?.hint?.key === 'killed-untraceable', 'SIGKILL judged');
    await judgedAgain(a, b, second);
    expect(killOutside()).toEqual({ id: 'kill-outside', done: false, hint: { key: 'killed-untraceable', params: {} } });
    expect(unfilledHints(a, '01-chroot', chroot)).toEqual([]);
    a.type('cd /root && chroot rootfs /bin/sh\r');
    latencies.chroot = await waitDone(a, '01-chroot', 'chroot');
    a.type('mount -t proc proc /proc\r');
    latencies.proc = await waitDone(a, '01-chroot', 'proc');
    // The run that judged the wrong kill started a new marker.
    expect(Number(await b.run('pgrep -x marca'))).not.toBe(pid);
    a.type('kill $(pidof marca)\r');
    latencies['kill-outside'] = await waitDone(a, '01-chroot', 'kill-outside');
  });
});
