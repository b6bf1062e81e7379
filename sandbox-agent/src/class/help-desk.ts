// Help in class (issue 20): the raised hands and the instructor's looks, with the student's consent. A look is
// asked by the instructor's look socket (class/look-socket.ts), shown to the student as "X wants to look", and
// starts only when the student accepts: then each of the student's shells is watched (its replay, then its
// output; sessions/shell-session.ts) until the student ends it, leaves, or the instructor closes the look. A
// request unanswered for LOOK_CONSENT_MS lapses. Nothing here reaches another student: every state message goes
// to one student's own tabs, and only a look socket (the instructor's token) can ask.
// Help: one of those looking may ask to type into the student's terminal, a second consent with the same lapse;
// once accepted, that viewer's keystrokes (and only theirs, one viewer at a time) go to the student's shells,
// the student's tabs name who types, and the student can take the keyboard back at any time. Each look and help
// is recorded (deps.audit) with who, at whom, when and how it ended; a help with how many bytes were typed. A
// request the student never consented to (declined, lapsed, withdrawn, or the student left) is recorded too, from
// when it was asked to when it ended, its detail `end=<why> consent=none`.
import {
  type HelpOffReason,
  type HelpStateMessage,
  LOOK_CONSENT_MS,
  LookCloseCode,
  type LookListener,
  lookCloseName,
  MAX_LOOKS_PER_STUDENT,
  TAB_COUNT,
} from '../protocol';
import type { ShellWatcher } from '../sessions/shell-session';
import type { Store } from '../store/store';
import { HelpQueue } from './help-queue';

/** The instructor's side of one look, as the desk drives it (a WebSocket in class/look-socket.ts). */
export interface LookViewer extends LookListener<Buffer> {
  /** Shown to the student: "Ana wants to look" ('' when the instructor gave no name). */
  readonly name: string;
  /** Ends the look (closes the socket with `code`); the desk has already let go of it. */
  end(code: LookCloseCode): void;
}

/** A shell as a look needs it: watched, and typed into once the student lets the viewer help. */
export interface Watchable {
  watch(watcher: ShellWatcher): () => void;
  input(bytes: Buffer): void;
}

/** A record being written: its id once the store has it; undefined when the student is of no class. */
export type AuditHandle = Promise<number | undefined>;

/** The audit of looks and helps (store.ts recordAudit, through storeAudit); a handle ends a record. */
export interface HelpAudit {
  /** A record begun `at` (now when not given). */
  start(kind: 'look' | 'help', student: string, instructor: string, at?: number): AuditHandle;
  /** Ends it now, once it is written; the desk goes on without waiting for the store. */
  end(record: AuditHandle, detail: string): void;
}

/** The help desk's audit in the store: each record in the student's class, ended at `now()`. */
export function storeAudit(
  store: Pick<Store, 'studentClassId' | 'recordAudit' | 'endAudit'>,
  now: () => number,
  log: (line: string) => void,
): HelpAudit {
  return {
    // A store that fails loses the record, said in the log, never the look or the help.
    start: (kind, student, instructor, at) => {
      const startedAt = at ?? now();
      return store
        .studentClassId(student)
        .then((classId) => (classId ? store.recordAudit({ classId, kind, instructor, student, startedAt }) : undefined))
        .catch((err: Error) => {
          log(`audit record not written: ${err.message}`);
          return undefined;
        });
    },
    end: (record, detail) => {
      const endedAt = now();
      void record
        .then((id) => (id === undefined ? undefined : store.endAudit(id, endedAt, detail)))
        .catch((err: Error) => log(`audit record not ended: ${err.message}`));
    },
  };
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
  audit?: HelpAudit;
}

interface Watching {
  /** Per tab, the shell watched (where a help's keystrokes go) and the function that stops watching it. */
  readonly tabs: ({ shell: Watchable; stop: () => void } | undefined)[];
  /** The look's audit record. */
  readonly audit: AuditHandle | undefined;
}

/** One viewer asks to type, or types, into the student's terminal. */
interface Helping {
  readonly viewer: LookViewer;
  state: 'asking' | 'typing';
  /** When the viewer asked (an unanswered request's record begins then). */
  readonly askedAt: number;
  readonly timer: NodeJS.Timeout;
  audit: AuditHandle | undefined;
  /** Bytes typed so far (the record says how many). */
  bytes: number;
}

/** A request to look, waiting for the student's answer. */
interface Asking {
  readonly viewer: LookViewer;
  readonly askedAt: number;
  readonly timer: NodeJS.Timeout;
}

