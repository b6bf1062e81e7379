// The lesson page's client state, outside React: one store per lesson page, shared by the terminal
// panel, the steps and the quiz. The terminal panel attaches each tab (a way to type into it and a way
// to send JSON over its socket) and hands over every control message either tab's socket receives;
// the store answers each `hello` with `lesson` (so the agent starts checking), keeps what `steps` says,
// and notifies subscribers (useSyncExternalStore). Saved progress and quiz answers go over HTTP
// (quiz-agent.ts), so a student without a sandbox (the class is full) still has them. Terminal bytes never
// come here: a step's status changes a few times per lesson, never per byte of output.
import type {
  BroadcastMessage,
  ClientMessage,
  HelpStateMessage,
  LessonProgress,
  PreparedMessage,
  QuizResult,
  ServerMessage,
  StepResult,
} from '@protocol';
import { PanelStore } from '@/lib/panel/panel-store';
import { SnapshotStore } from '@/lib/snapshot-store';
import type { TabIndex } from '@/lib/terminal/tab';
import type { QuizAgent } from './quiz-agent';

/** What the store needs of one terminal tab. */
export interface TabLink {
  /** Types text into the tab's terminal (no Enter: the student presses it), shows the tab, focuses it. */
  type(text: string): void;
  /** A control message over the tab's socket; false when the tab is not connected. */
  send(message: ClientMessage): boolean;
}

/** The first answer to a question (the one that scores) and how many tries there were in all. */
export interface SavedAnswer {
  readonly option: string;
  readonly correct: boolean;
  readonly attempts: number;
  readonly feedback: string;
}

/** The latest answer sent from this page, graded. */
export interface QuizTry {
  readonly option: string;
  readonly correct: boolean;
  readonly feedback: string;
  /** It was the first answer to the question: the one that scores. */
  readonly first: boolean;
}

export interface LessonSnapshot {
  /** The agent's saved progress arrived: the steps and answers below are what it saved; answers can go out. */
  readonly known: boolean;
  /** At least one tab is connected: checks and answers can go out. */
  readonly connected: boolean;
  readonly steps: Readonly<Record<string, StepResult>>;
  readonly quiz: Readonly<Record<string, SavedAnswer>>;
  readonly tries: Readonly<Record<string, QuizTry>>;
  /** The "check" button was pressed and no `steps` has come back yet. */
  readonly checking: boolean;
  /** Questions whose answer is on its way to the agent. */
  readonly answering: Readonly<Record<string, true>>;
  /** "Start this lesson again" was sent; cleared by the next `hello`. */
  readonly restarting: boolean;
  /**
   * "Prepare this lesson" or "Start this step again" was sent: the step asked for ('' for the lesson's start);
   * cleared by the agent's `prepared` (or after PREPARE_PENDING_MS).
   */
  readonly preparing: string | null;
  /** What the latest preparation in this page left in the sandbox (the list shown), or why it failed. */
  readonly prepared: PreparedMessage | null;
  /** Class mode's help state (hand, who asks to look, who looks); null outside a class (issue 20). */
  readonly help: HelpStateMessage | null;
  /** The instructor's latest broadcast in class (issue 20); null before any. */
  readonly broadcast: BroadcastMessage | null;
}

export const EMPTY_SNAPSHOT: LessonSnapshot = Object.freeze({
  known: false,
  connected: false,
  steps: {},
  quiz: {},
  tries: {},
  checking: false,
  answering: {},
  restarting: false,
  preparing: null,
  prepared: null,
  help: null,
  broadcast: null,
});

/** A check run takes well under a second; past this the button is offered again. */
export const CHECK_PENDING_MS = 5000;
/** An answer the agent never graded (a dropped socket) stops showing "sending" after this. */
export const ANSWER_PENDING_MS = 8000;
/** A restart that never brings a new `hello` (agent gone) stops showing "restarting" after this. */
export const RESTART_PENDING_MS = 20_000;
/** A preparation that never comes back (a fresh sandbox plus its time cap, 20 s) stops showing "preparing" after this. */
export const PREPARE_PENDING_MS = 40_000;
/** Saved progress the agent did not give (down, restarting) is asked again this often. */
export const PROGRESS_RETRY_MS = 3000;

/** Tabs in the order a message is sent over: A first, B if A is down. */
const SEND_ORDER: readonly TabIndex[] = [0, 1];

/** A step seen done stays done; the earliest time it was seen wins. */
export function mergeStep(old: StepResult | undefined, next: StepResult): StepResult {
  if (!old?.done) return next;
  if (!next.done) return old;
  if (old.doneAt !== undefined && (next.doneAt === undefined || old.doneAt <= next.doneAt)) return old;
  return next;
}

