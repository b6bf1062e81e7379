// Churn: create → destroy cycles at the kernel layer, one after the other; time per cycle, and whether
// the host is back where it started: this process's fds, the host's mounts, this run's cgroups, veth
// interfaces, and processes in the sandboxes' uid range.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { parentDirs } from '../sandbox-agent/src/kernel/cgroup-layout';
import { probeHost } from '../sandbox-agent/src/kernel/probe';
import { createSandbox } from '../sandbox-agent/src/kernel/sandbox';
import { cleanupTestRun, processesInUidRange, testKernelConfig } from '../sandbox-agent/test/kernel-helpers';
import { type Row, stats } from './lib';

function counts(parents: string[], uidBase: number) {
  const cgroups = parents.reduce((n, p) => {
    try {
      return n + fs.readdirSync(p, { withFileTypes: true }).filter((e) => e.isDirectory()).length;
    } catch {
      return n;
    }
  }, 0);
  return {
    fds: fs.readdirSync('/proc/self/fd').length,
    mounts: fs.readFileSync('/proc/self/mountinfo', 'utf8').split('\n').length,
    cgroups,
    veths: execFileSync('ip', ['-o', 'link', 'show', 'type', 'veth'], { encoding: 'utf8' }).split('\n').filter(Boolean)
      .length,
    processes: processesInUidRange(uidBase).length,
  };
}

export async function measureChurn(quick: boolean): Promise<Row[]> {
  const cycles = quick ? 50 : 1000;
  const probe = probeHost();
  const uidBase = 1048576 + 2600 * 65536;
  const cfg = testKernelConfig({ uidBase, maxSlots: 8 });
  const times: number[] = [];
  try {
    // one cycle first, so that the parent cgroups exist in the "before" counts
    await (await createSandbox(cfg, probe, { id: 'gaiola-churn-0', slot: 0, hostname: 'churn' })).destroy();
    const parents = parentDirs(probe.cgroup, cfg.cgroupParent);
    const before = counts(parents, uidBase);
    for (let i = 1; i <= cycles; i++) {
      const t0 = performance.now();
      const sb = await createSandbox(cfg, probe, { id: `gaiola-churn-${i}`, slot: i % 4, hostname: 'churn' });
      await sb.destroy();
      times.push(performance.now() - t0);
    }
    const after = counts(parents, uidBase);
    const changed = Object.entries(after)
      .filter(([k, v]) => before[k as keyof typeof before] !== v)
      .map(([k, v]) => `${k} ${before[k as keyof typeof before]}→${v}`);
    const s = stats(times);
    return [
      { metric: `create → destroy cycle (${cycles} in a row)`, value: s.median, unit: 'ms', stats: s },
      {
        metric: `after ${cycles} cycles: fds, mounts, cgroups, veths, processes not back to their counts`,
        value: changed.length,
        unit: 'count',
        goal: { op: '==', value: 0 },
        note: changed.length > 0 ? changed.join(', ') : `all back (fds ${after.fds}, mounts ${after.mounts})`,
      },
    ];
  } finally {
    await cleanupTestRun(cfg, probe);
  }
}
