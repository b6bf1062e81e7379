// The course index's view of the student's progress: `GET <agent>/progress` with the stored session token in
// `Authorization`, read-only, fetched in the browser (the token is never baked into the page). No token:
// nothing to show, not an error. Agent down: the list shows without progress and a quiet note.
import { PROGRESS_PATH, type ProgressResponse, progressResponse } from '@protocol';
import type { TokenStore } from '@/lib/agent/session';
import { type AgentLocation, agentBase } from '@/lib/terminal/wire';

export type CourseProgress = ProgressResponse['lessons'];

export type ProgressState =
  | { readonly kind: 'loading' }
  /** No token stored (first visit) or the agent no longer knows it: no progress to show. */
  | { readonly kind: 'none' }
  | { readonly kind: 'ok'; readonly lessons: CourseProgress }
  /** The agent did not answer (or answered nonsense). */
  | { readonly kind: 'unreachable' };

export function progressUrl(at: AgentLocation): string {
  return `${agentBase(at)}${PROGRESS_PATH}`;
}

type Fetch = (url: string, init: RequestInit) => Promise<Response>;

/** Asks the agent once; never throws. */
export async function fetchProgress(
  url: string,
  tokens: Pick<TokenStore, 'get'>,
  fetcher: Fetch = (u, i) => fetch(u, i),
): Promise<ProgressState> {
  const token = tokens.get();
  if (!token) return { kind: 'none' };
  let response: Response;
  try {
    response = await fetcher(url, { headers: { Authorization: `Bearer ${token}` }, cache: 'no-store' });
  } catch {
    return { kind: 'unreachable' };
  }
  // 401: a token this agent does not accept (another machine's, or its key changed): no progress here.
  if (response.status === 401) return { kind: 'none' };
  if (!response.ok) return { kind: 'unreachable' };
  try {
    return { kind: 'ok', lessons: progressResponse.parse(await response.json()).lessons };
  } catch {
    return { kind: 'unreachable' };
  }
}
