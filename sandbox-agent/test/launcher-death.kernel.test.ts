// The launcher SIGKILLed at each stage of a sandbox's start, and a shell's relay SIGKILLed before its child
// joins: within a second nothing of it is left on the host (no process, nothing in its cgroups, no mount of
// its setup namespace), without the agent's help. The stop points exist only in the test build of the
// launcher (build-launcher.sh --test-hooks); at each, the launcher creates a file named after it and waits
// until the test removes it, and the test kills it meanwhile.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SandboxCgroupPaths } from '../src/kernel/cgroup-layout';
import { createSandboxCgroups, ensureCgroupParent, removeSandboxCgroups } from '../src/kernel/cgroups';
import { uidBaseOfSlot } from '../src/kernel/config';
import { sandboxJoinProcs } from '../src/kernel/inspect';
import { createSandbox } from '../src/kernel/sandbox';
import {
  childrenOf,
  kernelSuite,
  processAlive,
  procFiles,
  sandboxFixture,
  testId,
  testSlot,
  until,
} from './kernel-helpers';

const { probe, skip } = kernelSuite('launcher-death.kernel.test');

/** What "at once" means for a sandbox whose launcher died: the kernel's own teardown, nothing slower. */
const GONE_WITHIN_MS = 1000;
/** How long a launcher may take to reach a stop point. */
const REACH_MS = 10_000;
/** How often the waits look: fine enough that GONE_WITHIN_MS measures the teardown, not the polling. */
const POLL_MS = 10;

const ROOT = new URL('../..', import.meta.url).pathname;
const HOOKS_LAUNCHER = `${ROOT}sandbox-agent/launcher/build/gaiola-sandbox-test-hooks`;

/** Stages of `create`, in order; init-creds stops the init (not the launcher) after its credential change. */
const STAGES = ['prepared', 'cloned', 'mapped', 'mounted', 'joined', 'init-creds', 'go', 'ok', 'ready'] as const;

/** Pids listed in the cgroup.procs files of the tree at `dir`. */
function pidsInTree(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const own = readFileSync(`${dir}/cgroup.procs`, 'utf8').split('\n').filter(Boolean);
  const subdirs = readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory());
  return [...own, ...subdirs.flatMap((e) => pidsInTree(`${dir}/${e.name}`))];
}

/** Processes whose mount table shows the sandbox's setup namespace (its tmpfs, named gaiola-ID). */
function processesMounting(id: string): number[] {
  return procFiles('mountinfo')
    .filter(([, table]) => table.includes(` gaiola-${id} `))
    .map(([pid]) => pid);
}

/** Everything of a sandbox still on the host, as text (empty when nothing is left). */
function whatIsLeft(pids: number[], cgroups: SandboxCgroupPaths, id: string): string[] {
  const left = pids.filter(processAlive).map((p) => `process ${p}`);
  for (const dir of cgroups.dirs) for (const p of pidsInTree(dir)) left.push(`pid ${p} in ${dir}`);
  for (const p of processesMounting(id)) left.push(`mounts of the setup in process ${p}`);
  return left;
}

