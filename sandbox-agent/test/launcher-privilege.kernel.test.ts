// Least privilege after setup: the launcher processes that stay on the host once a sandbox or a shell is up
// (the `create` holder, a shell's relay) keep only CAP_KILL, in every set, with no_new_privs and a seccomp
// filter, as /proc/PID/status reports them; and they still do their work (relay bytes and a resize, end the
// shell on a hangup, end the sandbox).
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeHost } from '../src/kernel/probe';
import { createSandbox, reclaimLeftovers, type Sandbox } from '../src/kernel/sandbox';
import {
  cleanupTestRun,
  kernelTestSkipReason,
  leftovers,
  processAlive,
  Terminal,
  testId,
  testKernelConfig,
  testSlot,
} from './kernel-helpers';

const FILE = 'launcher-privilege';
const probe = probeHost();
const skip = kernelTestSkipReason(probe);
if (skip) console.warn(`[${FILE}] skipped: ${skip}`);

/** CAP_KILL (5) alone, as /proc/PID/status prints a capability set. */
const KILL_ONLY = (1n << 5n).toString(16).padStart(16, '0');
/** /proc/PID/status's Seccomp: 2 is a filter. */
const SECCOMP_FILTER = '2';

function status(pid: number): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of readFileSync(`/proc/${pid}/status`, 'utf8').split('\n')) {
    const m = /^(\w+):\s*(.*)$/.exec(line);
    if (m?.[1] !== undefined) out[m[1]] = m[2] ?? '';
  }
  return out;
}

function expectKillOnly(pid: number): void {
  const s = status(pid);
  expect({
    CapInh: s.CapInh,
    CapPrm: s.CapPrm,
    CapEff: s.CapEff,
    CapBnd: s.CapBnd,
    CapAmb: s.CapAmb,
    NoNewPrivs: s.NoNewPrivs,
    Seccomp: s.Seccomp,
  }).toEqual({
    CapInh: '0'.repeat(16),
    CapPrm: KILL_ONLY,
    CapEff: KILL_ONLY,
    CapBnd: KILL_ONLY,
    CapAmb: '0'.repeat(16),
    NoNewPrivs: '1',
    Seccomp: SECCOMP_FILTER,
  });
}

async function until(what: string, cond: () => boolean): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe.skipIf(skip !== undefined)('the launcher after setup keeps only CAP_KILL', () => {
  const cfg = testKernelConfig();
  let sb: Sandbox;

  beforeAll(async () => {
    sb = await createSandbox(cfg, probe, { id: testId(), slot: testSlot(), hostname: 'gaiola-least' });
  });

  afterAll(async () => {
    try {
      await sb?.destroy();
      await reclaimLeftovers(cfg, probe);
    } finally {
      await cleanupTestRun(cfg, probe);
    }
    expect(leftovers(cfg, probe)).toEqual([]);
  });

  it('the create holder, once the sandbox is ready', async () => {
    // It drops right after printing "ready": wait for the filter, not for an order of events.
    await until('the holder to drop its privileges', () => status(sb.launcherPid).Seccomp === SECCOMP_FILTER);
    expectKillOnly(sb.launcherPid);
  });

  it('a shell relay, while it relays; it still resizes, relays and ends its shell', async () => {
    const pty = sb.spawnShell({ cols: 80, rows: 24 });
    const t = new Terminal(pty);
    await t.ready();
    expectKillOnly(pty.pid);
    pty.resize(132, 43);
    // The resize reaches the relay as a signal, then the sandbox's pty through an ioctl: asked again until seen.
    let size = '';
    for (let i = 0; i < 50 && size !== '43 132'; i++) size = await t.ok('stty size');
    expect(size).toBe('43 132');
    pty.kill('SIGHUP');
    expect((await t.waitExit()).exitCode).toBe(128 + 1);
    expect(processAlive(pty.pid)).toBe(false);
  });

  it('the holder still ends its sandbox', async () => {
    const init = sb.initPid;
    await sb.destroy();
    await until('the init to be gone', () => !processAlive(init));
  });
});
