// On cgroup v2 a sandbox's init and its shells are born in their cgroup (clone3 with CLONE_INTO_CGROUP),
// never moved: a move waits out an RCU grace period after a quiet moment, 5-20 ms of a student's first
// prompt. Proven from the kernel's own trace of moves (cgroup_attach_task), both ways: none with the default,
// one per process with `--cgroup-entry move`. A pure v2 host runs it through the agent's createSandbox; a
// hybrid host through the launcher on its unified hierarchy; a v1-only host has no v2 path to test.
import { describe, expect, it } from 'vitest';
import { createSandbox } from '../src/kernel/sandbox';
import { attachTraceSkipReason, traceCgroupAttaches } from './cgroup-trace';
import { cleanupTestRun, kernelSuite, Terminal, testId, testKernelConfig, testSlot } from './kernel-helpers';
import { cleanupUnified, startOnUnified, unifiedSkipReason } from './unified-sandbox';

const { probe, skip } = kernelSuite('cgroup-entry.kernel.test', attachTraceSkipReason, (p) =>
  p.cgroup.mode === 'v2' || unifiedSkipReason() === undefined ? undefined : 'cgroup v1 only: no v2 hierarchy to test',
);
const pureV2 = probe.cgroup.mode === 'v2';

/** Starts a sandbox and one shell in it with `entry`; returns the moves the kernel recorded meanwhile. */
async function movesOfAStart(entry: 'clone' | 'move', slot: number): Promise<string[]> {
  const cfg = testKernelConfig({ cgroupEntry: entry });
  const id = testId();
  const trace = await traceCgroupAttaches(id);
  let moves: string[] | undefined;
  try {
    if (pureV2) {
      const sb = await createSandbox(cfg, probe, { id, slot, hostname: 'gaiola-entry' });
      try {
        const t = new Terminal(sb.spawnShell({ cols: 120, rows: 30 }));
        await t.ready();
        expect(await t.ok('command grep ^0:: /proc/self/cgroup')).toBe('0::/init');
        moves = await trace.stop();
      } finally {
        await sb.destroy();
      }
    } else {
      const sb = await startOnUnified(cfg, id, cfg.uidBase + slot * 65536, entry);
      try {
        const pty = sb.spawnShell();
        const t = new Terminal(pty);
        try {
          await t.ready();
          expect(await t.ok('command grep ^0:: /proc/self/cgroup')).toBe('0::/init');
          moves = await trace.stop();
        } finally {
          pty.kill('SIGHUP');
          await t.waitExit().catch(() => undefined);
        }
      } finally {
        await sb.stop();
      }
    }
  } finally {
    if (!moves) await trace.stop().catch(() => undefined);
    if (pureV2) await cleanupTestRun(cfg, probe);
    else await cleanupUnified(cfg);
  }
  return moves;
}

describe.skipIf(skip !== undefined)('entering a sandbox cgroup on v2', () => {
  const slot = testSlot();

  it('the init and a shell are born in their cgroup: the kernel records no move', async () => {
    expect(await movesOfAStart('clone', slot)).toEqual([]);
  });

  it('with --cgroup-entry move, the same trace sees the init and the shell moved', async () => {
    const moves = await movesOfAStart('move', slot + 1);
    // the init into the sandbox's cgroup, then into its leaf; the shell into the leaf
    expect(moves.filter((m) => /\/init pid=/.test(m)).length).toBeGreaterThanOrEqual(2);
    expect(moves.length).toBeGreaterThanOrEqual(3);
  });
});
