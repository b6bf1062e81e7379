// One terminal tab's link to the sandbox agent: session token, WebSocket, reconnect with backoff,
// flow-control acks, paced input. Terminal bytes never pass through React; the UI hears only status
// changes (a few per connection), through onStatus.
import { CLIENT_PING_EVERY_MS, type ClientMessage, type ServerMessage } from '@protocol';
import type { SessionSource } from '@/lib/agent/session';
import { SessionError } from '@/lib/agent/session';
import {
  type AgentLocation,
  agentAddress,
  type Bytes,
  backoffMs,
  binaryStringToBytes,
  type CloseAction,
  type CloseMessage,
  chunkUtf8,
  clampSize,
  closeBehavior,
  encodeInput,
  FlowAcker,
  FramePacer,
  parseServerFrame,
  SilenceWatch,
  socketUrl,
} from './wire';

export type TabState = 'connecting' | 'connected' | 'reconnecting' | 'error' | 'exited';

/** Keys under `terminal.message` in the catalog. */
export type StatusMessage =
  | CloseMessage
  | 'connecting'
  | 'connected'
  | 'resumed'
  | 'freshSandbox'
  | 'agentUnreachable'
  | 'sessionRefused'
  | 'joinRequired';

/** Keys under `terminal.action`: a close's button, or the link to the join page (class mode). */
export type TabAction = CloseAction | 'join';

export interface TabStatus {
  readonly state: TabState;
  readonly message: StatusMessage;
  readonly vars: Readonly<Record<string, string | number>>;
  /** The button (or, for `join`, the link) offered, if any. */
  readonly action: TabAction | null;
  /** When an automatic retry happens (epoch ms), for a countdown; null if none is scheduled. */
  readonly retryAt: number | null;
}

/** What the connection needs of a terminal: xterm's Terminal has all of it. */
export interface TerminalSink {
  write(data: string | Uint8Array, callback?: () => void): void;
  readonly cols: number;
  readonly rows: number;
}

export interface ConnectionOptions {
  readonly tab: number;
  readonly agent: AgentLocation;
  readonly sink: TerminalSink;
  readonly sessions: SessionSource;
  readonly onStatus: (status: TabStatus) => void;
  /** Written into the terminal (dimmed) when a reconnect lands in a new shell instead of the old one. */
  readonly newShellBanner: string;
  /**
   * Every valid control message, after the connection has handled it (`hello` included), with a
   * sender bound to this connection: the lesson store answers `hello` with `lesson` through it.
   * Terminal bytes never come here.
   */
  readonly onMessage?: (message: ServerMessage, reply: (message: ClientMessage) => boolean) => void;
}

/** How long "reconnected to your shell" stays before the plain connected line returns. */
const RESUMED_NOTICE_MS = 6000;
/** "your sandbox is a fresh one, progress kept" stays longer: it explains why the shell's history is gone. */
const FRESH_NOTICE_MS = 20_000;
/** Resize messages wait this long for the size to settle (a splitter drag fires many). */
const RESIZE_DEBOUNCE_MS = 100;
/** Above this many bytes queued in the socket, input waits: the network is the bottleneck. */
const SOCKET_BUFFER_LIMIT = 1024 * 1024;

export class TerminalConnection {
  private ws: WebSocket | null = null;
  /** Incremented per connection attempt; callbacks of an older attempt see a mismatch and do nothing. */
  private generation = 0;
  /** Consecutive failed attempts, for the backoff; reset by a hello. */
  private attempt = 0;
  private ready = false;
  private token: string | null = null;
  private everConnected = false;
  private renewedToken = false;
  /** The instructor reset the sandbox (close 4014): the next hello's fresh sandbox is said to be their doing. */
  private resetByInstructor = false;
  private exitCode: number | null = null;
  private disposed = false;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private noticeTimer: ReturnType<typeof setTimeout> | null = null;
  private resizeTimer: ReturnType<typeof setTimeout> | null = null;
  private flushTimer: ReturnType<typeof setTimeout> | null = null;
  private heartbeatTimer: ReturnType<typeof setInterval> | null = null;
  private watch = new SilenceWatch();
  /**
   * The last connection was lost without the student asking for anything (a network drop, a silent or stopped
   * agent): if the next hello brings a new sandbox, it replaced one that is gone, and the page says so.
   */
  private dropped = false;
  private sentSize: { cols: number; rows: number } | null = null;
  private readonly acker = new FlowAcker();
  private readonly pacer = new FramePacer();
  private readonly outbox: (string | Bytes)[] = [];
  private sandbox = '';

