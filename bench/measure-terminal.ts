// What a student feels at the terminal, through the real agent (in process) and real sandboxes:
//  - sandbox start: WebSocket open → first prompt byte, alone and many connecting at once, beside the floor
//    (`unshare` of the same namespaces running `true`, spawn to exit);
//  - keystroke echo: a key sent → its echo received, alone (beside wetty, the peer, in the same run) and
//    while other sandboxes each type a command a second;
//  - output flood: one sandbox runs `yes` while another types; the typist's echo, the agent's RSS, and how
//    soon Ctrl-C stops the flood.
import { startAgent, TermClient, tokenFor } from '../sandbox-agent/test/agent-harness';
import { echoes, echoOnce, nextOutput, type Row, type Stats, sleep, stats, unshareFloorOnce } from './lib';
import { measureWettyEcho, WETTY_VERSION } from './measure-peer';

const PROMPT = /# $/;

/** A new student's first tab: open → first prompt, ms. */
async function openToPrompt(h: Awaited<ReturnType<typeof startAgent>>): Promise<{ ms: number; client: TermClient }> {
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

export async function measureTerminal(quick: boolean): Promise<Row[]> {
  const runs = quick ? 5 : 20;
  const together = quick ? 10 : 30;
  const busy = quick ? 10 : 50;
  const keys = quick ? 50 : 300;
  const floodSeconds = quick ? 3 : 10;
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
        goals: [20, 300],
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
      goal: { op: '<', value: 10 },
      note: peer
        ? `median ${e1.median.toFixed(1)} ms; wetty median ${peer.median.toFixed(1)} ms`
        : 'the peer (wetty) could not run',
    });

    // keystroke echo while `busy` sandboxes each type a command a second
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
    rows.push({
      metric: `keystroke echo, ${busy} other sandboxes typing a command a second (p99)`,
      value: e2.p99,
      unit: 'ms',
      stats: e2,
      goal: { op: '<', value: 30 },
    });
    await Promise.all(others.map((x) => x.client.close()));
    await sleep(500);

    // output flood
    const flooder = (await openToPrompt(h)).client;
    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    flooder.type('yes\r');
    const during: number[] = [];
    const until = performance.now() + floodSeconds * 1000;
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
    global.gc?.();
    const rssAfter = process.memoryUsage().rss;
    const f = stats(during);
    rows.push({
      metric: `keystroke echo while another sandbox floods (yes, ${floodSeconds} s) (p99)`,
      value: f.p99,
      unit: 'ms',
      stats: f,
      goal: { op: '<', value: 30 },
    });
    rows.push({ metric: 'Ctrl-C → the flood stops reaching the client', value: last - ctrlC, unit: 'ms' });
    rows.push({
      metric: 'agent RSS after the flood − before',
      value: (rssAfter - rssBefore) / 2 ** 20,
      unit: 'MiB',
      note: `${(rssBefore / 2 ** 20).toFixed(0)} → ${(rssAfter / 2 ** 20).toFixed(0)} MiB (the agent runs in this process)`,
    });
    await flooder.close();
    await typist.close();
  } finally {
    await h.stop();
  }
  return rows;
}
