// A new student's first prompt with each way into a v2 cgroup: born there (clone3 with CLONE_INTO_CGROUP,
// the default) or moved there after a fork (`GAIOLA_CGROUP_ENTRY=move`), beside the floor (`unshare` of the
// same namespaces running `true`). Two agents run side by side and take turns, each start after a quiet
// 100 ms (a student arriving, not a batch): a move's cost is an RCU grace period that a burst of moves pays
// only once. On a v1 host both ways move (v1 has no CLONE_INTO_CGROUP); the figures then differ only by noise.
// Run: npm run bench:cgroup-entry (as root; BENCH_RUNS, 20 by default).
import { probeHost } from '../sandbox-agent/src/kernel/probe';
import { startAgent, TermClient, tokenFor } from '../sandbox-agent/test/agent-harness';
import { machine, nextOutput, sleep, stats, summary, unshareFloorOnce } from './lib';

const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const QUIET_MS = 100;

async function openToPrompt(h: Awaited<ReturnType<typeof startAgent>>): Promise<number> {
  const client = new TermClient(h, await tokenFor(h), 0);
  const prompt = nextOutput(client, (t) => /# $/.test(t), 30_000);
  await client.open();
  const opened = performance.now();
  const ms = (await prompt) - opened;
  await client.close();
  return ms;
}

async function main(): Promise<void> {
  console.log(`machine: ${machine()}`);
  const floor: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    await sleep(QUIET_MS);
    floor.push(await unshareFloorOnce());
  }
  const clone = await startAgent({ maxSandboxes: 4, graceMs: 0, slotOffset: 820, cgroupEntry: 'clone' });
  const move = await startAgent({ maxSandboxes: 4, graceMs: 0, slotOffset: 830, cgroupEntry: 'move' });
  console.log(`cgroup mode: ${probeHost().cgroup.mode}`);
  const ms = { clone: [] as number[], move: [] as number[] };
  try {
    for (let i = 0; i < RUNS; i++) {
      for (const [name, h] of i % 2
        ? ([
            ['move', move],
            ['clone', clone],
          ] as const)
        : ([
            ['clone', clone],
            ['move', move],
          ] as const)) {
        await sleep(QUIET_MS);
        ms[name].push(await openToPrompt(h));
      }
    }
  } finally {
    await clone.stop();
    await move.stop();
  }
  const f = stats(floor).median;
  console.log(`floor (unshare -Umpuin -C -f true):        ${summary(floor)}`);
  for (const name of ['clone', 'move'] as const) {
    const s = stats(ms[name]);
    console.log(
      `ws open → first prompt, ${name.padEnd(5)}: ${summary(ms[name])}; ${(s.median / f).toFixed(1)}× the floor`,
    );
  }
}

void main();
