// Class mode as the site's pages speak it to a test agent (startAgent with `classMode`): the class open for
// joins, a student joining with the code, and the instructor's side over HTTP (state, one student's detail,
// actions, the CSV, the event stream), each with the instructor's secret token; and a look at a student's
// terminal (its WebSocket), which may ask to type into it.
import { afterAll, beforeAll } from 'vitest';
import WebSocket from 'ws';
import { ensureClass } from '../src/class/class-setup';
import {
  CLASS_JOIN_PATH,
  type HelpStateMessage,
  INSTRUCTOR_PATHS,
  type InstructorAction,
  type InstructorState,
  instructorState,
  type JoinRequest,
  LOOK_PATH,
  type LookRequest,
  type StudentDetail,
  studentDetail,
} from '../src/protocol';
import type { ClassRow } from '../src/store/store';
import { type Harness, ORIGIN, postJson, startAgent, TermClient } from './agent-harness';

/** How long an instructor's token made here lasts: longer than any test file or benchmark runs. */
const INSTRUCTOR_TOKEN_MS = 3600_000;

/** The instructor of a class, holding `token` (the secret one printed at start, or a forged one to refuse). */
export class Instructor {
  constructor(
    private readonly h: Pick<Harness, 'url'>,
    readonly token: string,
  ) {}

  /** `POST path {token, ...body}` to an instructor endpoint, from `origin` (the site's by default). */
  post(path: string, body: object = {}, origin = ORIGIN): Promise<Response> {
    return postJson(this.h, path, { token: this.token, ...body }, origin);
  }

  /** The class, its capacity, a row per student and the help queue. */
  async state(): Promise<InstructorState> {
    return instructorState.parse(await (await this.post(INSTRUCTOR_PATHS.state)).json());
  }

  /** One student's steps and quiz attempts. */
  async detail(student: string | undefined): Promise<StudentDetail> {
    return studentDetail.parse(await (await this.post(INSTRUCTOR_PATHS.student, { student })).json());
  }

  /** An action on the class, or on one student's sandbox or hand. */
  act(action: InstructorAction, student?: string): Promise<Response> {
    return this.post(INSTRUCTOR_PATHS.action, { action, student });
  }

  /** How many sandboxes to keep warm for the class (issue 18); anything as `target`, to be refused. */
  warm(target: unknown): Promise<Response> {
    return this.post(INSTRUCTOR_PATHS.warm, { target });
  }

  /** The class's steps and answers as CSV. */
  csv(): Promise<Response> {
    return this.post(INSTRUCTOR_PATHS.export);
  }

  /** The class's audit (looks, helps, broadcasts) as CSV. */
  async auditCsv(): Promise<string> {
    return (await this.post(INSTRUCTOR_PATHS.audit)).text();
  }

  /** `GET` of the event stream, the token in the query as the page's EventSource sends it. */
  openEvents(signal?: AbortSignal): Promise<Response> {
    return fetch(`${this.h.url}${INSTRUCTOR_PATHS.events}?token=${encodeURIComponent(this.token)}`, {
      headers: { origin: ORIGIN },
      signal,
    });
  }
}

/**
 * The instructor's side of a look, as the class page opens it: the look's states and help states (`help:typing`,
 * `help:off:ended`…) in order, the tabs' output, and how it closed (or the HTTP status that refused it).
 */
export class Look {
  readonly ws: WebSocket;
  readonly states: string[] = [];
  output = '';
  closeCode: number | undefined;
  httpStatus: number | undefined;
  constructor(h: Pick<Harness, 'url'>, token: string, student: string, name = 'Marta') {
    const q = new URLSearchParams({ token, student, name });
    this.ws = new WebSocket(`${h.url.replace('http', 'ws')}${LOOK_PATH}?${q}`, { origin: ORIGIN });
    this.ws.on('message', (data, isBinary) => {
      const buf = Buffer.from(data as Buffer);
      if (isBinary) {
        this.output += buf.subarray(1).toString('utf8');
        return;
      }
      const msg = JSON.parse(buf.toString('utf8')) as { type: string; state?: string; why?: string };
      const state = msg.state ?? 'screen';
      this.states.push(msg.type === 'help' ? ['help', state, msg.why].filter(Boolean).join(':') : state);
    });
    this.ws.on('close', (code) => {
      this.closeCode = code;
    });
    this.ws.on('unexpected-response', (_req, res) => {
      this.httpStatus = res.statusCode;
    });
    this.ws.on('error', () => {});
  }

