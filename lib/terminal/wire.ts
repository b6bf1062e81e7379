// Pure helpers of the browser side of the terminal protocol: URLs, incoming-frame validation, input
// chunking, flow-control acknowledgement, backoff and what each close code means. No DOM, no React:
// unit-tested in wire.test.ts.
import {
  CLIENT_PING_EVERY_MS,
  CLIENT_SILENCE_MS,
  CloseCode,
  FLOW_ACK_EVERY,
  MAX_COLS,
  MAX_ROWS,
  MIN_COLS,
  MIN_ROWS,
  PASTE_CHUNK_BYTES,
  PROTOCOL_VERSION,
  SESSION_PATH,
  type ServerMessage,
  serverMessage,
  WS_PATH,
} from '@protocol';
import type { PageAgent } from '@/lib/agent/config';

/**
 * "The page's agent", as the browser reaches it: at `port` on the page's host (one VM, a classroom), or, when the site
 * sets GAIOLA_AGENT_PATH (lib/agent/config.ts), at `path` on the page's own origin (behind an ingress: issue 22).
 */
export interface AgentLocation extends PageAgent {
  /** `location.protocol` of the page: `https:` makes the agent URLs secure too. */
  readonly pageProtocol: string;
  /** `location.hostname` of the page (IPv6 keeps its brackets). */
  readonly hostname: string;
  /** `location.port` of the page ('' for the scheme's default): part of the origin when the agent is at `path`. */
  readonly pagePort?: string;
}

/** The page's agent as seen from `page` (the browser's `window.location`). */
export function agentLocation(
  page: { readonly protocol: string; readonly hostname: string; readonly port: string },
  agent: PageAgent,
): AgentLocation {
  return { pageProtocol: page.protocol, hostname: page.hostname, pagePort: page.port, ...agent };
}

/**
 * The one place that builds the page's agent's base URL, no trailing slash: `<page origin><path>` when the site
 * set a path, else `<scheme>://<hostname>:<port>`. `ws` gives the WebSocket scheme (wss under https).
 */
export function agentBase(at: AgentLocation, kind: 'http' | 'ws' = 'http'): string {
  const secure = at.pageProtocol === 'https:' ? 's' : '';
  const scheme = `${kind}${secure}`;
  if (at.path === undefined) return `${scheme}://${at.hostname}:${at.port}`;
  return `${scheme}://${at.hostname}${at.pagePort ? `:${at.pagePort}` : ''}${at.path}`;
}

/** The page's agent as error texts name it: `host:port`, or `host/path` behind an ingress. */
export function agentAddress(at: AgentLocation): string {
  return agentBase(at).replace(/^https?:\/\//, '');
}

export function sessionUrl(at: AgentLocation): string {
  return `${agentBase(at)}${SESSION_PATH}`;
}

/**
 * The terminal's WebSocket URL: on the agent the session named when the course has many (`placedOn`, its http(s)
 * URL, maybe with a path: issue 22), else on the page's agent.
 */
export function socketUrl(
  at: AgentLocation,
  token: string,
  tab: number,
  cols: number,
  rows: number,
  placedOn?: string,
): string {
  const size = clampSize(cols, rows);
  const query = new URLSearchParams({
    token,
    tab: String(tab),
    v: String(PROTOCOL_VERSION),
    cols: String(size.cols),
    rows: String(size.rows),
  });
  const base = placedOn ? placedOn.replace(/^http/, 'ws') : agentBase(at, 'ws');
  return `${base}${WS_PATH}?${query.toString()}`;
}

/** Sizes the agent accepts; a hidden or collapsed terminal can report 0 or NaN. */
export function clampSize(cols: number, rows: number): { cols: number; rows: number } {
  const clamp = (n: number, min: number, max: number) =>
    Number.isFinite(n) ? Math.min(max, Math.max(min, Math.round(n))) : min;
  return { cols: clamp(cols, MIN_COLS, MAX_COLS), rows: clamp(rows, MIN_ROWS, MAX_ROWS) };
}

/** Parses and validates a JSON text frame from the agent; anything invalid is `null` (and ignored). */
export function parseServerFrame(text: string): ServerMessage | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  const result = serverMessage.safeParse(value);
  return result.success ? result.data : null;
}

/** Bytes in a plain ArrayBuffer: what WebSocket.send and xterm accept. */
export type Bytes = Uint8Array<ArrayBuffer>;

