// The instructor's broadcast in class (issue 20): a short message, or a command shown as text, that appears as a
// dismissible banner on every student's lesson page, as the instructor wrote it (never typed into a shell, never
// rendered as HTML), sent to `INSTRUCTOR_PATHS.broadcast` (class.ts). Imports neither node nor DOM types.
import { z } from 'zod';

/** A banner, not a lecture: 280 characters (code points) fit two lines of a lesson page and a short command. */
export const MAX_BROADCAST_LENGTH = 280;
/** A command snippet may span a few lines; more is a script, which belongs in the lesson. */
export const MAX_BROADCAST_LINES = 6;

export const BROADCAST_KINDS = ['text', 'command'] as const;
export type BroadcastKind = (typeof BROADCAST_KINDS)[number];

/**
 * A broadcast as sent and shown: Unicode NFC, line ends as `\n`, trimmed; null when empty, too long, too many
 * lines, or holding a control character other than a newline or a tab.
 */
export function cleanBroadcast(raw: string): string | null {
  const text = raw.normalize('NFC').replace(/\r\n?/g, '\n').trim();
  if (text === '' || [...text].length > MAX_BROADCAST_LENGTH) return null;
  if (text.split('\n').length > MAX_BROADCAST_LINES) return null;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this refuses
  if (/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(text)) return null;
  return text;
}

export const broadcastRequest = z.strictObject({
  token: z.string().max(512),
  // checked by cleanBroadcast; the bound here only keeps a huge body from being normalised
  text: z.string().max(MAX_BROADCAST_LENGTH * 4),
  kind: z.enum(BROADCAST_KINDS),
});
export type BroadcastRequest = z.infer<typeof broadcastRequest>;

/** Agent → student: the instructor's latest broadcast; `id` tells a new one from one the student dismissed. */
export const broadcastMessage = z.strictObject({
  type: z.literal('broadcast'),
  id: z.number().int().nonnegative(),
  kind: z.enum(BROADCAST_KINDS),
  text: z.string().max(MAX_BROADCAST_LENGTH * 4),
  at: z.number(),
});
export type BroadcastMessage = z.infer<typeof broadcastMessage>;
