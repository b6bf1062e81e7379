// Class mode between the browser and the agent: a student joins with the class code and a display name;
// the instructor, holding a secret token, reads the class's progress, follows it live and acts on it.
// Plain JSON over HTTP (POST bodies, never query strings, except the event stream's token), validated with
// zod on both sides. Imports neither node nor DOM types.
import { z } from 'zod';
import { agentRef } from './cluster';
import { warmPoolState } from './warm';

/** `POST /class/join {code, name, token?}` → a student token of the class. */
export const CLASS_JOIN_PATH = '/class/join';
/** The instructor's endpoints, each answering only the instructor's secret token. */
export const INSTRUCTOR_PATHS = {
  /** `POST /instructor/state {token}` → the class, its capacity and one row per student. */
  state: '/instructor/state',
  /** `POST /instructor/student {token, student}` → one student's steps and quiz attempts, with times. */
  student: '/instructor/student',
  /** `POST /instructor/action {token, action, student?}` → `{ok: true}`. */
  action: '/instructor/action',
  /** `POST /instructor/export {token}` → text/csv of every step and attempt of the class. */
  export: '/instructor/export',
  /**
   * `POST /instructor/audit {token}` → text/csv of the class's audit: every look, help and broadcast of the
   * instructor (who, at whom, when, for how long). A second file beside the export, as CSV has one sheet.
   */
  audit: '/instructor/audit',
  /** `GET /instructor/events?token=…` → Server-Sent Events: `event: change` whenever the table would change. */
  events: '/instructor/events',
  /** `POST /instructor/broadcast {token, text, kind}` → `{ok: true, id}`; every student hears it (broadcast.ts). */
  broadcast: '/instructor/broadcast',
  /**
   * `POST /instructor/warm {token, target}` → `{ok: true}`: keep `target` sandboxes warm for the class (warm.ts),
   * from 0 to the capacity less the students' sandboxes; kept for the class across restarts.
   */
  warm: '/instructor/warm',
} as const;

/** Class codes use letters and digits that cannot be mistaken for one another (no 0/O, 1/I/L, 5/S, 2/Z, 8/B). */
export const CLASS_CODE_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';
export const CLASS_CODE_LENGTH = 6;
/** A display name after trimming: 1 to 40 characters (code points). */
export const MAX_NAME_LENGTH = 40;

/** Normalises what a student typed as the code: case and spaces or dashes do not matter. */
export function normaliseClassCode(raw: string): string {
  return raw.toUpperCase().replace(/[\s-]+/g, '');
}

/**
 * A display name as stored and shown: Unicode NFC, inner whitespace collapsed, trimmed; null when empty, too
 * long, or holding control characters. Always rendered as text, never as HTML.
 */
export function cleanDisplayName(raw: string): string | null {
  const name = raw.normalize('NFC').replace(/\s+/g, ' ').trim();
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this refuses
  if (name === '' || [...name].length > MAX_NAME_LENGTH || /[\u0000-\u001f\u007f-\u009f]/.test(name)) return null;
  return name;
}

/** A name as shown where two students share it: "Ana", then "Ana (2)". */
export function taggedName(name: string, tag: number): string {
  return tag > 1 ? `${name} (${tag})` : name;
}

export const joinRequest = z.strictObject({
  code: z.string().max(32),
  name: z.string().max(400),
  token: z.string().max(512).optional(),
});
export type JoinRequest = z.infer<typeof joinRequest>;

export const joinResponse = z.object({
  token: z.string().min(1).max(512),
  student: z.object({ id: z.string(), name: z.string(), tag: z.number().int().positive() }),
  /** The agent whose terminals the student opens, when the course has many (issue 22). */
  agent: agentRef.optional(),
});
export type JoinResponse = z.infer<typeof joinResponse>;

/**
 * Why a join or an instructor request was refused. `unknown_code` and `class_closed` are told apart so a
 * student knows whether to check the code or to ask the instructor.
 */
export const CLASS_ERRORS = [
  'invalid_json',
  'invalid_name',
  'unknown_code',
  'class_closed',
  'rate_limited',
  'origin',
  'token',
  'not_class_mode',
  'join_required',
  'unknown_student',
  'invalid_action',
  'invalid_broadcast',
  'invalid_warm_target',
  // Many agents (issue 22): every agent the course has is at its capacity.
  'full',
] as const;
export type ClassError = (typeof CLASS_ERRORS)[number];
export const errorResponse = z.object({
  error: z.enum(CLASS_ERRORS),
  /** The bound a refusal names, where it has one (`invalid_warm_target`: the most that may be warm now). */
  max: z.number().int().nonnegative().optional(),
});

