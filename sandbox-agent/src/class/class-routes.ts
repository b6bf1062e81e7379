// Class mode over HTTP: students join with the class code and a name; the instructor, with the secret
// token printed at start, reads the class (state, one student's history, the CSV), follows it live (an
// event stream) and acts on it (reset or end a student's sandbox, close or reopen the class, delete the
// class's students). Every body is validated (protocol/class.ts); a student token opens nothing here.
import type http from 'node:http';
import type { Duplex } from 'node:stream';
import {
  actionRequest,
  type BroadcastKind,
  type BroadcastMessage,
  broadcastRequest,
  CLASS_JOIN_PATH,
  type ClassError,
  CloseCode,
  cleanBroadcast,
  cleanDisplayName,
  INSTRUCTOR_PATHS,
  type InstructorState,
  type JoinResponse,
  joinRequest,
  normaliseClassCode,
  warmRequest,
} from '../protocol';
import type { Placed } from '../server/cluster';
import type { HelpHandler } from '../server/connection';
import type { ClassGate, ClassSend } from '../server/http-server';
import { fromSitePage } from '../server/origin';
import { KeyedRateLimiter } from '../server/rate-limit';
import { readBody } from '../server/read-body';
import { newStudentId, STUDENT_TOKEN_MS, type TokenPayload, type TokenSigner } from '../server/token';
import type { ClassRow, Store } from '../store/store';
import {
  type AgentSaw,
  auditCsvRows,
  type ClassData,
  csvRows,
  helpEntries,
  studentDetailOf,
  studentRows,
} from './class-state';
import { lessonProgress } from './class-watch';
import { AUDIT_CSV_COLUMNS, CSV_COLUMNS, toCsv } from './csv';
import type { ClassEvents } from './events';
import type { HelpDesk } from './help-desk';
import type { LookSockets } from './look-socket';

/** Join attempts per client address (wrong codes included): a burst of 10, then one a second. */
const JOIN_RATE = { perSecond: 1, burst: 10 };
/** Addresses remembered for rate limiting; beyond this the oldest are forgotten. */
const MAX_LIMITED_ADDRESSES = 4096;
const MAX_BODY_BYTES = 2048;

export interface ClassDeps {
  mode: 'solo' | 'class';
  store: Store;
  signer: TokenSigner;
  events: ClassEvents;
  /** Frees a student's sandbox, closing their tabs with `code`. */
  destroySandbox(studentId: string, reason: string, code: number): Promise<void>;
  online(studentId: string): boolean;
  /** The lesson the student's page has open, when the agent has seen one. */
  openLesson(studentId: string): string | undefined;
  capacity(): InstructorState['capacity'];
  lessons: InstructorState['lessons'];
  /** The site's address students open, e.g. http://10.0.0.5:3000. */
  siteUrl: string;
  /** Raised hands and looks (class mode only, issue 20). */
  desk?: HelpDesk;
  looks?: LookSockets;
  /**
   * What the agent saw of a student, given their last step's time: whether and why they are stuck (class-state.ts
   * isStuck, class-watch.ts stuckByFailures) and their terminal's watch.
   */
  agentSaw?: AgentSaw;
  /** Sends a broadcast to every student of the class (recorded in the audit); returns its id. */
  broadcast?(classId: string, text: string, kind: BroadcastKind): Promise<number>;
  /** The class's latest broadcast, if any since the agent started. */
  lastBroadcast?(classId: string): BroadcastMessage | undefined;
  /** A lesson's step ids in order (a hand shows the first one not done). */
  stepIds(slug: string): readonly string[];
  /** One agent of many (issue 22): where a student who joins is placed, and the token naming that agent. */
  place?(p: TokenPayload, given: string | undefined): Promise<Placed | undefined>;
  /**
   * The warm pool as the instructor sets it (class mode only, issue 18): the most they may ask for now (the
   * capacity less the students' sandboxes), and keeping that many warm.
   */
  warm?: { max(): number; set(target: number): void };
  log(line: string): void;
}

