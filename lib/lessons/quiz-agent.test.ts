import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SessionSource } from '@/lib/agent/session';
import { httpQuizAgent } from './quiz-agent';

const at = { pageProtocol: 'http:', hostname: 'localhost', port: 3001 };
const sessions = { get: async () => ({ token: 't' }), invalidate: () => {} } as unknown as SessionSource;
const graded = { slug: '01-chroot', question: 'q1', option: 'a', correct: true, feedback: 'ok', first: true };
const answer = { slug: '01-chroot', question: 'q1', option: 'a', locale: 'pt' as const };
const reply = (status: number, body: unknown = { error: 'rate_limited' }) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('httpQuizAgent', () => {
  afterEach(() => vi.useRealTimers());

  it('waits and asks again while the agent answers 429, then returns the grade', async () => {
    vi.useFakeTimers();
    const statuses = [429, 429, 200];
    const fetcher = vi.fn(async () => {
      const status = statuses.shift() as number;
      return status === 200 ? reply(200, graded) : reply(status);
    });
    const pending = httpQuizAgent(at, sessions, fetcher).answer(answer);
    await vi.runAllTimersAsync();
    await expect(pending).resolves.toEqual(graded);
    expect(fetcher).toHaveBeenCalledTimes(3);
  });

  it('gives up after its tries, and never retries another refusal', async () => {
    vi.useFakeTimers();
    const limited = vi.fn(async () => reply(429));
    const pending = httpQuizAgent(at, sessions, limited).answer(answer);
    const settled = expect(pending).rejects.toThrow(/429/);
    await vi.runAllTimersAsync();
    await settled;
    expect(limited).toHaveBeenCalledTimes(6);
    const refused = vi.fn(async () => reply(400, { error: 'invalid_message' }));
    await expect(httpQuizAgent(at, sessions, refused).answer(answer)).rejects.toThrow(/400/);
    expect(refused).toHaveBeenCalledTimes(1);
  });

  it('asks the page’s agent: its port, or the site’s agent path on the page’s origin (GAIOLA_AGENT_PATH)', async () => {
    const urls: string[] = [];
    const fetcher = vi.fn(async (url: string) => {
      urls.push(url);
      return reply(200, graded);
    });
    await httpQuizAgent(at, sessions, fetcher).answer(answer);
    const behindIngress = { ...at, pageProtocol: 'https:', hostname: 'c.example', pagePort: '', path: '/agents/any' };
    await httpQuizAgent(behindIngress, sessions, fetcher).answer(answer);
    expect(urls).toEqual(['http://localhost:3001/quiz', 'https://c.example/agents/any/quiz']);
  });
});