export const studentRow = z.object({
  id: z.string(),
  name: z.string(),
  /** 1 for the first student with this name, 2 for the second…: shown as "Ana (2)". */
  tag: z.number().int().positive(),
  joinedAt: z.number(),
  lastSeenAt: z.number(),
  online: z.boolean(),
  /**
   * The lesson the student's page has open (as the agent saw it since it started), else the lesson of the
   * last step or answer; null before any.
   */
  currentLesson: z.string().nullable(),
  /** Per lesson slug: steps done. */
  steps: z.record(z.string(), z.number().int().nonnegative()),
  /** Per lesson slug: questions whose first answer was right. */
  quiz: z.record(z.string(), z.number().int().nonnegative()),
  /** Per lesson slug: questions answered at all (right or wrong), so a wrong answer differs from none. */
  answered: z.record(z.string(), z.number().int().nonnegative()),
  /**
   * Active in the terminal lately but no step done for the class's threshold, or the same check failed after
   * that many commands (issue 20); sorted to the top.
   */
  stuck: z.boolean().optional(),
  /** Why it is stuck: no progress for a while (`time`), or the same check kept failing (`failures`). */
  stuckBy: z.enum(['time', 'failures']).optional(),
  /** What the agent saw since it started (issue 20): commands since the last step, the check failing now. */
  watch: z
    .object({
      /** Prompts the student's shells printed (commands run) since their last step done. */
      commands: z.number().int().nonnegative(),
      /** The first step not done of the lesson they check, with the hint the student sees and how often it failed. */
      failing: z
        .object({
          lesson: z.string(),
          step: z.string(),
          hint: z.object({ key: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])) }),
          /** Commands after which this check still failed. */
          count: z.number().int().nonnegative(),
        })
        .nullable(),
    })
    .optional(),
});
export type StudentRow = z.infer<typeof studentRow>;
export type StuckBy = NonNullable<StudentRow['stuckBy']>;

/** A raised hand in the instructor's queue: who, where they are in the course, what they ask, since when. */
export const helpEntry = z.object({
  student: z.string(),
  /** The lesson the student has open, else the one of their last step; null before any. */
  lesson: z.string().nullable(),
  /** That lesson's first step not done yet (1-based) and its id; null when every step is done or no lesson. */
  step: z.object({ n: z.number().int().positive(), id: z.string() }).nullable(),
  question: z.string(),
  raisedAt: z.number(),
});
export type HelpEntry = z.infer<typeof helpEntry>;

export const instructorState = z.object({
  class: z.object({
    code: z.string(),
    open: z.boolean(),
    createdAt: z.number(),
    /** The URL students open (with the code in it), for the page and the QR code. */
    joinUrl: z.string(),
  }),
  capacity: z.object({
    /** Students' sandboxes (warm ones are nobody's yet: `warm`). */
    sandboxes: z.number().int().nonnegative(),
    /** Sandboxes at once, warm ones included. */
    maxSandboxes: z.number().int().positive(),
    /**
     * Students refused since the agent started because the class was full: each counted once, however many
     * tabs they opened and however often their pages retried.
     */
    refused: z.number().int().nonnegative(),
    memUsedBytes: z.number().nonnegative(),
    memTotalBytes: z.number().positive(),
    /** Whole-machine CPU use over the last sampling interval, 0-100. */
    cpuPercent: z.number().min(0).max(100),
    /** Sandboxes kept started for the next students (issue 18), counted against `maxSandboxes`. */
    warm: warmPoolState,
  }),
  lessons: z.array(z.object({ slug: z.string(), steps: z.number().int(), questions: z.number().int() })),
  students: z.array(studentRow),
  /** Raised hands, oldest first (issue 20). */
  help: z.array(helpEntry),
  /**
   * Where the class is, per lesson (issue 20): `atStep[i]` students on that lesson whose first step not done is
   * step i (the last entry: every step done), and each step's median time in ms (null when nobody did it yet).
   */
  progress: z
    .array(
      z.object({
        slug: z.string(),
        atStep: z.array(z.number().int().nonnegative()),
        medianMs: z.array(z.number().nonnegative().nullable()),
      }),
    )
    .optional(),
  /** The latest broadcast students see (issue 20), if any since the agent started. */
  broadcast: z
    .object({ kind: z.enum(['text', 'command']), text: z.string(), at: z.number() })
    .nullable()
    .optional(),
});
export type InstructorState = z.infer<typeof instructorState>;

export const studentDetail = z.object({
  student: studentRow,
  steps: z.array(z.object({ lesson: z.string(), step: z.string(), doneAt: z.number() })),
  attempts: z.array(
    z.object({
      lesson: z.string(),
      question: z.string(),
      attempt: z.number().int().positive(),
      option: z.string(),
      correct: z.boolean(),
      answeredAt: z.number(),
    }),
  ),
});
export type StudentDetail = z.infer<typeof studentDetail>;

/**
 * `answer`: the instructor marks a student's raised hand answered (it leaves the queue). `clear-audit`: the class's
 * audit records are deleted.
 */
export const INSTRUCTOR_ACTIONS = ['reset', 'end', 'close', 'open', 'delete-class', 'answer', 'clear-audit'] as const;
export type InstructorAction = (typeof INSTRUCTOR_ACTIONS)[number];
export const actionRequest = z.strictObject({
  token: z.string().max(512),
  action: z.enum(INSTRUCTOR_ACTIONS),
  /** Needed by reset, end and answer. */
  student: z
    .string()
    .regex(/^[0-9a-f]{32}$/)
    .optional(),
});
export type ActionRequest = z.infer<typeof actionRequest>;
