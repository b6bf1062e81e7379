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
