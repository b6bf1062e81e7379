// Client → agent control messages (JSON text frames). Terminal input travels as binary frames.
import { z } from 'zod';
import { FLOW_HIGH_WATERMARK, MAX_COLS, MAX_ROWS, MIN_COLS, MIN_ROWS } from './limits';

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

export const clientMessage = z.discriminatedUnion('type', [resizeMessage, ackMessage, pingMessage]);
export type ClientMessage = z.infer<typeof clientMessage>;
export type ResizeMessage = z.infer<typeof resizeMessage>;
