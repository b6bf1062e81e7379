// Validation of a WebSocket upgrade request, before any sandbox work: path, Origin, token, tab,
// protocol version and the initial terminal size. Pure: the HTTP layer turns a rejection into a status.
import { CloseCode, MAX_COLS, MAX_ROWS, MIN_COLS, MIN_ROWS, PROTOCOL_VERSION, TAB_COUNT, WS_PATH } from '../protocol';
import type { TokenPayload, TokenSigner } from './token';

export type UpgradeDecision =
  | { ok: true; student: TokenPayload; tab: number; cols: number; rows: number }
  | { ok: false; status: number; code: CloseCode; reason: string };

const DEFAULT_SIZE = { cols: 80, rows: 24 };

function intParam(value: string | null, min: number, max: number, fallback: number): number | null {
  if (value === null) return fallback;
  if (!/^\d{1,5}$/.test(value)) return null;
  const n = Number(value);
  return n >= min && n <= max ? n : null;
}

export function decideUpgrade(
  url: string | undefined,
  origin: string | undefined,
  allowedOrigins: readonly string[],
  signer: TokenSigner,
): UpgradeDecision {
  let parsed: URL;
  try {
    parsed = new URL(url ?? '', 'http://agent.invalid');
  } catch {
    return { ok: false, status: 400, code: CloseCode.badRequest, reason: 'bad url' };
  }
  if (parsed.pathname !== WS_PATH) return { ok: false, status: 404, code: CloseCode.badRequest, reason: 'not found' };
  if (origin === undefined || !allowedOrigins.includes(origin)) {
    return { ok: false, status: 403, code: CloseCode.badOrigin, reason: 'origin not allowed' };
  }
  const q = parsed.searchParams;
  if (q.get('v') !== String(PROTOCOL_VERSION)) {
    return { ok: false, status: 400, code: CloseCode.protocolVersion, reason: 'protocol version' };
  }
  const student = signer.verify(q.get('token') ?? '');
  if (!student) return { ok: false, status: 401, code: CloseCode.badToken, reason: 'bad token' };
  const tab = intParam(q.get('tab'), 0, TAB_COUNT - 1, -1);
  const cols = intParam(q.get('cols'), MIN_COLS, MAX_COLS, DEFAULT_SIZE.cols);
  const rows = intParam(q.get('rows'), MIN_ROWS, MAX_ROWS, DEFAULT_SIZE.rows);
  if (tab === null || tab < 0 || cols === null || rows === null) {
    return { ok: false, status: 400, code: CloseCode.badRequest, reason: 'bad tab or size' };
  }
  return { ok: true, student, tab, cols, rows };
}
