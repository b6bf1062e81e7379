// Coded errors: the agent never sends prose; the browser maps each code to pt/gl text.
// WebSocket application close codes live in 4000–4999 (RFC 6455 §7.4.2).

export const CloseCode = {
  badOrigin: 4001,
  badToken: 4002,
  badRequest: 4003,
  protocolVersion: 4004,
  tooLarge: 4005,
  rateLimited: 4006,
  capacity: 4007,
  sandboxFailed: 4008,
  replaced: 4009,
  shellExited: 4010,
  shuttingDown: 4011,
  /** The student asked for a fresh sandbox ("start this lesson again"): reconnect to get it. */
  restarted: 4012,
  /** The instructor ended this student's session: the page says so and does not reconnect by itself. */
  ended: 4013,
  /**
   * The instructor reset this student's sandbox (class mode): reconnect to the fresh one at once, and the page
   * says who reset it and that progress is kept (4012 is the student's own "start this lesson again").
   */
  resetByInstructor: 4014,
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

/** Error codes carried in `error` frames that do not close the connection. */
export const ErrorCode = {
  invalidJson: 'invalid_json',
  invalidMessage: 'invalid_message',
  unknownType: 'unknown_type',
  binaryTooLarge: 'binary_too_large',
  unknownLesson: 'unknown_lesson',
  checkFailed: 'check_failed',
  /** "Start this step again" named a step the lesson does not have, or one after a step the agent cannot redo. */
  unknownStep: 'unknown_step',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];
