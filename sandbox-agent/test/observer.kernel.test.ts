// One picture of a sandbox: after a prompt, the lesson's checks and the open Kernel panel each ask for a
// snapshot newer than it, and one look answers both (sessions/sandbox-observer.ts), through the agent as it
// runs, on a real sandbox. The counts are the agent's own: snapshots asked for, snapshots taken.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startAgent, TermClient, tokenFor, waitUntil } from './agent-harness';
import { kernelSuite } from './kernel-helpers';

const { skip } = kernelSuite('observer.kernel.test');

describe.skipIf(skip !== undefined)('one picture of a sandbox', () => {
  let h: Harness;
  let c: TermClient;
  beforeAll(async () => {
    h = await startAgent({ lessons: true, panel: true, slotOffset: 60 });
    c = new TermClient(h, await tokenFor(h), 0);
    await c.open();
    await c.hello();
  });
  afterAll(async () => {
    await c?.close();
    await h?.stop();
  });

  it("a prompt's one look serves the checks and the open Kernel panel", async () => {
    await c.run('true');
    c.sendJson({ type: 'lesson', slug: '02-unshare' });
    c.sendJson({ type: 'panel', open: true, section: 'processes' });
    const stepsSeen = () => c.control.filter((m) => m.type === 'steps').length;
    await waitUntil(() => c.control.some((m) => m.type === 'panel') && stepsSeen() > 0, 'the panel and the checks');
    let shared = 0;
    // Each prompt brings a run of the checks and, a moment later, the panel's next look; the panel's own pace
    // adds looks of its own in between, so a few prompts are tried.
    for (let i = 0; i < 8 && shared === 0; i++) {
      const before = { ...h.looks };
      const steps = stepsSeen();
      await c.run(`echo prompt-${i}`);
      await waitUntil(
        () => stepsSeen() > steps && h.looks.requests >= before.requests + 2,
        'the checks and the panel after the prompt',
      );
      shared += h.looks.requests - before.requests - (h.looks.looks - before.looks);
    }
    expect(shared).toBeGreaterThan(0);
    // The checks' verdicts still come from the kernel: nothing of the lesson was done by `echo`.
    const last = c.control.filter((m) => m.type === 'steps').at(-1);
    expect(last?.type === 'steps' && last.steps.every((s) => !s.done)).toBe(true);
  });
});
