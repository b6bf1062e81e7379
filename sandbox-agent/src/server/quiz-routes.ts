// Quiz answers and saved progress over HTTP (protocol/quiz.ts), apart from the terminal sockets: a student the
// agent refused a sandbox (the class is full) still answers and reads progress, as neither needs one. Checked
// as the WebSocket upgrade is (CONVENTIONS §9): an allowed Origin and the signed student token (here in
// `Authorization: Bearer …`, in class mode one of the current class), then a rate limit per student, a capped
// body and a zod-validated message. An answer is stored as over the socket before, so class mode's live events
// (the store's change hook) fire the same way.
import type http from 'node:http';
import {
  type LessonProgress,
  MAX_QUIZ_BODY_BYTES,
  PROGRESS_PATH,
  progressQuery,
  QUIZ_PATH,
  QUIZ_REQUEST_BURST,
  QUIZ_REQUESTS_PER_SECOND,
  type QuizAnswerRequest,
  type QuizError,
  type QuizResult,
  quizAnswerRequest,
} from '../protocol';
import { fromSitePage } from './origin';
import { KeyedRateLimiter } from './rate-limit';
import { readBody } from './read-body';
import type { TokenPayload, TokenSigner } from './token';

/** Students remembered for rate limiting; beyond this the oldest are forgotten. */
const MAX_LIMITED_STUDENTS = 4096;

export interface QuizDeps {
  signer: TokenSigner;
  /** Class mode: whether the token names a student of the current class (solo mode: any valid token). */
  acceptsStudent?(p: TokenPayload): Promise<boolean>;
  answer(studentId: string, req: QuizAnswerRequest): Promise<QuizResult | undefined>;
  /** Saved progress, every lesson's or `lesson`'s only; undefined when `lesson` names none. */
  progress(
    studentId: string,
    locale: 'pt' | 'gl',
    lesson?: string,
  ): Promise<Record<string, LessonProgress> | undefined>;
}

type Send = (status: number, body: unknown) => void;

/** The token of an `Authorization: Bearer <token>` header, or null. */
export function bearerToken(header: string | undefined): string | null {
  const m = /^Bearer ([A-Za-z0-9_.-]{1,1024})$/.exec(header ?? '');
  return m?.[1] ?? null;
}

export class QuizRoutes {
  private readonly limiters = new KeyedRateLimiter(QUIZ_REQUESTS_PER_SECOND, QUIZ_REQUEST_BURST, MAX_LIMITED_STUDENTS);

  constructor(private readonly deps: QuizDeps) {}

  /** Handles the request when it is for /progress or /quiz; false otherwise. */
  async handle(req: http.IncomingMessage, url: URL, cors: Record<string, string>, send: Send): Promise<boolean> {
    const p = url.pathname;
    if (p !== PROGRESS_PATH && p !== QUIZ_PATH) return false;
    const refuse = (status: number, error: QuizError) => send(status, { error });
    // A browser always sends Origin on a cross-origin request: without an allowed one (or a same-origin GET), nothing.
    if (!fromSitePage(req.headers, cors)) {
      refuse(403, 'origin');
      return true;
    }
    const token = bearerToken(req.headers.authorization);
    const student = token ? this.deps.signer.verify(token) : null;
    if (!student || !((await this.deps.acceptsStudent?.(student)) ?? true)) {
      refuse(401, 'token');
      return true;
    }
    if (!this.limiters.take(student.s)) {
      refuse(429, 'rate_limited');
      return true;
    }
    if (p === PROGRESS_PATH && req.method === 'GET') {
      const query = progressQuery.safeParse(Object.fromEntries(url.searchParams));
      if (!query.success) {
        refuse(400, 'invalid_message');
        return true;
      }
      const lessons = await this.deps.progress(student.s, query.data.locale, query.data.lesson);
      if (!lessons) refuse(404, 'unknown_lesson');
      else send(200, { lessons });
      return true;
    }
    if (p === QUIZ_PATH && req.method === 'POST') {
      await this.answer(req, student.s, send, refuse);
      return true;
    }
    send(404, { error: 'not_found' });
    return true;
  }

  private async answer(
    req: http.IncomingMessage,
    studentId: string,
    send: Send,
    refuse: (status: number, error: QuizError) => void,
  ): Promise<void> {
    // A declared length over the cap is refused unread; a body that grows past it on the way is dropped.
    const declared = Number(req.headers['content-length'] ?? 0);
    const raw = declared > MAX_QUIZ_BODY_BYTES ? null : await readBody(req, MAX_QUIZ_BODY_BYTES);
    if (raw === null) {
      refuse(413, 'too_large');
      return;
    }
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      refuse(400, 'invalid_json');
      return;
    }
    const parsed = quizAnswerRequest.safeParse(json);
    if (!parsed.success) {
      refuse(400, 'invalid_message');
      return;
    }
    const result = await this.deps.answer(studentId, parsed.data);
    if (!result) refuse(404, 'unknown_question');
    else send(200, result);
  }
}
