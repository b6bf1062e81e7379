// Help in class (issue 20): a student raises a hand with an optional one-line question and sees their place
// in the queue; the instructor asks to look at a student's terminal, and sees it only once the student
// accepted, for as long as the student lets them. The student's side rides on their terminal sockets (control
// messages below); the instructor's look is a WebSocket of its own (LOOK_PATH), opened with the instructor's
// token: binary frames are one tab's output (the first byte names the tab), text frames are look messages. During
// a look the instructor may ask to type; the student consents again, and only then do the instructor's keystrokes
// (binary frames, the first byte the tab) reach the student's shell, while the student's page names who types.
// Imports neither node nor DOM types.
import { z } from 'zod';

/** `GET /instructor/look?token=…&student=…&name=…` upgraded to a WebSocket: one look at one student. */
export const LOOK_PATH = '/instructor/look';

/** A question after cleaning: one line, at most this many characters (code points); a hand needs none. */
export const MAX_HELP_QUESTION_LENGTH = 140;
/** How long a student has to accept a look before the request lapses (issue 20: 30 s). */
export const LOOK_CONSENT_MS = 30_000;
/**
 * Output a look's socket may hold unsent before the look is ended (LookCloseCode.tooSlow): a watcher never
 * slows the student's shell, and an instructor on a stalled network never makes the agent hoard their output.
 */
export const LOOK_MAX_BUFFERED_BYTES = 1024 * 1024;
/** Looks at one student at once (an instructor and assistants); one more is refused as busy. */
export const MAX_LOOKS_PER_STUDENT = 5;
/**
 * Keystrokes in one frame of an instructor who helps (a binary frame: the tab's byte, then these bytes). A paste
 * longer than this is split by the page; the look socket's payload cap is this and the tab's byte.
 */
export const HELP_MAX_INPUT_BYTES = 1024;

/**
 * A question as stored and shown: NFC, whitespace (newlines included) collapsed, trimmed; '' for none; null when
 * too long or holding control characters. Always rendered as text.
 */
export function cleanHelpQuestion(raw: string): string | null {
  const q = raw.normalize('NFC').replace(/\s+/g, ' ').trim();
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this refuses
  if ([...q].length > MAX_HELP_QUESTION_LENGTH || /[\u0000-\u001f\u007f-\u009f]/.test(q)) return null;
  return q;
}

// --- a student's tab → agent -----------------------------------------------------------------------

/** Raise the hand (with an optional question; raising again replaces the question, keeping the place) or lower it. */
export const handMessage = z.strictObject({
  type: z.literal('hand'),
  raise: z.boolean(),
  // Checked again by cleanHelpQuestion: the schema only bounds what is read.
  question: z
    .string()
    .max(MAX_HELP_QUESTION_LENGTH * 4)
    .optional(),
});
/** The student's answer to the pending request to look. */
export const lookAnswerMessage = z.strictObject({ type: z.literal('look-answer'), accept: z.boolean() });
/** The student ends every look at them now. */
export const lookEndMessage = z.strictObject({ type: z.literal('look-end') });
/** The student's answer to the pending request to help (type into their terminal): a second, separate consent. */
export const helpAnswerMessage = z.strictObject({ type: z.literal('help-answer'), accept: z.boolean() });
/** The student takes the keyboard back now (the look goes on until they end it too). */
export const helpEndMessage = z.strictObject({ type: z.literal('help-end') });

// --- agent → a student's tabs ------------------------------------------------------------------------

/** A display name as the student sees it ("Ana (2)" when tagged). */
const shownName = z.string().max(64);

/** The student's help state, sent on connecting and whenever it changes (a place in the queue moves too). */
export const helpStateMessage = z.strictObject({
  type: z.literal('help'),
  /** The raised hand: its place in the queue (1 = next) and question; null when lowered. */
  hand: z.strictObject({ position: z.number().int().positive(), question: z.string() }).nullable(),
  /** Who asks to look now (the student accepts or declines); null when nobody does. */
  asking: shownName.nullable(),
  /** Who is looking now: while this is not empty, the page says so. */
  watching: z.array(shownName).max(MAX_LOOKS_PER_STUDENT),
  /** Who, of those looking, asks to type into the terminal (the second consent); null when nobody does. */
  helpAsking: shownName.nullable(),
  /** Who types into the terminal now (one at a time); null when nobody: the page names them while it is not. */
  typing: shownName.nullable(),
});
export type HelpStateMessage = z.infer<typeof helpStateMessage>;

