// For lesson authors: runs command lines in a fresh sandbox, as a student would type them, and prints what
// each printed and its exit status; then frees everything. Checks a lesson's claims against the kernel here.
//   node --import tsx scripts/try-sandbox.ts 'cd /root && ls' 'cat /proc/self/cgroup'
//   node --import tsx scripts/try-sandbox.ts --tab1 'sleep 1000 &' -- 'ps'   (lines after -- go to a second shell)
// Needs root, the launcher and the base image (npm start or npm test installs them).
import { probeHost } from '../sandbox-agent/src/kernel/probe';
import { createSandbox } from '../sandbox-agent/src/kernel/sandbox';
import {
  cleanupTestRun,
  kernelTestSkipReason,
  Terminal,
  testId,
  testKernelConfig,
  testSlot,
} from '../sandbox-agent/test/kernel-helpers';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.length === 0 || args.includes('--help')) {
    console.log("usage: try-sandbox.ts [--tab1] 'command line' ... [-- 'line for a second shell' ...]");
    process.exit(args.length === 0 ? 2 : 0);
  }
  const split = args.indexOf('--');
  const first = (split === -1 ? args : args.slice(0, split)).filter((a) => a !== '--tab1');
  const second = split === -1 ? [] : args.slice(split + 1);
  const probe = probeHost();
  const skip = kernelTestSkipReason(probe);
  if (skip) throw new Error(skip);
  const cfg = testKernelConfig();
  const sb = await createSandbox(cfg, probe, { id: testId(), slot: testSlot(), hostname: 'gaiola-try' });
  try {
    const shells = [new Terminal(sb.spawnShell({ cols: 200, rows: 50 }))];
    if (second.length > 0) shells.push(new Terminal(sb.spawnShell({ cols: 200, rows: 50 })));
    await Promise.all(shells.map((s) => s.ready()));
    const plan: [number, string][] = [...first.map((l) => [0, l] as [number, string])];
    // The second shell's lines run after the first shell's, so that `&` jobs of the first are up.
    plan.push(...second.map((l) => [1, l] as [number, string]));
    for (const [tab, line] of plan) {
      const shell = shells[tab] as Terminal;
      const r = await shell.run(line, 60_000);
      console.log(`\x1b[1m[${tab === 0 ? 'A' : 'B'}]$ ${line}\x1b[0m  (exit ${r.code})`);
      if (r.out !== '') console.log(r.out);
    }
  } finally {
    await sb.destroy();
    await cleanupTestRun(cfg, probe);
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
