// Quiz answers and saved progress over HTTP against the real agent (issue 19): a student refused a sandbox
// because every slot is taken still answers and reads what was saved, as neither needs a sandbox; and the
// endpoints refuse what the WebSocket upgrade refuses (another origin, no token or a forged one) plus a body
// too large, a malformed one and a client that asks too fast, each with a coded error.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode, PROGRESS_PATH, QUIZ_PATH, QUIZ_REQUEST_BURST, quizErrorResponse } from '../src/protocol';
import { type Harness, ORIGIN, startAgent, student, TermClient, tokenFor, waitUntil } from './agent-harness';
import { kernelSuite } from './kernel-helpers';

const { skip } = kernelSuite('quiz-http.kernel.test');

async function errorOf(res: Response): Promise<[number, string]> {
  return [res.status, quizErrorResponse.parse(await res.json()).error];
}

describe.skipIf(skip !== undefined)('quiz and progress over HTTP', () => {
  let h: Harness;
  const tabs: TermClient[] = [];

  beforeAll(async () => {
    // One slot: the first student fills the class.
    h = await startAgent({ lessons: true, maxSandboxes: 1, slotOffset: 60 });
  });
  afterAll(async () => {
    for (const t of tabs) await t.close();
    await h?.stop();
  });

  it('a student refused a sandbox (class full) answers the quiz and reads the saved answer', async () => {
    const holder = new TermClient(h, await tokenFor(h), 0);
    tabs.push(holder);
    await holder.hello();
    const token = await tokenFor(h);
    const refused = new TermClient(h, token, 0);
    tabs.push(refused);
    await waitUntil(() => refused.closeCode !== undefined, 'the refusal');
    expect(refused.closeCode).toBe(CloseCode.capacity);
    expect(h.registry.size).toBe(1);

    expect((await student(h, token).progress({ lesson: '02-unshare' }))['02-unshare']?.quiz).toEqual({});
    const first = await student(h, token).answer({ slug: '02-unshare', question: 'q1', option: 'a', locale: 'gl' });
    expect(first).toMatchObject({ slug: '02-unshare', question: 'q1', option: 'a', first: true });
    expect(first.feedback).not.toBe('');
    const again = await student(h, token).answer({ slug: '02-unshare', question: 'q1', option: 'b', locale: 'gl' });
    expect(again.first).toBe(false);

    const saved = await student(h, token).progress({ lesson: '02-unshare', locale: 'gl' });
    expect(Object.keys(saved)).toEqual(['02-unshare']);
    expect(saved['02-unshare']?.quiz.q1).toEqual({
      option: 'a',
      correct: first.correct,
      attempts: 2,
      feedback: first.feedback,
    });
    // the course index: every lesson, the answer in it
    const all = await student(h, token).progress();
    expect(Object.keys(all).length).toBeGreaterThan(1);
    expect(all['02-unshare']?.quiz.q1?.option).toBe('a');
    // still no sandbox for that student
    expect(h.registry.size).toBe(1);
  });

  it('refuses another origin, a missing or forged token, bad bodies and queries, with coded errors', async () => {
    const token = await tokenFor(h);
    const body = { slug: '02-unshare', question: 'q1', option: 'a', locale: 'pt' };
    expect(await errorOf(await student(h, token).post(body, 'http://evil.example'))).toEqual([403, 'origin']);
    expect(await errorOf(await student(h, `${token}x`).post(body))).toEqual([401, 'token']);
    const noToken = await fetch(`${h.url}${QUIZ_PATH}`, {
      method: 'POST',
      headers: { origin: ORIGIN, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(await errorOf(noToken)).toEqual([401, 'token']);
    expect(await errorOf(await student(h, token).post({ ...body, extra: 1 }))).toEqual([400, 'invalid_message']);
    expect(await errorOf(await student(h, token).post({ ...body, option: 'A; rm' }))).toEqual([400, 'invalid_message']);
    expect(await errorOf(await student(h, token).post({ ...body, question: 'q99' }))).toEqual([
      404,
      'unknown_question',
    ]);
    expect(await errorOf(await student(h, token).post({ ...body, option: 'x'.repeat(4000) }))).toEqual([
      413,
      'too_large',
    ]);
    const notJson = await fetch(`${h.url}${QUIZ_PATH}`, {
      method: 'POST',
      headers: { origin: ORIGIN, authorization: `Bearer ${token}` },
      body: '{',
    });
    expect(await errorOf(notJson)).toEqual([400, 'invalid_json']);
    const get = (query: string) =>
      fetch(`${h.url}${PROGRESS_PATH}?${query}`, { headers: { origin: ORIGIN, authorization: `Bearer ${token}` } });
    expect(await errorOf(await get('lesson=../etc'))).toEqual([400, 'invalid_message']);
    expect(await errorOf(await get('lesson=99-none'))).toEqual([404, 'unknown_lesson']);
    // the browser's preflight: the site's origin may send the Authorization header, another may not
    const preflight = await fetch(`${h.url}${QUIZ_PATH}`, {
      method: 'OPTIONS',
      headers: { origin: ORIGIN, 'access-control-request-headers': 'authorization, content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('authorization');
  });

  it('rate-limits a student who asks too fast, and only that student', async () => {
    const token = await tokenFor(h);
    const statuses: number[] = [];
    // Until refused (the bucket refills slowly, so a burst past it is refused however slow this host is).
    while (!statuses.includes(429) && statuses.length < QUIZ_REQUEST_BURST * 10) {
      const res = await fetch(`${h.url}${PROGRESS_PATH}?lesson=01-chroot`, {
        headers: { origin: ORIGIN, authorization: `Bearer ${token}` },
      });
      statuses.push(res.status);
    }
    expect(statuses).toContain(429);
    expect(statuses.slice(0, QUIZ_REQUEST_BURST).every((s) => s === 200)).toBe(true);
    // another student is not slowed by the first
    expect(Object.keys(await student(h, await tokenFor(h)).progress({ lesson: '01-chroot' }))).toEqual(['01-chroot']);
  });
});
