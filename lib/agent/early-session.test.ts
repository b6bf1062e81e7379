import { afterEach, describe, expect, it } from 'vitest';
import { sessionUrl } from '@/lib/terminal/wire';
import type { PageAgent } from './config';
import { earlySessionScript, takeEarlySession } from './early-session';
import { SessionSource, type TokenStore } from './session';

interface Sent {
  url: string;
  init: RequestInit;
}

/** Runs the inline script as a browser would, against a page at `href` whose storage holds `stored`. */
function runScript(agent: PageAgent | number, href: string, stored: string | null, answer: string): Sent[] {
  const sent: Sent[] = [];
  const url = new URL(href);
  const win: Record<string, unknown> = {};
  const fetcher = (u: string, init: RequestInit) => {
    sent.push({ url: u, init });
    return Promise.resolve(new Response(JSON.stringify({ token: answer }), { status: 200 }));
  };
  const storage = { getItem: (key: string) => (key === 'gaiola.token' ? stored : null) };
  new Function(
    'window',
    'location',
    'localStorage',
    'fetch',
    earlySessionScript(typeof agent === 'number' ? { port: agent } : agent),
  )(win, url, storage, fetcher);
  (globalThis as { window?: unknown }).window = win;
  return sent;
}

function store(value: string | null): TokenStore {
  return { get: () => value, set: () => undefined, clear: () => undefined };
}

afterEach(() => {
  delete (globalThis as { window?: unknown }).window;
});

describe('the early session request', () => {
  it('sends the stored token to the agent’s session URL only, uncached, and the page takes its answer', async () => {
    const sent = runScript(3001, 'http://localhost:3000/pt/01-chroot', 'mine', 'renewed');
    expect(sent).toHaveLength(1);
    expect(sent[0]?.url).toBe('http://localhost:3001/session');
    expect(sent[0]?.init.cache).toBe('no-store');
    expect(JSON.parse(String(sent[0]?.init.body))).toEqual({ token: 'mine' });
    let asked = 0;
    const source = new SessionSource('http://localhost:3001/session', store('mine'), async () => {
      asked++;
      return new Response(JSON.stringify({ token: 'asked' }), { status: 200 });
    });
    expect((await source.get()).token).toBe('renewed');
    expect(asked).toBe(0);
  });

  it('follows the page’s scheme and host, as the terminals do', () => {
    const sent = runScript(4001, 'https://aula.example:8443/gl/02-unshare', null, 't');
    expect(sent[0]?.url).toBe('https://aula.example:4001/session');
    expect(JSON.parse(String(sent[0]?.init.body))).toEqual({ token: null });
  });

  it('is taken once, and never for another token or another URL', () => {
    runScript(3001, 'http://localhost:3000/pt/01-chroot', 'mine', 't');
    expect(takeEarlySession('http://localhost:3001/session', 'someone-else')).toBeNull();
    expect(takeEarlySession('http://localhost:3001/session', 'mine')).toBeNull();
    runScript(3001, 'http://localhost:3000/pt/01-chroot', 'mine', 't');
    expect(takeEarlySession('http://127.0.0.1:3001/session', 'mine')).toBeNull();
    runScript(3001, 'http://localhost:3000/pt/01-chroot', 'mine', 't');
    expect(takeEarlySession('http://localhost:3001/session', 'mine')).not.toBeNull();
    expect(takeEarlySession('http://localhost:3001/session', 'mine')).toBeNull();
  });

  it('asks the agent itself when the stored token changed after the script ran', async () => {
    runScript(3001, 'http://localhost:3000/pt/01-chroot', 'old', 'from-script');
    const source = new SessionSource('http://localhost:3001/session', store('joined'), async () => {
      return new Response(JSON.stringify({ token: 'asked' }), { status: 200 });
    });
    expect((await source.get()).token).toBe('asked');
  });

  it('goes to the site’s agent path on the page’s own origin, the URL sessionUrl builds (GAIOLA_AGENT_PATH)', () => {
    for (const href of ['https://c.example/pt/01-chroot', 'http://localhost:3000/gl/01-chroot']) {
      const page = new URL(href);
      const agent = { port: 3001, path: '/agents/any' };
      const sent = runScript(agent, href, 'mine', 't');
      expect(sent[0]?.url).toBe(`${page.origin}/agents/any/session`);
      const at = { pageProtocol: page.protocol, hostname: page.hostname, pagePort: page.port, ...agent };
      expect(sent[0]?.url).toBe(sessionUrl(at));
      expect(takeEarlySession(sessionUrl(at), 'mine')).not.toBeNull();
    }
  });

  it('takes only a port number and a valid path into the script', () => {
    for (const port of [0, 65536, 1.5, Number.NaN]) expect(() => earlySessionScript({ port })).toThrow();
    for (const path of ['/', 'agents', '/agents/', '/a"+alert(1)+"', '/A', ' /agents/any', `/${'a'.repeat(100)}`])
      expect(() => earlySessionScript({ port: 3001, path }), path).toThrow(/bad agent path/);
    expect(earlySessionScript({ port: 3001, path: '/agents/any' })).toContain('"/agents/any"');
  });
});
