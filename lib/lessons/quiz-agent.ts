// The lesson page's quiz and saved progress, asked of the agent over HTTP (`GET /progress?lesson=…`,
// `POST /quiz`), not over a terminal socket: a student the agent refused a sandbox (the class is full) still
// answers and sees what was saved. The token is the page's session (the terminals' one), sent in
// `Authorization`; every answer from the agent is validated before the page shows it.
import {
  type LessonProgress,
  PROGRESS_PATH,
  progressResponse,
  QUIZ_PATH,
  type QuizAnswerRequest,
  type QuizResult,
  quizResult,
} from '@protocol';
import { type SessionSource, sessionSource } from '@/lib/agent/session';
import { agentUrl } from '@/lib/class/agent';
import { type AgentLocation, sessionUrl } from '@/lib/terminal/wire';

/** What the lesson store needs of the agent; each call rejects when it could not get an answer. */
export interface QuizAgent {
  /** This lesson's saved steps and quiz, the feedback in `locale`. */
  progress(slug: string, locale: 'pt' | 'gl'): Promise<LessonProgress>;
  /** Grades and stores an answer. */
  answer(request: QuizAnswerRequest): Promise<QuizResult>;
}

type Fetch = (url: string, init: RequestInit) => Promise<Response>;

/** The agent refused a request for its pace (HTTP 429). */
class RateLimited extends Error {
  constructor(path: string) {
    super(`agent ${path}: HTTP 429`);
  }
}
/** Tries of a paced request, each waiting a second longer: about 15 s in all, past any burst the agent allows. */
const RATE_LIMITED_TRIES = 6;
const RATE_LIMITED_WAIT_MS = 1000;

export function httpQuizAgent(
  at: AgentLocation,
  sessions: SessionSource = sessionSource(sessionUrl(at)),
  fetcher: Fetch = (u, i) => fetch(u, i),
): QuizAgent {
  /** A request with the session's token; a token the agent refuses is forgotten so the next call gets another. */
  const call = async (path: string, init: RequestInit): Promise<unknown> => {
    const { token } = await sessions.get();
    const response = await fetcher(agentUrl(at, path), {
      ...init,
      headers: { ...init.headers, Authorization: `Bearer ${token}` },
      cache: 'no-store',
    });
    if (response.status === 401) sessions.invalidate(token);
    if (response.status === 429) throw new RateLimited(path);
    if (!response.ok) throw new Error(`agent ${path}: HTTP ${response.status}`);
    return response.json();
  };
  /** `call`, waiting and asking again while the agent says too many (429): a quick student is slowed, not refused. */
  const callPaced = async (path: string, init: RequestInit): Promise<unknown> => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await call(path, init);
      } catch (error) {
        if (!(error instanceof RateLimited) || attempt >= RATE_LIMITED_TRIES) throw error;
        await new Promise((resolve) => setTimeout(resolve, RATE_LIMITED_WAIT_MS * attempt));
      }
    }
  };
  return {
    async progress(slug, locale) {
      const query = new URLSearchParams({ lesson: slug, locale });
      const { lessons } = progressResponse.parse(await callPaced(`${PROGRESS_PATH}?${query.toString()}`, {}));
      const lesson = lessons[slug];
      if (!lesson) throw new Error(`agent ${PROGRESS_PATH}: no ${slug} in the answer`);
      return lesson;
    },
    async answer(request) {
      const body = JSON.stringify(request);
      return quizResult.parse(
        await callPaced(QUIZ_PATH, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body }),
      );
    },
  };
}
