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

/**
 * The browser sends `ping` this often and takes any frame from the agent as a sign of life. It cannot see
 * WebSocket-level pings (the browser answers those itself), so it needs an answer of its own to notice a
 * connection that went silent: an agent stopped or a network that drops packets leaves the socket open.
 */
export const CLIENT_PING_EVERY_MS = 2000;
/**
 * A browser that has heard nothing for this long since a ping treats the connection as dead, closes it and
 * reconnects (the student sees "reconnecting"). Three pings' worth: a busy agent answers well within it.
 */
export const CLIENT_SILENCE_MS = 6000;
/**
 * The agent pings every socket this often (ws ping/pong) and drops one that has answered none of the last
 * AGENT_MISSED_PINGS pings: a client that went silent is freed within two to three intervals, its tab detached
 * and its sandbox left to the grace period.
 */
export const AGENT_PING_EVERY_MS = 10_000;
/**
 * Pings a socket may leave unanswered in a row before it is dropped. Two, not one: a pong that comes a moment
 * after the next round (a busy agent or client, a slow VM) is not silence.
 */
export const AGENT_MISSED_PINGS = 2;
