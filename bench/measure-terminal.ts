// What a student feels at the terminal, through the real agent and real sandboxes (in process, except the
// flood, whose agent runs in a process of its own so that its RSS is the agent's alone):
//  - sandbox start: WebSocket open → first prompt byte, alone and many connecting at once, beside the floor
//    (`unshare` of the same namespaces running `true`, spawn to exit);
//  - keystroke echo: a key sent → its echo received, alone (beside wetty, the peer, in the same run) and
//    while other sandboxes each type a command a second;
//  - output flood: one sandbox runs `yes` while another types; the typist's echo, the agent process's RSS
//    (/proc/PID/status) before, at its peak during the flood and 5 s after its end, and how soon Ctrl-C stops
//    the flood.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnTestAgent, testAgentEnv } from '../e2e/agent-env';
import { type Harness, startAgent, TermClient, tokenFor } from '../sandbox-agent/test/agent-harness';
import type { TerminalSizes } from './args';
import { echoes, echoOnce, nextOutput, type Row, type Stats, sleep, stats, unshareFloorOnce } from './lib';
import { measureWettyEcho, WETTY_VERSION } from './measure-peer';

const PROMPT = /# $/;

/** A new student's first tab: open → first prompt, ms. */
async function openToPrompt(h: Harness): Promise<{ ms: number; client: TermClient }> {
  const client = new TermClient(h, await tokenFor(h), 0);
  const prompt = nextOutput(client, (t) => PROMPT.test(t), 30_000);
  // Stamped in the 'open' event itself: a warm sandbox's prompt can come in the same read as the upgrade's
  // answer, and be handled before the code after `await client.open()` runs.
  let opened = 0;
  client.ws.once('open', () => {
    opened = performance.now();
  });
  await client.open();
  return { ms: (await prompt) - opened, client };
}

/** Sandbox starts, one student at a time (each after `before`) and `together` at once, beside the floor. */
async function startRows(
  h: Awaited<ReturnType<typeof startAgent>>,
  sizes: { runs: number; together: number; floorMedian: number },
  how: { names: [string, string]; goals: [number, number]; before(): Promise<void> },
): Promise<Row[]> {
  const alone: number[] = [];
  for (let i = 0; i < sizes.runs; i++) {
    await how.before();
    const { ms, client } = await openToPrompt(h);
    alone.push(ms);
    await client.close();
  }
  await how.before();
  const many = await Promise.all(Array.from({ length: sizes.together }, () => openToPrompt(h)));
  await Promise.all(many.map((x) => x.client.close()));
  const row = (metric: string, s: Stats, value: number, what: string, goal: number): Row => ({
    metric,
    value,
    unit: 'ms',
    stats: s,
    reference: { kind: 'floor', what, value: sizes.floorMedian },
    goal: { op: '<', value: goal },
  });
  const a = stats(alone);
  const m = stats(many.map((x) => x.ms));
  return [
    row(how.names[0], a, a.median, 'unshare -Umpuin -C -f true', how.goals[0]),
    row(how.names[1], m, m.p99, 'unshare … true, alone', how.goals[1]),
  ];
}

/**
 * The same starts with warm sandboxes (GAIOLA_WARM_SANDBOXES), as many as connect at once: each start once the
 * pool is full again, a student who finds one ready.
 */
async function warmStarts(sizes: { runs: number; together: number; floorMedian: number }): Promise<Row[]> {
  const { together } = sizes;
  const h = await startAgent({ maxSandboxes: together + 2, graceMs: 0, slotOffset: 400, warmSandboxes: together });
  try {
    return await startRows(h, sizes, {
      names: [
        'sandbox start, a warm sandbox ready (ws open → first prompt)',
        `sandbox start, ${together} connecting at once, ${together} warm (p99)`,
      ],
      goals: [5, 100],
      before: async () => {
        while (h.registry.warmReady < together) await sleep(20);
      },
    });
  } finally {
    await h.stop();
  }
}

