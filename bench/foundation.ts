// Foundation measurements, on this machine, through the real agent (in process) and real sandboxes:
//  1. WebSocket open → first prompt byte, a new sandbox each time (median/p99/min/max of N runs);
//  2. memory with 10 idle sandboxes (agent RSS delta; PSS of every process the agent started);
//  Run: npm run bench   (as root; prints a table and machine details)
import fs from 'node:fs';
import os from 'node:os';
import { startAgent, TermClient, tokenFor, waitUntil } from '../sandbox-agent/test/agent-harness';

const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const IDLE = Number(process.env.BENCH_IDLE ?? 10);

function stats(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? Number.NaN;
  return { n: s.length, median: q(0.5), p99: q(0.99), min: s[0], max: s[s.length - 1] };
}

function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(d));
      children.set(ppid, list);
    } catch {
      // gone
    }
  }
  const out: number[] = [];
  const walk = (p: number) => {
    for (const c of children.get(p) ?? []) {
      out.push(c);
      walk(c);
    }
  };
  walk(root);
  return out;
}

function pssKiB(pid: number): number {
  try {
    const m = /^Pss:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

async function main() {
  // Grace 0: a closed tab frees its sandbox at once, so every run starts a fresh one.
  const h = await startAgent({ maxSandboxes: IDLE + 2, graceMs: 0 });
  try {
    // 1. start to prompt, a fresh sandbox per run.
    const fromOpen: number[] = [];
    const fromConnect: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const token = await tokenFor(h);
      const t0 = performance.now();
      const c = new TermClient(h, token, 0);
      await c.open();
      const t1 = performance.now();
      await waitUntil(() => /# $/.test(c.output), 'prompt', 10_000);
      const t2 = performance.now();
      fromOpen.push(t2 - t1);
      fromConnect.push(t2 - t0);
      await c.close();
      await waitUntil(() => h.events.destroyed.length === i + 1, 'sandbox freed', 10_000);
    }
    // 2. memory with IDLE idle sandboxes.
    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    const clients: TermClient[] = [];
    for (let i = 0; i < IDLE; i++) {
      const c = new TermClient(h, await tokenFor(h), 0);
      await c.open();
      await waitUntil(() => /# $/.test(c.output), 'prompt', 10_000);
      clients.push(c);
    }
    await new Promise((r) => setTimeout(r, 1000));
    global.gc?.();
    const rssAfter = process.memoryUsage().rss;
    const pids = descendants(process.pid);
    const pss = pids.reduce((sum, p) => sum + pssKiB(p), 0);
    for (const c of clients) await c.close();

    const fmt = (o: ReturnType<typeof stats>) =>
      `median ${o.median.toFixed(1)} ms, p99 ${o.p99.toFixed(1)}, min ${o.min?.toFixed(1)}, max ${o.max?.toFixed(1)} (n=${o.n})`;
    console.log(
      `machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, kernel ${os.release()}`,
    );
    console.log(`ws open → first prompt:      ${fmt(stats(fromOpen))}`);
    console.log(`ws connect → first prompt:   ${fmt(stats(fromConnect))}`);
    console.log(
      `${IDLE} idle sandboxes: agent RSS +${((rssAfter - rssBefore) / 2 ** 20).toFixed(1)} MiB (now ${(rssAfter / 2 ** 20).toFixed(1)} MiB); ` +
        `PSS of the ${pids.length} processes it started: ${(pss / 1024).toFixed(1)} MiB (${(pss / 1024 / IDLE).toFixed(2)} MiB per sandbox)`,
    );
  } finally {
    await h.stop();
  }
}

void main();
