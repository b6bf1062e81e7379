// Help with typing through the real agent (issue 20), with real sandboxes and shells: during an accepted look the
// instructor asks to type; the instructor's keystrokes reach the student's shell only after the student's second
// consent (another student's "yes" grants nothing), the student's tabs name who types, and the student takes the
// keyboard back at any time. A student's token never opens a look; a malformed frame closes it; a look at a class
// that is no longer the agent's is refused. Each look and help is in the class's audit CSV until the instructor
// clears it.
import { describe, expect, it } from 'vitest';
import { LookCloseCode } from '../src/protocol';
import { type TermClient, waitUntil } from './agent-harness';
import { classWithStudents, helpOf, Look } from './class-harness';
import { kernelSuite } from './kernel-helpers';

const { skip } = kernelSuite('class-help-typing.kernel.test');

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
    c.h.store.createClass('gaiola-test-next-class', 'QQQQQQ');
    const late = new Look(c.h, c.instructor.token, ids.Brais as string);
    await waitUntil(() => late.closeCode !== undefined, 'refused');
    expect(late.closeCode).toBe(LookCloseCode.classClosed);
    expect(helpOf(tabs.Brais as TermClient)?.asking).toBeNull();
  });
});