  constructor(private readonly opts: ConnectionOptions) {}

  start(): void {
    void this.connect();
  }

  /** The retry / take back / new shell buttons: connect now. */
  retryNow(): void {
    void this.connect();
  }

  /** Keystrokes and pastes (xterm onData): UTF-8, in frames of at most PASTE_CHUNK_BYTES. */
  sendInput(data: string): void {
    if (!this.ready) return;
    for (const chunk of encodeInput(data)) this.enqueue(chunk);
  }

  /** xterm onBinary: bytes that are not UTF-8 (some mouse reports). */
  sendBinary(data: string): void {
    if (!this.ready) return;
    for (const chunk of chunkUtf8(binaryStringToBytes(data))) this.enqueue(chunk);
  }

  /** A control message (lesson, check, restart, panel); false when this tab is not connected. */
  sendJson(message: ClientMessage): boolean {
    if (!this.ready) return false;
    this.enqueue(JSON.stringify(message));
    return true;
  }

  /** The terminal's size changed (fit); the agent hears it once the size settles. */
  resize(): void {
    if (this.resizeTimer) clearTimeout(this.resizeTimer);
    this.resizeTimer = setTimeout(() => {
      this.resizeTimer = null;
      this.pushSize();
    }, RESIZE_DEBOUNCE_MS);
  }

  dispose(): void {
    this.disposed = true;
    this.generation++;
    for (const timer of [this.retryTimer, this.noticeTimer, this.resizeTimer, this.flushTimer]) {
      if (timer) clearTimeout(timer);
    }
    this.dropSocket(1000);
  }

  private async connect(): Promise<void> {
    if (this.disposed) return;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.dropSocket(1000);
    const gen = ++this.generation;
    const reconnecting = this.everConnected || this.attempt > 0;
    this.emit(reconnecting ? 'reconnecting' : 'connecting', 'connecting');

    // After any failure, ask the agent again (with the stored token): it may have restarted and
    // forgotten the token, or be gone, which only the session request can tell.
    if (this.token) this.opts.sessions.refresh(this.token);
    let token: string;
    let placedOn: string | undefined;
    try {
      const session = await this.opts.sessions.get();
      token = session.token;
      placedOn = session.agent?.url;
    } catch (error) {
      if (gen !== this.generation) return;
      const refused = error instanceof SessionError && error.reason === 'refused';
      const status = error instanceof SessionError ? error.status : 0;
      // Class mode without a class token: retrying cannot help, joining can. No timer: the join page
      // sends the student back with a token, and the page loads again.
      if (error instanceof SessionError && error.code === 'join_required') {
        this.emit('error', 'joinRequired', {}, 'join');
        return;
      }
      // 403: the agent does not list this page's origin (the site reached by another name or port).
      const message = !refused ? 'agentUnreachable' : status === 403 ? 'badOrigin' : 'sessionRefused';
      this.scheduleRetry('error', message, { status });
      return;
    }
    if (gen !== this.generation) return;
    this.token = token;

    const size = clampSize(this.opts.sink.cols, this.opts.sink.rows);
    let ws: WebSocket;
    try {
      ws = new WebSocket(socketUrl(this.opts.agent, token, this.opts.tab, size.cols, size.rows, placedOn));
    } catch {
      this.scheduleRetry('error', 'agentUnreachable');
      return;
    }
    ws.binaryType = 'arraybuffer';
    this.ws = ws;
    this.sentSize = size;
    this.acker.reset();
    this.exitCode = null;
    ws.onopen = () => {
      if (gen === this.generation) this.startHeartbeat(gen, ws);
    };
    ws.onmessage = (event) => {
      if (gen === this.generation) this.receive(gen, event.data);
    };
    ws.onclose = (event) => {
      if (gen === this.generation) this.closed(event.code);
    };
  }

