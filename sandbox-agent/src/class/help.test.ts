// Help in class's pure parts (issue 20): the queue of raised hands, the entries the instructor sees, the
// question's cleaning, and the help desk's consent rules over fake shells and viewers (the real agent's are in
// test/class-help.kernel.test.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  cleanHelpQuestion,
  clientMessage,
  type HelpStateMessage,
  LookCloseCode,
  MAX_HELP_QUESTION_LENGTH,
  MAX_LOOKS_PER_STUDENT,
  type StudentRow,
} from '../protocol';
import type { ShellWatcher } from '../sessions/shell-session';
import { SqliteStore } from '../store/sqlite-store';
import { helpEntries, isStuck } from './class-state';
import { type HelpAudit, HelpDesk, type LookViewer, storeAudit } from './help-desk';
import { HelpQueue } from './help-queue';

describe('the help queue', () => {
  it('keeps hands oldest first, one per student; raising again changes the question, not the place', () => {
    const q = new HelpQueue();
    expect(q.raise('ana', '', 10)).toBe(true);
    expect(q.raise('brais', 'chroot: No such file', 20)).toBe(true);
    expect(q.raise('carme', ' por que  PID 1? ', 30)).toBe(true);
    expect(q.raise('ana', 'e agora?', 40)).toBe(true);
    expect(q.list()).toEqual([
      { student: 'ana', question: 'e agora?', raisedAt: 10 },
      { student: 'brais', question: 'chroot: No such file', raisedAt: 20 },
      { student: 'carme', question: 'por que PID 1?', raisedAt: 30 },
    ]);
    expect([q.position('ana'), q.position('brais'), q.position('carme'), q.position('dario')]).toEqual([
      1,
      2,
      3,
      undefined,
    ]);
  });

  it('moves the places after a lowered hand up, and says whose moved', () => {
    const q = new HelpQueue();
    for (const [i, s] of ['ana', 'brais', 'carme'].entries()) q.raise(s, '', i);
    expect(q.from('brais')).toEqual(['brais', 'carme']);
    expect(q.lower('brais')).toBe(true);
    expect(q.lower('brais')).toBe(false);
    expect(q.position('carme')).toBe(2);
    expect(q.from('brais')).toEqual([]);
    // raised again, it goes to the end
    q.raise('brais', '', 99);
    expect(q.list().map((h) => h.student)).toEqual(['ana', 'carme', 'brais']);
  });

  it('refuses a question too long or with control characters, and keeps the hand as it was', () => {
    const q = new HelpQueue();
    q.raise('ana', 'primeira', 1);
    expect(q.raise('ana', 'x'.repeat(MAX_HELP_QUESTION_LENGTH + 1), 2)).toBe(false);
    expect(q.raise('ana', 'a\u0007b', 2)).toBe(false);
    expect(q.raise('brais', 'a\u001b[31m', 2)).toBe(false);
    expect(q.list()).toEqual([{ student: 'ana', question: 'primeira', raisedAt: 1 }]);
  });
});

describe('a help question', () => {
  it('is one line of at most 140 characters (code points), NFC, trimmed', () => {
    expect(cleanHelpQuestion('  dúas\nliñas\t aquí ')).toBe('dúas liñas aquí');
    expect(cleanHelpQuestion('Xoa\u0301n')).toBe('Xoán');
    expect(cleanHelpQuestion('ç'.repeat(MAX_HELP_QUESTION_LENGTH))).toBe('ç'.repeat(MAX_HELP_QUESTION_LENGTH));
    expect(cleanHelpQuestion('ç'.repeat(MAX_HELP_QUESTION_LENGTH + 1))).toBeNull();
    expect(cleanHelpQuestion('   ')).toBe('');
    expect(cleanHelpQuestion('\u0085')).toBeNull();
  });

  it('is bounded by the message schema before it is read', () => {
    const ok = clientMessage.safeParse({ type: 'hand', raise: true, question: 'ajuda' });
    expect(ok.success).toBe(true);
    expect(clientMessage.safeParse({ type: 'hand', raise: true, question: 'x'.repeat(10_000) }).success).toBe(false);
    expect(clientMessage.safeParse({ type: 'hand', raise: 'yes' }).success).toBe(false);
    expect(clientMessage.safeParse({ type: 'look-answer', accept: true, student: 'other' }).success).toBe(false);
  });
});

