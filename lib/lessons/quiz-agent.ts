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
    if (!response.ok) throw new Error(`agent ${path}: HTTP ${response.status}`);
    return response.json();
  };
  return {
    async progress(slug, locale) {
      const query = new URLSearchParams({ lesson: slug, locale });
      const { lessons } = progressResponse.parse(await call(`${PROGRESS_PATH}?${query.toString()}`, {}));
      const lesson = lessons[slug];
      if (!lesson) throw new Error(`agent ${PROGRESS_PATH}: no ${slug} in the answer`);
      return lesson;
    },
    async answer(request) {
      const body = JSON.stringify(request);
      return quizResult.parse(
        await call(QUIZ_PATH, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body }),
      );
    },
  };
}
