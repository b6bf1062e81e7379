// The instructor's look at one student (issue 20): `GET /instructor/look?token=…&student=…&name=…` upgraded to a
// WebSocket once the Origin is the site's and the token is the class's instructor token (a student token is
// refused like a forged one: only the instructor asks to look). The socket then is one LookViewer of the help
// desk: it hears `waiting`, then `watching` with each tab's size and output (binary frames, the first byte the
// tab) once the student accepted, and closes with a LookCloseCode when the look ends. The instructor sends only
// help requests (text: help-ask, help-stop, validated; anything else closes the look as invalid) and keystrokes
// (binary: the tab's byte, then at most HELP_MAX_INPUT_BYTES), which the desk passes on only while the student
// lets this look type and drops otherwise; frames are rate-limited like a terminal's, and the payload cap is small.
// A look at a class that is no longer the agent's current one is closed as classClosed.
import type http from 'node:http';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';
import {
  AGENT_MISSED_PINGS,
  AGENT_PING_EVERY_MS,
  cleanDisplayName,
  HELP_MAX_INPUT_BYTES,
  LOOK_MAX_BUFFERED_BYTES,
  LOOK_PATH,
  LookCloseCode as LookClose,
  type LookCloseCode,
  type LookMessage,
  lookRequest,
  MAX_MESSAGES_PER_SECOND,
  TAB_COUNT,
} from '../protocol';
import { RateLimiter } from '../server/rate-limit';
import type { TokenSigner } from '../server/token';
import type { Store } from '../store/store';
import type { HelpDesk, LookViewer } from './help-desk';

/** The biggest frame an instructor sends on a look: keystrokes and their tab's byte. Bigger closes it. */
const LOOK_MAX_PAYLOAD = HELP_MAX_INPUT_BYTES + 1;
/** A burst of keystroke frames (a paste split in chunks), then MAX_MESSAGES_PER_SECOND, as a terminal's. */
const LOOK_RATE_BURST = 1000;
/** A student id as the agent makes them (server/token.ts newStudentId). */
const STUDENT_ID = /^[0-9a-f]{32}$/;

export class LookSockets {
  private readonly wss = new WebSocketServer({
    noServer: true,
    maxPayload: LOOK_MAX_PAYLOAD,
    perMessageDeflate: false,
  });
  private readonly heartbeat: NodeJS.Timeout;
  private readonly unanswered = new WeakMap<WebSocket, number>();

  constructor(
    private readonly deps: {
      desk: HelpDesk;
      signer: TokenSigner;
      store: Store;
      allowedOrigins: readonly string[];
      log(line: string): void;
    },
  ) {
    // A look that outlives its instructor's network (a closed laptop) would keep copying the student's output.
    this.heartbeat = setInterval(() => {
      for (const ws of this.wss.clients) {
        const missed = this.unanswered.get(ws) ?? 0;
        if (missed >= AGENT_MISSED_PINGS) {
          ws.terminate();
          continue;
        }
        this.unanswered.set(ws, missed + 1);
        ws.ping();
      }
    }, AGENT_PING_EVERY_MS);
    this.heartbeat.unref();
  }

