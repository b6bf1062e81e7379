// One student's failover between agents, in Chromium (issue 22): two real agents on one PostgreSQL server
// (sandbox-agent/test/cluster-harness.ts) and the real site, whose lesson pages ask the first agent for their
// session. The second agent has more room, so the student is placed there; it is SIGKILLed; the page, asking
// again as it does after any dropped terminal, is placed on the first agent once the second stops reporting,
// opens a fresh sandbox there, says so, and still shows the step the student had done.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { probeHost } from '../sandbox-agent/src/kernel/probe';
import { type Cluster, startCluster } from '../sandbox-agent/test/cluster-harness';
import { postgresAvailable } from '../sandbox-agent/test/pg-server';
import { doChrootStep, runInTerminal, waitConnected, waitDone } from './helpers';

const SITE_PORT = 3400;
const site = `http://127.0.0.1:${SITE_PORT}`;

let cluster: Cluster | undefined;
let siteProcess: ChildProcess | undefined;
let siteLog = '';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.skip(postgresAvailable() !== undefined, postgresAvailable() ?? '');
  test.setTimeout(180_000);
  cluster = await startCluster({
    agents: 2,
    capacity: [2, 4],
    mode: 'solo',
    // uid ranges of their own: the other browser tests use slots 1000–1800
    slotBase: 62000 + (randomBytes(1).readUInt8(0) % 4) * 400,
    probe: probeHost(),
    env: { GAIOLA_SITE_PORT: String(SITE_PORT), GAIOLA_GRACE_SECONDS: '120' },
  });
  const front = new URL(cluster.agents[0]?.url ?? '');
  siteProcess = spawn(
    process.execPath,
    ['node_modules/next/dist/bin/next', 'start', '-H', '127.0.0.1', '-p', String(SITE_PORT)],
    {
      env: { ...process.env, GAIOLA_AGENT_PORT: front.port, NEXT_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const keep = (c: Buffer) => {
    siteLog += c.toString('utf8');
  };
  siteProcess.stdout?.on('data', keep);
  siteProcess.stderr?.on('data', keep);
  await expect
    .poll(async () => (await fetch(`${site}/pt`).catch(() => undefined))?.ok === true, {
      timeout: 60_000,
      message: `the site to answer (log: ${siteLog.slice(-2000)})`,
    })
    .toBe(true);
});

test.afterAll(async () => {
  const child = siteProcess;
  if (child && child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  await cluster?.stop();
});

test('an agent SIGKILLed under a student: the page moves to a live agent, a fresh sandbox, the step still done', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const c = cluster as Cluster;
  const [first, second] = c.agents;
  if (!first || !second) throw new Error('two agents');
  const sockets: string[] = [];
  page.on('websocket', (ws) => sockets.push(ws.url()));

  await page.goto(`${site}/pt/01-chroot`);
  await waitConnected(page, 0);
  // placed where there is more room: the second agent, though the page asked the first
  expect(sockets.at(-1)).toContain(`${second.url.replace('http', 'ws')}/ws?`);
  await doChrootStep(page);
  await runInTerminal(page, 0, 'export MARCA=antes');

  await c.kill(1);
  await expect(page.getByTestId('terminal-status-0')).toHaveAttribute('data-message', 'freshSandbox', {
    timeout: 60_000,
  });
  await expect(page.getByTestId('terminal-status-0')).toHaveAttribute('data-state', 'connected');
  expect(sockets.at(-1)).toContain(`${first.url.replace('http', 'ws')}/ws?`);
  // A fresh shell on the first agent (nothing of the old one's), and the progress the database kept.
  expect(await runInTerminal(page, 0, 'echo "marca:$MARCA."')).toContain('marca:.');
  await waitDone(page, 'chroot');
  await page.reload();
  await waitConnected(page, 0);
  await waitDone(page, 'chroot');
});
