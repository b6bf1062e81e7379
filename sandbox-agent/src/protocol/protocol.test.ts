import { describe, expect, it } from 'vitest';
import {
  ackMessage,
  type ClientMessage,
  CloseCode,
  clientMessage,
  ErrorCode,
  errorMessage,
  exitMessage,
  FLOW_ACK_EVERY,
  FLOW_HIGH_WATERMARK,
  FLOW_LOW_WATERMARK,
  helloMessage,
  MAX_COLS,
  MAX_FRAME_BYTES,
  MAX_MESSAGES_PER_SECOND,
  MAX_ROWS,
  MIN_COLS,
  MIN_ROWS,
  PANEL_LIMITS,
  PASTE_CHUNK_BYTES,
  PROTOCOL_VERSION,
  pingMessage,
  pongMessage,
  resizeMessage,
  SESSION_PATH,
  type ServerMessage,
  serverMessage,
  TAB_COUNT,
  WS_PATH,
} from './index';

/** What the agent does with a text frame: JSON.parse, then the validator. */
const fromWire = (raw: string) => clientMessage.safeParse(JSON.parse(raw));

describe('client messages: valid', () => {
  const valid: ClientMessage[] = [
    { type: 'resize', cols: 80, rows: 24 },
    { type: 'resize', cols: MIN_COLS, rows: MIN_ROWS },
    { type: 'resize', cols: MAX_COLS, rows: MAX_ROWS },
    { type: 'ack', bytes: 0 },
    { type: 'ack', bytes: FLOW_ACK_EVERY },
    { type: 'ack', bytes: FLOW_HIGH_WATERMARK * 16 },
    { type: 'ping', t: 0 },
    { type: 'ping', t: 1733660000000.5 },
    { type: 'ping', t: -1 },
  ];
  it.each(valid)('accepts %j and returns it unchanged', (msg) => {
    const r = fromWire(JSON.stringify(msg));
    expect(r.success).toBe(true);
    expect(r.data).toEqual(msg);
  });

  it('each member validator accepts its own message', () => {
    expect(resizeMessage.safeParse({ type: 'resize', cols: 80, rows: 24 }).success).toBe(true);
    expect(ackMessage.safeParse({ type: 'ack', bytes: 1 }).success).toBe(true);
    expect(pingMessage.safeParse({ type: 'ping', t: 1 }).success).toBe(true);
  });
});

