import { describe, expect, it } from 'vitest';
import {
  confirmedStudentId,
  SessionError,
  SessionSource,
  studentOf,
  subscribeStudent,
  type TokenStore,
} from './session';

function memoryStore(initial: string | null = null): TokenStore & { value: string | null } {
  return {
    value: initial,
    get() {
      return this.value;
    },
    set(token) {
      this.value = token;
    },
    clear() {
      this.value = null;
    },
  };
}

function agent(tokens: string[]) {
  const bodies: unknown[] = [];
  const fetcher = async (_url: string, init: RequestInit) => {
    bodies.push(JSON.parse(String(init.body)));
    const token = tokens.shift();
    return new Response(JSON.stringify({ token }), { status: 200 });
  };
  return { bodies, fetcher };
}

describe('SessionSource', () => {
  it('sends the stored token, stores the answer and shares one request', async () => {
    const store = memoryStore('old');
    const { bodies, fetcher } = agent(['old']);
    const source = new SessionSource('http://x/session', store, fetcher);
    const [a, b] = await Promise.all([source.get(), source.get()]);
    expect(a.token).toBe('old');
    expect(b).toBe(a);
    expect(bodies).toEqual([{ token: 'old' }]);
  });

  it('forgets a refused token once, even when both tabs report it', async () => {
    const store = memoryStore('bad');
    const { bodies, fetcher } = agent(['bad', 'new']);
    const source = new SessionSource('http://x/session', store, fetcher);
    await source.get();
    source.invalidate('bad');
    const first = source.get();
    source.invalidate('bad');
    const second = source.get();
    expect(await first).toBe(await second);
    expect((await first).token).toBe('new');
    expect(bodies).toEqual([{ token: 'bad' }, { token: null }]);
    expect(store.value).toBe('new');
  });

  it('refresh asks again with the stored token', async () => {
    const store = memoryStore(null);
    const { bodies, fetcher } = agent(['t1', 't1']);
    const source = new SessionSource('http://x/session', store, fetcher);
    await source.get();
    source.refresh('t1');
    source.refresh('t1');
    await source.get();
    expect(bodies).toEqual([{ token: null }, { token: 't1' }]);
  });

  it('reports an agent that does not answer, and does not cache the failure', async () => {
    let up = false;
    const source = new SessionSource('http://x/session', memoryStore(), async () => {
      if (!up) throw new TypeError('fetch failed');
      return new Response('{"token":"t"}', { status: 200 });
    });
    await expect(source.get()).rejects.toMatchObject({ reason: 'unreachable' });
    up = true;
    await expect(source.get()).resolves.toMatchObject({ token: 't' });
  });

  it('reports HTTP refusals and malformed answers', async () => {
    const refused = new SessionSource('http://x/session', memoryStore(), async () => new Response('', { status: 403 }));
    await expect(refused.get()).rejects.toEqual(new SessionError('refused', 403));
    const junk = new SessionSource('http://x/session', memoryStore(), async () => new Response('{"tok":1}'));
    await expect(junk.get()).rejects.toMatchObject({ reason: 'refused' });
  });

  it('keeps the error code of a refusal: class mode asks to join first', async () => {
    const join = new SessionSource(
      'http://x/session',
      memoryStore(),
      async () => new Response('{"error":"join_required"}', { status: 401 }),
    );
    await expect(join.get()).rejects.toMatchObject({ reason: 'refused', status: 401, code: 'join_required' });
    const odd = new SessionSource(
      'http://x/session',
      memoryStore(),
      async () => new Response('{"error":"<b>no</b>"}', { status: 401 }),
    );
    await expect(odd.get()).rejects.toMatchObject({ reason: 'refused', status: 401, code: undefined });
  });
});

/** A token shaped as the agent signs it (the mac is not checked by the page). */
function tokenFor(student: string): string {
  const body = Buffer.from(JSON.stringify({ s: student, i: 1, m: 'solo', x: 2 })).toString('base64url');
  return `${body}.bWFj`;
}

describe("the session's student", () => {
  const ID = '0123456789abcdef0123456789abcdef';

  it('reads the student id out of a token, and nothing out of anything else', () => {
    expect(studentOf(tokenFor(ID))).toBe(ID);
    expect(studentOf('not-a-token')).toBeNull();
    expect(studentOf(tokenFor('../etc'))).toBeNull();
    expect(studentOf('')).toBeNull();
  });

  it('is known once the agent has answered, and tells its listeners', async () => {
    const other = 'fedcba9876543210fedcba9876543210';
    let told = 0;
    const stop = subscribeStudent(() => told++);
    const source = new SessionSource('http://x/session', memoryStore(null), agent([tokenFor(other)]).fetcher);
    await source.get();
    expect(confirmedStudentId()).toBe(other);
    expect(told).toBe(1);
    stop();
  });
});
