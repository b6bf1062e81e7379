import { describe, expect, it, vi } from 'vitest';
import { fetchProgress, progressUrl } from './progress';

const store = (token: string | null) => ({ get: () => token });
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('progressUrl', () => {
  it('asks /progress on the agent port', () => {
    expect(progressUrl({ pageProtocol: 'http:', hostname: '10.0.0.5', port: 3001 })).toBe(
      'http://10.0.0.5:3001/progress',
    );
  });
  it('asks /progress at the site’s agent path on the page’s origin (GAIOLA_AGENT_PATH)', () => {
    const at = { pageProtocol: 'https:', hostname: 'c.example', pagePort: '', port: 3001, path: '/agents/any' };
    expect(progressUrl(at)).toBe('https://c.example/agents/any/progress');
  });
});

describe('fetchProgress', () => {
  it('asks nothing without a stored token', async () => {
    const fetcher = vi.fn();
    expect(await fetchProgress('u', store(null), fetcher)).toEqual({ kind: 'none' });
    expect(fetcher).not.toHaveBeenCalled();
  });

  it('sends the token and returns the lessons', async () => {
    const lessons = {
      '02-unshare': {
        steps: [{ id: 'unshare', done: true, doneAt: 1 }],
        quiz: { q1: { option: 'a', correct: true, attempts: 1, feedback: 'f' } },
      },
    };
    const fetcher = vi.fn(async () => json(200, { lessons }));
    expect(await fetchProgress('u', store('t0'), fetcher)).toEqual({ kind: 'ok', lessons });
    expect(fetcher).toHaveBeenCalledWith('u', expect.objectContaining({ headers: { Authorization: 'Bearer t0' } }));
  });

  it('treats a refused token as no progress, and a dead or confused agent as unreachable', async () => {
    expect(await fetchProgress('u', store('t'), async () => json(401, { error: 'token' }))).toEqual({ kind: 'none' });
    expect(await fetchProgress('u', store('t'), async () => json(500, {}))).toEqual({ kind: 'unreachable' });
    expect(await fetchProgress('u', store('t'), async () => json(200, { lessons: 3 }))).toEqual({
      kind: 'unreachable',
    });
    const down = async (): Promise<Response> => {
      throw new TypeError('fetch failed');
    };
    expect(await fetchProgress('u', store('t'), down)).toEqual({ kind: 'unreachable' });
  });
});