  request(req: LookRequest): void {
    this.ws.send(JSON.stringify(req));
  }

  /** Keystrokes into a tab of the student's: a binary frame, the tab's byte first. */
  type(tab: number, text: string): void {
    this.ws.send(Buffer.concat([Buffer.from([tab]), Buffer.from(text, 'utf8')]), { binary: true });
  }
}

/** The last help state a student's tab heard (their hand, who asks to look or type, who looks and types). */
export function helpOf(t: TermClient): HelpStateMessage | undefined {
  return t.control.filter((m): m is HelpStateMessage => m.type === 'help').at(-1);
}

/**
 * For a describe block: an agent in class mode (its slots from `slotOffset`, room for `maxSandboxes`), its
 * instructor, and these students joined with the code, each with one terminal tab open; filled in before the
 * tests, stopped after them. `join` adds one more the same way during a test.
 */
export function classWithStudents(names: readonly string[], slotOffset: number, maxSandboxes = names.length) {
  const c = {
    h: undefined as unknown as Harness,
    instructor: undefined as unknown as Instructor,
    code: '',
    ids: {} as Record<string, string>,
    tokens: {} as Record<string, string>,
    tabs: {} as Record<string, TermClient>,
    async join(name: string): Promise<void> {
      const joined = (await (await joinClass(c.h, { code: c.code, name })).json()) as {
        token: string;
        student: { id: string };
      };
      c.ids[name] = joined.student.id;
      c.tokens[name] = joined.token;
      const t = new TermClient(c.h, joined.token, 0);
      c.tabs[name] = t;
      await t.hello();
    },
  };
  beforeAll(async () => {
    c.h = await startAgent({ classMode: true, slotOffset, maxSandboxes });
    const opened = await openClass(c.h);
    c.instructor = opened.instructor;
    c.code = opened.cls.code;
    for (const name of names) await c.join(name);
  });
  afterAll(async () => {
    for (const t of Object.values(c.tabs)) await t.close();
    await c.h?.stop();
  });
  return c;
}

/** The class of an agent in class mode, open for joins, and its instructor. */
export async function openClass(h: Harness): Promise<{ cls: ClassRow; instructor: Instructor }> {
  const cls = await ensureClass(h.store, false);
  const now = Date.now();
  const token = h.signer.sign({ r: 'instructor', c: cls.id, i: now, x: now + INSTRUCTOR_TOKEN_MS });
  return { cls, instructor: new Instructor(h, token) };
}

/** `POST /class/join`: a student joins with the code and a name (and a returning student's token). */
export function joinClass(h: Harness, body: JoinRequest | unknown): Promise<Response> {
  return postJson(h, CLASS_JOIN_PATH, body);
}

/** The instructor's event stream, read as it arrives: the kinds of every change, in order. */
export class InstructorEvents {
  readonly kinds: string[] = [];
  /** The agent answered the stream's request: changes from now on are seen. */
  opened = false;
  private readonly abort = new AbortController();

  constructor(instructor: Instructor, onChange?: (kinds: string[]) => void) {
    void instructor
      .openEvents(this.abort.signal)
      .then(async (res) => {
        this.opened = true;
        const reader = res.body?.getReader();
        const dec = new TextDecoder();
        let buf = '';
        for (;;) {
          const r = await reader?.read();
          if (!r || r.done) return;
          buf += dec.decode(r.value);
          for (let i = buf.indexOf('\n\n'); i !== -1; i = buf.indexOf('\n\n')) {
            const ev = buf.slice(0, i);
            buf = buf.slice(i + 2);
            const data = /^data: (.*)$/m.exec(ev)?.[1];
            if (/^event: change$/m.test(ev) && data) {
              const { kinds } = JSON.parse(data) as { kinds: string[] };
              this.kinds.push(...kinds);
              onChange?.(kinds);
            }
          }
        }
      })
      .catch(() => {});
  }

  close(): void {
    this.abort.abort();
  }
}
