import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';

// The environment of an agent that a browser test or a benchmark starts for itself: a cgroup parent, run dir,
// data dir and uid range of its own (slot s maps 65536 ids from 1048576 + s × 65536, far from a live agent's
// slots, which start at 0), and its ports. Each caller picks a slot no other test uses.
export function testAgentEnv(o: {
  run: string;
  dataDir: string;
  agentPort: number;
  sitePort: number;
  slot: number;
}): Record<string, string> {
  return {
    GAIOLA_AGENT_PORT: String(o.agentPort),
    GAIOLA_SITE_PORT: String(o.sitePort),
    GAIOLA_DATA_DIR: o.dataDir,
    GAIOLA_CGROUP_PARENT: o.run,
    GAIOLA_RUN_DIR: `/run/${o.run}`,
    GAIOLA_UID_BASE: String(1048576 + o.slot * 65536),
  };
}

/**
 * The names of a browser test's own agent: a run name with a random tag (its cgroup parent and run dir, so two
 * runs never share one) and a data dir under the repo's data/ (git-ignored), which the test removes at its end.
 */
export function testRun(
  kind: string,
  tag = randomBytes(3).toString('hex'),
): { tag: string; run: string; dataDir: string } {
  const run = `gaiola-e2e-${kind}-${tag}`;
  return { tag, run, dataDir: path.join(process.cwd(), 'data', run) };
}

/** An agent in a process of its own (spawnTestAgent). */
export interface TestAgentProcess {
  readonly child: ChildProcess;
  /** What it printed so far, stdout and stderr. */
  log(): string;
  /** Resolves once it listens; throws, with its log, when it exits first or after `ms`. */
  ready(ms?: number): Promise<void>;
  /** SIGTERM (the agent frees its sandboxes and cgroups), resolved once it exited. */
  stop(): Promise<void>;
}

/**
 * Starts sandbox-agent/src/main.ts as `npm start` runs it, with `env` (testAgentEnv's, and any GAIOLA_* more)
 * over this process's environment: for a test or a benchmark that needs the agent out of its own process.
 */
export function spawnTestAgent(env: Record<string, string>): TestAgentProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'sandbox-agent/src/main.ts'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const keep = (c: Buffer) => {
    log += c.toString('utf8');
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  return {
    child,
    log: () => log,
    async ready(ms = 60_000) {
      const deadline = Date.now() + ms;
      while (!log.includes('listening on')) {
        if (child.exitCode !== null || Date.now() > deadline) throw new Error(`the agent did not start: ${log}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
