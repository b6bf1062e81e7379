// A flood costs the agent nothing it keeps (issue 18): `yes` in a sandbox's terminal pushes many times the
// bounds below through the real agent (pty, prompt-marker filter, batching, replay buffer, WebSocket) while
// the agent's memory is sampled; its growth stays within a bound in bytes, the bytes that passed are not kept,
// and the terminal answers again after Ctrl-C. The tab runs in a process of its own (counting-tab.ts), so
// only the agent's memory is in this one. Every bound is in bytes; no assertion is about time.
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, WS_PATH } from '../src/protocol';
import { type Harness, ORIGIN, startAgent, tokenFor, waitUntil } from './agent-harness';
import { kernelSuite } from './kernel-helpers';

const { skip } = kernelSuite('flood-memory.kernel.test');

const here = path.dirname(fileURLToPath(import.meta.url));
const MIB = 1024 * 1024;
/** What the flood pushes through the agent: more than the peak bound, so an agent that kept it would fail. */
const FLOOD_BYTES = 64 * MIB;
/** How long the flood may take before the test calls it stalled. */
const FLOOD_WAIT_MS = 300_000;
/**
 * The agent's live memory (V8 heap and Buffers) after the flood and full GCs, beyond what it was before: the
 * replay buffer (64 KiB a shell), the flow-control window (128 KiB) and V8's own bookkeeping fit many times.
 */
const KEPT_BOUND = 4 * MIB;
/**
 * The most the same memory grew at any sample during the flood, garbage not yet collected included: V8's young
 * generation (16 MiB semi-spaces) fills with the acknowledgements' small objects before a scavenge; half the
 * flood's size, so an agent holding what it passes on fails.
 */
const PEAK_BOUND = 32 * MIB;
/**
 * The most Buffer memory alone grew during the flood: the pty is read into one buffer, copied into a few frames
 * reused once sent, and the replay ring (64 KiB) is allocated once. A Buffer per read, as node-pty makes, piles
 * up tens of MiB before V8 collects them (the external-memory limit is 64 MiB).
 */
const BUFFERS_BOUND = 4 * MIB;

// A full GC on demand, so "kept" means reachable, not merely not yet collected.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Live JavaScript heap plus the memory behind Buffers: what the agent's own code can hold on to. */
function liveBytes(): number {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

/**
 * liveBytes() after full GCs: V8 sweeps ArrayBuffers (a Buffer's memory) concurrently, after the GC that found
 * them dead, so one GC and a look right after can still count what is already garbage.
 */
async function keptBytes(): Promise<number> {
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((resolve) => setImmediate(resolve));
  }
  return liveBytes();
}

/** The counting tab's process: what it reported last, and on each report the agent's memory sampled. */
class Tab {
  readonly child: ChildProcess;
  received = 0;
  /** Binary frames received: with the bytes, how finely the agent cut the flood. */
  frames = 0;
  tail = '';
  peak = 0;
  /** The highest Buffer memory alone (process.memoryUsage().arrayBuffers) at the same samples. */
  peakBuffers = 0;

  constructor(h: Harness, token: string) {
    const q = new URLSearchParams({ token, tab: '0', v: String(PROTOCOL_VERSION), cols: '80', rows: '24' });
    const url = `${h.url.replace('http', 'ws')}${WS_PATH}?${q}`;
    this.child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'counting-tab.ts'), url, ORIGIN], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    createInterface({ input: this.child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      const r = JSON.parse(line) as { received: number; frames: number; tail: string };
      this.received = r.received;
      this.frames = r.frames;
      this.tail = r.tail;
      this.peak = Math.max(this.peak, liveBytes());
      this.peakBuffers = Math.max(this.peakBuffers, process.memoryUsage().arrayBuffers);
    });
  }

  type(text: string): void {
    this.child.stdin?.write(`${JSON.stringify({ type: text })}\n`);
  }

  stop(): Promise<void> {
    return new Promise((resolve) => {
      if (this.child.exitCode !== null || this.child.signalCode !== null) return resolve();
      this.child.once('exit', () => resolve());
      this.child.kill('SIGTERM');
    });
  }
}

describe.skipIf(skip !== undefined)('a flood in a terminal', () => {
  let h: Harness;
  let tab: Tab;

  beforeAll(async () => {
    h = await startAgent({ slotOffset: 150, maxSandboxes: 2 });
    tab = new Tab(h, await tokenFor(h));
    await waitUntil(() => /# $/.test(tab.tail), 'the first prompt', 30_000);
  });
  afterAll(async () => {
    await tab?.stop();
    await h?.stop();
  });

  const name = `passes ${FLOOD_BYTES / MIB} MiB through the agent, which keeps none of it and answers after`;
  it(name, { timeout: FLOOD_WAIT_MS + 60_000 }, async () => {
    const before = await keptBytes();
    const rssBefore = process.memoryUsage().rss;
    tab.peak = before;
    const buffersBefore = process.memoryUsage().arrayBuffers;
    tab.peakBuffers = buffersBefore;
    const start = tab.received;
    const startFrames = tab.frames;
    const progress = () =>
      `${((tab.received - start) / MIB).toFixed(1)} MiB in ${tab.frames - startFrames} frames ` +
      `(${((tab.received - start) / Math.max(1, tab.frames - startFrames)).toFixed(0)} bytes each)`;
    // Said every 30 s, so a slow flood can be told from a stalled one in the log.
    const ticker = setInterval(() => console.log(`[flood-memory] so far ${progress()}`), 30_000);
    tab.type('yes\r');
    // No time is asserted: the wait only bounds a stalled flood. Under software emulation (the classroom-VM
    // tier's TCG guest, about ten times slower) the 64 MiB take over a minute.
    try {
      await waitUntil(() => tab.received - start >= FLOOD_BYTES, `${FLOOD_BYTES / MIB} MiB of output`, FLOOD_WAIT_MS);
    } finally {
      clearInterval(ticker);
    }
    const peak = tab.peak - before;
    const peakBuffers = tab.peakBuffers - buffersBefore;
    const rss = process.memoryUsage().rss - rssBefore;
    tab.type('\x03');
    tab.type('echo flood-$((40+2))-over\r');
    await waitUntil(() => tab.tail.includes('flood-42-over'), 'the shell answering after the flood');
    const kept = (await keptBytes()) - before;
    console.log(
      `[flood-memory] ${progress()} passed; the agent's live memory peak ` +
        `+${(peak / MIB).toFixed(1)} MiB (Buffers +${(peakBuffers / MIB).toFixed(1)} MiB), kept +${(kept / MIB).toFixed(2)} MiB; its RSS +${(rss / MIB).toFixed(1)} MiB`,
    );
    expect(tab.received - start).toBeGreaterThanOrEqual(FLOOD_BYTES);
    expect(peak).toBeLessThan(PEAK_BOUND);
    expect(peakBuffers).toBeLessThan(BUFFERS_BOUND);
    expect(kept).toBeLessThan(KEPT_BOUND);
  });
});
