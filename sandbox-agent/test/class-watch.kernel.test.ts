// Who is stuck and what the class hears, through the real agent (issue 20), with real sandboxes and shells: each
// command after which lesson 01's first check still fails counts once, with the hint the student sees; at the
// class's threshold the student is marked stuck by failures, another student is not; doing the step starts the
// count again. A broadcast reaches every student of the class as written, is refused empty or too long, is
// heard by a tab that connects later, and is kept in the audit.
import { describe, expect, it } from 'vitest';
import { DEFAULT_STUCK_FAILURES } from '../src/config';
import { type BroadcastMessage, INSTRUCTOR_PATHS, type InstructorState, MAX_BROADCAST_LENGTH } from '../src/protocol';
import { type TermClient, waitUntil } from './agent-harness';
import { classWithStudents } from './class-harness';
import { kernelSuite } from './kernel-helpers';

const { skip } = kernelSuite('class-watch.kernel.test');

const broadcastsOf = (t: TermClient) => t.control.filter((m): m is BroadcastMessage => m.type === 'broadcast');

describe.skipIf(skip !== undefined)('who is stuck and broadcasts, through the agent', () => {
  const c = classWithStudents(['Ana', 'Brais'], 160, 3);
  const { ids, tokens, tabs } = c;
  const rowOf = (state: InstructorState, name: string) => state.students.find((r) => r.id === ids[name]);
  /** The instructor's state once `cond` holds of it (read again every 100 ms), or the last one read. */
  async function stateWhen(cond: (s: InstructorState) => boolean, timeoutMs = 20_000): Promise<InstructorState> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const state = await c.instructor.state();
      if (cond(state) || Date.now() > deadline) return state;
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  it('counts the failing check once per command, with its hint, and marks stuck at the threshold', async () => {
    const ana = tabs.Ana as TermClient;
    // the shell's first prompt is behind us; then the lesson's first check, which the next commands fail again
    await ana.run('true');
    ana.sendJson({ type: 'lesson', slug: '01-chroot' });
    (tabs.Brais as TermClient).sendJson({ type: 'lesson', slug: '01-chroot' });
    await waitUntil(() => ana.control.some((m) => m.type === 'steps'), 'the first check');
    const first = rowOf(await stateWhen((s) => Boolean(rowOf(s, 'Ana')?.watch?.failing)), 'Ana');
    const base = first?.watch?.failing?.count ?? 0;
    expect(base).toBeLessThan(DEFAULT_STUCK_FAILURES);
    expect(first?.stuck).toBe(false);
    for (let n = base + 1; n <= DEFAULT_STUCK_FAILURES; n++) {
      await ana.run(`echo tentativa-${n}`);
      const row = rowOf(await stateWhen((s) => (rowOf(s, 'Ana')?.watch?.failing?.count ?? 0) >= n), 'Ana');
      expect(row?.watch?.failing).toMatchObject({ lesson: '01-chroot', step: 'chroot', hint: { key: 'no-process' } });
      expect(row?.watch?.failing?.count).toBe(n);
      // the commands since the last step: at least these, as a prompt counts once each
      expect(row?.watch?.commands).toBeGreaterThanOrEqual(n - base);
      // below the threshold not stuck (the time rule needs 10 minutes); at it, stuck by failures
      expect(row?.stuck).toBe(n >= DEFAULT_STUCK_FAILURES);
      if (n >= DEFAULT_STUCK_FAILURES) expect(row?.stuckBy).toBe('failures');
    }
    const state = await c.instructor.state();
    expect(rowOf(state, 'Brais')?.stuck).toBe(false);
    // where the class is: both on lesson 01's first step
    expect(state.progress?.find((p) => p.slug === '01-chroot')?.atStep[0]).toBe(2);
  });

  it('starts the count again once the step is done, and the histogram moves', async () => {
    const ana = tabs.Ana as TermClient;
    ana.type('cd /root && chroot rootfs /bin/sh\r');
    const state = await stateWhen((s) => (rowOf(s, 'Ana')?.steps['01-chroot'] ?? 0) >= 1);
    const row = rowOf(state, 'Ana');
    expect(row?.steps['01-chroot']).toBeGreaterThanOrEqual(1);
    expect(row?.stuck).toBe(false);
    expect(row?.watch?.failing?.step).not.toBe('chroot');
    expect(row?.watch?.failing?.count ?? 0).toBeLessThan(DEFAULT_STUCK_FAILURES);
    const progress = state.progress?.find((p) => p.slug === '01-chroot');
    expect(progress?.atStep[0]).toBe(1);
    expect(progress?.medianMs[0]).toBeGreaterThanOrEqual(0);
  });

  it('delivers a broadcast to every student as written, refuses a bad one, and keeps it in the audit', async () => {
    const send = (text: string, kind = 'text') => c.instructor.post(INSTRUCTOR_PATHS.broadcast, { text, kind });
    expect(await (await send('   ')).json()).toEqual({ error: 'invalid_broadcast' });
    expect((await send('x'.repeat(MAX_BROADCAST_LENGTH + 1))).status).toBe(400);
    expect((await send('ls', 'shell')).status).toBe(400);
    // a student's token sends nothing
    const byStudent = await fetch(`${c.h.url}${INSTRUCTOR_PATHS.broadcast}`, {
      method: 'POST',
      headers: { origin: 'http://localhost:3000', 'content-type': 'application/json' },
      body: JSON.stringify({ token: tokens.Brais, text: 'oi', kind: 'text' }),
    });
    expect(byStudent.status).toBe(401);
    for (const t of Object.values(tabs)) expect(broadcastsOf(t)).toEqual([]);

    const text = '<b>Olhem</b> o passo 2:\n  mount -t proc proc /proc';
    const res = await send(text, 'command');
    expect(res.status).toBe(200);
    for (const name of ['Ana', 'Brais']) {
      const t = tabs[name] as TermClient;
      await waitUntil(() => broadcastsOf(t).length === 1, `${name} hears it`);
      expect(broadcastsOf(t)[0]).toMatchObject({ kind: 'command', text });
    }
    // never typed into anyone's shell
    expect((tabs.Brais as TermClient).output).not.toContain('mount -t proc proc');
    expect((await c.instructor.state()).broadcast).toMatchObject({ kind: 'command', text });

    // a student who joins later hears the latest one when their tab connects
    await c.join('Caio');
    await waitUntil(() => broadcastsOf(tabs.Caio as TermClient).length >= 1, 'Caio hears it');
    expect(broadcastsOf(tabs.Caio as TermClient)[0]?.text).toBe(text);
    const audit = await c.h.store.classAudit((await c.h.store.studentClassId(ids.Ana as string)) as string);
    expect(audit.filter((r) => r.kind === 'broadcast').map((r) => r.detail)).toEqual([text]);
  });
});
