// Sandbox lifecycle on this machine, at the kernel layer (no WebSocket): create → ready and destroy →
// nothing left, median of N, beside the floor (`unshare` of the same namespaces running `true`, timed the
// same way: spawn to exit); then M sandboxes started at once, with the host memory they take.
// Run: npm run bench:lifecycle (as root). BENCH_RUNS (100) and BENCH_AT_ONCE (100) change the sizes.
import os from 'node:os';
import { probeHost } from '../sandbox-agent/src/kernel/probe';
import { createSandbox, type Sandbox } from '../sandbox-agent/src/kernel/sandbox';
import { cleanupTestRun, testKernelConfig } from '../sandbox-agent/test/kernel-helpers';
import { hostMemMiB, summary, unshareFloorOnce } from './lib';

const RUNS = Number(process.env.BENCH_RUNS ?? 100);
const AT_ONCE = Number(process.env.BENCH_AT_ONCE ?? 100);

async function main() {
  const probe = probeHost();
  const cfg = testKernelConfig({ uidBase: 1048576 + 2000 * 65536, maxSlots: Math.max(AT_ONCE, 8) });
  try {
    const floor: number[] = [];
    for (let i = 0; i < RUNS; i++) floor.push(await unshareFloorOnce());
    const create: number[] = [];
    const destroy: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      const sb = await createSandbox(cfg, probe, { id: `gaiola-b${i}`, slot: 0, hostname: 'bench' });
      const t1 = performance.now();
      await sb.destroy();
      destroy.push(performance.now() - t1);
      create.push(t1 - t0);
    }
    const before = hostMemMiB();
    const t0 = performance.now();
    const results = await Promise.allSettled(
      Array.from({ length: AT_ONCE }, (_, i) =>
        createSandbox(cfg, probe, { id: `gaiola-c${i}`, slot: i, hostname: 'bench' }),
      ),
    );
    const started = performance.now() - t0;
    const ok = results
      .filter((r): r is PromiseFulfilledResult<Sandbox> => r.status === 'fulfilled')
      .map((r) => r.value);
    const shells = ok.map((sb) => sb.spawnShell({ cols: 80, rows: 24 }));
    await new Promise((r) => setTimeout(r, 3000));
    const after = hostMemMiB();
    const t2 = performance.now();
    await Promise.allSettled(ok.map((sb) => sb.destroy()));
    const tornDown = performance.now() - t2;
    for (const s of shells) s.kill();

    console.log(
      `machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, kernel ${os.release()}, cgroups ${probe.cgroup.mode}`,
    );
    console.log(`floor (unshare -Umpuin C -f true, spawn → exit): ${summary(floor)}`);
    console.log(`create → ready:                               ${summary(create)}`);
    console.log(`destroy → nothing left:                       ${summary(destroy)}`);
    console.log(
      `${AT_ONCE} at once: ${ok.length} started in ${started.toFixed(0)} ms, each with an idle bash: ` +
        `host memory +${(after - before).toFixed(0)} MiB (${((after - before) / Math.max(1, ok.length)).toFixed(2)} MiB per sandbox); ` +
        `all destroyed in ${tornDown.toFixed(0)} ms`,
    );
    const failed = results.filter((r) => r.status === 'rejected');
    if (failed.length > 0)
      console.log(`failures: ${failed.length}: ${String((failed[0] as PromiseRejectedResult).reason)}`);
  } finally {
    await cleanupTestRun(cfg, probe);
  }
}

void main();
