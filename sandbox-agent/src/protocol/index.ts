// The protocol between the browser and the sandbox agent. Imports neither node nor DOM types:
// the site imports it through the `@protocol` alias and nothing else from the agent.
// Layer: a leaf, it imports nothing of the agent's (README, How it fits together; biome.json enforces it).
export * from './broadcast';
export * from './class';
export * from './client';
export * from './codes';
export * from './help';
export * from './limits';
export * from './panel';
export * from './panel-history';
export * from './panel-patch';
export * from './quiz';
export * from './server';
export * from './terminal-queries';
export * from './warm';

/** Query parameters of the WebSocket URL `/ws?token=…&tab=…&v=…`. */
export const WS_PATH = '/ws';
/** HTTP endpoint on the agent that issues a solo-mode session token: `POST /session`. */
export const SESSION_PATH = '/session';
export * from './cluster';
