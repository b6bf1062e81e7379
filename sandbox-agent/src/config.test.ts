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

describe('loadAgentConfig: many agents on one database (issue 22)', () => {
  const names = ['GAIOLA_DATABASE_URL', 'GAIOLA_AGENT_ID', 'GAIOLA_AGENT_URL'] as const;
  const kept = Object.fromEntries(names.map((n) => [n, process.env[n]]));
  afterEach(() => {
    for (const n of names) {
      const v = kept[n];
      if (v === undefined) delete process.env[n];
      else process.env[n] = v;
    }
  });
  const load = (env: Partial<Record<(typeof names)[number], string>>) => {
    for (const n of names) {
      const v = env[n];
      if (v === undefined) delete process.env[n];
      else process.env[n] = v;
    }
    return loadAgentConfig('/tmp');
  };

  it('keeps SQLite and the one agent "local" when neither is set', () => {
    expect(load({})).toMatchObject({ databaseUrl: undefined, agentId: 'local' });
    expect(load({ GAIOLA_DATABASE_URL: '', GAIOLA_AGENT_ID: '' })).toMatchObject({
      databaseUrl: undefined,
      agentId: 'local',
    });
  });

  it('takes a postgres URL and a pod name', () => {
    const url = 'postgres://gaiola:secret@db.example:5432/gaiola';
    expect(load({ GAIOLA_DATABASE_URL: url, GAIOLA_AGENT_ID: 'gaiola-agent-0' })).toMatchObject({
      databaseUrl: url,
      agentId: 'gaiola-agent-0',
    });
  });

  it('refuses another database, without printing the URL (it may hold a password)', () => {
    const err = (() => {
      try {
        load({ GAIOLA_DATABASE_URL: 'mysql://root:hunter2@db/gaiola' });
      } catch (e) {
        return (e as Error).message;
      }
    })();
    expect(err).toMatch(/GAIOLA_DATABASE_URL must start with postgres:\/\//);
    expect(err).not.toContain('hunter2');
  });

  it('takes the URL browsers reach the agent at, only with a database to share', () => {
    const db = 'postgres://gaiola@/gaiola?host=%2Ftmp';
    expect(
      load({ GAIOLA_DATABASE_URL: db, GAIOLA_AGENT_URL: 'https://c.example/agents/gaiola-agent-1/' }).agentUrl,
    ).toBe('https://c.example/agents/gaiola-agent-1');
    expect(load({}).agentUrl).toBeUndefined();
    expect(() => load({ GAIOLA_AGENT_URL: 'http://127.0.0.1:3101' })).toThrow('needs GAIOLA_DATABASE_URL');
    expect(() => load({ GAIOLA_DATABASE_URL: db, GAIOLA_AGENT_URL: 'ftp://x' })).toThrow('GAIOLA_AGENT_URL=ftp://x');
  });

  it.each(['Agent-0', '-a', 'a-', 'a/b', 'a'.repeat(64), 'agent_0'])('refuses the agent id %s', (id) => {
    expect(() => load({ GAIOLA_AGENT_ID: id })).toThrow(`GAIOLA_AGENT_ID=${id}`);
  });
});