const encoder = new TextEncoder();

/**
 * UTF-8 encodes terminal input and splits it into frames of at most `max` bytes, never inside a
 * multi-byte character (a paste can be megabytes; the agent refuses frames over MAX_FRAME_BYTES).
 */
export function encodeInput(data: string, max = PASTE_CHUNK_BYTES): Bytes[] {
  const bytes = encoder.encode(data);
  return chunkUtf8(bytes, max);
}

export function chunkUtf8(bytes: Bytes, max = PASTE_CHUNK_BYTES): Bytes[] {
  if (bytes.length <= max) return bytes.length ? [bytes] : [];
  const chunks: Bytes[] = [];
  let start = 0;
  while (start < bytes.length) {
    let end = Math.min(start + max, bytes.length);
    // Step back over continuation bytes (10xxxxxx) so a character is never split across frames.
    while (end < bytes.length && end > start && ((bytes[end] ?? 0) & 0xc0) === 0x80) end--;
    if (end === start) end = Math.min(start + max, bytes.length); // not UTF-8: split anyway
    chunks.push(bytes.subarray(start, end));
    start = end;
  }
  return chunks;
}

/** xterm's onBinary hands over a string whose char codes are bytes (mouse reports that are not UTF-8). */
export function binaryStringToBytes(data: string): Bytes {
  const bytes = new Uint8Array(data.length);
  for (let i = 0; i < data.length; i++) bytes[i] = data.charCodeAt(i) & 0xff;
  return bytes;
}

/**
 * Flow control, browser side (VS Code's AckDataBufferer): bytes count once xterm has parsed them (its
 * write callback); an ack goes out every FLOW_ACK_EVERY bytes. The agent pauses the pty while too
 * many bytes are unacknowledged, so a `yes` cannot flood the page.
 */
export class FlowAcker {
  private written = 0;
  constructor(private readonly every = FLOW_ACK_EVERY) {}
  /** Records parsed bytes; returns the byte count to acknowledge now, or 0. */
  parsed(bytes: number): number {
    this.written += bytes;
    if (this.written < this.every) return 0;
    const ack = this.written;
    this.written = 0;
    return ack;
  }
  reset(): void {
    this.written = 0;
  }
}

/**
 * Paces outgoing frames under the agent's MAX_MESSAGES_PER_SECOND (400): at most `perSecond` frames in
 * any one-second window; the rest wait. Typing never comes near it; a multi-megabyte paste does.
 */
export class FramePacer {
  private readonly sentAt: number[] = [];
  constructor(private readonly perSecond = 200) {}
  /** Milliseconds to wait before the next frame may go out (0 = now). */
  delay(now: number): number {
    while (this.sentAt.length && now - (this.sentAt[0] ?? 0) >= 1000) this.sentAt.shift();
    if (this.sentAt.length < this.perSecond) return 0;
    return 1000 - (now - (this.sentAt[0] ?? now));
  }
  record(now: number): void {
    this.sentAt.push(now);
  }
}

/** Reconnect delay after `attempt` consecutive failures: 1 s, 2 s, 4 s, 8 s, then 10 s. */
export const BACKOFF_MAX_MS = 10_000;
export function backoffMs(attempt: number): number {
  return Math.min(BACKOFF_MAX_MS, 1000 * 2 ** Math.max(0, attempt));
}

/**
 * Notices a connection that went silent (an agent stopped, a network dropping packets): the socket stays open
 * and no close ever comes. Called every CLIENT_PING_EVERY_MS, `tick` says to send a ping when none is
 * waiting, and `dead` once nothing at all has come since a ping for CLIENT_SILENCE_MS. Any frame from the
 * agent counts (`heard`): output, a pong, anything.
 */
export class SilenceWatch {
  /** When the ping that nothing has answered yet went out; null when none is waiting. */
  private waitingSince: number | null = null;
  private lastTick: number | null = null;
  constructor(
    private readonly every = CLIENT_PING_EVERY_MS,
    private readonly silenceMs = CLIENT_SILENCE_MS,
  ) {}

  heard(): void {
    this.waitingSince = null;
  }

