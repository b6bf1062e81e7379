import { describe, expect, it } from 'vitest';
import { agentPort, DEFAULT_AGENT_PORT } from './config';

describe('agentPort', () => {
  it('reads a valid port and falls back otherwise', () => {
    expect(agentPort('3101')).toBe(3101);
    expect(agentPort(undefined)).toBe(DEFAULT_AGENT_PORT);
    for (const bad of ['', 'abc', '0', '70000', '3001; rm', '-1']) expect(agentPort(bad)).toBe(DEFAULT_AGENT_PORT);
  });
});