describe("the instructor's help entries", () => {
  const row = (id: string, currentLesson: string | null): StudentRow => ({
    id,
    name: id,
    tag: 1,
    joinedAt: 0,
    lastSeenAt: 0,
    online: true,
    currentLesson,
    steps: {},
    quiz: {},
    answered: {},
  });
  const stepIds = (slug: string) => (slug === '01-chroot' ? ['chroot', 'proc', 'escape'] : []);

  it("names each hand's lesson and its first step not done, in the steps' order, oldest hand first", () => {
    const steps = [
      { student_id: 'ana', lesson: '01-chroot', step: 'chroot', done_at: 1 },
      { student_id: 'ana', lesson: '01-chroot', step: 'escape', done_at: 2 },
      { student_id: 'brais', lesson: '01-chroot', step: 'chroot', done_at: 3 },
      { student_id: 'brais', lesson: '01-chroot', step: 'proc', done_at: 4 },
      { student_id: 'brais', lesson: '01-chroot', step: 'escape', done_at: 5 },
    ];
    const hands = [
      { student: 'ana', question: 'q', raisedAt: 7 },
      { student: 'brais', question: '', raisedAt: 8 },
      { student: 'carme', question: '', raisedAt: 9 },
      // a hand of a student no longer in the class is not shown
      { student: 'gone', question: '', raisedAt: 10 },
    ];
    const rows = [row('ana', '01-chroot'), row('brais', '01-chroot'), row('carme', null)];
    expect(helpEntries(hands, { steps }, rows, stepIds)).toEqual([
      { student: 'ana', lesson: '01-chroot', step: { n: 2, id: 'proc' }, question: 'q', raisedAt: 7 },
      { student: 'brais', lesson: '01-chroot', step: null, question: '', raisedAt: 8 },
      { student: 'carme', lesson: null, step: null, question: '', raisedAt: 9 },
    ]);
  });
});

describe('the stuck mark', () => {
  const min = 60_000;
  it('marks a student active lately with no progress for the threshold, and nobody idle or progressing', () => {
    const t = 10 * min;
    expect(isStuck({ activeAt: 100 * min, progressAt: 90 * min, now: 100 * min, thresholdMs: t })).toBe(true);
    // progress within the threshold
    expect(isStuck({ activeAt: 100 * min, progressAt: 91 * min, now: 100 * min, thresholdMs: t })).toBe(false);
    // not active within the threshold: away, not stuck
    expect(isStuck({ activeAt: 90 * min, progressAt: 50 * min, now: 100 * min, thresholdMs: t })).toBe(false);
    // never active
    expect(isStuck({ progressAt: 0, now: 100 * min, thresholdMs: t })).toBe(false);
  });
});

/** A viewer that records what the desk told it. */
function viewer(name = 'Prof') {
  const v = {
    name,
    states: [] as string[],
    screens: [] as [number, number, number][],
    out: '',
    ended: undefined as number | undefined,
    state: (s: 'waiting' | 'watching') => v.states.push(s),
    screen: (tab: number, cols: number, rows: number) => v.screens.push([tab, cols, rows]),
    output: (tab: number, bytes: Buffer) => {
      v.out += `${tab}:${bytes.toString()}`;
    },
    end: (code: number) => {
      v.ended = code;
    },
    helps: [] as string[],
    help: (state: string, why?: string) => v.helps.push(why ? `${state}:${why}` : state),
  };
  return v satisfies LookViewer;
}

/** A shell that replays 'screen' and counts its watchers. */
function shell() {
  const s = {
    watchers: new Set<ShellWatcher>(),
    typed: '',
    input: (bytes: Buffer) => {
      s.typed += bytes.toString();
    },
    watch: (w: ShellWatcher) => {
      s.watchers.add(w);
      w.resized(100, 30);
      w.output(Buffer.from('screen'));
      return () => s.watchers.delete(w);
    },
  };
  return s;
}

