// Many agents behind one course on this machine (issue 22): a throwaway PostgreSQL server and N real agent
// processes (main.ts), each with a port, uid range, cgroup parent and run dir of its own, sharing the database
// and the token secret, as a StatefulSet's pods share them. The kernel test of failover and `npm run bench:class`
// both start it. Every agent is killed by its PID and whatever it left is reclaimed when the cluster stops.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { v2AgentLeafDir } from '../src/kernel/cgroup-layout';
import { releaseAgentLeaf } from '../src/kernel/cgroups';
import { defaultKernelConfig, IDS_PER_SLOT, type KernelConfig } from '../src/kernel/config';
import type { HostProbe } from '../src/kernel/probe';
import { reclaimLeftovers, releaseHostResources } from '../src/kernel/sandbox';
import { type AgentRef, SESSION_PATH } from '../src/protocol';
import { newStudentId, TokenSigner } from '../src/server/token';
import { openStore } from '../src/store/open';
import type { Store } from '../src/store/store';
import { type Harness, ORIGIN, TermClient } from './agent-harness';
import { AgentProcess, freePort } from './agent-process';
import { type PostgresServer, startPostgres } from './pg-server';

/** Slots an agent may use (kernel/config.ts DEFAULT_MAX_SLOTS): its uid range is this many × 65536 ids. */
const SLOTS_PER_AGENT = 200;

export interface ClusterAgent {
  readonly id: string;
  readonly url: string;
  readonly kernel: KernelConfig;
  readonly env: NodeJS.ProcessEnv;
  process: AgentProcess;
}

export interface Cluster {
  readonly pg: PostgresServer;
  readonly agents: ClusterAgent[];
  /** The course's token key, as every agent reads it from its data dir. */
  readonly signer: TokenSigner;
  /** The shared database, as the test reads and writes it. */
  readonly store: Store;
  /** Starts agent `i` again (after a kill) on the same settings; resolves once it listens. */
  restart(i: number): Promise<void>;
  /** SIGKILL: nothing of the agent's runs after it, as in a crash or a node lost. */
  kill(i: number): Promise<void>;
  /** Every agent stopped (SIGTERM, then SIGKILL), their leftovers reclaimed, the database stopped. */
  stop(): Promise<void>;
}

export interface ClusterOptions {
  agents: number;
  /** Sandboxes each agent takes at once (GAIOLA_MAX_SANDBOXES), or agent by agent. */
  capacity: number | readonly number[];
  mode: 'solo' | 'class';
  /** Where this run's uid ranges start, in slots above the tests' usual ones; each agent takes SLOTS_PER_AGENT. */
  slotBase: number;
  probe: HostProbe;
  /** More settings for every agent (GAIOLA_GRACE_SECONDS, …). */
  env?: Record<string, string>;
}

