// The agent stopped or killed under a student's page (issue 24, items 9 and 14). The test runs what `npm start`
// runs after installing, scripts/serve.sh (the site and the agent under their supervisor), with ports,
// directories and a cgroup parent of its own, and finds the agent's PID as the process listening on its port.
// - SIGSTOP: the connection goes silent without closing; the page must say "reconnecting" on its own, and after
//   SIGCONT find the same shell.
// - SIGKILL: the site stays up, the supervisor says why the agent died and starts it again, and the page
//   reconnects by itself to a fresh sandbox, says so, and keeps the student's progress.
// - Ctrl-C (SIGINT to the whole process group, as a terminal sends it) stops everything and frees every sandbox.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { testAgentEnv, testRun } from './agent-env';
import { doChrootStep, runInTerminal, waitConnected, waitDone } from './helpers';

const { tag, run, dataDir } = testRun('outage');
const SITE_PORT = 3300;
const AGENT_PORT = 3301;
const site = `http://127.0.0.1:${SITE_PORT}`;
const agentUrl = `http://127.0.0.1:${AGENT_PORT}`;

let supervisor: ChildProcess | undefined;
let log = '';
let stopped: Promise<number | null> | undefined;

async function until(cond: () => boolean | Promise<boolean>, what: string, ms = 90_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; log:\n${log.slice(-4000)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function answers(url: string): Promise<boolean> {
  return (await fetch(url).catch(() => undefined))?.ok === true;
}

/** The PID of the process listening on the agent's port: the agent itself, whoever started it. */
function agentPid(): number | undefined {
  const out = execFileSync('ss', ['-Hltnp', `sport = :${AGENT_PORT}`], { encoding: 'utf8' });
  const pid = /pid=(\d+)/.exec(out)?.[1];
  return pid === undefined ? undefined : Number(pid);
}

/** Cgroup directories of this run's parent still on the host (v1 controllers or a v2 service's subtree). */
function cgroupLeftovers(): string[] {
  const found: string[] = [];
  const walk = (dir: string, depth: number) => {
    let names: string[];
    try {
      names = readdirSync(dir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name);
    } catch {
      return;
    }
    for (const name of names) {
      if (name === run) found.push(`${dir}/${name}`);
      else if (depth > 0) walk(`${dir}/${name}`, depth - 1);
    }
  };
  walk('/sys/fs/cgroup', 3);
  return found;
}

const status = (page: Page, tab: number) => page.getByTestId(`terminal-status-${tab}`);

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  // Its own process group (detached), so the Ctrl-C test can signal the group as a terminal does.
  supervisor = spawn('bash', ['scripts/serve.sh'], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      // A uid range of its own: playwright.config's agent uses slot 1000, the class-mode test 1500.
      ...testAgentEnv({ run, dataDir, agentPort: AGENT_PORT, sitePort: SITE_PORT, slot: 1800 }),
      GAIOLA_GRACE_SECONDS: '120',
    },
  });
  const child = supervisor;
  stopped = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  child.stdout?.on('data', (c: Buffer) => {
    log += c.toString('utf8');
  });
  child.stderr?.on('data', (c: Buffer) => {
    log += c.toString('utf8');
  });
  await until(() => answers(`${agentUrl}/health`), 'the agent');
  await until(() => answers(`${site}/pt`), 'the site');
});

test.afterAll(async () => {
  const child = supervisor;
  try {
    if (child?.pid !== undefined && child.exitCode === null && child.signalCode === null) {
      // A test failed before the Ctrl-C one: stop the group now (the agent frees its sandboxes on SIGTERM).
      const pid = agentPid();
      if (pid !== undefined) process.kill(pid, 'SIGCONT');
      process.kill(-child.pid, 'SIGTERM');
      await stopped;
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('a stopped agent: the page says "reconnecting" by itself, and finds the same shell once it runs again', async ({
  page,
}) => {
  await page.goto(`${site}/pt/01-chroot`);
  await waitConnected(page, 0);
  await runInTerminal(page, 0, `MARK=shell-${tag}`);
  const pid = agentPid();
  expect(pid, 'the agent listens').toBeDefined();
  process.kill(pid as number, 'SIGSTOP');
  try {
    // The socket stays open and nothing closes it: only the page's own heartbeat can tell.
    await expect(status(page, 0)).toHaveAttribute('data-state', 'reconnecting', { timeout: 30_000 });
  } finally {
    process.kill(pid as number, 'SIGCONT');
  }
  await waitConnected(page, 0);
  expect(await runInTerminal(page, 0, 'echo "mark:$MARK"')).toContain(`mark:shell-${tag}`);
});

test('a SIGKILLed agent comes back by itself: the site stays up, the page gets a fresh sandbox, progress kept', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.goto(`${site}/pt/01-chroot`);
  await waitConnected(page, 0);
  await doChrootStep(page);

  const pid = agentPid();
  expect(pid, 'the agent listens').toBeDefined();
  process.kill(pid as number, 'SIGKILL');
  await until(() => /agent killed by SIGKILL/.test(log), 'the supervisor to say why the agent died');
  expect(await answers(`${site}/pt`), 'the site still answers').toBe(true);
  await until(async () => (await answers(`${agentUrl}/health`)) && agentPid() !== pid, "a new agent's /health");

  // The page reconnects on its own, to a fresh sandbox, and says so.
  await expect(status(page, 0)).toHaveAttribute('data-message', 'freshSandbox', { timeout: 60_000 });
  await expect(status(page, 0)).toHaveAttribute('data-state', 'connected');
  // The new agent kept the progress: a reload shows the step done, read from its store.
  await page.reload();
  await waitConnected(page, 0);
  await waitDone(page, 'chroot');
  expect(await answers(`${site}/pt`)).toBe(true);
});

test('Ctrl-C stops the site and the agent and frees every sandbox', async () => {
  const child = supervisor;
  expect(child?.pid).toBeDefined();
  expect(cgroupLeftovers().length, 'the sandboxes of the earlier tests still run').toBeGreaterThan(0);
  process.kill(-(child?.pid as number), 'SIGINT');
  expect(await stopped).toBe(0);
  expect(log).toMatch(/SIG(INT|TERM): closing terminals and freeing every sandbox/);
  expect(await answers(`${site}/pt`)).toBe(false);
  expect(cgroupLeftovers()).toEqual([]);
});
