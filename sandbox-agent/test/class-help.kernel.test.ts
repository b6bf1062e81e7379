// Help in class through the real agent (issue 20), with real sandboxes and shells: a raised hand reaches the
// instructor's queue and the student learns their place; a look shows nothing before the student accepts, a
// decline ends it, an accept shows the student's own terminal (replay and live output), the student ends it;
// another student can neither open a look nor answer for someone else, and never hears of it.
// Help with typing: during an accepted look the instructor asks to type; the instructor's keystrokes reach the
// student's shell only after the student's second consent (another student's "yes" grants nothing), the student's
// tabs name who types, and the student takes the keyboard back at any time. A student's token never opens a look;
// a malformed frame closes it; a look at a class that is no longer the agent's is refused. Each look and help is in
// the class's audit CSV until the instructor clears it.
import { describe, expect, it } from 'vitest';
import { LookCloseCode } from '../src/protocol';
import { type TermClient, waitUntil } from './agent-harness';
import { classWithStudents, helpOf, Look } from './class-harness';
import { kernelSuite } from './kernel-helpers';

const { skip } = kernelSuite('class-help.kernel.test');

describe.skipIf(skip !== undefined)('help in class through the agent', () => {
  const c = classWithStudents(['Ana', 'Brais'], 80);
  const { ids, tokens, tabs } = c;

  it('puts a raised hand in the queue, tells the student their place, and the instructor answers it', async () => {
    const ana = tabs.Ana as TermClient;
    await waitUntil(() => helpOf(ana)?.hand === null, 'the help state on connecting');
    ana.sendJson({ type: 'hand', raise: true, question: 'o chroot  diz\nNo such file' });
    await waitUntil(() => helpOf(ana)?.hand?.position === 1, 'place 1');
    expect(helpOf(ana)?.hand?.question).toBe('o chroot diz No such file');
    const state = await c.instructor.state();
    expect(state.help).toMatchObject([{ student: ids.Ana, question: 'o chroot diz No such file' }]);
    // a question too long is refused, and the hand stays as it was
    ana.sendJson({ type: 'hand', raise: true, question: 'x'.repeat(141) });
    await waitUntil(() => ana.control.some((m) => m.type === 'error' && m.code === 'invalid_message'), 'refusal');
    expect((await c.instructor.act('answer', ids.Ana)).ok).toBe(true);
    await waitUntil(() => helpOf(ana)?.hand === null, 'the hand answered');
  });

  it('refuses a look to a student token, to another class and to no consent; a decline ends it', async () => {
    const ana = tabs.Ana as TermClient;
    const brais = tabs.Brais as TermClient;
    // a student's token cannot open a look at anyone
    const byStudent = new Look(c.h, tokens.Brais as string, ids.Ana as string);
    await waitUntil(() => byStudent.httpStatus !== undefined, 'the refusal');
    expect(byStudent.httpStatus).toBe(401);

    const look = new Look(c.h, c.instructor.token, ids.Ana as string);
    await waitUntil(() => look.states.includes('waiting'), 'waiting');
    await waitUntil(() => helpOf(ana)?.asking === 'Marta', 'Ana asked');
    // Brais answers "yes" for himself: nothing is asked of him, so nothing is granted
    brais.sendJson({ type: 'look-answer', accept: true });
    await ana.run('echo before-consent');
    expect(look.states).toEqual(['waiting']);
    expect(look.output).toBe('');
    ana.sendJson({ type: 'look-answer', accept: false });
    await waitUntil(() => look.closeCode !== undefined, 'the look closed');
    expect(look.closeCode).toBe(LookCloseCode.declined);
    expect(look.output).toBe('');
    await waitUntil(() => helpOf(ana)?.asking === null, 'Ana no longer asked');
    // Brais never heard of a look at Ana
    expect(brais.control.some((m) => m.type === 'help' && (m.asking !== null || m.watching.length > 0))).toBe(false);
  });

  it("shows the student's own terminal once accepted, live, until the student ends it", async () => {
    const ana = tabs.Ana as TermClient;
    await ana.run('echo ana-was-here');
    const look = new Look(c.h, c.instructor.token, ids.Ana as string);
    await waitUntil(() => helpOf(ana)?.asking === 'Marta', 'Ana asked');
    ana.sendJson({ type: 'look-answer', accept: true });
    await waitUntil(() => look.output.includes('ana-was-here'), 'the replay in the look');
    expect(look.states.slice(0, 3)).toEqual(['waiting', 'watching', 'screen']);
    await waitUntil(() => helpOf(ana)?.watching.includes('Marta') === true, 'the watching badge');
    await ana.run('echo live-$((6*7))');
    await waitUntil(() => look.output.includes('live-42'), 'live output in the look');
    // the instructor's frames are ignored: the look is read-only
    look.ws.send(Buffer.from('echo typed-by-instructor\r'));
    await ana.run('true');
    expect(ana.output).not.toContain('typed-by-instructor');
    ana.sendJson({ type: 'look-end' });
    await waitUntil(() => look.closeCode !== undefined, 'the look ended');
    expect(look.closeCode).toBe(LookCloseCode.ended);
    await waitUntil(() => helpOf(ana)?.watching.length === 0, 'the badge gone');
    expect(c.h.classMode?.desk?.watchers(ids.Ana as string)).toBe(0);
  });

  it('ends a look when the student closes their last tab, and refuses one at a student offline', async () => {
    const brais = tabs.Brais as TermClient;
    const look = new Look(c.h, c.instructor.token, ids.Brais as string);
    await waitUntil(() => helpOf(brais)?.asking === 'Marta', 'Brais asked');
    brais.sendJson({ type: 'look-answer', accept: true });
    await waitUntil(() => look.states.includes('watching'), 'watching');
    await brais.close();
    await waitUntil(() => look.closeCode !== undefined, 'the look ended');
    expect(look.closeCode).toBe(LookCloseCode.studentLeft);
    const again = new Look(c.h, c.instructor.token, ids.Brais as string);
    await waitUntil(() => again.closeCode !== undefined, 'the refusal');
    expect(again.closeCode).toBe(LookCloseCode.studentLeft);
  });
});