  /** Takes the upgrade when it is a look's (refused or not); false for any other path. */
  upgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const url = new URL(req.url ?? '/', 'http://agent.invalid');
    if (url.pathname !== LOOK_PATH) return false;
    const refuse = (status: number) =>
      socket.end(`HTTP/1.1 ${status} ${status === 403 ? 'Forbidden' : 'Unauthorized'}\r\nConnection: close\r\n\r\n`);
    const origin = req.headers.origin;
    if (origin === undefined || !this.deps.allowedOrigins.includes(origin)) {
      refuse(403);
      return true;
    }
    void this.accept(req, socket, head, url.searchParams, refuse).catch((err: Error) => {
      this.deps.log(`look refused: ${err.message}`);
      socket.destroy();
    });
    return true;
  }

  /** The look's path and origin are right: the token, the class and the student decide (the store answers). */
  private async accept(
    req: http.IncomingMessage,
    socket: Duplex,
    head: Buffer,
    q: URLSearchParams,
    refuse: (status: number) => void,
  ): Promise<void> {
    const instructor = this.deps.signer.verifyInstructor(q.get('token') ?? '');
    const cls = instructor ? await this.deps.store.classById(instructor.c) : undefined;
    if (!cls) {
      refuse(401);
      return;
    }
    const student = q.get('student') ?? '';
    const name = cleanDisplayName(q.get('name') ?? '') ?? '';
    const current = (await this.deps.store.currentClass())?.id;
    const studentClass = STUDENT_ID.test(student) ? await this.deps.store.studentClassId(student) : undefined;
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      this.unanswered.set(ws, 0);
      ws.on('pong', () => this.unanswered.set(ws, 0));
      ws.on('error', (err) => this.deps.log(`look socket closed on a protocol error: ${err.message}`));
      // Told on the socket, in the instructor's language: a student of another class is as unknown as none.
      if (current !== cls.id) {
        ws.close(LookClose.classClosed);
        return;
      }
      if (studentClass !== cls.id) {
        ws.close(LookClose.unknownStudent);
        return;
      }
      const viewer = this.viewerOf(ws, student, name);
      const limiter = new RateLimiter(MAX_MESSAGES_PER_SECOND, LOOK_RATE_BURST);
      ws.on('message', (data, isBinary) => {
        const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
        if (!limiter.take() || !this.request(student, viewer, bytes, isBinary)) {
          this.deps.desk.viewerLeft(student, viewer, LookClose.invalid);
          viewer.end(LookClose.invalid);
        }
      });
      ws.on('close', () => this.deps.desk.viewerLeft(student, viewer));
      this.deps.desk.ask(student, viewer);
    });
  }

  close(): void {
    clearInterval(this.heartbeat);
    for (const ws of this.wss.clients) ws.close(LookClose.shuttingDown);
    this.wss.close();
  }

  /**
   * One frame of the instructor's: keystrokes (dropped unless the student lets this look type, or for a tab out of
   * range) or a help request. False when the frame is malformed.
   */
  private request(student: string, viewer: LookViewer, bytes: Buffer, isBinary: boolean): boolean {
    const desk = this.deps.desk;
    if (isBinary) {
      const tab = bytes[0];
      if (tab !== undefined && tab < TAB_COUNT && bytes.length > 1) desk.type(student, viewer, tab, bytes.subarray(1));
      return true;
    }
    let json: unknown;
    try {
      json = JSON.parse(bytes.toString('utf8'));
    } catch {
      return false;
    }
    const msg = lookRequest.safeParse(json);
    if (!msg.success) return false;
    if (msg.data.type === 'help-ask') desk.askHelp(student, viewer);
    else desk.stopHelp(student, viewer);
    return true;
  }

  private viewerOf(ws: WebSocket, student: string, name: string): LookViewer {
    const send = (msg: LookMessage) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(msg));
    };
    const end = (code: LookCloseCode) => {
      if (ws.readyState === ws.OPEN || ws.readyState === ws.CONNECTING) ws.close(code);
    };
    const viewer: LookViewer = {
      name,
      state: (state) => send({ type: 'look', state }),
      screen: (tab, cols, rows) => send({ type: 'screen', tab, cols, rows }),
      output: (tab, bytes) => {
        if (ws.readyState !== ws.OPEN) return;
        if (ws.bufferedAmount > LOOK_MAX_BUFFERED_BYTES) {
          this.deps.desk.viewerLeft(student, viewer, LookClose.tooSlow);
          end(LookClose.tooSlow);
          return;
        }
        // The one copy a look costs: the tab's byte, then the output (which is the shell's frame, reused).
        const frame = Buffer.allocUnsafe(bytes.length + 1);
        frame[0] = tab;
        bytes.copy(frame, 1);
        ws.send(frame, { binary: true });
      },
      end,
      help: (state, why) => send(why ? { type: 'help', state, why } : { type: 'help', state }),
    };
    return viewer;
  }
}