/** Lets the audit's writes (promises already under way) finish; process.nextTick is not among the fake timers. */
const settled = () => new Promise<void>((resolve) => process.nextTick(resolve));

/** A desk over fake shells; its audit a list of lines, or `records` (a real store's) when given. */
function desk(online = new Set(['ana', 'brais']), records?: HelpAudit) {
  const pushed: [string, HelpStateMessage][] = [];
  const changed: string[] = [];
  const shells = { ana: [shell(), shell()], brais: [shell()] } as Record<string, ReturnType<typeof shell>[]>;
  const audit: string[] = [];
  const d = new HelpDesk({
    audit: records ?? {
      start: async (kind, student, instructor) => audit.push(`${kind} ${instructor}→${student}`) - 1,
      end: (record, detail) => {
        void record.then((id) => {
          if (id !== undefined) audit[id] += ` ${detail}`;
        });
      },
    },
    push: (id, msg) => pushed.push([id, msg]),
    shells: async (id) => shells[id] ?? [],
    online: (id) => online.has(id),
    changed: (k) => changed.push(k),
    now: () => 1000,
    consentMs: 30_000,
  });
  const last = (id: string) => pushed.filter(([s]) => s === id).at(-1)?.[1];
  return { d, pushed, changed, shells, last, online, audit };
}

