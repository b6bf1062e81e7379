// Where the browser finds the sandbox agent. Read on the server at request time and passed to the
// terminal as a prop, so changing GAIOLA_AGENT_PORT or GAIOLA_AGENT_PATH needs a restart, not a rebuild.

/** The agent's default port: the site is on 3000, the agent next to it. */
export const DEFAULT_AGENT_PORT = 3001;

export function agentPort(value: string | undefined): number {
  if (value === undefined || !/^\d{1,5}$/.test(value.trim())) return DEFAULT_AGENT_PORT;
  const port = Number(value);
  return port >= 1 && port <= 65535 ? port : DEFAULT_AGENT_PORT;
}

/** Longest GAIOLA_AGENT_PATH taken: an ingress prefix (`/agents/any`) is far shorter. */
export const MAX_AGENT_PATH_LENGTH = 100;

/** `/` then path segments of lowercase letters, digits and `-`, no trailing slash: nothing to escape in a URL or a script. */
const AGENT_PATH = /^(\/[a-z0-9-]+)+$/;

/**
 * GAIOLA_AGENT_PATH (issue 22): behind an ingress with no agent port on the site's host, the page's agent is at this
 * path on the site's own origin (`/agents/any`). Like a bad port, an invalid value is ignored (undefined: the port).
 */
export function agentPath(value: string | undefined): string | undefined {
  const path = value?.trim();
  return path && path.length <= MAX_AGENT_PATH_LENGTH && AGENT_PATH.test(path) ? path : undefined;
}

/** What the server tells the page about "the page's agent": a port on the page's host, or a path on its origin. */
export interface PageAgent {
  readonly port: number;
  /** Set: the agent is at `<page origin><path>`, and `port` is not used. */
  readonly path?: string;
}

/** The page's agent from the site's environment (GAIOLA_AGENT_PORT, GAIOLA_AGENT_PATH). */
export function pageAgent(env: Readonly<Record<string, string | undefined>>): PageAgent {
  const port = agentPort(env.GAIOLA_AGENT_PORT);
  const path = agentPath(env.GAIOLA_AGENT_PATH);
  return path === undefined ? { port } : { port, path };
}