  private receive(gen: number, data: unknown): void {
    this.watch.heard();
    if (data instanceof ArrayBuffer) {
      const bytes = new Uint8Array(data);
      const length = bytes.length;
      this.opts.sink.write(bytes, () => {
        if (gen !== this.generation) return;
        const ack = this.acker.parsed(length);
        if (ack > 0) this.enqueue(JSON.stringify({ type: 'ack', bytes: ack }));
      });
      return;
    }
    if (typeof data !== 'string') return;
    const message = parseServerFrame(data);
    if (!message) return; // distrust: an invalid frame is dropped, never acted on
    switch (message.type) {
      case 'hello':
        this.hello(message.sandbox, message.resumed);
        break;
      case 'exit':
        this.exitCode = message.exitCode;
        break;
      case 'error':
        // A coded complaint about a frame we sent; the connection stays up.
        console.warn(`gaiola: agent rejected a frame from tab ${this.opts.tab}: ${message.code}`);
        break;
      case 'pong':
        break;
    }
    this.opts.onMessage?.(message, (reply) => gen === this.generation && this.sendJson(reply));
  }

  private hello(sandbox: string, resumed: boolean): void {
    const lost = this.everConnected && !resumed && this.dropped;
    this.dropped = false;
    const reset = this.everConnected && !resumed && this.resetByInstructor;
    this.resetByInstructor = false;
    this.ready = true;
    this.attempt = 0;
    this.renewedToken = false;
    this.sandbox = sandbox;
    if (this.everConnected && !resumed) {
      this.opts.sink.write(`\r\n\x1b[2m── ${this.opts.newShellBanner} ──\x1b[0m\r\n`);
    } else if (this.everConnected && resumed) {
      // The agent follows `hello` with a replay of the shell's recent output: start from a clean screen
      // (RIS, queued behind what is already written) so the replay does not repeat what is shown.
      this.opts.sink.write('\x1bc');
    }
    this.everConnected = true;
    const notice = resumed ? 'resumed' : reset ? 'instructorReset' : lost ? 'freshSandbox' : 'connected';
    this.emit('connected', notice, { sandbox });
    if (this.noticeTimer) clearTimeout(this.noticeTimer);
    if (resumed || lost || reset) {
      const gen = this.generation;
      this.noticeTimer = setTimeout(
        () => {
          if (gen === this.generation && this.ready) this.emit('connected', 'connected', { sandbox: this.sandbox });
        },
        lost || reset ? FRESH_NOTICE_MS : RESUMED_NOTICE_MS,
      );
    }
    this.pushSize();
  }

  private closed(code: number): void {
    this.stopHeartbeat();
    this.ws = null;
    this.ready = false;
    this.outbox.length = 0;
    const behavior = closeBehavior(code);
    if (behavior.kind === 'reconnect' && behavior.message === 'instructorReset') this.resetByInstructor = true;
    // Lost, not asked for: a fresh sandbox after this one means the old one is gone (the agent restarted, or
    // the grace period ran out). "start this lesson again", an instructor's reset or a new shell are asked for.
    this.dropped =
      behavior.kind === 'reconnect' &&
      (behavior.message === 'reconnecting' || behavior.message === 'shuttingDown' || behavior.message === 'closed');
    switch (behavior.kind) {
      case 'renewToken':
        if (this.renewedToken || !this.token) {
          this.emit('error', 'badToken', {}, 'reload');
          return;
        }
        this.renewedToken = true;
        this.opts.sessions.invalidate(this.token);
        void this.connect();
        return;
      case 'stop':
        this.emit(behavior.state, behavior.message, { code: this.exitCode ?? code }, behavior.action);
        return;
      case 'reconnect':
        this.scheduleRetry('reconnecting', behavior.message, { code }, behavior.delayMs);
        return;
    }
  }

