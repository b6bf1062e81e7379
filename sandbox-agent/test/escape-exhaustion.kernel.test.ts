// Escape suite, exhaustion (issue 4 items 1-4): a fork bomb, a memory bomb, a disk fill and a CPU burn
// inside sandbox A stop at A's caps, while sandbox B and the host keep answering. The caps are small so
// that the bombs cost this machine nothing; each bomb is bounded and ends with A's processes killed.
import { spawnSync } from 'node:child_process';
import { statfsSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../src/kernel/sandbox';
import { counter, ESCAPE_CAPS, killMarked, readCgroupFile, refusedForks } from './escape-helpers';
import { eventually, kernelSuite, sandboxFixture, type Terminal } from './kernel-helpers';

const { probe, skip } = kernelSuite('escape-exhaustion.kernel.test');

const { pidsMax: PIDS_MAX, tmpfsBytes: TMPFS_BYTES } = ESCAPE_CAPS;
/** Half a CPU: four busy loops on any machine exceed it. */
const CPU_QUOTA_US = 50_000;
/** Host disk space may move while other work runs; a fill that reached it would move it by TMPFS_BYTES. */
const DISK_NOISE_BYTES = 32 * 1024 * 1024;
/** The fork bomb's $0: every copy carries it in its command line (bash forks without exec), so the host finds it. */
const BOMB_MARKER = 'gaiola-bomb';

describe.skipIf(skip !== undefined)('escape suite: exhaustion stops at the sandbox caps', () => {
  const box = sandboxFixture(probe, {
    config: { ...ESCAPE_CAPS, cpuQuotaUs: CPU_QUOTA_US },
    hostnames: ['gaiola-attacker', 'gaiola-bystander'],
    shells: 1,
    settle: true,
    checkProcesses: true,
  });
  let a: Sandbox | undefined;
  let ta: Terminal;
  let tb: Terminal;
  const file = (controller: string, name: string) => readCgroupFile(a as Sandbox, probe, controller, name);

  beforeAll(() => {
    a = box.sandbox(0);
    [ta, tb] = [box.shell(0, 0), box.shell(0, 1)];
  });

  // A bomb left running by a failed assertion would hold A at pids.max and time out every test after it.
  afterEach(async () => {
    if (a) expect(await killMarked(a, probe, BOMB_MARKER), 'the fork bomb outlived its test').toBe(true);
  });

  it('1. a fork bomb fills pids.max and no more; B, the host and A itself still answer', async () => {
    expect(file('pids', 'pids.max').trim()).toBe(String(PIDS_MAX));
    // the classic bomb; bash retries a refused fork, so the bomb holds the cgroup at its cap until killed
    await ta.ok(`bash -c ':(){ :|:& };:' ${BOMB_MARKER} >/dev/null 2>&1 & true`);
    let peak = 0;
    const full = await eventually(() => {
      peak = Math.max(peak, Number(file('pids', 'pids.current')));
      return refusedForks(a as Sandbox, probe) > 0 && peak >= PIDS_MAX - 2;
    });
    expect(full, `peak pids.current=${peak}, refused forks=${refusedForks(a as Sandbox, probe)}`).toBe(true);
    expect(peak).toBeLessThanOrEqual(PIDS_MAX);
    expect(Number(file('pids', 'pids.current'))).toBeLessThanOrEqual(PIDS_MAX);
    // others answer while the bomb runs (that they answer, not how fast)
    expect(await tb.ok('echo bystander-alive')).toBe('bystander-alive');
    expect(spawnSync('true').status).toBe(0);
    // A's own shell needs no fork for builtins: kill -9 -1 until only PID 1 and the shell are left
    const emptied = async () => {
      for (let i = 0; i < 50; i++) {
        await ta.ok('kill -9 -1 2>/dev/null; true');
        if (Number(file('pids', 'pids.current')) <= 3) return true;
      }
      return false;
    };
    expect(await emptied()).toBe(true);
    expect(await ta.ok('echo attacker-back')).toBe('attacker-back');
  });

  it('2. a memory bomb is OOM-killed inside A; A and B live on', async () => {
    const v1 = probe.cgroup.mode === 'v1';
    const events = () => (v1 ? file('memory', 'memory.oom_control') : file('memory', 'memory.events'));
    const before = counter(events(), 'oom_kill');
    // tail holds one 300 MiB line: the largest process of A's memcg, so the OOM killer's pick
    const hog = await ta.run('head -c 300M /dev/zero | tail > /dev/null', 60_000);
    expect(hog.code).toBe(137); // SIGKILL
    expect(counter(events(), 'oom_kill')).toBeGreaterThan(before);
    expect(await ta.ok('echo attacker-alive')).toBe('attacker-alive');
    expect(await tb.ok('echo bystander-alive')).toBe('bystander-alive');
    expect(spawnSync('true').status).toBe(0);
  });

  it('3. filling / and /tmp ends in ENOSPC at the writable layer cap; the host disk does not move', async () => {
    const hostFree = () => {
      const s = statfsSync('/');
      return s.bavail * s.bsize;
    };
    const freeBefore = hostFree();
    for (const dir of ['/root', '/tmp']) {
      // one layer at a time: both full at once would not fit the memory cap
      const fill = await ta.run(`dd if=/dev/zero of=${dir}/fill bs=1M count=200 2>&1 | head -1`, 60_000);
      expect(fill.out).toMatch(/No space left on device/);
      const size = Number(await ta.ok(`stat -c %s ${dir}/fill`));
      expect(size).toBeLessThanOrEqual(TMPFS_BYTES);
      expect(size).toBeGreaterThan(TMPFS_BYTES / 2);
      expect(await ta.ok(`df -B1 --output=avail ${dir} | tail -1`)).toMatch(/^\s*\d{0,7}$/); // < 10 MB left
      expect(Math.abs(freeBefore - hostFree())).toBeLessThan(DISK_NOISE_BYTES);
      await ta.ok(`rm -f ${dir}/fill`);
    }
  });

  it('4. a CPU burn on every core is throttled by the sandbox CPU cap', async () => {
    const cpuStat = () => file('cpu', 'cpu.stat');
    const v1 = probe.cgroup.mode === 'v1';
    if (v1) expect(file('cpu', 'cpu.cfs_quota_us').trim()).toBe(String(CPU_QUOTA_US));
    const before = counter(cpuStat(), 'nr_throttled');
    // four busy loops, each bounded by timeout(1)
    await ta.ok("for i in 1 2 3 4; do timeout 2 busybox sh -c 'while :; do :; done' & done; wait; true", 60_000);
    const after = counter(cpuStat(), 'nr_throttled');
    expect(before).toBeGreaterThanOrEqual(0);
    expect(after).toBeGreaterThan(before);
    expect(await tb.ok('echo bystander-alive')).toBe('bystander-alive');
  });
});
