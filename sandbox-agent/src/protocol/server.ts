// Agent → client control messages (JSON text frames). Terminal output travels as binary frames.
import { z } from 'zod';
import { ErrorCode } from './codes';

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

export const serverMessage = z.discriminatedUnion('type', [helloMessage, errorMessage, exitMessage, pongMessage]);
export type ServerMessage = z.infer<typeof serverMessage>;