/** A process's resident set, MiB (VmRSS in /proc/PID/status; 0 once it is gone). */
function rssMiB(pid: number): number {
  try {
    const m = /^VmRSS:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

const FLOOD_AGENT_PORT = 3322;
/** How often the agent's RSS is read during the flood. */
const RSS_SAMPLE_MS = 100;
/** The goal's "back within 5 s of the end": the RSS then is read against the one before the flood. */
const SETTLE_MS = 5000;

/**
 * The flood against an agent in a process of its own (main.ts, as `npm start` runs it; its environment as the
 * e2e tests give theirs): one tab runs `yes` for `seconds` while another types. The agent's RSS is the process's
 * own, read from /proc, so the client's copies of the flood (this process keeps every byte) do not count.
 */
async function floodRows(seconds: number): Promise<Row[]> {
  const run = 'gaiola-bench-flood';
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gaiola-bench-flood-'));
  const agent = spawnTestAgent({
    ...testAgentEnv({ run, dataDir, agentPort: FLOOD_AGENT_PORT, sitePort: 3000, slot: 2810 }),
    GAIOLA_GRACE_SECONDS: '0',
    GAIOLA_WARM_SANDBOXES: '0',
  });
  const clients: TermClient[] = [];
  try {
    await agent.ready();
    // TermClient and tokenFor need only the agent's URL.
    const h = { url: `http://127.0.0.1:${FLOOD_AGENT_PORT}` } as Harness;
    const pid = agent.child.pid ?? 0;
    const typist = (await openToPrompt(h)).client;
    const flooder = (await openToPrompt(h)).client;
    clients.push(typist, flooder);
    // The agent's own warm-up (JIT, the first sandboxes) settles before the figure it is read against.
    await echoes(typist, 20);
    await sleep(1000);
    const before = rssMiB(pid);
    let peak = before;
    const sampler = setInterval(() => {
      peak = Math.max(peak, rssMiB(pid));
    }, RSS_SAMPLE_MS);
    flooder.type('yes\r');
    const during: number[] = [];
    const until = performance.now() + seconds * 1000;
    while (performance.now() < until) during.push(await echoOnce(typist));
    let last = performance.now();
    const onData = () => {
      last = performance.now();
    };
    flooder.ws.on('message', onData);
    const ctrlC = performance.now();
    flooder.type('\x03');
    // stopped: no output for 500 ms
    while (performance.now() - last < 500) await sleep(50);
    flooder.ws.off('message', onData);
    await sleep(Math.max(0, last + SETTLE_MS - performance.now()));
    clearInterval(sampler);
    const settled = rssMiB(pid);
    const f = stats(during);
    return [
      {
        metric: `keystroke echo while another sandbox floods (yes, ${seconds} s) (p99)`,
        value: f.p99,
        unit: 'ms',
        stats: f,
        goal: { op: '<', value: 30 },
      },
      { metric: 'Ctrl-C → the flood stops reaching the client', value: last - ctrlC, unit: 'ms' },
      {
        metric: `agent RSS growth during the flood (peak − before, sampled every ${RSS_SAMPLE_MS} ms)`,
        value: peak - before,
        unit: 'MiB',
        goal: { op: '<', value: 30 },
        note: `${before.toFixed(0)} → ${peak.toFixed(0)} MiB; the agent in a process of its own`,
      },
      {
        metric: `agent RSS ${SETTLE_MS / 1000} s after the flood's end − before`,
        value: settled - before,
        unit: 'MiB',
        note: `${settled.toFixed(0)} MiB`,
      },
    ];
  } finally {
    await Promise.all(clients.map((c) => c.close()));
    await agent.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * The stage, sized by `--quick` or the size options (bench/args.ts); a busy of 0 or no flood seconds leave
 * those rows out (the classroom-VM guest runs the starts and the echo against wetty only).
 */
export async function measureTerminal({ runs, together, keys, busy, floodSeconds }: TerminalSizes): Promise<Row[]> {
  const rows: Row[] = [];
  const floor: number[] = [];
  for (let i = 0; i < runs; i++) floor.push(await unshareFloorOnce());
  const floorMedian = stats(floor).median;

  const h = await startAgent({ maxSandboxes: busy + together + 4, graceMs: 0, slotOffset: 300 });
  try {
    const sizes = { runs, together, floorMedian };
    rows.push(
      ...(await startRows(h, sizes, {
        names: ['sandbox start (ws open → first prompt), alone', `sandbox start, ${together} connecting at once (p99)`],
        // issue 18's goals: < 20 ms cold alone; 30 at once under 100 ms (met by warming as many as the class)
        goals: [20, 100],
        before: async () => {
          await sleep(50);
        },
      })),
    );
    await sleep(500);
    rows.push(...(await warmStarts(sizes)));

    // keystroke echo, alone
    const typist = (await openToPrompt(h)).client;
    const e1 = stats(await echoes(typist, keys));
    const peer = await measureWettyEcho(keys);
    rows.push({
      metric: 'keystroke echo, alone (p99)',
      value: e1.p99,
      unit: 'ms',
      stats: e1,
      reference: peer ? { kind: 'peer', what: `wetty ${WETTY_VERSION}, local bash`, value: peer.p99 } : undefined,
      // ≤ 1.0× wetty's p99 in the same run; without the peer, the older absolute goal
      goal: peer ? { op: '<=', value: peer.p99 } : { op: '<', value: 10 },
      note: peer
        ? `median ${e1.median.toFixed(1)} ms; wetty median ${peer.median.toFixed(1)} ms; goal: wetty's p99 in this run`
        : 'the peer (wetty) could not run',
    });
    // The goal at the median is wetty's own median in the same run (≤ 1.0×): the peer is the goal.
    rows.push({
      metric: 'keystroke echo, alone (median)',
      value: e1.median,
      unit: 'ms',
      stats: e1,
      reference: peer ? { kind: 'peer', what: `wetty ${WETTY_VERSION}, local bash`, value: peer.median } : undefined,
      goal: peer ? { op: '<=', value: peer.median } : undefined,
      note: peer ? "goal: wetty's median in this run" : 'the peer (wetty) could not run',
    });

    if (busy > 0) rows.push(await busyEcho(h, typist, busy, keys));
    await typist.close();
  } finally {
    await h.stop();
  }
  if (floodSeconds > 0) rows.push(...(await floodRows(floodSeconds)));
  return rows;
}

/** Keystroke echo while `busy` other sandboxes each type a command a second. */
async function busyEcho(h: Harness, typist: TermClient, busy: number, keys: number): Promise<Row> {
  const others = await Promise.all(Array.from({ length: busy }, () => openToPrompt(h)));
  let typing = true;
  const load = Promise.all(
    others.map(async ({ client }, i) => {
      await sleep((i * 1000) / busy);
      while (typing) {
        client.type('ls /root >/dev/null\r');
        await sleep(1000);
      }
    }),
  );
  const e2 = stats(await echoes(typist, keys));
  typing = false;
  await load;
  await Promise.all(others.map((x) => x.client.close()));
  await sleep(500);
  return {
    metric: `keystroke echo, ${busy} other sandboxes typing a command a second (p99)`,
    value: e2.p99,
    unit: 'ms',
    stats: e2,
    goal: { op: '<', value: 30 },
  };
}
