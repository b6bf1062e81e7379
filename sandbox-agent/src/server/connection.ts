// One browser terminal tab's WebSocket, once authenticated: binary frames are keystrokes, text frames are
// validated control messages. Nothing a client sends can crash the agent or reach another session.
import type WebSocket from 'ws';
import {
  type ClientMessage,
  CloseCode,
  clientMessage,
  ErrorCode,
  MAX_MESSAGES_PER_SECOND,
  PROTOCOL_VERSION,
  type ServerMessage,
} from '../protocol';
import type { PanelMessage, PanelSectionId } from '../protocol/panel';
import type { ShellClient, ShellSession } from '../sessions/shell-session';
import { RateLimiter } from './rate-limit';

/** A burst of this many frames is allowed (a fast paste split in chunks), then MAX_MESSAGES_PER_SECOND. */
const RATE_BURST = 1000;

const KNOWN_TYPES: ReadonlySet<string> = new Set(clientMessage.options.map((o) => o.shape.type.value));

function hasKnownType(json: unknown): boolean {
  return typeof json === 'object' && json !== null && 'type' in json && KNOWN_TYPES.has(String(json.type));
}

/** What a terminal connection asks of the lesson engine (quiz and progress go over HTTP: quiz-routes.ts). */
export interface LessonHandler {
  openLesson(studentId: string, slug: string): boolean;
  check(studentId: string, slug: string): boolean;
  restart(studentId: string): Promise<void>;
  prepare(studentId: string, slug: string, step: string | undefined): Promise<boolean>;
}

/** The Kernel panel's streams (panel/panel-hub.ts): one per socket whose panel is open. */
export interface PanelHandler {
  open(studentId: string, subscriber: { send(msg: PanelMessage): void }, section?: PanelSectionId): void;
  close(subscriber: { send(msg: PanelMessage): void }): void;
}

/**
 * Help in class (issue 20), class/help-desk.ts behind ClassGate: a student's raised hand and their answers to the
 * instructor's requests to look. Only in class mode; the student is always the socket's own.
 */
export interface HelpHandler {
  /** False when the question is refused (too long, control characters). */
  hand(studentId: string, raise: boolean, question: string): boolean;
  lookAnswer(studentId: string, accept: boolean): void;
  lookEnd(studentId: string): void;
  /** The second consent: an instructor who looks may type into the student's terminal. */
  helpAnswer(studentId: string, accept: boolean): void;
  helpEnd(studentId: string): void;
}

type HelpType = 'hand' | 'look-answer' | 'look-end' | 'help-answer' | 'help-end';

export class TerminalConnection implements ShellClient {
  private shell: ShellSession | undefined;
  private readonly limiter = new RateLimiter(MAX_MESSAGES_PER_SECOND, RATE_BURST);
  private closed = false;

  constructor(
    private readonly ws: WebSocket,
    private readonly studentId: string,
    private readonly lessons?: LessonHandler,
    private readonly panel?: PanelHandler,
    private readonly help?: HelpHandler,
  ) {
    ws.on('message', (data, isBinary) => this.onMessage(data, isBinary));
    ws.on('close', () => this.panel?.close(this));
  }

  get isClosed(): boolean {
    return this.closed;
  }

  bind(shell: ShellSession, sandboxName: string, tab: number, resumed: boolean): void {
    this.shell = shell;
    this.sendControl({ type: 'hello', protocol: PROTOCOL_VERSION, sandbox: sandboxName, tab, resumed });
  }

  sendOutput(bytes: Buffer, sent?: () => void): void {
    // ws holds the bytes until the socket took them, then calls back (with an error too): only then may the
    // shell fill their frame again.
    if (this.ws.readyState === this.ws.OPEN) this.ws.send(bytes, { binary: true }, sent && (() => sent()));
    else sent?.();
  }

  sendExit(exitCode: number, signal: number | undefined): void {
    this.sendControl(signal === undefined ? { type: 'exit', exitCode } : { type: 'exit', exitCode, signal });
    this.close(CloseCode.shellExited);
  }

  close(code: number): void {
    if (this.closed) return;
    this.closed = true;
    this.panel?.close(this);
    if (this.ws.readyState === this.ws.OPEN || this.ws.readyState === this.ws.CONNECTING) this.ws.close(code);
  }

  send(msg: ServerMessage): void {
    this.sendControl(msg);
  }

  private sendControl(msg: ServerMessage): void {
    if (this.ws.readyState === this.ws.OPEN) this.ws.send(JSON.stringify(msg));
  }

  private onMessage(data: WebSocket.RawData, isBinary: boolean): void {
    if (this.closed) return;
    if (!this.limiter.take()) {
      this.close(CloseCode.rateLimited);
      return;
    }
    const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
    if (isBinary) {
      this.shell?.input(bytes);
      return;
    }
    let json: unknown;
    try {
      json = JSON.parse(bytes.toString('utf8'));
    } catch {
      this.sendControl({ type: 'error', code: ErrorCode.invalidJson });
      return;
    }
    const parsed = clientMessage.safeParse(json);
    if (!parsed.success) {
      this.sendControl({ type: 'error', code: hasKnownType(json) ? ErrorCode.invalidMessage : ErrorCode.unknownType });
      return;
    }
    this.handle(parsed.data);
  }

  private handleHelp(msg: Extract<ClientMessage, { type: HelpType }>): void {
    const help = this.help;
    // Solo mode has no instructor: nobody to raise a hand to.
    if (!help) this.sendControl({ type: 'error', code: ErrorCode.unknownType });
    else if (msg.type === 'look-answer') help.lookAnswer(this.studentId, msg.accept);
    else if (msg.type === 'look-end') help.lookEnd(this.studentId);
    else if (msg.type === 'help-answer') help.helpAnswer(this.studentId, msg.accept);
    else if (msg.type === 'help-end') help.helpEnd(this.studentId);
    else if (!help.hand(this.studentId, msg.raise, msg.question ?? ''))
      this.sendControl({ type: 'error', code: ErrorCode.invalidMessage });
  }

  private handle(msg: ClientMessage): void {
    switch (msg.type) {
      case 'resize':
        this.shell?.resize(msg.cols, msg.rows);
        return;
      case 'ack':
        this.shell?.ack(msg.bytes);
        return;
      case 'ping':
        this.sendControl({ type: 'pong', t: msg.t });
        return;
      case 'lesson':
        if (!this.lessons?.openLesson(this.studentId, msg.slug)) {
          this.sendControl({ type: 'error', code: ErrorCode.unknownLesson });
        }
        return;
      case 'check':
        if (!this.lessons?.check(this.studentId, msg.slug)) {
          this.sendControl({ type: 'error', code: ErrorCode.unknownLesson });
        }
        return;
      case 'restart':
        void this.lessons?.restart(this.studentId);
        return;
      case 'prepare':
        void this.lessons?.prepare(this.studentId, msg.slug, msg.step).then((known) => {
          if (!known) this.sendControl({ type: 'error', code: ErrorCode.unknownStep });
        });
        return;
      case 'panel':
        if (msg.open) this.panel?.open(this.studentId, this, msg.section);
        else this.panel?.close(this);
        return;
      case 'hand':
      case 'look-answer':
      case 'look-end':
      case 'help-answer':
      case 'help-end':
        this.handleHelp(msg);
        return;
    }
  }
}
