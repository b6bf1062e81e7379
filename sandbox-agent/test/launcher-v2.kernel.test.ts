// The launcher's cgroup v2 mode, exercised on a hybrid host's controller-less unified hierarchy
// (/sys/fs/cgroup/unified): cgroup2 mounted inside the cgroup namespace, the init in the `init` leaf, shells
// joining that leaf, and the student creating child cgroups. On a pure v2 host the createSandbox tests cover
// this path with controllers.
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { kernelSuite, processesInUidRange, Terminal, testId, testKernelConfig, testSlot } from './kernel-helpers';
import { cleanupUnified, startOnUnified, UNIFIED, type UnifiedSandbox, unifiedSkipReason } from './unified-sandbox';

const { skip } = kernelSuite('launcher-v2.kernel.test', unifiedSkipReason);

describe.skipIf(skip !== undefined)('launcher in cgroup v2 mode', () => {
  const cfg = testKernelConfig();
  const base = cfg.uidBase + testSlot() * 65536;
  let sb: UnifiedSandbox | undefined;

  afterAll(async () => {
    try {
      await sb?.stop();
    } finally {
      await cleanupUnified(cfg);
    }
    expect(existsSync(`${UNIFIED}/${cfg.cgroupParent}`)).toBe(false);
  });

  it('puts the init in the init leaf, shells join it, and the student can make child cgroups', async () => {
    sb = await startOnUnified(cfg, testId(), base);
    const { dir, initPid } = sb;
    // host side: the init sits in its leaf, owned by the sandbox's root
    expect(readFileSync(`${dir}/init/cgroup.procs`, 'utf8').trim().split('\n')).toEqual([String(initPid)]);

    const pty = sb.spawnShell();
    const t = new Terminal(pty);
    try {
      await t.ready();
      expect(await t.ok('command grep ^0:: /proc/self/cgroup')).toBe('0::/init');
      expect(await t.ok('findmnt -n -o FSTYPE /sys/fs/cgroup')).toBe('cgroup2');
      expect(await t.ok('stat -c %u /sys/fs/cgroup/init /sys/fs/cgroup/init/cgroup.procs')).toBe('0\n0');
      expect(
        await t.ok(
          'mkdir /sys/fs/cgroup/demo && echo $$ > /sys/fs/cgroup/demo/cgroup.procs && command grep ^0:: /proc/self/cgroup',
        ),
      ).toBe('0::/demo');
      expect(existsSync(`${dir}/demo`)).toBe(true);
    } finally {
      pty.kill('SIGHUP');
      await t.waitExit().catch(() => undefined);
    }
    // EOF on its stdin (what the agent's death looks like) makes the launcher free the sandbox and exit 0
    expect(await sb.stop()).toBe(0);
    expect(processesInUidRange(base)).toEqual([]);
  });
});
