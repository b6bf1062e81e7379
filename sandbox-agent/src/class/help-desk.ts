// Help in class (issue 20): the raised hands and the instructor's looks, with the student's consent. A look is
// asked by the instructor's look socket (class/look-socket.ts), shown to the student as "X wants to look", and
// starts only when the student accepts: then each of the student's shells is watched (its replay, then its
// output; sessions/shell-session.ts) until the student ends it, leaves, or the instructor closes the look. A
// request unanswered for LOOK_CONSENT_MS lapses. Nothing here reaches another student: every state message goes
// to one student's own tabs, and only a look socket (the instructor's token) can ask.
import { type HelpStateMessage, LOOK_CONSENT_MS, LookCloseCode, MAX_LOOKS_PER_STUDENT, TAB_COUNT } from '../protocol';
import type { ShellWatcher } from '../sessions/shell-session';
import { HelpQueue } from './help-queue';

/** The instructor's side of one look, as the desk drives it (a WebSocket in class/look-socket.ts). */
export interface LookViewer {
  /** Shown to the student: "Ana wants to look" ('' when the instructor gave no name). */
  readonly name: string;
  state(state: 'waiting' | 'watching'): void;
  screen(tab: number, cols: number, rows: number): void;
  /** A tab's output, valid only during the call. */
  output(tab: number, bytes: Buffer): void;
  /** Ends the look (closes the socket with `code`); the desk has already let go of it. */
  end(code: LookCloseCode): void;
}

/** A shell as a look needs it. */
export interface Watchable {
  watch(watcher: ShellWatcher): () => void;
}

export interface HelpDeskDeps {
  /** Sends a student's state to their own open tabs. */
  push(student: string, msg: HelpStateMessage): void;
  /** The student's running shells, by tab. */
  shells(student: string): Promise<readonly (Watchable | undefined)[]>;
  online(student: string): boolean;
  /** The instructor's view changed (`help`: the queue). */
  changed(kind: string): void;
  now(): number;
  consentMs?: number;
}

interface Watching {
  /** Per tab, the function that stops watching it. */
  readonly stops: ((() => void) | undefined)[];
}

interface StudentLooks {
  asking: { viewer: LookViewer; timer: NodeJS.Timeout } | undefined;
  readonly watching: Map<LookViewer, Watching>;
}

export class HelpDesk {
  readonly queue = new HelpQueue();
  private readonly looks = new Map<string, StudentLooks>();

  constructor(private readonly deps: HelpDeskDeps) {}

  // --- hands ------------------------------------------------------------------------------------------

  /** The student raised their hand (or changed its question); false when the question was refused. */
  raise(student: string, question: string): boolean {
    const had = this.queue.hand(student);
    if (!this.queue.raise(student, question, this.deps.now())) return false;
    if (!had || had.question !== this.queue.hand(student)?.question) this.deps.changed('help');
    this.pushState(student);
    return true;
  }

  /** Lowered by the student, or answered by the instructor: the places after it move up. */
  lower(student: string): boolean {
    const moved = this.queue.from(student);
    if (!this.queue.lower(student)) return false;
    for (const id of moved) this.pushState(id);
    this.deps.changed('help');
    return true;
  }

  /** The class's students are gone (the instructor deleted them): hands and looks with them. */
  clear(): void {
    this.queue.clear();
    for (const student of [...this.looks.keys()]) this.endAll(student, LookCloseCode.unknownStudent);
    this.deps.changed('help');
  }

  // --- looks ------------------------------------------------------------------------------------------

  /** The instructor asks to look; the viewer hears `waiting`, then `watching` or the end. */
  ask(student: string, viewer: LookViewer): void {
    if (!this.deps.online(student)) {
      viewer.end(LookCloseCode.studentLeft);
      return;
    }
    const looks = this.looksOf(student);
    if (looks.asking || looks.watching.size >= MAX_LOOKS_PER_STUDENT) {
      this.settle(student);
      viewer.end(LookCloseCode.busy);
      return;
    }
    const timer = setTimeout(() => {
      if (looks.asking?.viewer !== viewer) return;
      looks.asking = undefined;
      this.settle(student);
      viewer.end(LookCloseCode.timedOut);
    }, this.deps.consentMs ?? LOOK_CONSENT_MS);
    timer.unref();
    looks.asking = { viewer, timer };
    viewer.state('waiting');
    this.pushState(student);
  }

