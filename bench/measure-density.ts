// Density: N idle sandboxes through the real agent (in process), each with one shell at its prompt. Memory
// in all = the PSS of every process the agent started (launchers, keepers, shells) + the agent's own RSS
// growth; and the host's MemTotal − MemAvailable change, which also counts kernel memory (page tables,
// namespaces, the tmpfs of each sandbox).
import { startAgent, TermClient, tokenFor } from '../sandbox-agent/test/agent-harness';
import { descendants, hostMemMiB, nextOutput, pssKiB, type Row, sleep } from './lib';

export async function measureDensity(quick: boolean): Promise<Row[]> {
  const n = quick ? 20 : 100;
  const h = await startAgent({ maxSandboxes: n + 2, graceMs: 60_000, slotOffset: 500 });
  const clients: TermClient[] = [];
  try {
    global.gc?.();
    await sleep(300);
    const hostBefore = hostMemMiB();
    const rssBefore = process.memoryUsage().rss;
    for (let i = 0; i < n; i++) {
      const c = new TermClient(h, await tokenFor(h), 0);
      const prompt = nextOutput(c, (t) => /# $/.test(t), 30_000);
      await c.open();
      await prompt;
      clients.push(c);
    }
    await sleep(1000);
    global.gc?.();
    const rssGrowth = (process.memoryUsage().rss - rssBefore) / 2 ** 20;
    const pss = descendants(process.pid).reduce((sum, p) => sum + pssKiB(p), 0) / 1024;
    const host = hostMemMiB() - hostBefore;
    const total = pss + Math.max(0, rssGrowth);
    return [
      {
        metric: `memory of ${n} idle sandboxes in all (their processes' PSS + the agent's growth)`,
        value: total,
        unit: 'MiB',
        goal: n === 100 ? { op: '<', value: 400 } : undefined,
        note: `${(total / n).toFixed(2)} MiB per sandbox; agent RSS +${rssGrowth.toFixed(1)} MiB`,
      },
      {
        metric: `host memory used, ${n} idle sandboxes (MemTotal − MemAvailable change)`,
        value: host,
        unit: 'MiB',
        note: `${(host / n).toFixed(2)} MiB per sandbox, kernel memory included`,
      },
    ];
  } finally {
    await Promise.all(clients.map((c) => c.close()));
    await h.stop();
  }
}
