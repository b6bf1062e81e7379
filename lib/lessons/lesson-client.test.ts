import type {
  ClientMessage,
  LessonProgress,
  PreparedMessage,
  QuizAnswerRequest,
  QuizResult,
  ServerMessage,
} from '@protocol';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LessonStore, mergeStep, PROGRESS_RETRY_MS, type TabLink } from './lesson-client';
import type { QuizAgent } from './quiz-agent';

const SLUG = '02-unshare';
const hello = (tab: number): ServerMessage => ({ type: 'hello', protocol: 1, sandbox: 'sb', tab, resumed: false });

/** A tab: what it sent, what was typed into it, and whether it is connected. */
function fakeTab(connected = true) {
  const sent: ClientMessage[] = [];
  const typed: string[] = [];
  const link: TabLink & { connected: boolean } = {
    connected,
    type: (text) => typed.push(text),
    send(message) {
      if (!this.connected) return false;
      sent.push(message);
      return true;
    },
  };
  return { link, sent, typed, reply: (m: ClientMessage) => link.send(m) };
}

/** The agent's HTTP side, answered by hand: each call waits until the test resolves or rejects it. */
function fakeAgent() {
  const progress: { slug: string; locale: string; resolve(p: LessonProgress): void; reject(): void }[] = [];
  const answers: { request: QuizAnswerRequest; resolve(r: QuizResult): void; reject(): void }[] = [];
  const agent: QuizAgent = {
    progress: (slug, locale) =>
      new Promise((resolve, reject) => progress.push({ slug, locale, resolve, reject: () => reject(new Error('x')) })),
    answer: (request) =>
      new Promise((resolve, reject) => answers.push({ request, resolve, reject: () => reject(new Error('x')) })),
  };
  return { agent, progress, answers };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

afterEach(() => {
  vi.useRealTimers();
});

describe('mergeStep', () => {
  it('keeps a step done once seen done, with the earliest time', () => {
    const done = { id: 'a', done: true, doneAt: 100 };
    expect(mergeStep(done, { id: 'a', done: false, hint: { key: 'k', params: {} } })).toBe(done);
    expect(mergeStep(done, { id: 'a', done: true, doneAt: 200 })).toBe(done);
    expect(mergeStep({ id: 'a', done: true, doneAt: 300 }, done)).toBe(done);
    expect(mergeStep(undefined, done)).toBe(done);
    const hinted = { id: 'a', done: false, hint: { key: 'other', params: { pid: 4 } } };
    expect(mergeStep({ id: 'a', done: false }, hinted)).toBe(hinted);
  });
});

describe('LessonStore', () => {
  it('answers every hello, on the socket it came from, with the lesson, and reads the saved progress again', () => {
    const store = new LessonStore(SLUG, 'gl');
    const { agent, progress } = fakeAgent();
    store.connectAgent(agent);
    expect(progress.map((p) => [p.slug, p.locale])).toEqual([[SLUG, 'gl']]);
    const a = fakeTab();
    const b = fakeTab();
    store.receive(hello(0), a.reply);
    store.receive(hello(1), b.reply);
    expect(a.sent).toEqual([{ type: 'lesson', slug: SLUG }]);
    expect(b.sent).toEqual([{ type: 'lesson', slug: SLUG }]);
    expect(progress).toHaveLength(3);
  });

  it('keeps the saved progress (over HTTP) and steps from either tab, ignores other lessons, and notifies', async () => {
    const store = new LessonStore(SLUG, 'pt');
    const seen = vi.fn();
    store.subscribe(seen);
    const before = store.getSnapshot();
    const { agent, progress } = fakeAgent();
    store.connectAgent(agent);
    progress[0]?.resolve({
      steps: [
        { id: 'unshare', done: true, doneAt: 5 },
        { id: 'hostname', done: false },
      ],
      quiz: { q1: { option: 'a', correct: false, attempts: 2, feedback: 'no' } },
    });
    await flush();
    const after = store.getSnapshot();
    expect(after).not.toBe(before);
    expect(after.known).toBe(true);
    expect(after.steps.unshare).toEqual({ id: 'unshare', done: true, doneAt: 5 });
    expect(after.quiz.q1?.attempts).toBe(2);

    store.receive({ type: 'steps', slug: '01-chroot', steps: [{ id: 'hostname', done: true, doneAt: 9 }] }, () => true);
    expect(store.getSnapshot()).toBe(after);

    store.receive(
      {
        type: 'steps',
        slug: SLUG,
        steps: [
          { id: 'unshare', done: false, hint: { key: 'no-new-pidns', params: {} } },
          { id: 'hostname', done: false, hint: { key: 'wrong-name', params: { found: 'x' } } },
        ],
      },
      () => true,
    );
    const s = store.getSnapshot();
    expect(s.steps.unshare?.done).toBe(true); // done stays done
    expect(s.steps.hostname?.hint).toEqual({ key: 'wrong-name', params: { found: 'x' } });
    expect(seen).toHaveBeenCalledTimes(2);
  });

  it('does not change the snapshot on a hello (no re-render of the steps per connection)', () => {
    const store = new LessonStore(SLUG, 'pt');
    const snap = store.getSnapshot();
    store.receive(hello(0), () => true);
    expect(store.getSnapshot()).toBe(snap);
  });

  it('types into the chosen tab', () => {
    const store = new LessonStore(SLUG, 'pt');
    const a = fakeTab();
    const b = fakeTab();
    store.attach(0, a.link);
    const detach = store.attach(1, b.link);
    expect(store.runInTerminal(1, 'hostname')).toBe(true);
    expect(b.typed).toEqual(['hostname']);
    expect(a.typed).toEqual([]);
    detach();
    expect(store.runInTerminal(1, 'x')).toBe(false);
  });

  it('sends over tab A, or B when A is down, and reports when neither is up', () => {
    const store = new LessonStore(SLUG, 'pt');
    const a = fakeTab(false);
    const b = fakeTab(true);
    store.attach(0, a.link);
    store.attach(1, b.link);
    expect(store.check()).toBe(true);
    expect(b.sent).toEqual([{ type: 'check', slug: SLUG }]);
    a.link.connected = true;
    expect(store.send({ type: 'check', slug: SLUG })).toBe(true);
    expect(a.sent).toHaveLength(1);
    a.link.connected = false;
    b.link.connected = false;
    expect(store.restart()).toBe(false);
    expect(store.getSnapshot().restarting).toBe(false);
  });

  it('shows "checking" until the next steps message, or a timeout', () => {
    vi.useFakeTimers();
    const store = new LessonStore(SLUG, 'pt');
    store.attach(0, fakeTab().link);
    store.check();
    expect(store.getSnapshot().checking).toBe(true);
    store.receive({ type: 'steps', slug: SLUG, steps: [] }, () => true);
    expect(store.getSnapshot().checking).toBe(false);
    store.check();
    vi.advanceTimersByTime(10_000);
    expect(store.getSnapshot().checking).toBe(false);
  });

  it('grades through the agent over HTTP, with no tab connected: the first answer is saved, later ones count as attempts', async () => {
    const store = new LessonStore(SLUG, 'gl');
    expect(store.answer('q1', 'a')).toBe(false); // no agent yet
    const { agent, answers } = fakeAgent();
    store.connectAgent(agent);
    expect(store.answer('q1', 'a')).toBe(true);
    expect(store.answer('q1', 'a')).toBe(false); // one at a time per question
    expect(answers.map((x) => x.request)).toEqual([{ slug: SLUG, question: 'q1', option: 'a', locale: 'gl' }]);
    expect(store.getSnapshot().answering.q1).toBe(true);
    const result = (option: string, correct: boolean, first: boolean): QuizResult => ({
      slug: SLUG,
      question: 'q1',
      option,
      correct,
      feedback: `fb-${option}`,
      first,
    });
    answers[0]?.resolve(result('a', false, true));
    await flush();
    let s = store.getSnapshot();
    expect(s.answering.q1).toBeUndefined();
    expect(s.quiz.q1).toEqual({ option: 'a', correct: false, attempts: 1, feedback: 'fb-a' });
    expect(s.tries.q1).toEqual({ option: 'a', correct: false, feedback: 'fb-a', first: true });

    store.answer('q1', 'b');
    answers[1]?.resolve(result('b', true, false));
    await flush();
    s = store.getSnapshot();
    expect(s.quiz.q1).toEqual({ option: 'a', correct: false, attempts: 2, feedback: 'fb-a' });
    expect(s.tries.q1).toEqual({ option: 'b', correct: true, feedback: 'fb-b', first: false });
  });

  it('tracks connection and restart: restarting until the next hello', () => {
    const store = new LessonStore(SLUG, 'pt');
    const a = fakeTab();
    store.attach(0, a.link);
    store.setTabConnected(0, true);
    expect(store.getSnapshot().connected).toBe(true);
    expect(store.restart()).toBe(true);
    expect(a.sent).toEqual([{ type: 'restart', slug: SLUG }]);
    expect(store.getSnapshot().restarting).toBe(true);
    store.setTabConnected(0, false);
    expect(store.getSnapshot().connected).toBe(false);
    store.receive(hello(0), a.reply);
    expect(store.getSnapshot().restarting).toBe(false);
    expect(a.sent.at(-1)).toEqual({ type: 'lesson', slug: SLUG });
  });

  it('an answer the agent did not grade frees the button; progress it did not give is asked again', async () => {
    vi.useFakeTimers();
    const store = new LessonStore(SLUG, 'pt');
    const { agent, progress, answers } = fakeAgent();
    store.connectAgent(agent);
    store.answer('q2', 'c');
    answers[0]?.reject();
    await vi.advanceTimersByTimeAsync(0);
    expect(store.getSnapshot().answering.q2).toBeUndefined();
    expect(store.getSnapshot().quiz.q2).toBeUndefined();
    progress[0]?.reject();
    await vi.advanceTimersByTimeAsync(PROGRESS_RETRY_MS);
    expect(progress).toHaveLength(2);
    expect(store.getSnapshot().known).toBe(false);
  });
});

describe('LessonStore: "Prepare this lesson" and "Start this step again"', () => {
  it('sends the lesson and the step only, once at a time, and on `prepared` forgets the steps shown done', () => {
    const store = new LessonStore(SLUG, 'pt');
    const a = fakeTab();
    store.attach(0, a.link);
    store.receive({ type: 'steps', slug: SLUG, steps: [{ id: 'a', done: true, doneAt: 1 }] }, a.reply);
    expect(store.prepare('b')).toBe(true);
    expect(store.prepare()).toBe(false);
    expect(a.sent.at(-1)).toEqual({ type: 'prepare', slug: SLUG, step: 'b' });
    expect(store.getSnapshot().preparing).toBe('b');
    const prepared: PreparedMessage = {
      type: 'prepared',
      slug: SLUG,
      step: 'b',
      ok: true,
      prepared: [],
      replayed: ['a'],
    };
    store.receive({ ...prepared, slug: '01-chroot' }, a.reply);
    expect(store.getSnapshot().preparing).toBe('b');
    store.receive(prepared, a.reply);
    expect(store.getSnapshot()).toMatchObject({ preparing: null, prepared, steps: {} });
    // the agent's next steps say what is done now: a replayed step as prepared
    store.receive({ type: 'steps', slug: SLUG, steps: [{ id: 'a', done: true, doneAt: 2, prepared: true }] }, a.reply);
    expect(store.getSnapshot().steps.a).toEqual({ id: 'a', done: true, doneAt: 2, prepared: true });
    expect(store.prepare()).toBe(true);
    expect(a.sent.at(-1)).toEqual({ type: 'prepare', slug: SLUG });
    // a failed preparation keeps what the page showed, and says why
    store.receive(
      { type: 'prepared', slug: SLUG, ok: false, prepared: [], replayed: [], error: 'prepare_timeout' },
      a.reply,
    );
    expect(store.getSnapshot()).toMatchObject({ preparing: null, prepared: { ok: false, error: 'prepare_timeout' } });
    expect(store.getSnapshot().steps.a?.done).toBe(true);
  });
});
