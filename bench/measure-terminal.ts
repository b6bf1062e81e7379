// What a student feels at the terminal, through the real agent (in process) and real sandboxes:
//  - sandbox start: WebSocket open → first prompt byte, alone and many connecting at once, beside the floor
//    (`unshare` of the same namespaces running `true`, spawn to exit);
//  - keystroke echo: a key sent → its echo received, alone (beside wetty, the peer, in the same run) and
//    while other sandboxes each type a command a second;
//  - output flood: one sandbox runs `yes` while another types; the typist's echo, the agent's RSS, and how
//    soon Ctrl-C stops the flood.
import { startAgent, TermClient, tokenFor } from '../sandbox-agent/test/agent-harness';
import { nextOutput, type Row, sleep, stats, unshareFloorOnce } from './lib';
import { measureWettyEcho, WETTY_VERSION } from './measure-peer';

const PROMPT = /# $/;

/** A new student's first tab: open → first prompt, ms. */
async function openToPrompt(h: Awaited<ReturnType<typeof startAgent>>): Promise<{ ms: number; client: TermClient }> {
  const client = new TermClient(h, await tokenFor(h), 0);
  const prompt = nextOutput(client, (t) => PROMPT.test(t), 30_000);
  await client.open();
  const opened = performance.now();
  return { ms: (await prompt) - opened, client };
}

/** One key typed at a prompt → its echo back, ms; then erased so the line stays empty. */
async function echoOnce(c: TermClient): Promise<number> {
  const echo = nextOutput(c, (t) => t.includes('x'));
  const t0 = performance.now();
  c.type('x');
  const ms = (await echo) - t0;
  const erased = nextOutput(c, (t) => t.includes('\b'));
  c.type('\x7f');
  await erased;
  return ms;
}

async function echoes(c: TermClient, n: number, spacingMs = 20): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    out.push(await echoOnce(c));
    await sleep(spacingMs);
  }
  return out;
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
    // sandbox start, alone
    const alone: number[] = [];
    for (let i = 0; i < runs; i++) {
      const { ms, client } = await openToPrompt(h);
      alone.push(ms);
      await client.close();
      await sleep(50);
    }
    const a = stats(alone);
    rows.push({
      metric: 'sandbox start (ws open → first prompt), alone',
      value: a.median,
      unit: 'ms',
      stats: a,
      reference: { kind: 'floor', what: 'unshare -Umpuin -C -f true', value: floorMedian },
      goal: { op: '<', value: 20 },
    });
    // many at once
    const many = await Promise.all(Array.from({ length: together }, () => openToPrompt(h)));
    const m = stats(many.map((x) => x.ms));
    rows.push({
      metric: `sandbox start, ${together} connecting at once (p99)`,
      value: m.p99,
      unit: 'ms',
      stats: m,
      reference: { kind: 'floor', what: 'unshare … true, alone', value: floorMedian },
      goal: { op: '<', value: 300 },
    });
    await Promise.all(many.map((x) => x.client.close()));
    await sleep(500);

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
