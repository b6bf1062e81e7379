// The agent's settings from the environment: GAIOLA_WARM_SANDBOXES (issue 18) as an example of each bound.
import { afterEach, describe, expect, it } from 'vitest';
import { loadAgentConfig } from './config';

const saved = process.env.GAIOLA_WARM_SANDBOXES;

describe('loadAgentConfig: GAIOLA_WARM_SANDBOXES', () => {
  afterEach(() => {
    if (saved === undefined) delete process.env.GAIOLA_WARM_SANDBOXES;
    else process.env.GAIOLA_WARM_SANDBOXES = saved;
  });

  const warm = (value: string | undefined) => {
    if (value === undefined) delete process.env.GAIOLA_WARM_SANDBOXES;
    else process.env.GAIOLA_WARM_SANDBOXES = value;
    return loadAgentConfig('/tmp').warmSandboxes;
  };

  it('keeps two by default, none at 0, as many as asked', () => {
    expect(warm(undefined)).toBe(2);
    expect(warm('')).toBe(2);
    expect(warm('0')).toBe(0);
    expect(warm('25')).toBe(25);
  });

  it.each(['-1', '1.5', 'two', '1001', '0x2'])('refuses %s, naming the setting and its bounds', (value) => {
    expect(() => warm(value)).toThrow(`GAIOLA_WARM_SANDBOXES=${value} is not an integer between 0 and 1000`);
  });
});
