// Starts the real agent server (real registry, real sandboxes) on an ephemeral loopback port, with a
// cgroup parent, run dir, uid range and data dir of its own; and a small terminal client over `ws`.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import type { ClassMode } from '../src/class/class-mode';
import { composeAgent } from '../src/compose';
import type { KernelConfig } from '../src/kernel/config';
import type { PanelHub } from '../src/panel/panel-hub';
import {
  type ClientMessage,
  type LessonProgress,
  PROGRESS_PATH,
  PROTOCOL_VERSION,
  QUIZ_PATH,
  type QuizAnswerRequest,
  type QuizResult,
  SESSION_PATH,
  type ServerMessage,
  WS_PATH,
} from '../src/protocol';
import type { TokenSigner } from '../src/server/token';
import type { SandboxRegistry } from '../src/sessions/registry';
import type { LookStats } from '../src/sessions/sandbox-observer';
import type { Store } from '../src/store/store';

export const ORIGIN = 'http://localhost:3000';

export interface Harness {
  url: string;
  kernel: KernelConfig;
  registry: SandboxRegistry;
  events: { created: string[]; destroyed: string[] };
  store: Store;
  signer: TokenSigner;
  /** With `lessons` (solo) or `classMode`. */
  classMode?: ClassMode;
  /** With `panel`. */
  panel?: PanelHub;
  /** Snapshots asked for by the checks and the panel, and taken. */
  looks: LookStats;
  stop(): Promise<void>;
}

export async function startAgent(
  opts: {
    graceMs?: number;
    maxSandboxes?: number;
    slotOffset?: number;
    /** The lesson engine: checks, fixtures, quiz, progress (as the agent always runs it). */
    lessons?: boolean;
    /** Class mode, as `GAIOLA_MODE=class` runs it (implies lessons). */
    classMode?: boolean;
    /** The Kernel panel's streams, as the agent serves them. */
    panel?: boolean;
    /** The agent's ws ping interval (a socket that missed a pong by the next one is dropped). */
    heartbeatMs?: number;
    /** How sandbox processes enter their v2 cgroup (KernelConfig.cgroupEntry). */
    cgroupEntry?: 'clone' | 'move';
    /** Warm sandboxes (GAIOLA_WARM_SANDBOXES); none by default, so a test's sandboxes are the ones it starts. */
    warmSandboxes?: number;
    /**
     * The data dir (store and all) of an agent that stopped, to start again on it as a restart does; the caller
     * removes it. By default one of this agent's own, removed when it stops.
     */
    dataDir?: string;
  } = {},
) {
  const run = `gaiola-t${randomBytes(4).toString('hex')}`;
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'gaiola-t-'));
  const removeDataDir = () => {
    if (!opts.dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  };
  const maxSandboxes = opts.maxSandboxes ?? 4;
  // The agent main.ts runs, with a cgroup parent, run dir, uid range and data dir of this test's own.
  const agent = await composeAgent({
    kernel: {
      cgroupParent: run,
      runDir: `/run/${run}`,
      uidBase: 1048576 + (1100 + (opts.slotOffset ?? 0)) * 65536,
      maxSlots: Math.max(8, maxSandboxes),
      ...(opts.cgroupEntry ? { cgroupEntry: opts.cgroupEntry } : {}),
    },
    dataDir,
    secret: randomBytes(32),
    host: '127.0.0.1',
    port: 0,
    allowedOrigins: [ORIGIN],
    siteUrl: ORIGIN,
    mode: opts.classMode ? 'class' : 'solo',
    graceMs: opts.graceMs ?? 60_000,
    maxSandboxes,
    warmSandboxes: opts.warmSandboxes ?? 0,
    lessons: opts.lessons ?? false,
    panel: opts.panel ?? false,
    heartbeatMs: opts.heartbeatMs,
    log: () => {},
  }).catch((err: unknown) => {
    removeDataDir();
    throw err;
  });
  const events = { created: [] as string[], destroyed: [] as string[] };
  agent.events.onCreated((id) => events.created.push(id));
  agent.events.onDestroyed((id) => events.destroyed.push(id));
  const port = await agent.listen();
  const harness: Harness = {
    panel: agent.panel,
    looks: agent.looks,
    url: `http://127.0.0.1:${port}`,
    kernel: agent.kernel,
    registry: agent.registry,
    events,
    store: agent.store,
    signer: agent.signer,
    classMode: agent.classMode,
    stop: async () => {
      try {
        await agent.close('test-end');
      } finally {
        removeDataDir();
      }
    },
  };
  return harness;
}