  tick(now: number): 'ping' | 'dead' | 'wait' {
    // A tick far later than asked means this page was the one stalled (a busy main thread, a throttled
    // background tab): the answer may sit in the event queue behind this timer, so no verdict this time.
    const late = this.lastTick !== null && now - this.lastTick > 2 * this.every;
    this.lastTick = now;
    if (this.waitingSince === null) {
      this.waitingSince = now;
      return 'ping';
    }
    return !late && now - this.waitingSince >= this.silenceMs ? 'dead' : 'wait';
  }
}

/** A full class VM frees up as students leave; asking again sooner only adds load. */
export const CAPACITY_RETRY_MS = 60_000;

/** After "start this lesson again" the agent has already freed the old sandbox: come back at once. */
export const RESTART_RECONNECT_MS = 200;

/** Message keys under `terminal.message` that a close can show. */
export type CloseMessage =
  | 'badOrigin'
  | 'badToken'
  | 'badRequest'
  | 'protocolVersion'
  | 'tooLarge'
  | 'rateLimited'
  | 'capacity'
  | 'sandboxFailed'
  | 'replaced'
  | 'shellExited'
  | 'shuttingDown'
  | 'reconnecting'
  | 'restarted'
  | 'instructorReset'
  | 'ended'
  | 'closed';

export type CloseAction = 'retry' | 'reload' | 'takeBack' | 'newShell';

export type CloseBehavior =
  /** Reconnect by itself after a delay (backoff unless `delayMs` is given). */
  | { kind: 'reconnect'; message: CloseMessage; delayMs?: number; action?: CloseAction }
  /** Drop the stored token, get a new one and reconnect once. */
  | { kind: 'renewToken' }
  /** Stop; the student decides (the button of `action`). */
  | { kind: 'stop'; state: 'error' | 'exited'; message: CloseMessage; action: CloseAction };

const stop = (message: CloseMessage, action: CloseAction, state: 'error' | 'exited' = 'error'): CloseBehavior => ({
  kind: 'stop',
  state,
  message,
  action,
});
const reconnect = (message: CloseMessage, delayMs?: number, action?: CloseAction): CloseBehavior => ({
  kind: 'reconnect',
  message,
  ...(delayMs === undefined ? {} : { delayMs }),
  ...(action === undefined ? {} : { action }),
});

/** What the browser does for each close code of the protocol, by the code's name: every code has its entry. */
const BY_CLOSE_CODE: Record<keyof typeof CloseCode, CloseBehavior> = {
  badOrigin: stop('badOrigin', 'retry'),
  badToken: { kind: 'renewToken' },
  badRequest: stop('badRequest', 'retry'),
  protocolVersion: stop('protocolVersion', 'reload'),
  tooLarge: reconnect('tooLarge'),
  rateLimited: reconnect('rateLimited'),
  capacity: reconnect('capacity', CAPACITY_RETRY_MS, 'retry'),
  sandboxFailed: stop('sandboxFailed', 'retry'),
  // Never automatic: two windows would take the shell from each other forever.
  replaced: stop('replaced', 'takeBack'),
  shellExited: stop('shellExited', 'newShell', 'exited'),
  shuttingDown: reconnect('shuttingDown'),
  // The student asked for a fresh sandbox: reconnecting gets it, with no backoff to wait through.
  restarted: reconnect('restarted', RESTART_RECONNECT_MS),
  // The instructor reset the sandbox (class mode): the fresh one is ready, and the student must hear who
  // took the old one away (the connection keeps saying so once connected).
  resetByInstructor: reconnect('instructorReset', RESTART_RECONNECT_MS),
  // The instructor ended the session (class mode): coming back is the student's choice, never automatic.
  ended: stop('ended', 'retry'),
};

const CLOSE_CODE_NAME = new Map<number, keyof typeof CloseCode>(
  Object.entries(CloseCode).map(([name, code]) => [code, name as keyof typeof CloseCode]),
);

/** WebSocket's own codes: normal closure, going away, no status, abnormal (network drop), server error or restart. */
const TRANSIENT_CLOSE = new Set([1000, 1001, 1005, 1006, 1011, 1012, 1013]);

/** What the browser does when the agent closes a terminal's socket with `code`. */
export function closeBehavior(code: number): CloseBehavior {
  const name = CLOSE_CODE_NAME.get(code);
  if (name !== undefined) return BY_CLOSE_CODE[name];
  return reconnect(TRANSIENT_CLOSE.has(code) ? 'reconnecting' : 'closed');
}