export class LessonStore extends SnapshotStore<LessonSnapshot> {
  private readonly links = new Map<TabIndex, TabLink>();
  private readonly connectedTabs = new Set<number>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** The Kernel panel rides on the same sockets. */
  readonly panel = new PanelStore();
  private agent: QuizAgent | undefined;
  private disposed = false;

  constructor(
    readonly slug: string,
    /** The page's language: saved quiz feedback comes back in it. */
    readonly locale: 'pt' | 'gl',
  ) {
    super(EMPTY_SNAPSHOT);
    this.panel.setSender((tab, message) => this.links.get(tab)?.send(message) ?? false);
  }

  // --- for the page: the agent's HTTP side ------------------------------------------------------------

  /** Where saved progress and answers go; loads the progress at once (and again after each `hello`). */
  connectAgent(agent: QuizAgent): void {
    this.agent = agent;
    this.loadProgress();
  }

  // --- for the terminal panel ----------------------------------------------------------------------

  /** A tab's terminal exists; returns the detach function. */
  attach(tab: TabIndex, link: TabLink): () => void {
    this.links.set(tab, link);
    return () => {
      if (this.links.get(tab) === link) this.links.delete(tab);
    };
  }

  /** A tab's connection state (from its status callback). */
  setTabConnected(tab: number, connected: boolean): void {
    if (connected) this.connectedTabs.add(tab);
    else this.connectedTabs.delete(tab);
    if (tab === 0 || tab === 1) this.panel.setTabConnected(tab, connected);
    const any = this.connectedTabs.size > 0;
    if (any !== this.state.connected) this.update({ connected: any });
  }

  /** A valid control message from either tab's socket, with a reply channel bound to that socket. */
  receive(message: ServerMessage, reply: (message: ClientMessage) => boolean): void {
    switch (message.type) {
      case 'hello':
        // Every connection (first, reconnect, fresh sandbox after a restart) says which lesson it shows,
        // and the saved progress is read again (the agent may have restarted, another window answered).
        reply({ type: 'lesson', slug: this.slug });
        this.loadProgress();
        if (message.tab === 0 || message.tab === 1) this.panel.hello(message.tab);
        if (this.state.restarting) {
          this.clearTimer('restart');
          this.update({ restarting: false });
        }
        return;
      case 'prepared':
        if (message.slug !== this.slug) return;
        this.clearTimer('prepare');
        // The steps restarted are judged again in the fresh sandbox: what was shown done of them goes, and the
        // `steps` that follows (and the saved progress) says what is done now, and what was prepared.
        this.update({ preparing: null, prepared: message, ...(message.ok ? { steps: {} } : {}) });
        this.loadProgress();
        return;
      case 'steps':
        if (message.slug !== this.slug) return;
        this.clearTimer('check');
        this.update({ steps: this.mergeSteps(message.steps), checking: false });
        return;
      case 'panel':
        this.panel.receive(message);
        return;
      case 'help':
        this.update({ help: message });
        return;
      case 'broadcast':
        // each tab hears it: the same one twice changes nothing
        if (this.getSnapshot().broadcast?.id !== message.id) this.update({ broadcast: message });
        return;
      default:
        return;
    }
  }

  // --- for the steps, the quiz and the restart button ---------------------------------------------

  /** "Run in terminal": types the command into that tab and focuses it. */
  runInTerminal(tab: TabIndex, text: string): boolean {
    const link = this.links.get(tab);
    if (!link) return false;
    link.type(text);
    return true;
  }

  /** Sends over a connected tab (A first); false when neither is connected. */
  send(message: ClientMessage): boolean {
    for (const tab of SEND_ORDER) {
      if (this.links.get(tab)?.send(message)) return true;
    }
    return false;
  }

  /** The "check" button. */
  check(): boolean {
    return this.sendPending('check', 'checking', CHECK_PENDING_MS);
  }

  /** Sends an answer to the agent over HTTP (no sandbox needed); false before the agent is known. */
  answer(question: string, option: string): boolean {
    const agent = this.agent;
    if (!agent || this.state.answering[question]) return false;
    this.update({ answering: { ...this.state.answering, [question]: true } });
    const done = () => this.update({ answering: without(this.state.answering, question) });
    this.startTimer(`answer:${question}`, ANSWER_PENDING_MS, done);
    agent.answer({ slug: this.slug, question, option, locale: this.locale }).then(
      (result) => this.quizResult(result),
      () => {
        // Not graded (agent down, token refused): the button comes back; nothing was saved.
        this.clearTimer(`answer:${question}`);
        done();
      },
    );
    return true;
  }

  /** "Start this lesson again": the agent closes both tabs (4012); they reconnect to a fresh sandbox. */
  restart(): boolean {
    return this.sendPending('restart', 'restarting', RESTART_PENDING_MS);
  }

