import { CloseCode, PROTOCOL_VERSION } from '@protocol';
import { describe, expect, it, vi } from 'vitest';
import { SessionError, type SessionSource } from '@/lib/agent/session';
import { type TabStatus, TerminalConnection } from './connection';

function connect(error: unknown) {
  const statuses: TabStatus[] = [];
  const sessions = {
    get: vi.fn(() => Promise.reject(error)),
    refresh: vi.fn(),
    invalidate: vi.fn(),
  } as unknown as SessionSource;
  const conn = new TerminalConnection({
    tab: 0,
    agent: { pageProtocol: 'http:', hostname: '10.0.0.5', port: 3001 },
    sink: { write: () => undefined, cols: 80, rows: 24 },
    sessions,
    onStatus: (s) => statuses.push(s),
    newShellBanner: 'new shell',
  });
  return { conn, statuses, sessions };
}

describe('TerminalConnection without a session', () => {
  it('sends a class-mode student without a class token to the join page, and does not retry', async () => {
    vi.useFakeTimers();
    try {
      const { conn, statuses, sessions } = connect(new SessionError('refused', 401, 'join_required'));
      conn.start();
      await vi.advanceTimersByTimeAsync(60_000);
      expect(statuses.at(-1)).toMatchObject({ state: 'error', message: 'joinRequired', action: 'join', retryAt: null });
      expect(sessions.get).toHaveBeenCalledTimes(1);
      conn.dispose();
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps the solo-mode messages and retries for other refusals', async () => {
    vi.useFakeTimers();
    try {
      const origin = connect(new SessionError('refused', 403, 'origin'));
      origin.conn.start();
      await vi.advanceTimersByTimeAsync(0);
      expect(origin.statuses.at(-1)).toMatchObject({ message: 'badOrigin', action: 'retry' });
      const other = connect(new SessionError('refused', 401));
      other.conn.start();
      await vi.advanceTimersByTimeAsync(0);
      expect(other.statuses.at(-1)).toMatchObject({ message: 'sessionRefused', action: 'retry' });
      const down = connect(new SessionError('unreachable'));
      down.conn.start();
      await vi.advanceTimersByTimeAsync(0);
      expect(down.statuses.at(-1)).toMatchObject({ message: 'agentUnreachable' });
      expect(down.statuses.at(-1)?.retryAt).not.toBeNull();
      for (const c of [origin, other, down]) c.conn.dispose();
    } finally {
      vi.useRealTimers();
    }
  });
});

/** A WebSocket the test drives: it opens, delivers frames and closes when told. */
class FakeSocket {
  static made: FakeSocket[] = [];
  binaryType = 'blob';
  readyState = 0;
  bufferedAmount = 0;
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: ((event: { code: number }) => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.made.push(this);
  }
  send(): void {}
  close(): void {
    this.readyState = 3;
  }
  open(): void {
    this.readyState = 1;
    this.onopen?.();
  }
  hello(sandbox: string, resumed: boolean): void {
    const frame = { type: 'hello', protocol: PROTOCOL_VERSION, sandbox, tab: 0, resumed };
    this.onmessage?.({ data: JSON.stringify(frame) });
  }
  closeWith(code: number): void {
    this.readyState = 3;
    this.onclose?.({ code });
  }
}

describe('TerminalConnection after an instructor resets the sandbox', () => {
  it('says who reset it, in the status, once the fresh sandbox is connected', async () => {
    vi.useFakeTimers();
    vi.stubGlobal('WebSocket', FakeSocket);
    FakeSocket.made = [];
    try {
      const statuses: TabStatus[] = [];
      const written: string[] = [];
      const conn = new TerminalConnection({
        tab: 0,
        agent: { pageProtocol: 'http:', hostname: '10.0.0.5', port: 3001 },
        sink: { write: (d) => void written.push(String(d)), cols: 80, rows: 24 },
        sessions: { get: () => Promise.resolve({ token: 't' }), refresh: () => {}, invalidate: () => {} } as never,
        onStatus: (s) => statuses.push(s),
        newShellBanner: 'new shell',
      });
      conn.start();
      await vi.advanceTimersByTimeAsync(0);
      const first = FakeSocket.made[0] as FakeSocket;
      first.open();
      first.hello('gaiola-aaaa', false);
      expect(statuses.at(-1)).toMatchObject({ state: 'connected', message: 'connected' });
      first.closeWith(CloseCode.resetByInstructor);
      expect(statuses.at(-1)).toMatchObject({ state: 'reconnecting', message: 'instructorReset' });
      await vi.advanceTimersByTimeAsync(1000);
      const second = FakeSocket.made[1] as FakeSocket;
      second.open();
      second.hello('gaiola-bbbb', false);
      expect(statuses.at(-1)).toMatchObject({
        state: 'connected',
        message: 'instructorReset',
        vars: { sandbox: 'gaiola-bbbb' },
      });
      expect(written.join('')).toContain('new shell');
      // A later fresh sandbox the student asked for is not blamed on anyone.
      second.closeWith(CloseCode.restarted);
      await vi.advanceTimersByTimeAsync(1000);
      const third = FakeSocket.made[2] as FakeSocket;
      third.open();
      third.hello('gaiola-cccc', false);
      expect(statuses.at(-1)).toMatchObject({ state: 'connected', message: 'connected' });
      conn.dispose();
    } finally {
      vi.unstubAllGlobals();
      vi.useRealTimers();
    }
  });
});
