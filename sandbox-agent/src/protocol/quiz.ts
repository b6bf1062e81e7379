// Quiz answers and saved progress over plain HTTP, apart from the terminal sockets (issue 19): a student the
// agent refused a sandbox (the class is full) can still answer and see what was saved, as neither needs one.
// The same signed student token as the WebSocket, in `Authorization: Bearer …`; the Origin checked as at the
// upgrade. Validated with zod on both sides; refusals are `{error}` codes the browser maps to pt/gl text.
// A leaf: imports zod and its protocol siblings only.
import { z } from 'zod';
import { locale, slug } from './client';
import { stepResult } from './server';

/** `GET /progress[?lesson=NN-slug][&locale=pt|gl]` → `{lessons}`: every lesson's saved progress, or that one's. */
export const PROGRESS_PATH = '/progress';
/** `POST /quiz {slug, question, option, locale}` → the grade of the answer (a `QuizResult`). */
export const QUIZ_PATH = '/quiz';

/** A quiz answer's body is four short ids; anything bigger is refused unread (413). */
export const MAX_QUIZ_BODY_BYTES = 1024;
/**
 * Quiz and progress requests a student may make per second on average, after a burst: a student clicks
 * "answer" a few times a minute and a page reads progress on load and on each reconnect, so this only stops
 * a script filling the attempts table.
 */
export const QUIZ_REQUESTS_PER_SECOND = 2;
export const QUIZ_REQUEST_BURST = 20;

/** A question or option id, as in a lesson's `lesson.ts`. */
const itemId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,40}$/);

/** An answer to a quiz question; the agent grades it and returns the feedback in `locale`. */
export const quizAnswerRequest = z.strictObject({ slug, question: itemId, option: itemId, locale });
export type QuizAnswerRequest = z.infer<typeof quizAnswerRequest>;

/** The grade of one answer, with the feedback for the option chosen, in the locale asked. */
export const quizResult = z.strictObject({
  slug: z.string(),
  question: z.string(),
  option: z.string(),
  correct: z.boolean(),
  feedback: z.string(),
  /** This was the first answer to this question: the one that scores. */
  first: z.boolean(),
});
export type QuizResult = z.infer<typeof quizResult>;

/** The query of `GET /progress`: no lesson means every lesson (the course index); feedback in `locale`. */
export const progressQuery = z.strictObject({ lesson: slug.optional(), locale: locale.default('pt') });
export type ProgressQuery = z.infer<typeof progressQuery>;

/** A lesson's saved quiz state: the first answer per question (it scores) and how many tries. */
export const quizProgress = z.record(
  z.string(),
  z.strictObject({ option: z.string(), correct: z.boolean(), attempts: z.number().int(), feedback: z.string() }),
);
export type QuizProgress = z.infer<typeof quizProgress>;

/** Everything saved for a lesson: the steps seen done and the quiz. */
export const lessonProgress = z.strictObject({ steps: z.array(stepResult), quiz: quizProgress });
export type LessonProgress = z.infer<typeof lessonProgress>;

export const progressResponse = z.strictObject({ lessons: z.record(z.string(), lessonProgress) });
export type ProgressResponse = z.infer<typeof progressResponse>;

/** Why a quiz or progress request was refused (the HTTP status says the class of it). */
export const QUIZ_ERRORS = [
  'origin',
  'token',
  'invalid_json',
  'invalid_message',
  'too_large',
  'rate_limited',
  'unknown_lesson',
  'unknown_question',
] as const;
export type QuizError = (typeof QUIZ_ERRORS)[number];
export const quizErrorResponse = z.strictObject({ error: z.enum(QUIZ_ERRORS) });