describe('the help desk', () => {
  afterEach(() => vi.useRealTimers());

  it('tells each student their own place, and the students behind a lowered hand their new one', () => {
    const { d, pushed, changed, last } = desk();
    d.raise('ana', 'socorro');
    d.raise('brais', '');
    expect(last('brais')?.hand).toEqual({ position: 2, question: '' });
    pushed.length = 0;
    d.lower('ana');
    expect(pushed.map(([s]) => s)).toEqual(['ana', 'brais']);
    expect(last('ana')?.hand).toBeNull();
    expect(last('brais')?.hand).toEqual({ position: 1, question: '' });
    expect(changed).toContain('help');
    // a refused question changes nothing and tells nobody
    pushed.length = 0;
    expect(d.raise('brais', 'x'.repeat(MAX_HELP_QUESTION_LENGTH + 1))).toBe(false);
    expect(pushed).toEqual([]);
  });

  it('shows nothing before the student accepts; watches every shell after; stops when the student ends it', async () => {
    const { d, shells, last } = desk();
    const v = viewer('Marta');
    d.ask('ana', v);
    expect(v.states).toEqual(['waiting']);
    expect(last('ana')).toMatchObject({ asking: 'Marta', watching: [] });
    expect(v.out).toBe('');
    expect(shells.ana?.every((s) => s.watchers.size === 0)).toBe(true);
    // brais cannot answer for ana: his answer is about requests to him, and there is none
    d.answer('brais', true);
    expect(v.states).toEqual(['waiting']);
    d.answer('ana', true);
    await vi.waitFor(() => expect(v.out).toBe('0:screen1:screen'));
    expect(v.states).toEqual(['waiting', 'watching']);
    expect(v.screens).toEqual([
      [0, 100, 30],
      [1, 100, 30],
    ]);
    expect(last('ana')).toMatchObject({ asking: null, watching: ['Marta'] });
    expect(last('brais')).toBeUndefined();
    d.endByStudent('ana');
    expect(v.ended).toBe(LookCloseCode.ended);
    expect(shells.ana?.every((s) => s.watchers.size === 0)).toBe(true);
    expect(last('ana')).toMatchObject({ asking: null, watching: [] });
    expect(d.watchers('ana')).toBe(0);
  });

  it('ends a declined, a lapsed and an offline request, and refuses a second one while one waits', () => {
    vi.useFakeTimers();
    const { d } = desk();
    const declined = viewer();
    d.ask('ana', declined);
    const second = viewer();
    d.ask('ana', second);
    expect(second.ended).toBe(LookCloseCode.busy);
    d.answer('ana', false);
    expect(declined.ended).toBe(LookCloseCode.declined);
    const lapsed = viewer();
    d.ask('ana', lapsed);
    vi.advanceTimersByTime(29_999);
    expect(lapsed.ended).toBeUndefined();
    vi.advanceTimersByTime(1);
    expect(lapsed.ended).toBe(LookCloseCode.timedOut);
    // an answer after the request lapsed grants nothing
    d.answer('ana', true);
    expect(lapsed.states).toEqual(['waiting']);
    const offline = viewer();
    d.ask('carme', offline);
    expect(offline.ended).toBe(LookCloseCode.studentLeft);
  });

  it('ends the looks when the student leaves, and frees the shells when the instructor leaves', async () => {
    const { d, shells, online } = desk();
    const a = viewer();
    d.ask('ana', a);
    d.answer('ana', true);
    const b = viewer();
    d.ask('brais', b);
    d.answer('brais', true);
    await vi.waitFor(() => expect(shells.brais?.[0]?.watchers.size).toBe(1));
    d.viewerLeft('brais', b);
    expect(shells.brais?.[0]?.watchers.size).toBe(0);
    await vi.waitFor(() => expect(shells.ana?.[1]?.watchers.size).toBe(1));
    online.delete('ana');
    d.presence('ana', false);
    expect(a.ended).toBe(LookCloseCode.studentLeft);
    expect(shells.ana?.every((s) => s.watchers.size === 0)).toBe(true);
  });

  it(`lets at most ${MAX_LOOKS_PER_STUDENT} look at one student`, () => {
    const { d } = desk();
    for (let i = 0; i < MAX_LOOKS_PER_STUDENT; i++) {
      d.ask('ana', viewer(`v${i}`));
      d.answer('ana', true);
    }
    const extra = viewer();
    d.ask('ana', extra);
    expect(extra.ended).toBe(LookCloseCode.busy);
    expect(d.watchers('ana')).toBe(MAX_LOOKS_PER_STUDENT);
  });

  it('lets a viewer type only after the second consent, one at a time, until the student takes the keyboard back', async () => {
    vi.useFakeTimers();
    const { d, shells, last, audit } = desk();
    const marta = viewer('Marta');
    const xoan = viewer('Xoán');
    // asking to type without a look accepted: nothing
    d.askHelp('ana', marta);
    expect(marta.helps).toEqual([]);
    for (const v of [marta, xoan]) {
      d.ask('ana', v);
      d.answer('ana', true);
    }
    await vi.waitFor(() => expect(shells.ana?.[1]?.watchers.size).toBe(2));
    // the look alone types nothing
    expect(d.type('ana', marta, 0, Buffer.from('ls\r'))).toBe(false);
    d.askHelp('ana', marta);
    expect(marta.helps).toEqual(['asking']);
    expect(last('ana')).toMatchObject({ helpAsking: 'Marta', typing: null });
    // asked, not yet accepted: still nothing; another viewer is told someone else asks
    expect(d.type('ana', marta, 0, Buffer.from('ls\r'))).toBe(false);
    d.askHelp('ana', xoan);
    expect(xoan.helps).toEqual(['off:busy']);
    // brais's answer is about requests to him
    d.helpAnswer('brais', true);
    expect(marta.helps).toEqual(['asking']);
    d.helpAnswer('ana', true);
    expect(marta.helps).toEqual(['asking', 'typing']);
    expect(last('ana')).toMatchObject({ helpAsking: null, typing: 'Marta', watching: ['Marta', 'Xoán'] });
    expect(d.type('ana', marta, 1, Buffer.from('echo oi\r'))).toBe(true);
    expect(d.type('ana', xoan, 1, Buffer.from('rm -rf /\r'))).toBe(false);
    expect(shells.ana?.[1]?.typed).toBe('echo oi\r');
    d.helpEndByStudent('ana');
    expect(marta.helps.at(-1)).toBe('off:ended');
    expect(last('ana')).toMatchObject({ typing: null, watching: ['Marta', 'Xoán'] });
    expect(d.type('ana', marta, 1, Buffer.from('x'))).toBe(false);
    // a request that lapses, one declined, and the look's end, each recorded
    d.askHelp('ana', xoan);
    vi.advanceTimersByTime(30_000);
    expect(xoan.helps.at(-1)).toBe('off:timedOut');
    d.helpAnswer('ana', true);
    expect(xoan.helps.at(-1)).toBe('off:timedOut');
    d.askHelp('ana', xoan);
    d.helpAnswer('ana', false);
    expect(xoan.helps.at(-1)).toBe('off:declined');
    d.endByStudent('ana');
    await settled();
    expect(audit).toEqual([
      'look Marta→ana end=ended',
      'look Xoán→ana end=ended',
      'help Marta→ana end=ended bytes=8',
      'help Xoán→ana end=timedOut consent=none',
      'help Xoán→ana end=declined consent=none',
    ]);
  });

  it('ends a help when its viewer leaves, and records why', async () => {
    const { d, shells, last, audit } = desk();
    const v = viewer('Marta');
    d.ask('brais', v);
    d.answer('brais', true);
    await vi.waitFor(() => expect(shells.brais?.[0]?.watchers.size).toBe(1));
    d.askHelp('brais', v);
    d.helpAnswer('brais', true);
    d.viewerLeft('brais', v);
    expect(last('brais')).toMatchObject({ typing: null, watching: [] });
    await settled();
    expect(audit).toEqual(['look Marta→brais end=closed', 'help Marta→brais end=stopped bytes=0']);
  });

  it('records in the class’s SQLite audit a look declined, one lapsed and one withdrawn, each from its asking, as well as one accepted', async () => {
    vi.useFakeTimers({ now: 1000 });
    const dir = mkdtempSync(path.join(tmpdir(), 'gaiola-help-'));
    const store = SqliteStore.open(dir);
    try {
      await store.createClass('c1', 'AAAAAA', 1);
      await store.joinClass('c1', 'ana', 'Ana', 2);
      // the desk's clock stays at 1000 (when each request is asked); the store's ends each record at Date.now()
      const { d, shells } = desk(
        undefined,
        storeAudit(
          store,
          () => Date.now(),
          (line) => expect.fail(line),
        ),
      );
      const answered = (accept: boolean, after: number) => {
        d.ask('ana', viewer('Marta'));
        vi.advanceTimersByTime(after);
        d.answer('ana', accept);
      };
      answered(false, 2000);
      d.ask('ana', viewer('Xoán'));
      vi.advanceTimersByTime(30_000);
      const withdrawn = viewer('Rosa');
      d.ask('ana', withdrawn);
      vi.advanceTimersByTime(1000);
      d.viewerLeft('ana', withdrawn);
      answered(true, 1000);
      await vi.waitFor(() => expect(shells.ana?.[1]?.watchers.size).toBe(1));
      d.endByStudent('ana');
      // brais is of no class: nothing is recorded for him
      d.ask('brais', viewer('Marta'));
      d.answer('brais', false);
      await settled();
      const rows = await store.classAudit('c1');
      expect(rows.map((r) => [r.kind, r.instructor, r.student_name, r.started_at, r.detail])).toEqual([
        ['look', 'Marta', 'Ana', 1000, 'end=declined consent=none'],
        ['look', 'Xoán', 'Ana', 1000, 'end=timedOut consent=none'],
        ['look', 'Rosa', 'Ana', 1000, 'end=closed consent=none'],
        // the accepted look's record begins when the student accepted
        ['look', 'Marta', 'Ana', 35_000, 'end=ended'],
      ]);
      // each unanswered one ended when it was declined, lapsed or withdrawn; the accepted one when the student ended it
      expect(rows.slice(0, 3).map((r) => r.ended_at)).toEqual([3000, 33_000, 34_000]);
      expect(rows[3]?.ended_at).toBeGreaterThanOrEqual(35_000);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
