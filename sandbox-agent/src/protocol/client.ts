// Client → agent control messages (JSON text frames). Terminal input travels as binary frames.
import { z } from 'zod';
import { handMessage, helpAnswerMessage, helpEndMessage, lookAnswerMessage, lookEndMessage } from './help';
import { FLOW_HIGH_WATERMARK, MAX_COLS, MAX_ROWS, MIN_COLS, MIN_ROWS } from './limits';
import { panelOpenMessage } from './panel';

const cols = z.number().int().min(MIN_COLS).max(MAX_COLS);
const rows = z.number().int().min(MIN_ROWS).max(MAX_ROWS);

export const resizeMessage = z.strictObject({ type: z.literal('resize'), cols, rows });
/** Bytes the browser has written to xterm since its last ack (flow control). */
export const ackMessage = z.strictObject({
  type: z.literal('ack'),
  bytes: z
    .number()
    .int()
    .min(0)
    .max(FLOW_HIGH_WATERMARK * 16),
});
export const pingMessage = z.strictObject({ type: z.literal('ping'), t: z.number().finite() });

/** A lesson slug: `NN-slug`, as in lessons/. */
export const slug = z.string().regex(/^\d{2}-[a-z0-9-]{1,40}$/);
export const locale = z.enum(['pt', 'gl']);

/**
 * The page this tab shows: the agent checks this lesson's steps and prepares what it needs. Saved progress and
 * quiz answers go over HTTP (quiz.ts), open to a student without a sandbox.
 */
export const lessonMessage = z.strictObject({ type: z.literal('lesson'), slug });
/** The "check" button: run this lesson's checks now. */
export const checkMessage = z.strictObject({ type: z.literal('check'), slug });
/** "Start this lesson again": a fresh sandbox, progress kept. */
export const restartMessage = z.strictObject({ type: z.literal('restart'), slug });
/** A step id, as in a lesson's `steps` (kebab-case); the agent also looks it up in the lesson. */
export const stepId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,40}$/);
/**
 * "Prepare this lesson" (no step) or "Start this step again": a fresh sandbox that the agent brings to the start of
 * that step with the lesson's own preparation and replay (lessons/types.ts). Names a lesson and a step, nothing else.
 */
export const prepareMessage = z.strictObject({ type: z.literal('prepare'), slug, step: stepId.optional() });

export const clientMessage = z.discriminatedUnion('type', [
  resizeMessage,
  ackMessage,
  pingMessage,
  lessonMessage,
  checkMessage,
  restartMessage,
  prepareMessage,
  panelOpenMessage,
  handMessage,
  lookAnswerMessage,
  lookEndMessage,
  helpAnswerMessage,
  helpEndMessage,
]);
export type ClientMessage = z.infer<typeof clientMessage>;
export type ResizeMessage = z.infer<typeof resizeMessage>;
