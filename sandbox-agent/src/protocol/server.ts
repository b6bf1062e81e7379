// Agent → client control messages (JSON text frames). Terminal output travels as binary frames.
import { z } from 'zod';
import { broadcastMessage } from './broadcast';
import { ErrorCode } from './codes';
import { helpStateMessage } from './help';
import { panelMessage } from './panel';

export const helloMessage = z.strictObject({
  type: z.literal('hello'),
  protocol: z.number().int(),
  /** Short public name of the sandbox (its hostname inside), shown in the UI. */
  sandbox: z.string(),
  tab: z.number().int(),
  /** true when this connection re-attached to a shell that outlived an earlier connection. */
  resumed: z.boolean(),
});
export const errorMessage = z.strictObject({
  type: z.literal('error'),
  code: z.enum(Object.values(ErrorCode) as [ErrorCode, ...ErrorCode[]]),
});
export const exitMessage = z.strictObject({
  type: z.literal('exit'),
  exitCode: z.number().int(),
  signal: z.number().int().optional(),
});
export const pongMessage = z.strictObject({ type: z.literal('pong'), t: z.number() });
/**
 * Follows the replay of recent output that comes after `hello` (empty or not): the binary frames between
 * the two are a redrawn screen, whose queries the browser must not answer (terminal-queries.ts).
 */
export const replayedMessage = z.strictObject({ type: z.literal('replayed') });

const hintParams = z.record(z.string(), z.union([z.string(), z.number()]));

/** One step's state. `doneAt` (ms since the epoch) is when it was first seen done: done stays done. */
export const stepResult = z.strictObject({
  id: z.string(),
  done: z.boolean(),
  doneAt: z.number().optional(),
  /** Done by the agent's replay for "Start this step again", not by the student (shown as prepared). */
  prepared: z.literal(true).optional(),
  /** Why it is not done yet: a key of the step's `hints`, with what the check observed. */
  hint: z.strictObject({ key: z.string(), params: hintParams }).optional(),
});
export type StepResult = z.infer<typeof stepResult>;

/** The steps of a lesson, after a check run (or on request). */
export const stepsMessage = z.strictObject({
  type: z.literal('steps'),
  slug: z.string(),
  steps: z.array(stepResult),
});

/**
 * "Prepare this lesson" / "Start this step again" ran in the fresh sandbox: `prepared` are the ids of the lesson's
 * preparation items and `replayed` those of the steps the agent redid, for the page's list of what was prepared.
 * Not ok: `error` says why (it failed, or took over the time cap); the sandbox is left as the preparation left it.
 */
export const preparedMessage = z.strictObject({
  type: z.literal('prepared'),
  slug: z.string(),
  step: z.string().optional(),
  ok: z.boolean(),
  prepared: z.array(z.string()),
  replayed: z.array(z.string()),
  error: z.enum(['prepare_failed', 'prepare_timeout']).optional(),
});
export type PreparedMessage = z.infer<typeof preparedMessage>;

export const serverMessage = z.discriminatedUnion('type', [
  helloMessage,
  errorMessage,
  exitMessage,
  pongMessage,
  replayedMessage,
  stepsMessage,
  preparedMessage,
  panelMessage,
  helpStateMessage,
  broadcastMessage,
]);
export type ServerMessage = z.infer<typeof serverMessage>;
