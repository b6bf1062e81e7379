// The launcher under refused system calls: a call the kernel refuses (here through a seccomp filter that
// fault-inject.c puts on the launcher) ends the command with the operation's name and errno, never a sandbox
// or shell that goes on with the wrong identity, session or descriptors; and a create that fails leaves
// nothing on the host.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { beforeAll, describe, expect, it } from 'vitest';
import { parentDirs } from '../src/kernel/cgroup-layout';
import { uidBaseOfSlot } from '../src/kernel/config';
import { sandboxJoinProcs } from '../src/kernel/inspect';
import { createSandbox, type Sandbox } from '../src/kernel/sandbox';
import {
  hostMountPoints,
  kernelSuite,
  processesInUidRange,
  sandboxDirsUnder,
  sandboxFixture,
  testId,
  testSlot,
} from './kernel-helpers';

const { probe, skip } = kernelSuite('launcher-faults.kernel.test');

/** errno the filter answers with: EPERM, "Operation not permitted". */
const EPERM = 1;
/** A command that hangs (the failure went unnoticed) is killed after this. */
const HANG_MS = 10_000;

/**
 * Runs a launcher command to its exit with stdin an open pipe, as the agent does (EOF on stdin ends a shell or
 * a marker); SIGKILLs it after HANG_MS. `said` is stderr and stdout together: once a shell's process has the
 * pty as its stderr, its errors reach the relay's stdout, as they would reach the student's terminal.
 */
function runToExit(cmd: string, args: string[]): Promise<{ status: number | null; said: string }> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'pipe'], env: {} });
    let said = '';
    const add = (c: Buffer) => {
      said += c.toString('utf8');
    };
    child.stdout.on('data', add);
    child.stderr.on('data', add);
    const timer = setTimeout(() => child.kill('SIGKILL'), HANG_MS);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, said });
    });
  });
}

describe.skipIf(skip !== undefined)('the launcher under refused system calls', () => {
  const dir = mkdtempSync(`${tmpdir()}/gaiola-fault-`);
  const inject = `${dir}/fault-inject`;
  const { cfg, own } = sandboxFixture(probe, {
    reclaim: true,
    settle: true,
    release: () => rmSync(dir, { recursive: true, force: true }),
  });
  let sb: Sandbox;

  /** An executable that runs the real launcher with `calls` failing (EPERM); the agent's code can spawn it. */
  function faultyLauncher(calls: string): string {
    const path = `${dir}/launcher-${calls.replace(/,/g, '-')}`;
    writeFileSync(path, `#!/bin/sh\nexec '${inject}' '${calls}' ${EPERM} -- '${cfg.launcherPath}' "$@"\n`);
    chmodSync(path, 0o755);
    return path;
  }

  beforeAll(async () => {
    const source = new URL('./fault-inject.c', import.meta.url).pathname;
    const cc = spawnSync('cc', ['-O1', '-Wall', '-Werror', '-o', inject, source], { encoding: 'utf8' });
    if (cc.status !== 0) throw new Error(`cc fault-inject.c: ${cc.stderr}`);
    sb = own(await createSandbox(cfg, probe, { id: testId(), slot: testSlot(), hostname: 'gaiola-faults' }));
  });

  // The init's setsid and its dup2 of /dev/null onto 0, 1 and 2 went unchecked: the sandbox came up with the
  // launcher's session or stdio.
  it.each([
    ['setsid', /setsid \(init\): Operation not permitted/],
    ['dup2,dup3', /dup2 \/dev\/null: Operation not permitted/],
  ])('create with %s refused fails with the operation and errno, and leaves nothing', async (calls, why) => {
    const mounts = hostMountPoints();
    const slot = testSlot(1);
    await expect(
      createSandbox({ ...cfg, launcherPath: faultyLauncher(calls) }, probe, {
        id: testId(),
        slot,
        hostname: 'gaiola-refused',
      }),
    ).rejects.toThrow(why);
    expect(processesInUidRange(uidBaseOfSlot(cfg, slot))).toEqual([]);
    expect(hostMountPoints()).toEqual(mounts);
    const others = new Set(sb.cgroupDirs);
    expect(sandboxDirsUnder(parentDirs(probe.cgroup, cfg.cgroupParent)).filter((d) => !others.has(d))).toEqual([]);
  });

  // setfsuid reports no error: unchecked, the relay opened the sandbox's ptmx with host root's filesystem ids.
  // close_range fell back to closing the first thousand descriptors only.
  it.each([
    ['setfsuid', /setfsuid \d+: refused/],
    ['close_range', /close_range 3\.\.: Operation not permitted/],
    ['setsid', /setsid \(shell\): Operation not permitted/],
  ])('shell with %s refused fails with the operation and errno', async (calls, why) => {
    const args = ['shell', '--pid', String(sb.initPid)];
    for (const f of sandboxJoinProcs(sb, probe.cgroup)) args.push('--cgroup-procs', f);
    const r = await runToExit(faultyLauncher(calls), [...args, '--', '/bin/true']);
    expect(r.said).toMatch(why);
    expect(r.status).not.toBe(0);
  });

  // The marker's setsid went unchecked: it waited for a signal in the launcher's session.
  it('marker with setsid refused fails with the operation and errno', async () => {
    const args = ['marker', '--pid', String(sb.initPid), '--name', 'marca'];
    for (const f of sandboxJoinProcs(sb, probe.cgroup)) args.push('--cgroup-procs', f);
    const r = await runToExit(faultyLauncher('setsid'), args);
    expect(r.said).toMatch(/setsid \(marker\): Operation not permitted/);
    expect(r.status).not.toBe(0);
  });
});