// --- agent → the instructor's look socket --------------------------------------------------------------

/** The look waits for the student's answer (`waiting`) or shows their terminal (`watching`). */
export const lookStateMessage = z.strictObject({
  type: z.literal('look'),
  state: z.enum(['waiting', 'watching']),
});
/** A tab's size; its output follows as binary frames whose first byte is `tab`. Sent again on each resize. */
export const lookScreenMessage = z.strictObject({
  type: z.literal('screen'),
  tab: z.number().int().min(0).max(7),
  cols: z.number().int().positive().max(1000),
  rows: z.number().int().positive().max(1000),
});
/**
 * Help (typing into the student's terminal) after the student's second consent: `asking` waits for it, `typing`
 * has it, `off` ended it, saying why (never asked yet: no `why`).
 */
export const lookHelpMessage = z.strictObject({
  type: z.literal('help'),
  state: z.enum(['asking', 'typing', 'off']),
  why: z.enum(['declined', 'timedOut', 'ended', 'busy', 'stopped']).optional(),
});
export type HelpOffReason = NonNullable<z.infer<typeof lookHelpMessage>['why']>;
export const lookMessage = z.discriminatedUnion('type', [lookStateMessage, lookScreenMessage, lookHelpMessage]);

/**
 * What a look says, as calls: the agent's help desk makes them on the look socket (class/look-socket.ts sends
 * them as the messages above and binary frames), and the instructor's page gets them back from that socket
 * (lib/class/look.ts). `Bytes` is a tab's output as each side holds it: a Buffer in the agent, a Uint8Array in
 * the browser.
 */
export interface LookListener<Bytes> {
  state(state: z.infer<typeof lookStateMessage>['state']): void;
  screen(tab: number, cols: number, rows: number): void;
  /** A tab's output; in the agent, valid only during the call. */
  output(tab: number, bytes: Bytes): void;
  /** Help (typing) is asked, granted, or over (and why). */
  help(state: z.infer<typeof lookHelpMessage>['state'], why?: HelpOffReason): void;
}

// --- the instructor's look socket → agent -----------------------------------------------------------------

/**
 * During a look, ask to type (`help-ask`: the student accepts or declines, LOOK_CONSENT_MS to answer) or give the
 * keyboard back (`help-stop`). Keystrokes are binary frames (the tab's byte first), taken only while typing.
 */
export const lookRequest = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('help-ask') }),
  z.strictObject({ type: z.literal('help-stop') }),
]);
export type LookRequest = z.infer<typeof lookRequest>;
export type LookMessage = z.infer<typeof lookMessage>;

/**
 * Why a look ended (close codes of the look socket, apart from the terminal's CloseCode): the instructor's page
 * says it in its language.
 */
export const LookCloseCode = {
  /** The student said no. */
  declined: 4101,
  /** The student did not answer within LOOK_CONSENT_MS. */
  timedOut: 4102,
  /** The student ended the look. */
  ended: 4103,
  /** The student is not online (never was, or closed their last tab). */
  studentLeft: 4104,
  /** The instructor's connection could not keep up (LOOK_MAX_BUFFERED_BYTES). */
  tooSlow: 4105,
  /** Another request to look at this student is waiting, or MAX_LOOKS_PER_STUDENT already look. */
  busy: 4106,
  /** The student is not of this class (or was deleted), or the request was malformed. */
  unknownStudent: 4107,
  /** The agent is stopping. */
  shuttingDown: 4108,
  /** The instructor's class is no longer the one the agent serves (a new class was opened). */
  classClosed: 4109,
  /** The instructor sent a frame that is not a look request or keystrokes. */
  invalid: 4110,
} as const;
export type LookCloseCode = (typeof LookCloseCode)[keyof typeof LookCloseCode];
export type LookCloseName = keyof typeof LookCloseCode;

/** A look close code's name ('declined', 'timedOut'…); undefined for a code not of looks (1000, 1006…). */
export function lookCloseName(code: number): LookCloseName | undefined {
  return (Object.keys(LookCloseCode) as LookCloseName[]).find((k) => LookCloseCode[k] === code);
}
