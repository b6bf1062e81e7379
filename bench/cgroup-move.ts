// Where a sandbox start's time goes: moving a process into a cgroup right after another move is almost free,
// but after the host has been idle for a moment it costs an RCU grace period (the kernel's
// cgroup_threadgroup_rwsem leaves its fast mode only after one). The launcher and each shell move a process
// into the sandbox's cgroups. Run: node --import tsx bench/cgroup-move.ts (as root; makes and removes a
// `gaiola-move-<pid>` cgroup under the memory hierarchy, or the v2 root).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { sleep, stats } from './lib';

async function main(): Promise<void> {
  const v2 = !fs.existsSync('/sys/fs/cgroup/memory/cgroup.procs');
  const root = v2 ? '/sys/fs/cgroup' : '/sys/fs/cgroup/memory';
  const dir = `${root}/gaiola-move-${process.pid}`;
  fs.mkdirSync(dir);
  try {
    for (const gap of [0, 100]) {
      const ms: number[] = [];
      for (let i = 0; i < 10; i++) {
        const p = spawn('sleep', ['5']);
        await sleep(gap);
        const t = performance.now();
        fs.writeFileSync(`${dir}/cgroup.procs`, String(p.pid));
        ms.push(performance.now() - t);
        fs.writeFileSync(`${root}/cgroup.procs`, String(p.pid));
        p.kill();
        await new Promise((r) => p.once('exit', r));
      }
      const s = stats(ms);
      console.log(
        `move into a cgroup, ${gap} ms after the last move: median ${s.median.toFixed(1)} ms, max ${s.max.toFixed(1)}`,
      );
    }
  } finally {
    fs.rmdirSync(dir);
  }
}

void main();
