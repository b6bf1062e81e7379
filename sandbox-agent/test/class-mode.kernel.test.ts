// Class mode against a real agent with real sandboxes: an instructor and students. Joins (a wrong code, a
// closed class, a hostile name, two students with one name), the lesson a student opens, a step done in a
// real shell and quiz attempts seen live on the instructor's event stream and in the table, reset and end of
// a student's sandbox, the CSV, deletion of the class's data, instructor endpoints refusing forged, expired
// and student tokens; and, in a full class, a refused student counted once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { CloseCode, INSTRUCTOR_PATHS, PROTOCOL_VERSION, WS_PATH } from '../src/protocol';
import type { ClassRow } from '../src/store/store';
import { type Harness, newToken, ORIGIN, startAgent, student, TermClient, waitUntil } from './agent-harness';
import { Instructor, InstructorEvents, joinClass, openClass } from './class-harness';
import { kernelSuite } from './kernel-helpers';

const { skip } = kernelSuite('class-mode.kernel.test');

const HOSTILE = '=HYPERLINK("x")<script>a</script>';

/**
 * An agent in class mode with its class open and its instructor. An agent started here is stopped here if the
 * rest fails, as the caller's afterAll never learns of it.
 */
async function startClass(opts: {
  slotOffset: number;
  maxSandboxes: number;
}): Promise<{ h: Harness; cls: ClassRow; instructor: Instructor }> {
  const h = await startAgent({ classMode: true, ...opts });
  try {
    return { h, ...(await openClass(h)) };
  } catch (err) {
    await h.stop();
    throw err;
  }
}