describe.skipIf(skip !== undefined)('help with typing in class through the agent', () => {
  const c = classWithStudents(['Ana', 'Brais'], 90);
  const { ids, tokens, tabs } = c;

  it('types into the student’s shell only after the second consent, until the student takes the keyboard back', async () => {
    const ana = tabs.Ana as TermClient;
    const brais = tabs.Brais as TermClient;
    const look = new Look(c.h, c.instructor.token, ids.Ana as string);
    await waitUntil(() => helpOf(ana)?.asking === 'Marta', 'Ana asked to be looked at');
    ana.sendJson({ type: 'look-answer', accept: true });
    await waitUntil(() => look.states.includes('watching'), 'watching');
    // the look alone types nothing
    look.type(0, 'echo early-$((6*7))\r');
    look.request({ type: 'help-ask' });
    await waitUntil(() => look.states.includes('help:asking'), 'asking to type');
    await waitUntil(() => helpOf(ana)?.helpAsking === 'Marta', 'Ana asked to let Marta type');
    // asked, not yet accepted: still nothing; Brais's "yes" is about requests to him, of which there is none
    look.type(0, 'echo asked-$((6*7))\r');
    brais.sendJson({ type: 'help-answer', accept: true });
    await brais.run('true');
    expect(look.states).not.toContain('help:typing');
    ana.sendJson({ type: 'help-answer', accept: true });
    await waitUntil(() => look.states.includes('help:typing'), 'typing granted');
    await waitUntil(() => helpOf(ana)?.typing === 'Marta', 'the badge naming who types');
    look.type(0, 'echo typed-$((6*7))\r');
    await waitUntil(() => ana.output.includes('typed-42'), 'the keystrokes run in Ana’s shell');
    await waitUntil(() => look.output.includes('typed-42'), 'and show in the look');
    // the look's frames are taken in order: the two sent before the consent were dropped
    expect(ana.output).not.toContain('early-42');
    expect(ana.output).not.toContain('asked-42');

    ana.sendJson({ type: 'help-end' });
    await waitUntil(() => look.states.includes('help:off:ended'), 'the keyboard taken back');
    await waitUntil(() => helpOf(ana)?.typing === null, 'the badge gone');
    expect(helpOf(ana)?.watching).toEqual(['Marta']);
    look.type(0, 'echo late-$((6*7))\r');
    // asking again is taken after that frame: once it is heard, the frame was dropped (or reached the shell first)
    look.request({ type: 'help-ask' });
    await waitUntil(() => helpOf(ana)?.helpAsking === 'Marta', 'asked again');
    await ana.run('echo sync');
    expect(ana.output).not.toContain('late-42');
    ana.sendJson({ type: 'help-answer', accept: false });
    await waitUntil(() => look.states.includes('help:off:declined'), 'declined');
    // Brais never heard of any of it
    expect(brais.control.some((m) => m.type === 'help' && (m.helpAsking !== null || m.typing !== null))).toBe(false);
    ana.sendJson({ type: 'look-end' });
    await waitUntil(() => look.closeCode !== undefined, 'the look ended');
    expect(look.closeCode).toBe(LookCloseCode.ended);

    const rows = (await c.instructor.auditCsv())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(rows[0]).toBe('kind,instructor,student,started_at,ended_at,seconds,detail');
    expect(rows.slice(1).map((r) => r.split(',').filter((_, i) => i !== 3 && i !== 4 && i !== 5))).toEqual([
      ['look', 'Marta', 'Ana', 'end=ended'],
      ['help', 'Marta', 'Ana', `end=ended bytes=${'echo typed-$((6*7))\r'.length}`],
      // the second request to type, declined: recorded too, never consented to
      ['help', 'Marta', 'Ana', 'end=declined consent=none'],
    ]);
    expect((await c.instructor.act('clear-audit')).ok).toBe(true);
    expect((await c.instructor.auditCsv()).replace(/^\uFEFF/, '').trim()).toBe(rows[0]);
  });

  it('refuses a look to a student token, closes one on a malformed frame, and refuses one once the class is no longer the agent’s', async () => {
    // a student's token opens no look, not even at herself, so it can never ask to type
    const own = new Look(c.h, tokens.Ana as string, ids.Ana as string);
    await waitUntil(() => own.httpStatus !== undefined, 'the refusal');
    expect(own.httpStatus).toBe(401);
    const bad = new Look(c.h, c.instructor.token, ids.Brais as string);
    await waitUntil(() => bad.states.includes('waiting'), 'waiting');
    bad.ws.send(JSON.stringify({ type: 'help-ask', tab: 0 }));
    await waitUntil(() => bad.closeCode !== undefined, 'closed');
    expect(bad.closeCode).toBe(LookCloseCode.invalid);
    // a new class opened: the old one's instructor can look no more
    await c.h.store.createClass('gaiola-test-next-class', 'QQQQQQ');
    const late = new Look(c.h, c.instructor.token, ids.Brais as string);
    await waitUntil(() => late.closeCode !== undefined, 'refused');
    expect(late.closeCode).toBe(LookCloseCode.classClosed);
    expect(helpOf(tabs.Brais as TermClient)?.asking).toBeNull();
  });
});