function parseJson(raw: string | null): unknown {
  if (raw === null) return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

/**
 * The join URL of a class: the site's join page with the code in it, in Portuguese unless asked (the
 * instructor page shows it in its own language).
 */
export function joinUrlOf(siteUrl: string, code: string, locale: 'pt' | 'gl' = 'pt'): string {
  return `${siteUrl.replace(/\/+$/, '')}/${locale}/turma?codigo=${encodeURIComponent(code)}`;
}

export class ClassRoutes implements ClassGate {
  private readonly limiters = new KeyedRateLimiter(JOIN_RATE.perSecond, JOIN_RATE.burst, MAX_LIMITED_ADDRESSES);

  readonly help: HelpHandler | undefined;

  constructor(private readonly deps: ClassDeps) {
    const desk = deps.desk;
    this.help = desk && {
      hand: (student, raise, question) => {
        if (raise) return desk.raise(student, question);
        desk.lower(student);
        return true;
      },
      lookAnswer: (student, accept) => desk.answer(student, accept),
      lookEnd: (student) => desk.endByStudent(student),
      helpAnswer: (student, accept) => desk.helpAnswer(student, accept),
      helpEnd: (student) => desk.helpEndByStudent(student),
    };
  }

  upgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer): boolean {
    return this.deps.looks?.upgrade(req, socket, head) ?? false;
  }

  get mode(): 'solo' | 'class' {
    return this.deps.mode;
  }

  /** In class mode, whether a student token may open a sandbox: it names a student of the current class. */
  async acceptsStudent(p: TokenPayload): Promise<boolean> {
    if (this.deps.mode === 'solo') return true;
    const current = await this.deps.store.currentClass();
    return (
      p.m === 'class' &&
      current !== undefined &&
      p.c === current.id &&
      (await this.deps.store.classStudent(p.s)) !== undefined
    );
  }

  /** Handles the request when it is one of class mode's; false otherwise. */
  async handle(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    url: URL,
    cors: Record<string, string>,
    send: ClassSend,
  ): Promise<boolean> {
    const p = url.pathname;
    const isInstructor = p.startsWith('/instructor/');
    if (p !== CLASS_JOIN_PATH && !isInstructor) return false;
    if (!fromSitePage(req.headers, cors)) {
      send(403, { error: 'origin' satisfies ClassError });
      return true;
    }
    if (p === INSTRUCTOR_PATHS.events && req.method === 'GET') {
      const cls = await this.instructorClass(url.searchParams.get('token') ?? '');
      if (!cls) send(401, { error: 'token' satisfies ClassError });
      else this.deps.events.open(res, cors);
      return true;
    }
    if (req.method !== 'POST') {
      send(404, { error: 'not_found' });
      return true;
    }
    const body = parseJson(await readBody(req, MAX_BODY_BYTES));
    if (body === undefined) {
      send(400, { error: 'invalid_json' satisfies ClassError });
      return true;
    }
    if (p === CLASS_JOIN_PATH) await this.join(req, body, send);
    else await this.instructor(p, body, res, cors, send);
    return true;
  }

  private async join(req: http.IncomingMessage, body: unknown, send: ClassSend): Promise<void> {
    const { store, signer } = this.deps;
    if (this.deps.mode !== 'class') {
      send(400, { error: 'not_class_mode' satisfies ClassError });
      return;
    }
    if (!this.limiters.take(req.socket.remoteAddress ?? '?')) {
      send(429, { error: 'rate_limited' satisfies ClassError });
      return;
    }
    const parsed = joinRequest.safeParse(body);
    if (!parsed.success) {
      send(400, { error: 'invalid_json' satisfies ClassError });
      return;
    }
    const cls = await store.classByCode(normaliseClassCode(parsed.data.code));
    const current = await store.currentClass();
    if (!cls || !current || cls.id !== current.id) {
      send(404, { error: 'unknown_code' satisfies ClassError });
      return;
    }
    // A student coming back (same browser) keeps their identity, even once the class is closed to new joins.
    const known = parsed.data.token ? signer.verify(parsed.data.token) : null;
    const returning = known && known.c === cls.id ? await store.classStudent(known.s) : undefined;
    if (known && returning && parsed.data.token) {
      const student = { id: returning.id, name: returning.display_name, tag: returning.name_tag };
      await this.answerJoin(known, parsed.data.token, student, send);
      return;
    }
    if (cls.closed_at !== null) {
      send(403, { error: 'class_closed' satisfies ClassError });
      return;
    }
    const name = cleanDisplayName(parsed.data.name);
    if (name === null) {
      send(400, { error: 'invalid_name' satisfies ClassError });
      return;
    }
    const now = Date.now();
    const row = await store.joinClass(cls.id, newStudentId(), name, now);
    const payload: TokenPayload = { s: row.id, i: now, m: 'class', c: cls.id, x: now + STUDENT_TOKEN_MS };
    const student = { id: row.id, name: row.display_name, tag: row.name_tag };
    await this.answerJoin(payload, signer.sign(payload), student, send);
  }

  /** The joined student's token; with many agents, the one naming the agent they are placed on, and that agent. */
  private async answerJoin(p: TokenPayload, token: string, student: JoinResponse['student'], send: ClassSend) {
    if (!this.deps.place) {
      send(200, { token, student } satisfies JoinResponse);
      return;
    }
    const placed = await this.deps.place(p, token);
    if (!placed) send(503, { error: 'full' satisfies ClassError });
    else send(200, { token: placed.token, student, agent: placed.agent } satisfies JoinResponse);
  }

  private async instructorClass(token: string): Promise<ClassRow | undefined> {
    const p = this.deps.signer.verifyInstructor(token);
    return p ? this.deps.store.classById(p.c) : undefined;
  }

  private async classData(cls: ClassRow): Promise<ClassData> {
    const { store } = this.deps;
    const [students, steps, attempts] = await Promise.all([
      store.classStudents(cls.id),
      store.classSteps(cls.id),
      store.classAttempts(cls.id),
    ]);
    return { students, steps, attempts };
  }

  /** The table's rows, with what the agent saw of each student (the state and one student's detail alike). */
  private rows(data: ClassData) {
    return studentRows(
      data,
      (id) => this.deps.online(id),
      (id) => this.deps.openLesson(id),
      this.deps.agentSaw,
    );
  }

  private async instructor(
    path: string,
    body: unknown,
    res: http.ServerResponse,
    cors: Record<string, string>,
    send: ClassSend,
  ): Promise<void> {
    const token = typeof body === 'object' && body !== null && 'token' in body ? body.token : undefined;
    const cls = typeof token === 'string' ? await this.instructorClass(token) : undefined;
    if (!cls) {
      send(401, { error: 'token' satisfies ClassError });
      return;
    }
    if (path === INSTRUCTOR_PATHS.state) {
      const data = await this.classData(cls);
      const students = this.rows(data);
      const lessonOf = new Map(students.map((r) => [r.id, r.currentLesson]));
      const state: InstructorState = {
        class: {
          code: cls.code,
          open: cls.closed_at === null,
          createdAt: cls.created_at,
          joinUrl: joinUrlOf(this.deps.siteUrl, cls.code),
        },
        capacity: this.deps.capacity(),
        lessons: this.deps.lessons,
        students,
        help: helpEntries(this.deps.desk?.queue.list() ?? [], data, students, this.deps.stepIds),
        progress: this.deps.lessons.map((l) =>
          lessonProgress(l.slug, this.deps.stepIds(l.slug), data, (id) => lessonOf.get(id) ?? null),
        ),
        broadcast: this.broadcastShown(cls),
      };
      send(200, state);
      return;
    }
    if (path === INSTRUCTOR_PATHS.student) {
      const id = 'student' in (body as object) ? (body as { student: unknown }).student : undefined;
      const data = await this.classData(cls);
      const row = this.rows(data).find((s) => s.id === id);
      if (!row) {
        send(404, { error: 'unknown_student' satisfies ClassError });
        return;
      }
      send(200, studentDetailOf(data, row));
      return;
    }
    if (path === INSTRUCTOR_PATHS.export || path === INSTRUCTOR_PATHS.audit) {
      const audit = path === INSTRUCTOR_PATHS.audit;
      const csv = audit
        ? toCsv(auditCsvRows(await this.deps.store.classAudit(cls.id)), AUDIT_CSV_COLUMNS)
        : toCsv(csvRows(await this.classData(cls)), CSV_COLUMNS);
      res.writeHead(200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="gaiola-${cls.code}${audit ? '-audit' : ''}.csv"`,
        'cache-control': 'no-store',
        ...cors,
      });
      res.end(csv);
      return;
    }
    if (path === INSTRUCTOR_PATHS.action) return this.action(cls, body, send);
    if (path === INSTRUCTOR_PATHS.broadcast) return this.broadcast(cls, body, send);
    if (path === INSTRUCTOR_PATHS.warm) return this.warm(cls, body, send);
    send(404, { error: 'not_found' });
  }

  /** How many sandboxes to keep warm for the class: 0 to the room the students' sandboxes leave; kept in the store. */
  private async warm(cls: ClassRow, body: unknown, send: ClassSend): Promise<void> {
    const { warm, store } = this.deps;
    if (!warm) {
      send(400, { error: 'not_class_mode' satisfies ClassError });
      return;
    }
    // An instructor link of a class the agent no longer serves (`--new-class`) warms nothing for the new one.
    if ((await store.currentClass())?.id !== cls.id) {
      send(403, { error: 'class_closed' satisfies ClassError });
      return;
    }
    const parsed = warmRequest.safeParse(body);
    const max = warm.max();
    if (!parsed.success || parsed.data.target > max) {
      send(400, { error: 'invalid_warm_target' satisfies ClassError, max });
      return;
    }
    const { target } = parsed.data;
    await store.setClassWarmTarget(cls.id, target);
    warm.set(target);
    this.deps.log(`class ${cls.code}: the instructor keeps ${target} sandboxes warm`);
    this.deps.events.changed('warm');
    send(200, { ok: true });
  }

  private broadcastShown(cls: ClassRow): InstructorState['broadcast'] {
    const last = this.deps.lastBroadcast?.(cls.id);
    return last ? { kind: last.kind, text: last.text, at: last.at } : null;
  }

  private async broadcast(cls: ClassRow, body: unknown, send: ClassSend): Promise<void> {
    const parsed = broadcastRequest.safeParse(body);
    const text = parsed.success ? cleanBroadcast(parsed.data.text) : null;
    if (!parsed.success || text === null) {
      send(400, { error: 'invalid_broadcast' satisfies ClassError });
      return;
    }
    const id = await this.deps.broadcast?.(cls.id, text, parsed.data.kind);
    if (id === undefined) {
      send(400, { error: 'not_class_mode' satisfies ClassError });
      return;
    }
    this.deps.log(`class ${cls.code}: broadcast ${id} sent by the instructor (${[...text].length} characters)`);
    send(200, { ok: true, id });
  }

  private async action(cls: ClassRow, body: unknown, send: ClassSend): Promise<void> {
    const { store, events } = this.deps;
    const parsed = actionRequest.safeParse(body);
    if (!parsed.success) {
      send(400, { error: 'invalid_action' satisfies ClassError });
      return;
    }
    const { action, student } = parsed.data;
    if (action === 'answer') {
      if (!student || (await store.studentClassId(student)) !== cls.id || !this.deps.desk?.lower(student)) {
        send(404, { error: 'unknown_student' satisfies ClassError });
        return;
      }
    } else if (action === 'reset' || action === 'end') {
      if (!student || (await store.studentClassId(student)) !== cls.id) {
        send(404, { error: 'unknown_student' satisfies ClassError });
        return;
      }
      const code = action === 'reset' ? CloseCode.resetByInstructor : CloseCode.ended;
      await this.deps.destroySandbox(student, `instructor-${action}`, code);
    } else if (action === 'close' || action === 'open') {
      await store.setClassOpen(cls.id, action === 'open');
    } else if (action === 'clear-audit') {
      const n = await store.clearClassAudit(cls.id);
      this.deps.log(`class ${cls.code}: ${n} audit records cleared by the instructor`);
    } else {
      // their sandboxes first (the tabs are told the session ended), then every row of theirs
      for (const s of await store.classStudents(cls.id))
        await this.deps.destroySandbox(s.id, 'class-deleted', CloseCode.ended);
      await store.deleteClassStudents(cls.id);
      this.deps.desk?.clear();
      this.deps.log(`class ${cls.code}: every student's data deleted by the instructor`);
    }
    events.changed(action);
    send(200, { ok: true });
  }
}
