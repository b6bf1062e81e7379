// Limits shared by the agent and the browser. Each constant says why it has the value it has.

/** Protocol version; the agent refuses a client that speaks another one (close code 4004). */
export const PROTOCOL_VERSION = 1;

/** Largest WebSocket frame the agent accepts. ws defaults to 100 MiB; a terminal never needs more than a paste chunk. */
export const MAX_FRAME_BYTES = 64 * 1024;

/** The browser splits a paste into chunks of this size so one paste never hits MAX_FRAME_BYTES. */
export const PASTE_CHUNK_BYTES = 16 * 1024;

/** Terminal size bounds: below 2 columns readline misbehaves; above 500 a resize is a bug or an attack. */
export const MIN_COLS = 2;
export const MAX_COLS = 500;
export const MIN_ROWS = 1;
export const MAX_ROWS = 200;

/**
 * Flow control as in VS Code's terminal: the agent pauses the pty when this many bytes are sent but not yet
 * acknowledged by the browser's xterm write callback, and resumes below the low watermark.
 */
export const FLOW_HIGH_WATERMARK = 128 * 1024;
export const FLOW_LOW_WATERMARK = 16 * 1024;
/** The browser acknowledges at least every this many bytes written to xterm. */
export const FLOW_ACK_EVERY = 8 * 1024;

/** Terminal tabs per lesson page: one to go "inside" a namespace, one to stay "outside". */
export const TAB_COUNT = 2;

/** Messages per second a client may send before the agent closes it (typing and pastes stay far below). */
export const MAX_MESSAGES_PER_SECOND = 400;
