// Class mode as the site's pages speak it to a test agent (startAgent with `classMode`): the class open for
// joins, a student joining with the code, and the instructor's side over HTTP (state, one student's detail,
// actions, the CSV, the event stream), each with the instructor's secret token.
import { ensureClass } from '../src/class/class-setup';
import {
  CLASS_JOIN_PATH,
  INSTRUCTOR_ACTION_PATH,
  INSTRUCTOR_EVENTS_PATH,
  INSTRUCTOR_EXPORT_PATH,
  INSTRUCTOR_STATE_PATH,
  INSTRUCTOR_STUDENT_PATH,
  type InstructorAction,
  type InstructorState,
  instructorState,
  type JoinRequest,
  type StudentDetail,
  studentDetail,
} from '../src/protocol';
import type { ClassRow } from '../src/store/db';
import { type Harness, ORIGIN, postJson } from './agent-harness';

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
    return instructorState.parse(await (await this.post(INSTRUCTOR_STATE_PATH)).json());
  }

  /** One student's steps and quiz attempts. */
  async detail(student: string | undefined): Promise<StudentDetail> {
    return studentDetail.parse(await (await this.post(INSTRUCTOR_STUDENT_PATH, { student })).json());
  }

  /** An action on the class, or on one student's sandbox or hand. */
  act(action: InstructorAction, student?: string): Promise<Response> {
    return this.post(INSTRUCTOR_ACTION_PATH, { action, student });
  }

  /** The class's steps and answers as CSV. */
  csv(): Promise<Response> {
    return this.post(INSTRUCTOR_EXPORT_PATH);
  }

  /** `GET` of the event stream, the token in the query as the page's EventSource sends it. */
  openEvents(signal?: AbortSignal): Promise<Response> {
    return fetch(`${this.h.url}${INSTRUCTOR_EVENTS_PATH}?token=${encodeURIComponent(this.token)}`, {
      headers: { origin: ORIGIN },
      signal,
    });
  }
}

/** The class of an agent in class mode, open for joins, and its instructor. */
export function openClass(h: Harness): { cls: ClassRow; instructor: Instructor } {
  const cls = ensureClass(h.store, false);
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