describe.skipIf(skip !== undefined)('a launcher killed while it starts a sandbox leaves nothing', () => {
  // The init stops as root inside, with the sandbox's host uid: it must be able to create its file here.
  const stops = mkdtempSync(`${tmpdir()}/gaiola-stops-`);
  const { cfg, own } = sandboxFixture(probe, {
    reclaim: true,
    settle: true,
    release: () => rmSync(stops, { recursive: true, force: true }),
  });

  beforeAll(async () => {
    chmodSync(stops, 0o1777);
    const build = spawnSync('bash', [`${ROOT}scripts/build-launcher.sh`, '--test-hooks'], { encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`build-launcher.sh --test-hooks: ${build.stderr}`);
    await ensureCgroupParent(cfg, probe);
    await mkdir(`${cfg.runDir}/mnt`, { recursive: true, mode: 0o755 });
  });

  it.each(STAGES)('killed at %s', async (stage) => {
    const id = testId();
    const slot = testSlot();
    const cgroups = await createSandboxCgroups(cfg, probe, id, uidBaseOfSlot(cfg, slot));
    const stopFile = `${stops}/${stage}`;
    let launcher: ChildProcess | undefined;
    let pids: number[] = [];
    try {
      // What createSandbox passes, with the base image's real directory.
      const args = ['create', '--id', id, '--uid-base', String(uidBaseOfSlot(cfg, slot))];
      args.push('--lower', realpathSync(cfg.baseImageDir), '--mnt', `${cfg.runDir}/mnt`);
      args.push('--tmpfs-bytes', String(cfg.tmpfsBytes), '--hostname', 'gaiola-death', '--cgroup-mode', cgroups.mode);
      for (const dir of cgroups.dirs) args.push('--cgroup', dir);
      // stdin an open pipe, as the agent keeps it; only the stop point's variables in the environment.
      launcher = spawn(HOOKS_LAUNCHER, args, {
        stdio: ['pipe', 'ignore', 'ignore'],
        env: { GAIOLA_TEST_STOP: stage, GAIOLA_TEST_STOP_DIR: stops },
      });
      const pid = launcher.pid as number;
      await until(`the launcher to stop at ${stage}`, () => existsSync(stopFile), REACH_MS, POLL_MS);
      // What lives at this point: the launcher and, once cloned, the init (its child).
      pids = [pid, ...childrenOf(pid)];
      const exited = new Promise((r) => launcher?.once('exit', r));
      process.kill(pid, 'SIGKILL');
      await exited;
      rmSync(stopFile); // a stopped init goes on, and must notice the launcher's death by itself
      await until(
        'nothing of the sandbox to be left',
        () => whatIsLeft(pids, cgroups, id).length === 0,
        GONE_WITHIN_MS,
        POLL_MS,
      ).catch((err: Error) => {
        throw new Error(`${err.message}; still: ${whatIsLeft(pids, cgroups, id).join(', ')}`);
      });
    } finally {
      // A failure must not leave a stuck init behind for the next stage (it may sit in no sandbox cgroup yet).
      for (const p of pids) if (processAlive(p)) process.kill(p, 'SIGKILL');
      launcher?.kill('SIGKILL');
      rmSync(stopFile, { force: true });
      await removeSandboxCgroups(cgroups);
    }
  });

  // A shell's relay dies before its child has joined the sandbox: the orphan never enters it (its next stop,
  // join-entered, right after it would have joined the sandbox's cgroups, is never reached).
  it('a shell whose relay is killed before the join never enters the sandbox', async () => {
    const sb = own(await createSandbox(cfg, probe, { id: testId(), slot: testSlot(), hostname: 'gaiola-join' }));
    const args = ['shell', '--pid', String(sb.initPid)];
    for (const f of sandboxJoinProcs(sb, probe.cgroup)) args.push('--cgroup-procs', f);
    const relay = spawn(HOOKS_LAUNCHER, [...args, '--', '/bin/sleep', '1000'], {
      stdio: ['pipe', 'ignore', 'ignore'],
      env: { GAIOLA_TEST_STOP: 'join,join-entered', GAIOLA_TEST_STOP_DIR: stops },
    });
    let child = -1;
    try {
      const pid = relay.pid as number;
      await until('the shell to stop before its join', () => existsSync(`${stops}/join`), REACH_MS, POLL_MS);
      child = childrenOf(pid)[0] as number;
      const exited = new Promise((r) => relay.once('exit', r));
      process.kill(pid, 'SIGKILL');
      await exited;
      rmSync(`${stops}/join`);
      await until('the orphaned child to exit', () => !processAlive(child), GONE_WITHIN_MS, POLL_MS);
      expect(existsSync(`${stops}/join-entered`)).toBe(false);
      expect([...new Set(sb.cgroupDirs.flatMap(pidsInTree))]).toEqual([String(sb.initPid)]);
    } finally {
      if (child > 0 && processAlive(child)) process.kill(child, 'SIGKILL');
      relay.kill('SIGKILL');
      for (const f of ['join', 'join-entered']) rmSync(`${stops}/${f}`, { force: true });
    }
  });
});