  /** The student's answer to the request waiting for them (none waiting: nothing happens). */
  answer(student: string, accept: boolean): void {
    const looks = this.looks.get(student);
    const asking = looks?.asking;
    if (!looks || !asking) return;
    clearTimeout(asking.timer);
    looks.asking = undefined;
    if (!accept) {
      this.settle(student);
      asking.viewer.end(LookCloseCode.declined);
      return;
    }
    const watching: Watching = { stops: new Array(TAB_COUNT).fill(undefined) };
    looks.watching.set(asking.viewer, watching);
    asking.viewer.state('watching');
    this.pushState(student);
    void this.watchShells(student, asking.viewer, watching);
  }

  /** The student ends every look at them (a request waiting is declined). */
  endByStudent(student: string): void {
    this.endAll(student, LookCloseCode.ended);
  }

  /** A student's tabs changed: the last one closed ends every look; a new one is watched by those looking. */
  presence(student: string, online: boolean): void {
    if (!online) {
      this.endAll(student, LookCloseCode.studentLeft);
      return;
    }
    const looks = this.looks.get(student);
    for (const [viewer, watching] of looks?.watching ?? []) void this.watchShells(student, viewer, watching);
    // A tab that connects is told the state (a reload keeps the hand and shows the look).
    this.pushState(student);
  }

  /** The instructor's look socket closed. */
  viewerLeft(student: string, viewer: LookViewer): void {
    const looks = this.looks.get(student);
    if (!looks) return;
    if (looks.asking?.viewer === viewer) {
      clearTimeout(looks.asking.timer);
      looks.asking = undefined;
    }
    const watching = looks.watching.get(viewer);
    if (watching) {
      for (const stop of watching.stops) stop?.();
      looks.watching.delete(viewer);
    }
    this.settle(student);
  }

  /** Every look ends (the agent stops). */
  close(): void {
    for (const student of [...this.looks.keys()]) this.endAll(student, LookCloseCode.shuttingDown);
  }

  /** What the student's tabs show. */
  stateOf(student: string): HelpStateMessage {
    const hand = this.queue.hand(student);
    const position = this.queue.position(student);
    const looks = this.looks.get(student);
    return {
      type: 'help',
      hand: hand && position ? { position, question: hand.question } : null,
      asking: looks?.asking ? looks.asking.viewer.name : null,
      watching: [...(looks?.watching.keys() ?? [])].map((v) => v.name),
    };
  }

  /** Looks at this student now (tests and the bench). */
  watchers(student: string): number {
    return this.looks.get(student)?.watching.size ?? 0;
  }

  // --- internals -----------------------------------------------------------------------------------

  private looksOf(student: string): StudentLooks {
    let looks = this.looks.get(student);
    if (!looks) {
      looks = { asking: undefined, watching: new Map() };
      this.looks.set(student, looks);
    }
    return looks;
  }

  /** Drops a student's entry once nothing is asked or watched, and tells their tabs. */
  private settle(student: string): void {
    const looks = this.looks.get(student);
    if (looks && !looks.asking && looks.watching.size === 0) this.looks.delete(student);
    this.pushState(student);
  }

  private endAll(student: string, code: LookCloseCode): void {
    const looks = this.looks.get(student);
    if (!looks) return;
    const viewers = [...looks.watching.keys()];
    if (looks.asking) viewers.push(looks.asking.viewer);
    for (const viewer of viewers) {
      this.viewerLeft(student, viewer);
      viewer.end(code);
    }
  }

  /** Watches each shell of the student this viewer does not watch yet. */
  private async watchShells(student: string, viewer: LookViewer, watching: Watching): Promise<void> {
    const shells = await this.deps.shells(student);
    // The look may have ended while the shells were looked up.
    if (this.looks.get(student)?.watching.get(viewer) !== watching) return;
    shells.forEach((shell, tab) => {
      if (!shell || watching.stops[tab]) return;
      watching.stops[tab] = shell.watch({
        resized: (cols, rows) => viewer.screen(tab, cols, rows),
        output: (bytes) => viewer.output(tab, bytes),
        exited: () => {
          watching.stops[tab] = undefined;
        },
      });
    });
  }

  private pushState(student: string): void {
    this.deps.push(student, this.stateOf(student));
  }
}
