// Where the browser finds the sandbox agent. Read on the server at request time and passed to the
// terminal as a prop, so changing GAIOLA_AGENT_PORT needs a restart, not a rebuild.

/** The agent's default port: the site is on 3000, the agent next to it. */
export const DEFAULT_AGENT_PORT = 3001;

export function agentPort(value: string | undefined): number {
  if (value === undefined || !/^\d{1,5}$/.test(value.trim())) return DEFAULT_AGENT_PORT;
  const port = Number(value);
  return port >= 1 && port <= 65535 ? port : DEFAULT_AGENT_PORT;
}
