// The lesson page's session request, started while the page is still parsing (issue 18): an inline script
// in the server-rendered HTML sends the same `POST /session` the terminals would send after hydration, and the
// page's SessionSource takes its answer instead of asking again. Nothing of the student's is in the HTML: the
// script reads the stored token in the browser and sends it only to the agent's own session URL, built the
// way lib/terminal/wire.ts builds it; the page can be cached or shared, the answer (no-store) cannot.
import { SESSION_PATH } from '@protocol';
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
 * The inline script's text. `port` is a number the server read (lib/agent/config.ts), the rest constants:
 * nothing from a request is interpolated. The `.catch` keeps an unreachable agent from being an unhandled
 * rejection; the SessionSource sees the same failure when it takes the promise.
 */
export function earlySessionScript(port: number): string {
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`bad agent port ${port}`);
  const key = JSON.stringify(TOKEN_STORAGE_KEY);
  const path = JSON.stringify(SESSION_PATH);
  return `(function(){try{var t=null;try{t=localStorage.getItem(${key})}catch(e){}var u=(location.protocol==='https:'?'https':'http')+'://'+location.hostname+':'+${port}+${path};var r=fetch(u,{method:'POST',headers:{'Content-Type':'application/json'},body:JSON.stringify({token:t}),cache:'no-store'});r.catch(function(){});window.${GLOBAL}={url:u,token:t,response:r}}catch(e){}})();`;
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
