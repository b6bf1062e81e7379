// Whether an HTTP request comes from the site's pages (CONVENTIONS §9). Either an allowed Origin, which a browser
// sends on every cross-origin request and every POST, or none at all on a request the browser itself marks
// same-origin (`Sec-Fetch-Site`, a header no page can set): behind an ingress, the site's pages reach the agent at
// a path of their own origin (the site's GAIOLA_AGENT_PATH, issue 22), and a same-origin GET (/progress, the
// instructor's event stream) carries no Origin. On one VM the agent has a port of its own, another origin than
// the site's: a same-origin request there would come from a page the agent served, and it serves none.
import type http from 'node:http';

/** `cors`: the CORS headers granted to the request's Origin (none when it has no allowed one). */
export function fromSitePage(headers: http.IncomingHttpHeaders, cors: Readonly<Record<string, string>>): boolean {
  if (cors['access-control-allow-origin'] !== undefined) return true;
  return headers.origin === undefined && headers['sec-fetch-site'] === 'same-origin';
}