export async function startCluster(opts: ClusterOptions): Promise<Cluster> {
  const pg = await startPostgres();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gaiola-t-cluster-'));
  const secret = randomBytes(32);
  // The shared secret where each agent reads it (GAIOLA_DATA_DIR/secret), as the Secret gaiola is mounted.
  fs.writeFileSync(path.join(dataDir, 'secret'), secret, { mode: 0o600 });
  const run = `gaiola-t${randomBytes(3).toString('hex')}`;
  const agents: ClusterAgent[] = [];
  let store: Store | undefined;
  const stop = async () => {
    for (const a of agents) {
      if (!a.process.alive) continue;
      a.process.child.kill('SIGTERM');
      const ended = await Promise.race([a.process.exited.then(() => true), delay(30_000).then(() => false)]);
      if (!ended) {
        a.process.child.kill('SIGKILL');
        await a.process.exited;
      }
    }
    try {
      for (const a of agents) {
        await reclaimLeftovers(a.kernel, opts.probe);
        await releaseHostResources(a.kernel, opts.probe);
      }
      await releaseAgentLeaf(opts.probe, v2AgentLeafDir(opts.probe.cgroup));
    } finally {
      await store?.close();
      await pg.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  };
  try {
    for (let i = 0; i < opts.agents; i++) {
      const id = `gaiola-agent-${i}`;
      const port = await freePort();
      const parent = `${run}-${i}`;
      const uidBase = 1048576 + (1100 + opts.slotBase + i * SLOTS_PER_AGENT) * IDS_PER_SLOT;
      const kernel = defaultKernelConfig({ cgroupParent: parent, runDir: `/run/${parent}`, uidBase });
      const url = `http://127.0.0.1:${port}`;
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        GAIOLA_AGENT_PORT: String(port),
        GAIOLA_SITE_PORT: '3000',
        GAIOLA_MODE: opts.mode,
        GAIOLA_DATA_DIR: dataDir,
        GAIOLA_DATABASE_URL: pg.url,
        GAIOLA_AGENT_ID: id,
        GAIOLA_AGENT_URL: url,
        GAIOLA_CGROUP_PARENT: parent,
        GAIOLA_RUN_DIR: `/run/${parent}`,
        GAIOLA_UID_BASE: String(uidBase),
        GAIOLA_MAX_SANDBOXES: String(typeof opts.capacity === 'number' ? opts.capacity : opts.capacity[i]),
        GAIOLA_WARM_SANDBOXES: '0',
        ...opts.env,
      };
      const agent: ClusterAgent = { id, url, kernel, env, process: new AgentProcess(env) };
      agents.push(agent);
      // One at a time: in class mode the first makes the class, the others find it in the database.
      await agent.process.listening();
    }
    store = await openStore({ dataDir, databaseUrl: pg.url, agentId: 'gaiola-test' });
  } catch (err) {
    await stop();
    throw err;
  }
  return {
    pg,
    agents,
    signer: new TokenSigner(secret),
    store,
    restart: async (i) => {
      const a = agents[i] as ClusterAgent;
      a.process = new AgentProcess(a.env);
      await a.process.listening();
    },
    kill: async (i) => {
      const a = agents[i] as ClusterAgent;
      a.process.child.kill('SIGKILL');
      await a.process.exited;
    },
    stop,
  };
}

/** `POST /session` with a token, as a lesson page asks whichever agent answers the site's agent route. */
export async function placeOn(
  frontDoor: string,
  token: string,
): Promise<{ status: number; token?: string; agent?: AgentRef; error?: string }> {
  const res = await fetch(`${frontDoor}${SESSION_PATH}`, {
    method: 'POST',
    headers: { origin: ORIGIN, 'content-type': 'application/json' },
    body: JSON.stringify({ token }),
  });
  const body = (await res.json()) as { token?: string; agent?: AgentRef; error?: string };
  return { status: res.status, ...body };
}

/**
 * A new student of the class, joined through the store (the join route allows 10 at once per address, and a
 * simulated class comes from one), with the token /class/join would give them.
 */
export async function joinClass(c: Cluster, classId: string, name: string): Promise<{ id: string; token: string }> {
  const row = await c.store.joinClass(classId, newStudentId(), name);
  const now = Date.now();
  return { id: row.id, token: c.signer.sign({ s: row.id, i: now, m: 'class', c: classId, x: now + 3600_000 }) };
}

/** As a page does after its terminal dropped: asks `frontDoor` again, every 250 ms, until an agent other than `gone`. */
export async function placeAwayFrom(frontDoor: string, token: string, gone: string): Promise<Seat> {
  for (;;) {
    const a = await placeOn(frontDoor, token);
    if (a.status === 200 && a.agent && a.token && a.agent.id !== gone) return { token: a.token, agent: a.agent };
    await delay(250);
  }
}

/** A student placed on an agent, and their terminal there once opened. */
export interface Seat {
  token: string;
  agent: AgentRef;
  term?: TermClient;
}

/** Opens each seat's terminal (tab 0) on its agent, `atOnce` at a time, as a class arriving together. */
export async function openTerminals(seats: readonly Seat[], atOnce: number): Promise<void> {
  for (let i = 0; i < seats.length; i += atOnce) {
    await Promise.all(
      seats.slice(i, i + atOnce).map(async (s) => {
        s.term = new TermClient({ url: s.agent.url } as Harness, s.token, 0);
        await s.term.open();
        await s.term.hello();
      }),
    );
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
