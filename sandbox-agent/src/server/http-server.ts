// The agent's HTTP face: `POST /session` hands out solo-mode tokens (class mode: class/class-routes.ts,
// through ClassGate), `GET /health` reports capacity, and `/ws` upgrades to a terminal WebSocket after
// Origin and token are checked (CONVENTIONS §9).
// Layer: imports every layer below it, never class/ (README, How it fits together; biome.json enforces it).
import http from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import {
  AGENT_MISSED_PINGS,
  AGENT_PING_EVERY_MS,
  type ClassError,
  CloseCode,
  MAX_FRAME_BYTES,
  SESSION_PATH,
} from '../protocol';
import { CapacityError, type SandboxRegistry } from '../sessions/registry';
import type { AgentCluster } from './cluster';
import { type HelpHandler, type LessonHandler, type PanelHandler, TerminalConnection } from './connection';
import { type QuizDeps, QuizRoutes } from './quiz-routes';
import { readBody } from './read-body';
import { newStudentId, STUDENT_TOKEN_MS, type TokenPayload, type TokenSigner } from './token';
import { decideUpgrade } from './upgrade-request';

/** A session request body is a token at most; anything bigger is refused unread. */
const MAX_SESSION_BODY_BYTES = 2048;

/** How class mode's routes answer: a status and a JSON body. */
export type ClassSend = (status: number, body: unknown) => void;

/**
 * Class mode as the server sees it. class/class-routes.ts implements it and the composition (compose.ts) passes
 * it in, so that server/ never imports class/ (class/ builds on server/: README, How it fits together).
 */
export interface ClassGate {
  readonly mode: 'solo' | 'class';
  /** In class mode, whether a student token may open a sandbox (solo mode: every valid token). */
  acceptsStudent(p: TokenPayload): Promise<boolean>;
  /** Handles the request when it is one of class mode's; false otherwise. */
  handle(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    url: URL,
    cors: Record<string, string>,
    send: ClassSend,
  ): Promise<boolean>;
  /** A student's hand and look answers (issue 20); absent in solo mode. */
  readonly help?: HelpHandler;
  /** Takes a WebSocket upgrade that is class mode's (the instructor's look); false for any other. */
  upgrade?(req: http.IncomingMessage, socket: Duplex, head: Buffer): boolean;
}

export interface AgentServerDeps {
  allowedOrigins: readonly string[];
  signer: TokenSigner;
  registry: SandboxRegistry;
  /** Recorded without waiting: a store that fails says so in the log, and the student goes on. */
  onStudentSeen(studentId: string): void;
  health(): Promise<Record<string, unknown>>;
  log(line: string): void;
  lessons?: LessonHandler;
  /** The Kernel panel's streams. */
  panel?: PanelHandler;
  /** Quiz answers and saved progress (GET /progress, POST /quiz), open to a student without a sandbox. */
  quiz?: Pick<QuizDeps, 'answer' | 'progress'>;
  /** Class mode's routes, and who may open a sandbox (solo mode: anyone holding a valid token). */
  classRoutes?: ClassGate;
  /** One agent of many (issue 22): sessions name the agent chosen, and terminals open only where their seat is. */
  cluster?: Pick<AgentCluster, 'place' | 'seatedHere'>;
  /** A student's tab connected to or left their sandbox (the instructor's "online"). */
  presence?(studentId: string, delta: 1 | -1): void;
  /** A student's tab was refused because every sandbox slot was taken. */
  refused?(studentId: string): void;
  /** The ws ping interval (AGENT_PING_EVERY_MS; tests shorten it). */
  heartbeatMs?: number;
}

function corsHeaders(origin: string | undefined, allowed: readonly string[]): Record<string, string> {
  if (origin === undefined || !allowed.includes(origin)) return {};
  return {
    'access-control-allow-origin': origin,
    'access-control-allow-methods': 'POST, GET, OPTIONS',
    'access-control-allow-headers': 'content-type, authorization',
    'access-control-max-age': '600',
    vary: 'origin',
  };
}

