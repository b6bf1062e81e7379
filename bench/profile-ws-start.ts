// Where the time of a sandbox start goes through the agent: timestamps along the path of one new student's
// first tab (WebSocket open → the registry's attach → createSandbox → the shell's pty → the first prompt
// byte), medians of N runs. Run: node --import tsx bench/profile-ws-start.ts (as root). BENCH_WARM=N keeps N
// warm sandboxes (GAIOLA_WARM_SANDBOXES) and starts each run once they are all ready: a student who finds one.
import { startAgent, TermClient, tokenFor } from '../sandbox-agent/test/agent-harness';
import { nextOutput, sleep, stats } from './lib';

const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const WARM = Number(process.env.BENCH_WARM ?? 0);

async function main(): Promise<void> {
  const h = await startAgent({ maxSandboxes: 4 + WARM, graceMs: 0, slotOffset: 700, warmSandboxes: WARM });
  const marks: Record<string, number[]> = {};
  const mark = (k: string, v: number) => {
    marks[k] = [...(marks[k] ?? []), v];
  };
  // timestamps inside the agent: the registry's attach, and the sandbox's shell spawn
  const reg = h.registry as unknown as { attach: (...a: unknown[]) => Promise<unknown> };
  const attach = reg.attach.bind(reg);
  let attachAt = 0;
  let attachedAt = 0;
  reg.attach = async (...a: unknown[]) => {
    attachAt = performance.now();
    const r = await attach(...a);
    attachedAt = performance.now();
    return r;
  };
  const inner = h.registry as unknown as { createSandbox: (...a: unknown[]) => Promise<unknown> };
  const create = inner.createSandbox;
  let createMs = 0;
  inner.createSandbox = async (...a: unknown[]) => {
    const t = performance.now();
    const r = await create(...a);
    createMs = performance.now() - t;
    return r;
  };
  try {
    for (let i = 0; i < RUNS; i++) {
      while (h.registry.warmReady < WARM) await sleep(20);
      const token = await tokenFor(h);
      const c = new TermClient(h, token, 0);
      const firstByte = nextOutput(c, () => true, 10_000);
      const prompt = nextOutput(c, (t) => /# $/.test(t), 10_000);
      const t0 = performance.now();
      // Stamped in the 'open' event: a warm sandbox's prompt can arrive in the upgrade's own read.
      let opened = 0;
      c.ws.once('open', () => {
        opened = performance.now();
      });
      await c.open();
      const fb = await firstByte;
      const p = await prompt;
      mark('client: connect → open', opened - t0);
      mark('open → agent attach called', attachAt - opened);
      mark('attach (sandbox + shell)', attachedAt - attachAt);
      mark('  of which createSandbox', createMs);
      mark('attach done → first byte at client', fb - attachedAt);
      mark('first byte → prompt', p - fb);
      mark('open → prompt (total)', p - opened);
      await c.close();
      await sleep(100);
    }
  } finally {
    await h.stop();
  }
  for (const [k, v] of Object.entries(marks)) console.log(`${k.padEnd(36)} median ${stats(v).median.toFixed(1)} ms`);
}

void main();
