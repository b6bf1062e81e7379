// The lesson page's session request, started while the page is still parsing (issue 18): an inline script
// in the server-rendered HTML sends the same `POST /session` the terminals would send after hydration, and the
// page's SessionSource takes its answer instead of asking again. Nothing of the student's is in the HTML: the
// script reads the stored token in the browser and sends it only to the agent's own session URL, built the
// way lib/terminal/wire.ts builds it; the page can be cached or shared, the answer (no-store) cannot.
import { SESSION_PATH } from '@protocol';
import { agentPath, type PageAgent } from './config';
import { TOKEN_STORAGE_KEY } from './storage-key';

/** What the inline script leaves on `window`, taken once by the page's SessionSource. */
export interface EarlySession {
  readonly url: string;
  /** The stored token it sent (null: none), so an answer for another token is never taken. */
  readonly token: string | null;
  readonly response: Promise<Response>;
}

const GLOBAL = '__gaiolaEarlySession';

/**
 * The inline script's text. The agent is a port number or a validated path the server read (lib/agent/config.ts),
 * JSON-encoded, the rest constants: nothing from a request is interpolated. The URL is the one sessionUrl builds
 * (lib/terminal/wire.ts agentBase): `<origin><path>/session` with a path, else `<scheme>://<hostname>:<port>/session`.
 * The `.catch` keeps an unreachable agent from being an unhandled rejection; the SessionSource sees the same failure
 * when it takes the promise.
 */
export function earlySessionScript(agent: PageAgent): string {
  const { port, path } = agent;
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`bad agent port ${port}`);
  if (path !== undefined && agentPath(path) !== path) throw new Error(`bad agent path ${JSON.stringify(path)}`);
  const key = JSON.stringify(TOKEN_STORAGE_KEY);
  const session = JSON.stringify(SESSION_PATH);
  const scheme = `(location.protocol==='https:'?'https':'http')+'://'`;
  // location.host is the hostname with the page's port when it is not the scheme's default, as agentBase writes it.
  const base =
    path === undefined ? `${scheme}+location.hostname+':'+${port}` : `${scheme}+location.host+${JSON.stringify(path)}`;
  return `(function(){try{var t=null;try{t=localStorage.getItem(${key})}catch(e){}var u=${base}+${session};var r=fetch(u,{method:'POST',headers:{'Content-Type':'application/json'},body:JSON.stringify({token:t}),cache:'no-store'});r.catch(function(){});window.${GLOBAL}={url:u,token:t,response:r}}catch(e){}})();`;
}

/**
 * The early request's answer if it was sent to `url` with `token`, once: a second caller, or one after the
 * stored token changed, gets null and asks the agent itself.
 */
export function takeEarlySession(url: string, token: string | null): Promise<Response> | null {
  if (typeof window === 'undefined') return null;
  const holder = window as unknown as Record<string, EarlySession | undefined>;
  const early = holder[GLOBAL];
  if (!early) return null;
  holder[GLOBAL] = undefined;
  return early.url === url && early.token === token ? early.response : null;
}