function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}

/** The `token` of a `{ "token": … }` body: a string, null when absent, undefined when the body is not JSON. */
function tokenOf(raw: string | null): string | null | undefined {
  if (raw === null) return undefined;
  try {
    const body: unknown = raw ? JSON.parse(raw) : {};
    if (typeof body === 'object' && body !== null && 'token' in body && typeof body.token === 'string') {
      return body.token;
    }
    return null;
  } catch {
    return undefined;
  }
}

export function createAgentServer(deps: AgentServerDeps): { server: http.Server; close(): Promise<void> } {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES, perMessageDeflate: false });
  /** Pings each socket has left unanswered in a row. */
  const unanswered = new WeakMap<object, number>();
  const classRoutes = deps.classRoutes;
  const quiz =
    deps.quiz &&
    new QuizRoutes({
      signer: deps.signer,
      acceptsStudent: classRoutes && ((p) => classRoutes.acceptsStudent(p)),
      answer: async (student, req) => deps.quiz?.answer(student, req),
      progress: async (student, locale, lesson) => deps.quiz?.progress(student, locale, lesson),
    });

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: Error) => {
      // The store failing (a database gone away) must not take the agent down: this request fails, said so.
      deps.log(`request ${req.method} ${req.url?.split('?')[0]} failed: ${err.message}`);
      if (!res.headersSent) sendJson(res, 503, { error: 'unavailable' });
      else res.destroy();
    });
  });

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const origin = req.headers.origin;
    const cors = corsHeaders(origin, deps.allowedOrigins);
    const url = new URL(req.url ?? '/', 'http://agent.invalid');
    if (req.method === 'OPTIONS') {
      res.writeHead(origin !== undefined && cors['access-control-allow-origin'] ? 204 : 403, cors);
      res.end();
      return;
    }
    if (url.pathname === '/health' && req.method === 'GET') {
      sendJson(res, 200, await deps.health(), cors);
      return;
    }
    if (await quiz?.handle(req, url, cors, (status, body) => sendJson(res, status, body, cors))) return;
    if (await deps.classRoutes?.handle(req, res, url, cors, (status, body) => sendJson(res, status, body, cors)))
      return;
    if (url.pathname === SESSION_PATH && req.method === 'POST') {
      // A browser always sends Origin on a cross-origin POST: without an allowed one, no token.
      if (!cors['access-control-allow-origin']) {
        sendJson(res, 403, { error: 'origin' });
        return;
      }
      const raw = await readBody(req, MAX_SESSION_BODY_BYTES);
      const previous = tokenOf(raw);
      if (previous === undefined) {
        sendJson(res, 400, { error: 'invalid_json' }, cors);
        return;
      }
      const verified = previous ? deps.signer.verify(previous) : null;
      const known = verified && ((await deps.classRoutes?.acceptsStudent(verified)) ?? true) ? verified : null;
      if (!known && deps.classRoutes?.mode === 'class') {
        // Class mode: a student gets a token by joining the class, never here.
        sendJson(res, 401, { error: 'join_required' }, cors);
        return;
      }
      const now = Date.now();
      const student = known ?? { s: newStudentId(), i: now, m: 'solo' as const, x: now + STUDENT_TOKEN_MS };
      if (deps.cluster) {
        const placed = await deps.cluster.place(student, known && previous ? previous : undefined);
        if (!placed) sendJson(res, 503, { error: 'full' satisfies ClassError }, cors);
        else sendJson(res, 200, { token: placed.token, agent: placed.agent }, cors);
        return;
      }
      deps.onStudentSeen(student.s);
      sendJson(res, 200, { token: known && previous ? previous : deps.signer.sign(student) }, cors);
      return;
    }
    sendJson(res, 404, { error: 'not_found' }, cors);
  };

  server.on('upgrade', (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    if (deps.classRoutes?.upgrade?.(req, socket, head)) return;
    upgradeTerminal(req, socket, head).catch((err: Error) => {
      deps.log(`terminal refused: ${err.message}`);
      socket.destroy();
    });
  });

  const upgradeTerminal = async (req: http.IncomingMessage, socket: Duplex, head: Buffer): Promise<void> => {
    const decided = decideUpgrade(req.url, req.headers.origin, deps.allowedOrigins, deps.signer);
    // A token of another class, of a deleted student, or a solo token in class mode: as if forged.
    const decision =
      decided.ok && deps.classRoutes && !(await deps.classRoutes.acceptsStudent(decided.student))
        ? { ok: false as const, status: 401 }
        : // Another agent's student (or one whose seat moved): 409, and the page asks for its session again.
          decided.ok && deps.cluster && !(await deps.cluster.seatedHere(decided.student))
          ? { ok: false as const, status: 409 }
          : decided;
    if (!decision.ok) {
      socket.end(
        `HTTP/1.1 ${decision.status} ${http.STATUS_CODES[decision.status] ?? ''}\r\nConnection: close\r\n\r\n`,
      );
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      unanswered.set(ws, 0);
      ws.on('pong', () => unanswered.set(ws, 0));
      // ws reports protocol violations (an oversized frame, bad UTF-8) as 'error' and closes the socket
      // itself (1009, 1007); without a listener the error would be thrown and take the agent down.
      ws.on('error', (err) => deps.log(`websocket closed on a protocol error: ${err.message}`));
      const studentId = decision.student.s;
      const conn = new TerminalConnection(ws, studentId, deps.lessons, deps.panel, deps.classRoutes?.help);
      deps.onStudentSeen(studentId);
      deps.registry
        .attach(studentId, decision.tab, { cols: decision.cols, rows: decision.rows }, conn)
        .then(({ shell, sandboxName, resumed }) => {
          if (conn.isClosed || ws.readyState !== ws.OPEN) {
            deps.registry.detach(studentId, shell, conn);
            return;
          }
          conn.bind(shell, sandboxName, decision.tab, resumed);
          shell.attach(conn);
          deps.presence?.(studentId, 1);
          ws.on('close', () => {
            deps.registry.detach(studentId, shell, conn);
            deps.presence?.(studentId, -1);
          });
        })
        .catch((err: Error) => {
          deps.log(`sandbox for a student failed: ${err.message}`);
          if (err instanceof CapacityError) deps.refused?.(studentId);
          conn.close(err instanceof CapacityError ? CloseCode.capacity : CloseCode.sandboxFailed);
        });
    });
  };

  const heartbeatMs = deps.heartbeatMs ?? AGENT_PING_EVERY_MS;
  let lastRound = Date.now();
  const heartbeat = setInterval(() => {
    const now = Date.now();
    // A round that comes a whole interval late means this process was stopped (SIGSTOP, a suspended VM) or its
    // event loop blocked: the pongs may sit unread in the sockets, so nobody is judged this round.
    const judge = now - lastRound < 2 * heartbeatMs;
    lastRound = now;
    for (const ws of wss.clients) {
      const missed = unanswered.get(ws) ?? 0;
      if (judge && missed >= AGENT_MISSED_PINGS) {
        // No pong for that many rounds: the client went silent (a dead network, a frozen laptop). terminate,
        // not close: a silent peer would never finish a closing handshake. Its 'close' detaches the tab.
        ws.terminate();
        continue;
      }
      // A late round judges nobody, and does not count against anyone either.
      if (judge) unanswered.set(ws, missed + 1);
      ws.ping();
    }
  }, heartbeatMs);
  heartbeat.unref();

  return {
    server,
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(heartbeat);
        for (const ws of wss.clients) ws.close(CloseCode.shuttingDown);
        wss.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
