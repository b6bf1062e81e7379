// The solo-mode session token, shared by every terminal of the page: fetched once (one promise), kept
// in localStorage so a reload or a second visit finds the same sandbox and, within the agent's grace
// period, the same shells. In class mode the token comes from joining the class (/turma) and is kept under
// the same key, so the terminals find it here too.
import { agentRef, type ClassError, errorResponse } from '@protocol';
import { z } from 'zod';
import { takeEarlySession } from './early-session';
import { TOKEN_STORAGE_KEY } from './storage-key';

export { TOKEN_STORAGE_KEY };

/**
 * `sandbox` is optional: the agent names the sandbox in each terminal's hello anyway. `agent`: the course has many
 * agents and the terminals open on this one (issue 22); the session itself is asked of the page's agent again.
 */
const sessionResponse = z.object({
  token: z.string().min(1).max(4096),
  sandbox: z.string().optional(),
  agent: agentRef.optional(),
});
export type Session = z.infer<typeof sessionResponse>;

/**
 * Why no session: the agent did not answer at all, or answered with an HTTP error. `code` is the body's
 * `{error}` when it is one the protocol knows: a 401 `join_required` (class mode, not joined yet) asks for
 * the join page, not a retry.
 */
export class SessionError extends Error {
  constructor(
    readonly reason: 'unreachable' | 'refused',
    readonly status = 0,
    readonly code?: ClassError,
  ) {
    super(reason === 'unreachable' ? 'sandbox agent unreachable' : `sandbox agent refused the session: HTTP ${status}`);
  }
}

export interface TokenStore {
  get(): string | null;
  set(token: string): void;
  clear(): void;
}

/** localStorage, tolerant of browsers that refuse it (private modes, disabled storage). */
export const browserTokenStore: TokenStore = {
  get() {
    try {
      return window.localStorage.getItem(TOKEN_STORAGE_KEY);
    } catch {
      return null;
    }
  },
  set(token) {
    try {
      window.localStorage.setItem(TOKEN_STORAGE_KEY, token);
    } catch {
      // The token then lives for this page only.
    }
  },
  clear() {
    try {
      window.localStorage.removeItem(TOKEN_STORAGE_KEY);
    } catch {
      // Nothing stored.
    }
  },
};

type Fetch = (url: string, init: RequestInit) => Promise<Response>;

export class SessionSource {
  private pending: Promise<Session> | null = null;
  private current: string | null = null;

  constructor(
    private readonly url: string,
    private readonly store: TokenStore = browserTokenStore,
    private readonly fetcher: Fetch = (u, i) => fetch(u, i),
  ) {}

  /** The page's session; concurrent callers share one request. A failed request is not cached. */
  get(): Promise<Session> {
    if (!this.pending) {
      const pending = this.request();
      this.pending = pending;
      pending.then(
        (s) => {
          this.current = s.token;
        },
        () => {
          if (this.pending === pending) this.pending = null;
        },
      );
    }
    return this.pending;
  }

  /**
   * The agent refused `badToken` (4002): forget it so the next get() asks for a new one. When both
   * tabs report the same bad token, only the first forgets; the second then shares the new request.
   */
  invalidate(badToken: string): void {
    if (this.current !== badToken && this.store.get() !== badToken) return;
    this.current = null;
    this.pending = null;
    if (this.store.get() === badToken) this.store.clear();
  }

  /**
   * Ask the agent again with the stored token (after a dropped connection: it may have restarted).
   * Tabs refreshing the same stale token share one request.
   */
  refresh(staleToken: string): void {
    if (this.current !== staleToken) return;
    this.current = null;
    this.pending = null;
  }

  private async request(): Promise<Session> {
    let response: Response;
    const stored = this.store.get();
    try {
      // The page's first request may already be on its way (early-session.ts): the same request, sent sooner.
      response = await (takeEarlySession(this.url, stored) ??
        this.fetcher(this.url, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ token: stored }),
          cache: 'no-store',
        }));
    } catch {
      throw new SessionError('unreachable');
    }
    if (!response.ok) throw new SessionError('refused', response.status, await errorCode(response));
    let parsed: Session;
    try {
      parsed = sessionResponse.parse(await response.json());
    } catch {
      throw new SessionError('refused', response.status);
    }
    this.store.set(parsed.token);
    setConfirmedStudent(studentOf(parsed.token));
    return parsed;
  }
}

/**
 * The student a token names: the `s` of its payload (`base64url(json).mac`, signed by the agent's
 * sandbox-agent/src/server/token.ts). Read, not verified: the page only uses it to seed the order of quiz
 * options, and the agent verifies the token on every request. Null for anything else.
 */
export function studentOf(token: string): string | null {
  const body = token.split('.')[0] ?? '';
  try {
    const json = atob(body.replaceAll('-', '+').replaceAll('_', '/'));
    const payload: unknown = JSON.parse(json);
    if (typeof payload !== 'object' || payload === null || !('s' in payload)) return null;
    return typeof payload.s === 'string' && /^[0-9a-f]{32}$/.test(payload.s) ? payload.s : null;
  } catch {
    return null;
  }
}

// The student of the page's session once the agent has answered for it (a stored token may be refused and
// replaced by a new student's): the quiz waits for it to show options in that student's order.
let confirmedStudent: string | null = null;
const studentListeners = new Set<() => void>();

function setConfirmedStudent(student: string | null): void {
  if (student === confirmedStudent) return;
  confirmedStudent = student;
  for (const listener of studentListeners) listener();
}

/** The confirmed student's id, or null until a session is made (for useSyncExternalStore). */
export function confirmedStudentId(): string | null {
  return confirmedStudent;
}

export function subscribeStudent(listener: () => void): () => void {
  studentListeners.add(listener);
  return () => {
    studentListeners.delete(listener);
  };
}

/** The `{error}` code of a refusal, if its body is one; anything else is no code, not a failure. */
async function errorCode(response: Response): Promise<ClassError | undefined> {
  try {
    const parsed = errorResponse.safeParse(await response.json());
    return parsed.success ? parsed.data.error : undefined;
  } catch {
    return undefined;
  }
}

const sources = new Map<string, SessionSource>();

/** One SessionSource per agent URL per page. */
export function sessionSource(url: string): SessionSource {
  let source = sources.get(url);
  if (!source) {
    source = new SessionSource(url);
    sources.set(url, source);
  }
  return source;
}
