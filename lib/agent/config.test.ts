import { describe, expect, it } from 'vitest';
import { agentPath, agentPort, DEFAULT_AGENT_PORT, MAX_AGENT_PATH_LENGTH, pageAgent } from './config';

describe('agentPort', () => {
  it('reads a valid port and falls back otherwise', () => {
    expect(agentPort('3101')).toBe(3101);
    expect(agentPort(undefined)).toBe(DEFAULT_AGENT_PORT);
    for (const bad of ['', 'abc', '0', '70000', '3001; rm', '-1']) expect(agentPort(bad)).toBe(DEFAULT_AGENT_PORT);
  });
});

describe('agentPath', () => {
  it('reads `/` and path segments of [a-z0-9-], no trailing slash, at most 100 characters', () => {
    expect(agentPath('/agents/any')).toBe('/agents/any');
    expect(agentPath(' /agents/any\n')).toBe('/agents/any');
    expect(agentPath('/a')).toBe('/a');
    const longest = `/${'a'.repeat(MAX_AGENT_PATH_LENGTH - 1)}`;
    expect(agentPath(longest)).toBe(longest);
  });
  it('ignores anything else, as a bad port is ignored', () => {
    const tooLong = `/${'a'.repeat(MAX_AGENT_PATH_LENGTH)}`;
    for (const bad of [undefined, '', '/', 'agents/any', '/agents/any/', '//agents', '/Agents', '/agents any', tooLong])
      expect(agentPath(bad), String(bad)).toBeUndefined();
    for (const bad of ['/agents/../x', '/agents?x=1', '/a#b', '/a"+alert(1)+"', 'https://x/agents', '/ágents'])
      expect(agentPath(bad), bad).toBeUndefined();
  });
});

describe('pageAgent', () => {
  it('is the port alone without GAIOLA_AGENT_PATH, the port and the path with it', () => {
    expect(pageAgent({})).toEqual({ port: DEFAULT_AGENT_PORT });
    expect(pageAgent({ GAIOLA_AGENT_PORT: '3101', GAIOLA_AGENT_PATH: '' })).toEqual({ port: 3101 });
    expect(pageAgent({ GAIOLA_AGENT_PATH: '/agents/any' })).toEqual({ port: DEFAULT_AGENT_PORT, path: '/agents/any' });
    expect(pageAgent({ GAIOLA_AGENT_PATH: '/agents/any/' })).toEqual({ port: DEFAULT_AGENT_PORT });
  });
});
