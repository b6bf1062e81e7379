// The caps bite: a small pids.max stops a process flood inside while the host forks fine, and a small
// memory cap OOM-kills a hog while the student's shell lives on.
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { readCgroupFile, refusedForks } from './escape-helpers';
import { kernelSuite, sandboxFixture, type Terminal } from './kernel-helpers';

const { probe, skip } = kernelSuite('limits.kernel.test');

/** Small enough that a loop reaches it at once, big enough for two shells and a pipeline. */
const PIDS_MAX = 64;
/** A 200 MiB hog must not fit; a login shell and coreutils fit easily. */
const MEMORY_BYTES = 64 * 1024 * 1024;

describe.skipIf(skip !== undefined)('sandbox caps', () => {
  const box = sandboxFixture(probe, {
    config: { pidsMax: PIDS_MAX, memoryBytes: MEMORY_BYTES },
    hostnames: ['gaiola-caps'],
    shells: 1,
  });
  let t: Terminal;
  const v1 = probe.cgroup.mode === 'v1';
  const hostFile = (controller: string, file: string): string => readCgroupFile(box.sandbox(), probe, controller, file);

  beforeAll(() => {
    t = box.shell();
  });

  it(`stops a process flood at pids.max=${PIDS_MAX}; the host still forks`, async () => {
    expect(hostFile('pids', 'pids.max').trim()).toBe(String(PIDS_MAX));
    try {
      // busybox ash fails a fork at once ("can't fork"); bash would retry for seconds
      const flood = await t.run(
        // (the sleeps must not hold the pipe to tail open)
        "busybox sh -c 'i=0; while [ $i -lt 200 ]; do sleep 120 >/dev/null 2>&1 & i=$((i+1)); done; echo spawned-all' 2>&1 | tail -2",
        60_000,
      );
      expect(flood.out).not.toMatch(/spawned-all/);
      expect(flood.out).toMatch(/can't fork|Resource temporarily unavailable/);
      const current = Number(hostFile('pids', 'pids.current').trim());
      expect(current).toBeLessThanOrEqual(PIDS_MAX);
      expect(current).toBeGreaterThan(PIDS_MAX - 10);
      // counted where the kernel counts it: the sandbox's group on v1, its init leaf on v2 before Linux 6.11
      expect(refusedForks(box.sandbox(), probe)).toBeGreaterThan(0);
      expect(spawnSync('true').status).toBe(0);
    } finally {
      // the bash builtin needs no fork: it empties the sandbox but for PID 1 and this shell, also after a failed
      // assertion, so the sleeps do not hold the pids the next test forks with
      await t.ok('kill -9 -1; true');
    }
    expect(await t.ok('echo still-here')).toBe('still-here');
  });

  it(`OOM-kills a 200 MiB hog under a ${MEMORY_BYTES / 2 ** 20} MiB cap, and the shell lives`, async () => {
    if (v1) expect(hostFile('memory', 'memory.limit_in_bytes').trim()).toBe(String(MEMORY_BYTES));
    else expect(hostFile('memory', 'memory.max').trim()).toBe(String(MEMORY_BYTES));
    // tail keeps a whole 200 MiB line in memory: the largest process of the cgroup, so the OOM killer's pick
    const hog = await t.run('head -c 200M /dev/zero | tail > /dev/null', 60_000);
    expect(hog.code).toBe(137); // SIGKILL
    expect(await t.ok('echo alive')).toBe('alive');
    if (v1) expect(hostFile('memory', 'memory.oom_control')).toMatch(/^oom_kill [1-9]\d*$/m);
    else expect(hostFile('memory', 'memory.events')).toMatch(/^oom_kill [1-9]\d*$/m);
  });
});