describe.skipIf(skip !== undefined)('class mode through the agent', () => {
  let h: Harness;
  let cls: ClassRow;
  let instructor: Instructor;
  let events: InstructorEvents;
  const tabs: TermClient[] = [];
  const students: Record<string, { token: string; id: string }> = {};

  beforeAll(async () => {
    ({ h, cls, instructor } = await startClass({ slotOffset: 60, maxSandboxes: 3 }));
    events = new InstructorEvents(instructor);
  });
  afterAll(async () => {
    events?.close();
    for (const t of tabs) await t.close();
    await h?.stop();
  });

  it('joins students with the code; tells a wrong code, a bad name and a closed class apart', async () => {
    const join = (body: unknown) => joinClass(h, body);
    expect((await join({ code: 'QQQQQQ', name: 'Ana' })).status).toBe(404);
    expect(await (await join({ code: cls.code, name: '   ' })).json()).toEqual({ error: 'invalid_name' });
    expect((await join({ code: cls.code, name: 'x'.repeat(41) })).status).toBe(400);
    for (const [key, name, code] of [
      ['ana', 'Ana', cls.code.toLowerCase()],
      ['ana2', ' ana ', `${cls.code.slice(0, 3)}-${cls.code.slice(3)}`],
      ['hostile', HOSTILE, cls.code],
    ] as const) {
      const res = await join({ code, name });
      expect(res.status, key).toBe(200);
      const body = (await res.json()) as { token: string; student: { id: string; name: string; tag: number } };
      students[key] = { token: body.token, id: body.student.id };
      if (key === 'ana2') expect(body.student).toMatchObject({ name: 'ana', tag: 2 });
    }
    // a returning student keeps their identity
    const again = (await (await join({ code: cls.code, name: 'other', token: students.ana?.token })).json()) as {
      student: { id: string };
    };
    expect(again.student.id).toBe(students.ana?.id);
    // closed to new joins: a new student is refused with its own error, a returning one still gets in
    expect((await instructor.act('close')).status).toBe(200);
    expect(await (await join({ code: cls.code, name: 'Late' })).json()).toEqual({ error: 'class_closed' });
    expect((await join({ code: cls.code, name: 'x', token: students.ana2?.token })).status).toBe(200);
    await instructor.act('open');
    const s = await instructor.state();
    expect(s.students.map((r) => [r.name, r.tag])).toEqual([
      ['Ana', 1],
      ['ana', 2],
      [HOSTILE, 1],
    ]);
    expect(s.class.joinUrl).toBe(`${ORIGIN}/pt/turma?codigo=${cls.code}`);
  });

  it('gives sandboxes to the class’s students only', async () => {
    const session = (token?: string) => newToken(h, token ?? null);
    expect(await (await session()).json()).toEqual({ error: 'join_required' });
    expect((await session(students.ana?.token)).status).toBe(200);
    // a solo token (or a forged one) opens no terminal in class mode
    const solo = h.signer.sign({ s: 'f'.repeat(32), i: Date.now(), m: 'solo' });
    for (const token of [solo, `${students.ana?.token}x`]) {
      const ws = new WebSocket(
        `${h.url.replace('http:', 'ws:')}${WS_PATH}?token=${encodeURIComponent(token)}&tab=0&v=${PROTOCOL_VERSION}`,
        { headers: { origin: ORIGIN } },
      );
      ws.on('error', () => {});
      const status = await new Promise<number>((resolve) => {
        ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        ws.once('open', () => resolve(101));
      });
      ws.terminate();
      expect(status).toBe(401);
    }
  });

  it('shows a step done and quiz answers live, in the table and the student’s detail', async () => {
    const token = students.ana?.token as string;
    const a = new TermClient(h, token, 0);
    tabs.push(a);
    await a.hello();
    await waitUntil(() => events.kinds.includes('presence'), 'presence event');
    expect((await instructor.state()).students.find((r) => r.id === students.ana?.id)?.online).toBe(true);
    a.sendJson({ type: 'lesson', slug: '01-chroot' });
    expect((await student(h, token).progress({ lesson: '01-chroot' }))['01-chroot']?.quiz).toEqual({});
    // the lesson open with no step done yet is the one the student is on, announced live
    await waitUntil(() => events.kinds.includes('lesson'), 'lesson event');
    expect((await instructor.state()).students.find((r) => r.id === students.ana?.id)?.currentLesson).toBe('01-chroot');
    a.type('cd /root && chroot rootfs /bin/sh\r');
    await waitUntil(() => events.kinds.includes('step'), 'step event', 20_000);
    await student(h, token).answer({ slug: '01-chroot', question: 'q1', option: 'a', locale: 'pt' });
    await student(h, token).answer({ slug: '01-chroot', question: 'q1', option: 'b', locale: 'pt' });
    await waitUntil(() => events.kinds.includes('quiz'), 'quiz event');
    const row = (await instructor.state()).students.find((r) => r.id === students.ana?.id);
    expect(row?.steps['01-chroot']).toBeGreaterThanOrEqual(1);
    // a wrong first answer: answered, not scored
    expect(row?.quiz['01-chroot'] ?? 0).toBe(0);
    expect(row?.answered['01-chroot']).toBe(1);
    expect(row?.currentLesson).toBe('01-chroot');
    const detail = await instructor.detail(students.ana?.id);
    expect(detail.steps.some((s) => s.lesson === '01-chroot' && s.step === 'chroot')).toBe(true);
    expect(detail.attempts.map((x) => [x.question, x.attempt, x.option])).toEqual([
      ['q1', 1, 'a'],
      ['q1', 2, 'b'],
    ]);
  });

  it('resets and ends a student’s sandbox', async () => {
    const a = tabs.at(-1) as TermClient;
    const first = (await a.hello()).sandbox;
    expect((await instructor.act('reset', students.ana?.id)).status).toBe(200);
    // A code of its own: the student's page says the instructor did it (4012 is their own restart).
    await waitUntil(() => a.closeCode === CloseCode.resetByInstructor, 'reset by the instructor');
    const b = new TermClient(h, students.ana?.token as string, 0);
    tabs.push(b);
    expect((await b.hello()).sandbox).not.toBe(first);
    // progress kept
    expect(
      (await instructor.state()).students.find((r) => r.id === students.ana?.id)?.steps['01-chroot'],
    ).toBeGreaterThanOrEqual(1);
    await instructor.act('end', students.ana?.id);
    await waitUntil(() => b.closeCode === CloseCode.ended, 'ended');
    // another class's student id, or none: refused
    expect((await instructor.act('reset', '0'.repeat(32))).status).toBe(404);
  });

  it('exports the class as CSV: UTF-8 with BOM, names intact, formulas defused', async () => {
    await student(h, students.hostile?.token as string).answer({
      slug: '02-unshare',
      question: 'q1',
      option: 'c',
      locale: 'gl',
    });
    const res = await instructor.csv();
    expect(res.headers.get('content-type')).toMatch(/text\/csv; charset=utf-8/);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
    expect(text.startsWith('\uFEFFstudent,lesson,step,done_at,question,attempt,answer,correct\r\n')).toBe(true);
    expect(text).toMatch(/^Ana,01-chroot,chroot,\d{4}-/m);
    expect(text).toMatch(/^Ana,01-chroot,,[^,]+,q1,1,a,(yes|no)\r$/m);
    // the hostile name stays text: quoted, its quotes doubled, an apostrophe before the '='
    expect(text).toContain(`"'${HOSTILE.replaceAll('"', '""')}",02-unshare,,`);
  });

  it('refuses forged, expired and student tokens on every instructor endpoint', async () => {
    const now = Date.now();
    const expired = h.signer.sign({ r: 'instructor', c: cls.id, i: now - 10, x: now - 1 });
    const forged = `${instructor.token.slice(0, -4)}AAAA`;
    for (const token of [expired, forged, students.ana?.token as string, '']) {
      const refused = new Instructor(h, token);
      for (const path of [
        INSTRUCTOR_PATHS.state,
        INSTRUCTOR_PATHS.export,
        INSTRUCTOR_PATHS.student,
        INSTRUCTOR_PATHS.action,
      ])
        expect((await refused.post(path, { action: 'close', student: students.ana?.id })).status, path).toBe(401);
      expect((await refused.openEvents()).status).toBe(401);
    }
    // another origin gets nothing at all
    expect((await instructor.post(INSTRUCTOR_PATHS.state, {}, 'http://evil.example')).status).toBe(403);
    expect((await instructor.state()).class.open).toBe(true);
  });

  it('deletes the class’s students with their answers; their tokens open nothing any more', async () => {
    expect((await instructor.act('delete-class')).status).toBe(200);
    const s = await instructor.state();
    expect(s.students).toEqual([]);
    const csv = await (await instructor.csv()).text();
    expect(csv.trim().split('\n')).toHaveLength(1);
    expect(await (await newToken(h, students.ana?.token as string)).json()).toEqual({
      error: 'join_required',
    });
  });
});