/** `POST path` with a JSON body from `origin` (the site's by default), as the site's pages send it. */
export function postJson(
  h: Pick<Harness, 'url'>,
  path: string,
  body: unknown,
  origin = ORIGIN,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${h.url}${path}`, {
    method: 'POST',
    headers: { origin, 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

export async function newToken(h: Harness, previous: string | null = null, origin = ORIGIN): Promise<Response> {
  return postJson(h, SESSION_PATH, { token: previous }, origin);
}

export async function tokenFor(h: Harness): Promise<string> {
  const res = await newToken(h);
  const body = (await res.json()) as { token: string };
  return body.token;
}

/**
 * What a student's page asks of the agent over HTTP with `token`, apart from any terminal: quiz answers and
 * saved progress (protocol/quiz.ts).
 */
export function student(h: Pick<Harness, 'url'>, token: string) {
  return {
    /** `POST /quiz` as the site sends it: the token in `Authorization`, from the site's origin. */
    post(body: QuizAnswerRequest | unknown, origin = ORIGIN): Promise<Response> {
      return postJson(h, QUIZ_PATH, body, origin, { authorization: `Bearer ${token}` });
    },

    /** An answer graded over HTTP; throws on a refusal. */
    async answer(body: QuizAnswerRequest): Promise<QuizResult> {
      const res = await this.post(body);
      if (!res.ok) throw new Error(`POST ${QUIZ_PATH}: HTTP ${res.status} ${await res.text()}`);
      return (await res.json()) as QuizResult;
    },

    /** `GET /progress[?lesson=…&locale=…]`: the saved progress per lesson; throws on a refusal. */
    async progress(query: { lesson?: string; locale?: 'pt' | 'gl' } = {}): Promise<Record<string, LessonProgress>> {
      const res = await fetch(`${h.url}${PROGRESS_PATH}?${new URLSearchParams(query)}`, {
        headers: { origin: ORIGIN, authorization: `Bearer ${token}` },
      });
      if (!res.ok) throw new Error(`GET ${PROGRESS_PATH}: HTTP ${res.status} ${await res.text()}`);
      return ((await res.json()) as { lessons: Record<string, LessonProgress> }).lessons;
    },
  };
}

/** A terminal tab as the browser would open it: output collected, control messages parsed. */
export class TermClient {
  readonly ws: WebSocket;
  output = '';
  readonly control: ServerMessage[] = [];
  closeCode: number | undefined;
  private readonly opened: Promise<void>;
  autoAck = true;
  received = 0;
  /** How much output had arrived when `hello` did: the greeting must come before any byte. */
  outputBeforeHello: number | undefined;

  constructor(h: Harness, token: string, tab: number, opts: { origin?: string; cols?: number; rows?: number } = {}) {
    const q = new URLSearchParams({
      token,
      tab: String(tab),
      v: String(PROTOCOL_VERSION),
      cols: String(opts.cols ?? 80),
      rows: String(opts.rows ?? 24),
    });
    this.ws = new WebSocket(`${h.url.replace('http', 'ws')}${WS_PATH}?${q}`, { origin: opts.origin ?? ORIGIN });
    this.ws.on('message', (data, isBinary) => {
      const buf = Buffer.from(data as Buffer);
      if (isBinary) {
        this.output += buf.toString('utf8');
        this.received += buf.length;
        if (this.autoAck) this.sendJson({ type: 'ack', bytes: buf.length });
      } else {
        const msg = JSON.parse(buf.toString('utf8')) as ServerMessage;
        if (msg.type === 'hello') this.outputBeforeHello = this.output.length;
        this.control.push(msg);
      }
    });
    this.ws.on('close', (code) => {
      this.closeCode = code;
    });
    this.opened = new Promise((resolve, reject) => {
      this.ws.once('open', () => resolve());
      this.ws.once('error', reject);
      this.ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    });
  }

  open(): Promise<void> {
    return this.opened;
  }

  async hello(): Promise<Extract<ServerMessage, { type: 'hello' }>> {
    await waitUntil(() => this.control.some((m) => m.type === 'hello'), 'hello');
    return this.control.find((m) => m.type === 'hello') as Extract<ServerMessage, { type: 'hello' }>;
  }

  type(text: string): void {
    this.ws.send(Buffer.from(text, 'utf8'), { binary: true });
  }

  /** A control message the agent accepts: typed, so a test or bench cannot send one the protocol dropped. */
  sendJson(msg: ClientMessage): void {
    this.sendRaw(msg);
  }

  /** Anything as a text frame: for tests of what the agent does with a frame it must refuse. */
  sendRaw(msg: unknown): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(msg));
  }

  /** Runs a command and returns what it printed between two unique markers. */
  async run(command: string, timeoutMs = 15_000): Promise<string> {
    const tag = randomBytes(4).toString('hex');
    const start = `S${tag}S`;
    const end = `E${tag}E`;
    const from = this.output.length;
    // The markers are built by printf so the echoed command line never contains them literally.
    this.type(`printf '%s%s\\n' S${tag} S; ${command}; printf '%s%s\\n' E${tag} E\r`);
    await waitUntil(() => this.output.indexOf(end, from) >= 0, `output of ${command}`, timeoutMs);
    const text = this.output.slice(from);
    const a = text.indexOf(start);
    const b = text.indexOf(end, a);
    return text
      .slice(a + start.length, b)
      .replace(/\r/g, '')
      .trim();
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      if (this.ws.readyState === WebSocket.CLOSED) return resolve();
      this.ws.once('close', () => resolve());
      this.ws.close();
    });
  }
}

export async function waitUntil(cond: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