interface StudentLooks {
  asking: Asking | undefined;
  readonly watching: Map<LookViewer, Watching>;
  helping: Helping | undefined;
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
      const asking = looks.asking;
      if (asking?.viewer !== viewer) return;
      looks.asking = undefined;
      this.unanswered('look', student, asking, 'timedOut');
      this.settle(student);
      viewer.end(LookCloseCode.timedOut);
    }, this.deps.consentMs ?? LOOK_CONSENT_MS);
    timer.unref();
    looks.asking = { viewer, askedAt: this.deps.now(), timer };
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
      this.unanswered('look', student, asking, 'declined');
      this.settle(student);
      asking.viewer.end(LookCloseCode.declined);
      return;
    }
    const watching: Watching = {
      tabs: new Array(TAB_COUNT).fill(undefined),
      audit: this.deps.audit?.start('look', student, asking.viewer.name),
    };
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

  /** The instructor's look socket closed (`why`: the look's close code, when the agent ended it). */
  viewerLeft(student: string, viewer: LookViewer, why?: LookCloseCode): void {
    const looks = this.looks.get(student);
    if (!looks) return;
    if (looks.asking?.viewer === viewer) {
      clearTimeout(looks.asking.timer);
      this.unanswered('look', student, looks.asking, (why && lookCloseName(why)) ?? 'closed');
      looks.asking = undefined;
    }
    if (looks.helping?.viewer === viewer) this.endHelp(student, why === LookCloseCode.ended ? 'ended' : 'stopped');
    const watching = looks.watching.get(viewer);
    if (watching) {
      for (const t of watching.tabs) t?.stop();
      looks.watching.delete(viewer);
      if (watching.audit !== undefined)
        this.deps.audit?.end(watching.audit, `end=${(why && lookCloseName(why)) ?? 'closed'}`);
    }
    this.settle(student);
  }

  // --- help: typing into the student's terminal, after a second consent ---------------------------------

  /** A viewer who looks asks to type; the student accepts or declines (helpAnswer). Not looking: nothing. */
  askHelp(student: string, viewer: LookViewer): void {
    const looks = this.looks.get(student);
    if (!looks?.watching.has(viewer)) return;
    if (looks.helping) {
      if (looks.helping.viewer !== viewer) viewer.help('off', 'busy');
      return;
    }
    const timer = setTimeout(() => {
      if (looks.helping?.viewer === viewer && looks.helping.state === 'asking') this.endHelp(student, 'timedOut');
    }, this.deps.consentMs ?? LOOK_CONSENT_MS);
    timer.unref();
    looks.helping = { viewer, state: 'asking', askedAt: this.deps.now(), timer, audit: undefined, bytes: 0 };
    viewer.help('asking');
    this.pushState(student);
  }

  /** The student's answer to the request to type waiting for them (none waiting: nothing happens). */
  helpAnswer(student: string, accept: boolean): void {
    const helping = this.looks.get(student)?.helping;
    if (helping?.state !== 'asking') return;
    if (!accept) {
      this.endHelp(student, 'declined');
      return;
    }
    clearTimeout(helping.timer);
    helping.state = 'typing';
    helping.audit = this.deps.audit?.start('help', student, helping.viewer.name);
    helping.viewer.help('typing');
    this.pushState(student);
  }

  /** The student takes the keyboard back (a request waiting is declined); the look goes on. */
  helpEndByStudent(student: string): void {
    const helping = this.looks.get(student)?.helping;
    if (helping) this.endHelp(student, helping.state === 'asking' ? 'declined' : 'ended');
  }

  /** The viewer gives the keyboard back (or withdraws the request). */
  stopHelp(student: string, viewer: LookViewer): void {
    if (this.looks.get(student)?.helping?.viewer === viewer) this.endHelp(student, 'stopped');
  }

  /** The viewer's keystrokes into a tab: taken only from the viewer the student lets type; false otherwise. */
  type(student: string, viewer: LookViewer, tab: number, bytes: Buffer): boolean {
    const looks = this.looks.get(student);
    const helping = looks?.helping;
    if (!looks || helping?.viewer !== viewer || helping.state !== 'typing') return false;
    const shell = looks.watching.get(viewer)?.tabs[tab]?.shell;
    if (!shell) return false;
    helping.bytes += bytes.length;
    shell.input(bytes);
    return true;
  }

  private endHelp(student: string, why: HelpOffReason): void {
    const looks = this.looks.get(student);
    const helping = looks?.helping;
    if (!looks || !helping) return;
    clearTimeout(helping.timer);
    looks.helping = undefined;
    if (helping.state === 'asking') this.unanswered('help', student, helping, why);
    else if (helping.audit !== undefined) this.deps.audit?.end(helping.audit, `end=${why} bytes=${helping.bytes}`);
    helping.viewer.help('off', why);
    this.pushState(student);
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
      helpAsking: looks?.helping?.state === 'asking' ? looks.helping.viewer.name : null,
      typing: looks?.helping?.state === 'typing' ? looks.helping.viewer.name : null,
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
      looks = { asking: undefined, watching: new Map(), helping: undefined };
      this.looks.set(student, looks);
    }
    return looks;
  }

  /** A request the student never consented to: one record, from when it was asked to now, saying how it ended. */
  private unanswered(
    kind: 'look' | 'help',
    student: string,
    request: { viewer: LookViewer; askedAt: number },
    why: string,
  ): void {
    const id = this.deps.audit?.start(kind, student, request.viewer.name, request.askedAt);
    if (id !== undefined) this.deps.audit?.end(id, `end=${why} consent=none`);
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
      this.viewerLeft(student, viewer, code);
      viewer.end(code);
    }
  }

  /** Watches each shell of the student this viewer does not watch yet. */
  private async watchShells(student: string, viewer: LookViewer, watching: Watching): Promise<void> {
    const shells = await this.deps.shells(student);
    // The look may have ended while the shells were looked up.
    if (this.looks.get(student)?.watching.get(viewer) !== watching) return;
    shells.forEach((shell, tab) => {
      if (!shell || watching.tabs[tab]) return;
      // a shell already gone says so at once, inside watch(): its tab stays free for the next shell
      let gone = false;
      const stop = shell.watch({
        resized: (cols, rows) => viewer.screen(tab, cols, rows),
        output: (bytes) => viewer.output(tab, bytes),
        exited: () => {
          gone = true;
          watching.tabs[tab] = undefined;
        },
      });
      if (!gone) watching.tabs[tab] = { shell, stop };
    });
  }

  private pushState(student: string): void {
    this.deps.push(student, this.stateOf(student));
  }
}