describe.skipIf(skip !== undefined)('class mode: a full class', () => {
  let h: Harness;
  let cls: ClassRow;
  let instructor: Instructor;
  const tabs: TermClient[] = [];

  beforeAll(async () => {
    ({ h, cls, instructor } = await startClass({ slotOffset: 70, maxSandboxes: 1 }));
  });
  afterAll(async () => {
    for (const t of tabs) await t.close();
    await h?.stop();
  });

  it('counts a refused student once, whatever their tabs and retries', async () => {
    const join = async (name: string) =>
      ((await (await joinClass(h, { code: cls.code, name })).json()) as { token: string }).token;
    const refusedNow = async () => (await instructor.state()).capacity.refused;
    const first = new TermClient(h, await join('Uxía'), 0);
    tabs.push(first);
    await first.hello();
    // the class is full: the second student's two tabs are refused, then retried
    const late = await join('Brais');
    for (let attempt = 0; attempt < 2; attempt++) {
      const both = [new TermClient(h, late, 0), new TermClient(h, late, 1)];
      tabs.push(...both);
      await waitUntil(() => both.every((t) => t.closeCode !== undefined), 'both tabs refused');
      expect(both.map((t) => t.closeCode)).toEqual([CloseCode.capacity, CloseCode.capacity]);
    }
    expect(await refusedNow()).toBe(1);

    // Refused a sandbox, the student still answers the quiz and reads it back (issue 19), and the instructor's
    // table and event stream see the answer as any other.
    const events = new InstructorEvents(instructor);
    await waitUntil(() => events.opened, 'the event stream');
    const result = await student(h, late).answer({ slug: '01-chroot', question: 'q1', option: 'b', locale: 'gl' });
    expect(result.first).toBe(true);
    await waitUntil(() => events.kinds.includes('quiz'), 'quiz event');
    events.close();
    expect((await student(h, late).progress({ lesson: '01-chroot' }))['01-chroot']?.quiz.q1?.option).toBe('b');
    const state = await instructor.state();
    expect(state.students.find((r) => r.name === 'Brais')?.answered['01-chroot']).toBe(1);
    // a token this class does not know (a solo one) is refused there too
    const solo = h.signer.sign({ s: 'f'.repeat(32), i: Date.now(), m: 'solo', x: Date.now() + 60_000 });
    expect((await student(h, solo).post({ slug: '01-chroot', question: 'q1', option: 'a', locale: 'pt' })).status).toBe(
      401,
    );
  });
});
