// Probe: cgroups a student makes inside a sandbox's delegated subtree (curriculum.md lessons 9-10;
// research/sandbox.md §2): child groups, memory/pids/CPU limits, moving processes, CPU accounting, the
// freezer, and a memory hog OOM-killed in its own group while the shell lives. v1/hybrid hosts delegate the
// memory, pids, cpu, cpuacct and freezer hierarchies; v2 hosts one subtree. Each variant runs where the host
// has it and is a printed skip elsewhere (the v2 delegation plan is unit-tested on fixtures in
// src/kernel/cgroup-layout.test.ts).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { kernelSuite } from './kernel-helpers';
import { useProbeSandbox, warnSkip } from './probe-helpers';

const FILE = 'probe-cgroups';
const { skip } = kernelSuite(FILE);

/** Polls a shell condition (at most ~10 s) and prints "yes" or "no". */
const until = (cond: string): string =>
  `r=no; for i in $(seq 500); do if ${cond}; then r=yes; break; fi; sleep 0.02; done; echo $r`;

describe.skipIf(skip !== undefined)('probe: cgroups inside a sandbox', () => {
  const p = useProbeSandbox('probe-cg');
  const mode = p.probe.cgroup.mode;
  const notV1 = mode === 'v1' ? undefined : `cgroup v1/hybrid only; this host is ${mode}`;
  const notV2 =
    mode === 'v2'
      ? undefined
      : `cgroup v2 only; this host is ${mode === 'v1' ? 'v1/hybrid (v1 controllers, a cgroup2 mount without them)' : mode}`;
  if (notV1) warnSkip(FILE, 'the v1 probes', notV1);
  if (notV2) warnSkip(FILE, 'the v2 probes', notV2);

  describe.skipIf(notV1 !== undefined)('v1: delegated memory, pids, cpu, cpuacct and freezer hierarchies', () => {
    const cg = '/sys/fs/cgroup';

    it('creates a child in each delegated hierarchy and sets memory, pids and CPU limits', async () => {
      const t = p.term;
      await t.ok(`for c in memory pids cpu cpuacct freezer; do mkdir ${cg}/$c/demo; done`);
      await t.ok(
        `echo 50M > ${cg}/memory/demo/memory.limit_in_bytes && echo 20 > ${cg}/pids/demo/pids.max && ` +
          `echo 20000 > ${cg}/cpu/demo/cpu.cfs_quota_us`,
      );
      expect(
        (
          await t.ok(
            `cat ${cg}/memory/demo/memory.limit_in_bytes ${cg}/pids/demo/pids.max ${cg}/cpu/demo/cpu.cfs_quota_us`,
          )
        ).split('\n'),
      ).toEqual(['52428800', '20', '20000']);
      // the kernel's view from the host: the children sit under the sandbox's own cgroups
      expect(readFileSync(`${p.cgroupDir('memory')}/demo/memory.limit_in_bytes`, 'utf8').trim()).toBe('52428800');
      expect(readFileSync(`${p.cgroupDir('pids')}/demo/pids.max`, 'utf8').trim()).toBe('20');
      expect(readFileSync(`${p.cgroupDir('cpu')}/demo/cpu.cfs_quota_us`, 'utf8').trim()).toBe('20000');
    });

    it('moves a process in and out; /proc/PID/cgroup follows', async () => {
      const r = await p.term.ok(
        `(echo $BASHPID > ${cg}/memory/demo/cgroup.procs; grep :memory: /proc/self/cgroup; ` +
          `echo $BASHPID > ${cg}/memory/cgroup.procs; grep :memory: /proc/self/cgroup)`,
      );
      expect(r.split('\n').map((l) => l.replace(/^\d+:/, ''))).toEqual(['memory:/demo', 'memory:/']);
    });

    it('enforces pids.max in the child: forks beyond it fail, pids.events counts them', async () => {
      const t = p.term;
      await t.ok(`echo 5 > ${cg}/pids/demo/pids.max`);
      // dash, not bash: bash retries a failed fork for seconds
      const r = await t.run(
        `(echo $BASHPID > ${cg}/pids/demo/cgroup.procs; exec sh -c 'for i in 1 2 3 4 5 6 7 8; do sleep 30 & done' 2>&1)`,
      );
      expect(r.out).toMatch(/Cannot fork|Resource temporarily unavailable/);
      expect(Number(/max (\d+)/.exec(await t.ok(`cat ${cg}/pids/demo/pids.events`))?.[1])).toBeGreaterThan(0);
      await t.ok(`kill $(cat ${cg}/pids/demo/cgroup.procs); echo 20 > ${cg}/pids/demo/pids.max`);
    });

    it('accounts CPU (cpuacct.usage grows), throttles at the quota, freezes and thaws', async () => {
      const t = p.term;
      await t.ok(
        `(for c in cpu cpuacct freezer; do echo $BASHPID > ${cg}/$c/demo/cgroup.procs; done; exec sh -c 'while :; do :; done') & echo started`,
      );
      expect(await t.ok(until(`[ $(cat ${cg}/cpuacct/demo/cpuacct.usage) -gt 20000000 ]`))).toBe('yes');
      expect(await t.ok(until(`grep -q 'nr_throttled [1-9]' ${cg}/cpu/demo/cpu.stat`))).toBe('yes');
      await t.ok(`echo FROZEN > ${cg}/freezer/demo/freezer.state`);
      expect(await t.ok(until(`[ "$(cat ${cg}/freezer/demo/freezer.state)" = FROZEN ]`))).toBe('yes');
      // frozen: the busy loop stops accumulating CPU time
      const [a, b] = (
        await t.ok(
          `a=$(cat ${cg}/cpuacct/demo/cpuacct.usage); sleep 0.3; cat ${cg}/cpuacct/demo/cpuacct.usage; echo $a`,
        )
      ).split('\n');
      expect(a).toBe(b);
      await t.ok(`echo THAWED > ${cg}/freezer/demo/freezer.state`);
      expect(await t.ok(`cat ${cg}/freezer/demo/freezer.state`)).toBe('THAWED');
      const thawedAt = await t.ok(`cat ${cg}/cpuacct/demo/cpuacct.usage`);
      expect(await t.ok(until(`[ $(cat ${cg}/cpuacct/demo/cpuacct.usage) -gt ${thawedAt} ]`))).toBe('yes');
      await t.ok('kill %1; wait; true');
    });

    it('OOM-kills a memory hog in its own child group; the shell lives and oom_kill counts it', async () => {
      const t = p.term;
      // with swap accounting, cap memory+swap too, or the hog would swap instead of dying
      await t.ok(
        `f=${cg}/memory/demo/memory.memsw.limit_in_bytes; if [ -e $f ]; then echo 50M > $f; fi; ` +
          `grep oom_kill ${cg}/memory/demo/memory.oom_control`,
      );
      const r = await t.run(`(echo $BASHPID > ${cg}/memory/demo/cgroup.procs; exec tail /dev/zero); echo status=$?`);
      expect(r.out).toMatch(/status=137/);
      expect(await t.ok(`grep '^oom_kill ' ${cg}/memory/demo/memory.oom_control`)).toBe('oom_kill 1');
      expect(await t.ok('echo alive')).toBe('alive');
      // the sandbox's own root group saw no OOM kill of its own
      expect(readFileSync(`${p.cgroupDir('memory')}/memory.oom_control`, 'utf8')).toMatch(/^oom_kill 0$/m);
    });

    it('nests a cgroup namespace at the child', async () => {
      const r = await p.term.ok(
        `(echo $BASHPID > ${cg}/memory/demo/cgroup.procs; unshare --cgroup grep :memory: /proc/self/cgroup; echo $BASHPID > ${cg}/memory/cgroup.procs)`,
      );
      expect(r).toMatch(/:memory:\/$/);
    });

    it('cgroup.kill: v2 only (v1 has no such file)', async (ctx) => {
      expect(await p.term.ok(`ls ${cg}/memory/demo/cgroup.kill 2>/dev/null || echo absent`)).toBe('absent');
      warnSkip(FILE, 'cgroup.kill', 'v2 only: a v1 hierarchy has no cgroup.kill (kernel >= 5.14 on cgroup2)');
      ctx.skip();
    });

    it('removes its child groups', async () => {
      await p.term.ok(`rmdir ${cg}/{memory,pids,cpu,cpuacct,freezer}/demo`);
      expect(await p.term.ok(`ls -d ${cg}/*/demo 2>/dev/null | wc -l`)).toBe('0');
    });
  });

  describe.skipIf(notV2 !== undefined)('v2: the delegated subtree', () => {
    const cg = '/sys/fs/cgroup';

    it('creates a child, enables controllers, sets memory, pids and CPU limits', async () => {
      const t = p.term;
      await t.ok(`echo '+memory +pids +cpu' > ${cg}/cgroup.subtree_control; mkdir ${cg}/demo`);
      await t.ok(`echo 50M > ${cg}/demo/memory.max && echo 0 > ${cg}/demo/memory.swap.max 2>/dev/null; true`);
      await t.ok(`echo 20 > ${cg}/demo/pids.max && echo '20000 100000' > ${cg}/demo/cpu.max`);
      expect((await t.ok(`cat ${cg}/demo/memory.max ${cg}/demo/pids.max ${cg}/demo/cpu.max`)).split('\n')).toEqual([
        '52428800',
        '20',
        '20000 100000',
      ]);
      expect(readFileSync(`${p.cgroupDir('memory')}/demo/memory.max`, 'utf8').trim()).toBe('52428800');
    });

    it('accounts CPU, throttles, freezes (cgroup.freeze) and kills (cgroup.kill)', async () => {
      const t = p.term;
      await t.ok(`(echo $BASHPID > ${cg}/demo/cgroup.procs; exec sh -c 'while :; do :; done') & echo started`);
      expect(await t.ok(until(`grep -q 'usage_usec [1-9][0-9]\\{4\\}' ${cg}/demo/cpu.stat`))).toBe('yes');
      expect(await t.ok(until(`grep -q 'nr_throttled [1-9]' ${cg}/demo/cpu.stat`))).toBe('yes');
      await t.ok(`echo 1 > ${cg}/demo/cgroup.freeze`);
      expect(await t.ok(until(`grep -q 'frozen 1' ${cg}/demo/cgroup.events`))).toBe('yes');
      const [a, b] = (
        await t.ok(`a=$(grep usage_usec ${cg}/demo/cpu.stat); sleep 0.3; grep usage_usec ${cg}/demo/cpu.stat; echo $a`)
      ).split('\n');
      expect(a).toBe(b);
      await t.ok(`echo 0 > ${cg}/demo/cgroup.freeze; echo 1 > ${cg}/demo/cgroup.kill; wait; true`);
      expect(await t.ok(until(`[ -z "$(cat ${cg}/demo/cgroup.procs)" ]`))).toBe('yes');
    });

    it('OOM-kills a memory hog in its own child; the shell lives and memory.events counts it', async () => {
      const t = p.term;
      const r = await t.run(`(echo $BASHPID > ${cg}/demo/cgroup.procs; exec tail /dev/zero); echo status=$?`);
      expect(r.out).toMatch(/status=137/);
      expect(await t.ok(`grep '^oom_kill ' ${cg}/demo/memory.events`)).toBe('oom_kill 1');
      expect(await t.ok('echo alive')).toBe('alive');
      await t.ok(`rmdir ${cg}/demo`);
    });
  });

  it('leaves nothing on the host', async () => {
    await p.destroyAndCheckHost();
  });
});