  private scheduleRetry(
    state: TabState,
    message: StatusMessage,
    vars: Record<string, string | number> = {},
    delayMs?: number,
  ): void {
    const delay = delayMs ?? backoffMs(this.attempt);
    this.attempt++;
    const address = agentAddress(this.opts.agent);
    this.emit(state, message, { ...vars, address, command: 'npm start' }, 'retry', Date.now() + delay);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.connect();
    }, delay);
  }

  private emit(
    state: TabState,
    message: StatusMessage,
    vars: Record<string, string | number> = {},
    action: TabAction | null = null,
    retryAt: number | null = null,
  ): void {
    if (this.disposed) return;
    this.opts.onStatus({ state, message, vars: { command: 'npm start', ...vars }, action, retryAt });
  }

  private pushSize(): void {
    if (!this.ready) return;
    const size = clampSize(this.opts.sink.cols, this.opts.sink.rows);
    if (this.sentSize && this.sentSize.cols === size.cols && this.sentSize.rows === size.rows) return;
    this.sentSize = size;
    this.enqueue(JSON.stringify({ type: 'resize', ...size }));
  }

  private enqueue(frame: string | Bytes): void {
    this.outbox.push(frame);
    this.flush();
  }

  private flush(): void {
    if (this.flushTimer) return;
    while (this.outbox.length > 0) {
      const ws = this.ws;
      if (!ws || ws.readyState !== WebSocket.OPEN) {
        this.outbox.length = 0;
        return;
      }
      const now = Date.now();
      const wait = ws.bufferedAmount > SOCKET_BUFFER_LIMIT ? 50 : this.pacer.delay(now);
      if (wait > 0) {
        this.flushTimer = setTimeout(() => {
          this.flushTimer = null;
          this.flush();
        }, wait);
        return;
      }
      const frame = this.outbox.shift();
      if (frame === undefined) return;
      ws.send(frame);
      this.pacer.record(now);
    }
  }

  /**
   * Pings the agent every CLIENT_PING_EVERY_MS over the open socket `ws`: the browser cannot see the agent's
   * WebSocket pings, and an agent that stopped or a network that drops packets leaves the socket open with no
   * close ever coming. Silence for CLIENT_SILENCE_MS after a ping (SilenceWatch) counts as a lost connection.
   */
  private startHeartbeat(gen: number, ws: WebSocket): void {
    this.stopHeartbeat();
    this.watch = new SilenceWatch();
    this.heartbeatTimer = setInterval(() => {
      if (gen !== this.generation || this.ws !== ws) {
        this.stopHeartbeat();
        return;
      }
      const verdict = this.watch.tick(Date.now());
      if (verdict === 'ping' && ws.readyState === WebSocket.OPEN) {
        const ping: ClientMessage = { type: 'ping', t: Date.now() };
        ws.send(JSON.stringify(ping));
      } else if (verdict === 'dead') {
        // Closed from this side (the agent may never answer a closing handshake), then as any lost connection:
        // "reconnecting", and a reconnect that finds the same shell when the agent answers again.
        this.dropSocket(1000);
        this.closed(1006);
      }
    }, CLIENT_PING_EVERY_MS);
  }

  private stopHeartbeat(): void {
    if (this.heartbeatTimer) clearInterval(this.heartbeatTimer);
    this.heartbeatTimer = null;
  }

  private dropSocket(code: number): void {
    this.stopHeartbeat();
    const ws = this.ws;
    this.ws = null;
    this.ready = false;
    this.outbox.length = 0;
    if (!ws) return;
    ws.onopen = null;
    ws.onmessage = null;
    ws.onclose = null;
    ws.onerror = null;
    if (ws.readyState === WebSocket.CONNECTING || ws.readyState === WebSocket.OPEN) ws.close(code);
  }
}
