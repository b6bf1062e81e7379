// One agent of many (issue 22) over a real SQLite store: the tokens it signs, where it lets a terminal open, the
// seats it gives back. The three agents on PostgreSQL, for real, are agents-cluster.kernel.test.ts.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteStore } from '../store/sqlite-store';
import { AGENT_GONE_MS, AgentCluster } from './cluster';
import { newStudentId, type TokenPayload, TokenSigner } from './token';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function setup(opts: { capacity?: number; withSandbox?: Set<string> } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gaiola-cluster-'));
  dirs.push(dir);
  const file = path.join(dir, 'gaiola.db');
  const signer = new TokenSigner(randomBytes(32));
  const logs: string[] = [];
  const agent = (id: string) => {
    const store = new SqliteStore(file, { agentId: id });
    const cluster = new AgentCluster({
      agentId: id,
      url: `http://127.0.0.1:1/${id}`,
      capacity: opts.capacity ?? 2,
      used: () => 0,
      hasSandbox: async (s) => opts.withSandbox?.has(s) ?? false,
      graceMs: 60_000,
      store,
      signer,
      log: (l) => logs.push(l),
    });
    return { store, cluster };
  };
  return { agent, signer, logs };
}

const solo = (): TokenPayload => ({ s: newStudentId(), i: 1, m: 'solo', x: Date.now() + 3600_000 });

describe('AgentCluster', () => {
  it('signs a token naming the agent chosen, and gives back one that already names it', async () => {
    const { agent, signer } = setup();
    const zero = agent('gaiola-agent-0');
    await zero.cluster.start();
    const p = solo();
    const placed = await zero.cluster.place(p, undefined);
    expect(placed?.agent).toEqual({ id: 'gaiola-agent-0', url: 'http://127.0.0.1:1/gaiola-agent-0' });
    expect(signer.verify(placed?.token ?? '')).toEqual({ ...p, a: 'gaiola-agent-0' });
    const again = await zero.cluster.place({ ...p, a: 'gaiola-agent-0' }, placed?.token);
    expect(again?.token).toBe(placed?.token);
    await zero.cluster.stop();
    await zero.store.close();
  });

  it('opens a terminal only for a student seated here, and says full when every seat is taken', async () => {
    const { agent } = setup({ capacity: 1 });
    const zero = agent('gaiola-agent-0');
    const one = agent('gaiola-agent-1');
    await zero.cluster.start();
    await one.cluster.start();
    const ana = solo();
    const placed = await zero.cluster.place(ana, undefined);
    const at = placed?.agent.id as string;
    const here = at === 'gaiola-agent-0' ? zero : one;
    const there = at === 'gaiola-agent-0' ? one : zero;
    expect(await here.cluster.seatedHere({ ...ana, a: at })).toBe(true);
    expect(await there.cluster.seatedHere({ ...ana, a: at })).toBe(false);
    // a token naming the other agent does not open here, though the seat is here
    expect(await here.cluster.seatedHere({ ...ana, a: there === zero ? 'gaiola-agent-0' : 'gaiola-agent-1' })).toBe(
      false,
    );
    expect(await zero.cluster.place(solo(), undefined)).toBeDefined();
    expect(await zero.cluster.place(solo(), undefined)).toBeUndefined();
    for (const a of [zero, one]) {
      await a.cluster.stop();
      await a.store.close();
    }
  });

  it('once stopped it is gone at once; started again it frees the seats it held', async () => {
    const { agent } = setup();
    const zero = agent('gaiola-agent-0');
    await zero.cluster.start();
    await zero.cluster.place(solo(), undefined);
    expect(await zero.store.seatedOn('gaiola-agent-0')).toHaveLength(1);
    await zero.cluster.stop();
    expect(await zero.store.agentsSeenSince(Date.now() - AGENT_GONE_MS)).toEqual([]);
    await zero.cluster.start();
    expect(await zero.store.seatedOn('gaiola-agent-0')).toEqual([]);
    expect((await zero.store.agentsSeenSince(Date.now() - AGENT_GONE_MS)).map((a) => a.id)).toEqual(['gaiola-agent-0']);
    await zero.cluster.stop();
    await zero.store.close();
  });

  it('gives back a seat unused longer than the grace period, never one with a sandbox or a recent one', async () => {
    const withSandbox = new Set<string>();
    const { agent } = setup({ capacity: 5, withSandbox });
    const zero = agent('gaiola-agent-0');
    await zero.cluster.start();
    const [idle, busy, fresh] = [solo(), solo(), solo()];
    withSandbox.add(busy.s);
    await zero.cluster.place(idle, undefined);
    await zero.cluster.place(busy, undefined);
    await zero.cluster.place(fresh, undefined);
    // nothing is older than the grace period yet
    expect(await zero.cluster.sweep()).toBe(0);
    // a minute and a second later: the idle one and the fresh one (still no sandbox) go, the busy one stays
    expect(await zero.cluster.sweep(Date.now() + 61_000)).toBe(2);
    expect(await zero.store.seatedOn('gaiola-agent-0')).toEqual([busy.s]);
    await zero.cluster.stop();
    await zero.store.close();
  });
});