describe('client messages: invalid', () => {
  const invalid: Array<[string, unknown]> = [
    // extra keys: every message is a strictObject
    ['resize with an extra key', { type: 'resize', cols: 80, rows: 24, x: 1 }],
    ['ack with an extra key', { type: 'ack', bytes: 1, session: 'other' }],
    ['ping with an extra key', { type: 'ping', t: 1, __proto__x: 1 }],
    // resize out of range
    ['cols below MIN_COLS', { type: 'resize', cols: MIN_COLS - 1, rows: 24 }],
    ['cols above MAX_COLS', { type: 'resize', cols: MAX_COLS + 1, rows: 24 }],
    ['rows below MIN_ROWS', { type: 'resize', cols: 80, rows: MIN_ROWS - 1 }],
    ['rows above MAX_ROWS', { type: 'resize', cols: 80, rows: MAX_ROWS + 1 }],
    ['huge cols', { type: 'resize', cols: 1e9, rows: 24 }],
    ['negative rows', { type: 'resize', cols: 80, rows: -24 }],
    ['fractional cols', { type: 'resize', cols: 80.5, rows: 24 }],
    // ack
    ['negative ack', { type: 'ack', bytes: -1 }],
    ['fractional ack', { type: 'ack', bytes: 1.5 }],
    ['ack above the cap', { type: 'ack', bytes: FLOW_HIGH_WATERMARK * 16 + 1 }],
    // wrong types
    ['cols as a string', { type: 'resize', cols: '80', rows: 24 }],
    ['rows as null', { type: 'resize', cols: 80, rows: null }],
    ['bytes as a string', { type: 'ack', bytes: '100' }],
    ['bytes as a boolean', { type: 'ack', bytes: true }],
    ['t as a string', { type: 'ping', t: 'now' }],
    ['missing cols', { type: 'resize', rows: 24 }],
    ['missing bytes', { type: 'ack' }],
    ['missing t', { type: 'ping' }],
    // unknown or missing type, non-objects
    ['unknown type', { type: 'exec', cmd: 'rm -rf /' }],
    ['a server-only type', { type: 'hello', protocol: 1, sandbox: 'x', tab: 0, resumed: false }],
    ['type in capitals', { type: 'RESIZE', cols: 80, rows: 24 }],
    ['no type', { cols: 80, rows: 24 }],
    ['type as a number', { type: 1 }],
    ['null', null],
    ['an array', [{ type: 'ping', t: 1 }]],
    ['a string', 'ping'],
    ['a number', 42],
  ];
  it.each(invalid)('rejects %s', (_name, value) => {
    expect(clientMessage.safeParse(value).success).toBe(false);
  });

  it('rejects non-finite numbers that JSON cannot carry but a JS caller could pass', () => {
    expect(clientMessage.safeParse({ type: 'ping', t: Number.POSITIVE_INFINITY }).success).toBe(false);
    expect(clientMessage.safeParse({ type: 'ping', t: Number.NaN }).success).toBe(false);
    expect(clientMessage.safeParse({ type: 'resize', cols: Number.NaN, rows: 24 }).success).toBe(false);
  });

  it('rejects an extra key that arrives through JSON (including __proto__)', () => {
    expect(fromWire('{"type":"ack","bytes":1,"extra":true}').success).toBe(false);
    expect(fromWire('{"type":"ack","bytes":1,"__proto__":{"polluted":1}}').success).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('server messages', () => {
  const samples: ServerMessage[] = [
    { type: 'hello', protocol: PROTOCOL_VERSION, sandbox: 'gaiola-7f3a', tab: 0, resumed: false },
    { type: 'hello', protocol: PROTOCOL_VERSION, sandbox: 'gaiola-7f3a', tab: TAB_COUNT - 1, resumed: true },
    ...Object.values(ErrorCode).map((code): ServerMessage => ({ type: 'error', code })),
    { type: 'exit', exitCode: 0 },
    { type: 'exit', exitCode: 137, signal: 9 },
    { type: 'pong', t: 1733660000000.5 },
    { type: 'replayed' },
  ];
  it.each(samples)('round-trips %j through JSON', (msg) => {
    const r = serverMessage.safeParse(JSON.parse(JSON.stringify(msg)));
    expect(r.success).toBe(true);
    expect(r.data).toEqual(msg);
  });

  it.each<[string, unknown]>([
    ['an error code outside ErrorCode', { type: 'error', code: 'something_else' }],
    ['an error with prose', { type: 'error', code: 'invalid_json', message: 'bad json' }],
    ['hello without resumed', { type: 'hello', protocol: 1, sandbox: 'x', tab: 0 }],
    ['hello with a fractional protocol', { type: 'hello', protocol: 1.5, sandbox: 'x', tab: 0, resumed: false }],
    ['exit with a string code', { type: 'exit', exitCode: '0' }],
    ['exit with a fractional signal', { type: 'exit', exitCode: 1, signal: 9.5 }],
    ['pong without t', { type: 'pong' }],
    ['replayed with a byte count', { type: 'replayed', bytes: 10 }],
    ['a client-only type', { type: 'ack', bytes: 1 }],
  ])('rejects %s', (_name, value) => {
    expect(serverMessage.safeParse(value).success).toBe(false);
  });

  it('member validators match the union', () => {
    expect(helloMessage.safeParse(samples[0]).success).toBe(true);
    expect(errorMessage.safeParse({ type: 'error', code: ErrorCode.invalidMessage }).success).toBe(true);
    expect(exitMessage.safeParse({ type: 'exit', exitCode: 0 }).success).toBe(true);
    expect(pongMessage.safeParse({ type: 'pong', t: 1 }).success).toBe(true);
  });
});

describe('codes', () => {
  const closeCodes = Object.values(CloseCode);

  it('close codes are unique integers in the application range 4000–4999 (RFC 6455 §7.4.2)', () => {
    expect(closeCodes.length).toBeGreaterThan(0);
    expect(new Set(closeCodes).size).toBe(closeCodes.length);
    for (const code of closeCodes) {
      expect(Number.isInteger(code)).toBe(true);
      expect(code).toBeGreaterThanOrEqual(4000);
      expect(code).toBeLessThanOrEqual(4999);
    }
  });

  it('error codes are unique snake_case identifiers, not prose', () => {
    const codes = Object.values(ErrorCode);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^[a-z][a-z0-9_]*$/);
  });
});

describe('limits', () => {
  it('flow control: 0 < ack interval < low watermark < high watermark', () => {
    expect(FLOW_ACK_EVERY).toBeGreaterThan(0);
    expect(FLOW_ACK_EVERY).toBeLessThan(FLOW_LOW_WATERMARK);
    expect(FLOW_LOW_WATERMARK).toBeLessThan(FLOW_HIGH_WATERMARK);
  });

  it('a paste chunk fits in a frame, and frames stay far below ws’s 100 MiB default', () => {
    expect(PASTE_CHUNK_BYTES).toBeGreaterThan(0);
    expect(PASTE_CHUNK_BYTES).toBeLessThan(MAX_FRAME_BYTES);
    expect(MAX_FRAME_BYTES).toBeLessThanOrEqual(1024 * 1024);
  });

  it('terminal bounds are ordered and include the classic 80×24', () => {
    expect(MIN_COLS).toBeGreaterThanOrEqual(1);
    expect(MIN_ROWS).toBeGreaterThanOrEqual(1);
    expect(MIN_COLS).toBeLessThanOrEqual(80);
    expect(MAX_COLS).toBeGreaterThanOrEqual(80);
    expect(MIN_ROWS).toBeLessThanOrEqual(24);
    expect(MAX_ROWS).toBeGreaterThanOrEqual(24);
  });

  it('other constants are sane', () => {
    expect(Number.isInteger(PROTOCOL_VERSION) && PROTOCOL_VERSION >= 1).toBe(true);
    expect(TAB_COUNT).toBeGreaterThanOrEqual(2);
    expect(MAX_MESSAGES_PER_SECOND).toBeGreaterThan(0);
    expect(WS_PATH).toMatch(/^\//);
    expect(SESSION_PATH).toMatch(/^\//);
  });
});

describe('the Kernel panel messages', () => {
  it('accepts opening at a section, closing, and nothing else', () => {
    for (const msg of [
      { type: 'panel', open: true },
      { type: 'panel', open: true, section: 'network' },
      { type: 'panel', open: false },
    ])
      expect(fromWire(JSON.stringify(msg)).success, JSON.stringify(msg)).toBe(true);
    for (const msg of [
      { type: 'panel', open: 'yes' },
      { type: 'panel', open: true, section: 'kernel' },
      { type: 'panel', open: true, pid: 1 },
      { type: 'panel' },
    ])
      expect(fromWire(JSON.stringify(msg)).success, JSON.stringify(msg)).toBe(false);
  });

  it('refuses a pushed view beyond its caps or with an unknown field', () => {
    const proc = { key: '2', pids: [2], ppid: 1, comm: 'bash', uid: 0, ns: {}, mountView: null };
    const ok = { type: 'panel', full: true, t: 1, procs: { upsert: [proc], remove: [] } };
    expect(serverMessage.safeParse(ok).success).toBe(true);
    const many = Array.from({ length: PANEL_LIMITS.procs + 1 }, (_, i) => ({ ...proc, key: String(i) }));
    expect(serverMessage.safeParse({ ...ok, procs: { upsert: many, remove: [] } }).success).toBe(false);
    expect(serverMessage.safeParse({ ...ok, procs: { upsert: [{ ...proc, host: 123 }], remove: [] } }).success).toBe(
      false,
    );
    expect(
      serverMessage.safeParse({ ...ok, procs: { upsert: [{ ...proc, ns: { uts: -1 } }], remove: [] } }).success,
    ).toBe(false);
  });
});