  /**
   * "Prepare this lesson" (no step) or "Start this step again": the agent closes both tabs (4012), they reconnect to
   * a fresh sandbox, and the agent runs the lesson's preparation and the steps before `step` in it.
   */
  prepare(step?: string): boolean {
    if (this.state.preparing !== null) return false;
    if (!this.send({ type: 'prepare', slug: this.slug, ...(step === undefined ? {} : { step }) })) return false;
    this.update({ preparing: step ?? '', prepared: null });
    this.startTimer('prepare', PREPARE_PENDING_MS, () => this.update({ preparing: null }));
    return true;
  }

  /** Raises the hand with a question ('' for none), or lowers it; false when no tab is connected. */
  hand(raise: boolean, question = ''): boolean {
    return this.send(raise ? { type: 'hand', raise, question } : { type: 'hand', raise });
  }

  /** The student's answer to the instructor's request to look. */
  answerLook(accept: boolean): boolean {
    return this.send({ type: 'look-answer', accept });
  }

  /** Ends every look at this student. */
  endLook(): boolean {
    return this.send({ type: 'look-end' });
  }

  /** The student's answer to the request to type into their terminal (the second consent). */
  answerHelp(accept: boolean): boolean {
    return this.send({ type: 'help-answer', accept });
  }

  /** Takes the keyboard back from whoever types into this student's terminal. */
  endHelp(): boolean {
    return this.send({ type: 'help-end' });
  }

  /** Stops pending timers (the page is leaving). Subscribers and tabs detach themselves. */
  dispose(): void {
    this.disposed = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  // --- internals -----------------------------------------------------------------------------------

  /**
   * Sends `type` for this lesson and sets `flag` until the agent's answer clears it, or for `ms` at most
   * (the timer is named after the message, so the answer can stop it). False when no tab is connected.
   */
  private sendPending(type: 'check' | 'restart', flag: 'checking' | 'restarting', ms: number): boolean {
    if (!this.send({ type, slug: this.slug })) return false;
    this.setFlag(flag, true);
    this.startTimer(type, ms, () => this.setFlag(flag, false));
    return true;
  }

  private setFlag(flag: 'checking' | 'restarting', on: boolean): void {
    this.update(flag === 'checking' ? { checking: on } : { restarting: on });
  }

  private loadProgress(): void {
    const agent = this.agent;
    if (!agent || this.disposed) return;
    this.clearTimer('progress');
    agent.progress(this.slug, this.locale).then(
      (saved) => this.savedProgress(saved),
      () => this.startTimer('progress', PROGRESS_RETRY_MS, () => this.loadProgress()),
    );
  }

  private savedProgress(saved: LessonProgress): void {
    if (this.disposed) return;
    this.update({
      known: true,
      steps: this.mergeSteps(saved.steps),
      // The agent's record is the truth for first answers and attempt counts.
      quiz: { ...saved.quiz },
    });
  }

  private quizResult(result: QuizResult): void {
    // Only answers this page is waiting for (one that timed out is not shown late).
    if (result.slug !== this.slug || !this.state.answering[result.question]) return;
    this.clearTimer(`answer:${result.question}`);
    const saved = this.state.quiz[result.question];
    let quiz = this.state.quiz;
    if (result.first) {
      const first = { option: result.option, correct: result.correct, attempts: 1, feedback: result.feedback };
      quiz = { ...quiz, [result.question]: first };
    } else if (saved) {
      quiz = { ...quiz, [result.question]: { ...saved, attempts: saved.attempts + 1 } };
    }
    // Not first and nothing saved here: another window answered first; the next lesson-progress says how.
    this.update({
      quiz,
      tries: {
        ...this.state.tries,
        [result.question]: {
          option: result.option,
          correct: result.correct,
          feedback: result.feedback,
          first: result.first,
        },
      },
      answering: without(this.state.answering, result.question),
    });
  }

  private mergeSteps(incoming: readonly StepResult[]): Record<string, StepResult> {
    const steps: Record<string, StepResult> = { ...this.state.steps };
    for (const step of incoming) steps[step.id] = mergeStep(steps[step.id], step);
    return steps;
  }

  private startTimer(name: string, ms: number, run: () => void): void {
    this.clearTimer(name);
    this.timers.set(
      name,
      setTimeout(() => {
        this.timers.delete(name);
        run();
      }, ms),
    );
  }

  private clearTimer(name: string): void {
    const timer = this.timers.get(name);
    if (timer) clearTimeout(timer);
    this.timers.delete(name);
  }
}

function without<T>(record: Readonly<Record<string, T>>, key: string): Record<string, T> {
  const copy = { ...record };
  delete copy[key];
  return copy;
}
