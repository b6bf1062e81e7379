// The store's behaviour, the same on every implementation (issue 22): each `describe` runs once per store.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteStore } from './sqlite-store';
import type { AgentRow, Store } from './store';

/** A fresh, empty store of one kind for one test; `agentId` as an agent of the cluster opens it. */
type OpenFresh = (agentId?: string) => Promise<Store>;

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const sqlite: OpenFresh = async (agentId) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gaiola-store-'));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  // Several agents share one file the way they share one PostgreSQL database.
  const store = new SqliteStore(path.join(dir, 'gaiola.db'), { agentId });
  cleanups.push(() => store.close());
  return store;
};

const kinds: [string, OpenFresh][] = [['SQLite', sqlite]];

describe.each(kinds)('Store on %s: agents and seats (issue 22)', (_kind, openFresh) => {
  const agent = (id: string, capacity: number, seen: number): AgentRow => ({
    id,
    url: `http://127.0.0.1:31${id.slice(-1)}0`,
    capacity,
    used: 0,
    started_at: 1,
    last_seen_at: seen,
  });

  it('keeps each agent’s latest report and lists those seen since a time', async () => {
    const s = await openFresh();
    await s.reportAgent(agent('gaiola-agent-0', 10, 100));
    await s.reportAgent(agent('gaiola-agent-1', 10, 50));
    await s.reportAgent({ ...agent('gaiola-agent-0', 12, 200), used: 3 });
    expect(await s.agentsSeenSince(100)).toEqual([{ ...agent('gaiola-agent-0', 12, 200), used: 3 }]);
    expect((await s.agentsSeenSince(0)).map((a) => a.id)).toEqual(['gaiola-agent-0', 'gaiola-agent-1']);
  });

  it('keeps a class together where it fits, spreads the rest, and never gives more seats than capacity', async () => {
    const s = await openFresh();
    for (const id of ['gaiola-agent-0', 'gaiola-agent-1', 'gaiola-agent-2']) await s.reportAgent(agent(id, 4, 1000));
    await s.createClass('c1', 'AAAAAA', 1);
    const placed: string[] = [];
    for (let i = 0; i < 6; i++) {
      await s.joinClass('c1', `st${i}`, `Aluno ${i}`, 2);
      placed.push((await s.placeStudent(`st${i}`, 'c1', 900))?.agent.id ?? 'none');
    }
    // four where the first sat, then the next two together on the next agent
    expect(placed.slice(0, 4)).toEqual(Array(4).fill(placed[0]));
    expect(placed[4]).not.toBe(placed[0]);
    expect(placed[5]).toBe(placed[4]);
    // a solo student goes where most seats are free
    await s.upsertStudent('solo1', 'solo');
    const solo = await s.placeStudent('solo1', undefined, 900);
    expect(solo?.agent.id).not.toBe(placed[0]);
    expect(solo?.agent.id).not.toBe(placed[4]);
    // 4 + 2 + 1 of 12 seats; the rest fill to exactly 12
    let more = 0;
    for (let i = 0; i < 10; i++) {
      await s.upsertStudent(`x${i}`, 'solo');
      if (await s.placeStudent(`x${i}`, undefined, 900)) more++;
    }
    expect(more).toBe(5);
    for (const id of ['gaiola-agent-0', 'gaiola-agent-1', 'gaiola-agent-2'])
      expect(await s.seatedOn(id)).toHaveLength(4);
  });

  it('keeps a student’s seat while its agent is seen, and moves it when the agent is not', async () => {
    const s = await openFresh();
    await s.reportAgent(agent('gaiola-agent-0', 4, 1000));
    await s.reportAgent(agent('gaiola-agent-1', 4, 1000));
    await s.upsertStudent('ana', 'solo');
    const first = await s.placeStudent('ana', undefined, 900, 1000);
    expect(first?.placed).toBe(true);
    const again = await s.placeStudent('ana', undefined, 900, 1001);
    expect(again).toEqual({ agent: first?.agent, placed: false });
    // the other agent keeps reporting; ana's stops
    const other = first?.agent.id === 'gaiola-agent-0' ? 'gaiola-agent-1' : 'gaiola-agent-0';
    await s.reportAgent(agent(other, 4, 5000));
    const moved = await s.placeStudent('ana', undefined, 4000, 5001);
    expect(moved).toMatchObject({ agent: { id: other }, placed: true });
    expect(await s.seatedOn(other)).toEqual(['ana']);
    expect(await s.seatedOn(first?.agent.id as string)).toEqual([]);
  });

  it('frees a seat only from its own agent, and none when nobody is seen', async () => {
    const zero = await openFresh('gaiola-agent-0');
    await zero.reportAgent(agent('gaiola-agent-1', 4, 1000));
    await zero.upsertStudent('ana', 'solo');
    expect((await zero.placeStudent('ana', undefined, 900))?.agent.id).toBe('gaiola-agent-1');
    await zero.releaseSeat('ana');
    expect(await zero.seatedOn('gaiola-agent-1')).toEqual(['ana']);
    await zero.upsertStudent('rui', 'solo');
    expect(await zero.placeStudent('rui', undefined, 2000)).toBeUndefined();
  });

  it('places many students at once without giving one seat twice', async () => {
    const s = await openFresh();
    await s.reportAgent(agent('gaiola-agent-0', 7, 1000));
    await s.reportAgent(agent('gaiola-agent-1', 5, 1000));
    const ids = Array.from({ length: 20 }, (_, i) => `p${i}`);
    for (const id of ids) await s.upsertStudent(id, 'solo');
    const got = await Promise.all(ids.map((id) => s.placeStudent(id, undefined, 900)));
    expect(got.filter(Boolean)).toHaveLength(12);
    expect(await s.seatedOn('gaiola-agent-0')).toHaveLength(7);
    expect(await s.seatedOn('gaiola-agent-1')).toHaveLength(5);
  });
});
