// Failure and crash paths: a failed create leaves nothing and says why; after an agent "crash" (the
// launcher SIGKILLed) reclaimLeftovers kills what is left by PID and removes the cgroups depth-first.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parentDirs } from '../src/kernel/cgroup-layout';
import { sandboxJoinProcs } from '../src/kernel/inspect';
import { createSandbox, reclaimLeftovers } from '../src/kernel/sandbox';
import {
  eventually,
  hostMountPoints,
  kernelSuite,
  processAlive,
  processesInUidRange,
  sandboxDirsUnder,
  sandboxFixture,
  Terminal,
  testId,
  testSlot,
} from './kernel-helpers';

const { probe, skip } = kernelSuite('lifecycle.kernel.test');

describe.skipIf(skip !== undefined)('sandbox lifecycle', () => {
  const hostProcs: ChildProcess[] = [];
  const box = sandboxFixture(probe, {
    reclaim: true,
    settle: true,
    release: () => {
      for (const p of hostProcs) p.kill('SIGKILL');
    },
  });
  const { cfg } = box;

  it('a failed create says why (operation, path, errno) and leaves nothing', async () => {
    const mounts = hostMountPoints();
    const bad = { ...cfg, baseImageDir: '/nonexistent/gaiola-base' };
    await expect(createSandbox(bad, probe, { id: testId(), slot: testSlot(), hostname: 'gaiola-bad' })).rejects.toThrow(
      /gaiola-sandbox: open_tree \/nonexistent\/gaiola-base: No such file or directory/,
    );
    expect(sandboxDirsUnder(parentDirs(probe.cgroup, cfg.cgroupParent))).toEqual([]);
    expect(hostMountPoints()).toEqual(mounts);
  });

  it('refuses bad ids and hostnames before touching anything', async () => {
    await expect(createSandbox(cfg, probe, { id: '../escape', slot: testSlot(), hostname: 'x' })).rejects.toThrow(
      RangeError,
    );
    await expect(createSandbox(cfg, probe, { id: testId(), slot: testSlot(), hostname: 'bad name' })).rejects.toThrow(
      RangeError,
    );
    await expect(createSandbox(cfg, probe, { id: testId(), slot: cfg.maxSlots, hostname: 'x' })).rejects.toThrow(
      RangeError,
    );
  });

  it('a shell cannot join a sandbox whose init is gone, nor a process that is not a sandbox', () => {
    const gone = spawnSync(cfg.launcherPath, ['shell', '--pid', '4194303', '--', '/bin/true'], { encoding: 'utf8' });
    expect(gone.status).not.toBe(0);
    expect(gone.stderr).toMatch(/^gaiola-sandbox: shell: sandbox init 4194303 is gone$/m);
    const notSandbox = spawnSync(cfg.launcherPath, ['shell', '--pid', String(process.pid), '--', '/bin/true'], {
      encoding: 'utf8',
    });
    expect(notSandbox.status).not.toBe(0);
    expect(notSandbox.stderr).toMatch(/is not a gaiola sandbox init/);
  });

  it('the sandbox dies with its launcher; reclaimLeftovers then kills stragglers by PID and removes the cgroups', async () => {
    const sb = await createSandbox(cfg, probe, { id: testId(), slot: testSlot(), hostname: 'gaiola-crash' });
    box.own(sb);
    const t = new Terminal(sb.spawnShell({ cols: 80, rows: 24 }));
    await t.ready();
    await t.ok('setsid sleep 1000 </dev/null >/dev/null 2>&1 & true');
    // the agent "crashes": its launcher is SIGKILLed; PDEATHSIG takes the init, the pid namespace the rest
    process.kill(sb.launcherPid, 'SIGKILL');
    await sb.exited;
    await t.waitExit();
    await eventually(() => !processAlive(sb.initPid), 5000, 20);
    expect(processAlive(sb.initPid)).toBe(false);

    // what a crash leaves: the cgroups (with a student's child cgroup), and a straggler we put in them
    expect(sb.cgroupDirs.every((d) => existsSync(d))).toBe(true);
    mkdirSync(`${sb.cgroupDirs[0]}/student-child`);
    const straggler = spawn('sleep', ['300'], { stdio: 'ignore' });
    hostProcs.push(straggler);
    const killed = new Promise<NodeJS.Signals | null>((resolve) => straggler.once('exit', (_c, sig) => resolve(sig)));
    // where a shell joins (v2: the init leaf; the sandbox's own group has controllers on for its children, and the
    // no-internal-process rule refuses a process there with EBUSY)
    for (const procs of sandboxJoinProcs(sb, probe.cgroup)) writeFileSync(procs, String(straggler.pid));

    const reclaimed = await reclaimLeftovers(cfg, probe);
    expect(reclaimed).toEqual({ cgroups: 1, processes: 1 });
    expect(await killed).toBe('SIGKILL');
    expect(sandboxDirsUnder(parentDirs(probe.cgroup, cfg.cgroupParent))).toEqual([]);
    // live ones: the init's zombie (its parent, the launcher, was SIGKILLed) waits for the host's init
    expect(processesInUidRange(sb.uidBase, true)).toEqual([]);
    // and the host's init reaps that zombie soon after (systemd at once; this CI host's init within seconds)
    const reapDeadline = Date.now() + 10_000;
    while (processesInUidRange(sb.uidBase).length > 0 && Date.now() < reapDeadline) {
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(processesInUidRange(sb.uidBase)).toEqual([]);
    // destroy after a reclaim is harmless
    await sb.destroy();
    expect(await reclaimLeftovers(cfg, probe)).toEqual({ cgroups: 0, processes: 0 });
  });
});
