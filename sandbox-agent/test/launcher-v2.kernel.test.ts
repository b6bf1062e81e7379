// The launcher's cgroup v2 mode, exercised on a hybrid host's controller-less unified hierarchy
// (/sys/fs/cgroup/unified): cgroup2 mounted inside the cgroup namespace, the init moving itself into the
// `init` leaf, shells joining that leaf, and the student creating child cgroups. On a pure v2 host the
// createSandbox tests cover this path with controllers.
import { type ChildProcess, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, readFileSync, rmdirSync } from 'node:fs';
import { spawn as spawnPty } from 'node-pty';
import { afterAll, describe, expect, it } from 'vitest';
import { removeCgroupTree } from '../src/kernel/cgroups';
import { defaultKernelConfig } from '../src/kernel/config';
import {
  kernelTestSkipReason,
  processesInUidRange,
  Terminal,
  testId,
  testKernelConfig,
  testSlot,
} from './kernel-helpers';

const UNIFIED = '/sys/fs/cgroup/unified';
const hybrid = (() => {
  try {
    return (
      readFileSync('/proc/self/mountinfo', 'utf8').includes(` ${UNIFIED} `) && existsSync(`${UNIFIED}/cgroup.procs`)
    );
  } catch {
    return false;
  }
})();
const skip = kernelTestSkipReason() ?? (hybrid ? undefined : `no cgroup2 at ${UNIFIED} (not a hybrid host)`);
if (skip) console.warn(`[launcher-v2.kernel.test] skipped: ${skip}`);

describe.skipIf(skip !== undefined)('launcher in cgroup v2 mode', () => {
  const cfg = testKernelConfig();
  const parent = `${UNIFIED}/${cfg.cgroupParent}`;
  const id = testId();
  const dir = `${parent}/${id}`;
  const base = cfg.uidBase + testSlot() * 65536;
  let launcher: ChildProcess | undefined;

  afterAll(async () => {
    try {
      if (launcher && launcher.exitCode === null && launcher.signalCode === null) {
        const gone = new Promise((r) => launcher?.once('exit', r));
        launcher.kill('SIGTERM');
        await gone;
      }
    } finally {
      await removeCgroupTree(parent);
      for (const d of [`${cfg.runDir}/mnt`, cfg.runDir]) if (existsSync(d)) rmdirSync(d);
    }
    expect(existsSync(parent)).toBe(false);
  });

  it('puts the init in the init leaf, shells join it, and the student can make child cgroups', async () => {
    mkdirSync(dir, { recursive: true });
    for (const p of [dir, `${dir}/cgroup.procs`, `${dir}/cgroup.threads`, `${dir}/cgroup.subtree_control`])
      chownSync(p, base, base);
    mkdirSync(`${cfg.runDir}/mnt`, { recursive: true });
    const args = [
      'create',
      '--id',
      id,
      '--uid-base',
      String(base),
      '--lower',
      cfg.baseImageDir,
      '--mnt',
      `${cfg.runDir}/mnt`,
    ];
    args.push(
      '--tmpfs-bytes',
      String(cfg.tmpfsBytes),
      '--hostname',
      'gaiola-v2',
      '--cgroup-mode',
      'v2',
      '--cgroup',
      dir,
    );
    launcher = spawn(defaultKernelConfig().launcherPath, args, { stdio: ['pipe', 'pipe', 'pipe'], env: {} });
    const initPid = await new Promise<number>((resolve, reject) => {
      let out = '';
      let err = '';
      launcher?.stderr?.on('data', (c: Buffer) => {
        err += c.toString();
      });
      launcher?.stdout?.on('data', (c: Buffer) => {
        out += c.toString();
        const m = /^ready (\d+) \d+\n/.exec(out);
        if (m) resolve(Number(m[1]));
      });
      launcher?.once('exit', () => reject(new Error(`launcher exited: ${err}`)));
    });
    // host side: the init sits in the leaf it made itself, owned by the sandbox's root
    expect(readFileSync(`${dir}/init/cgroup.procs`, 'utf8').trim().split('\n')).toEqual([String(initPid)]);

    const pty = spawnPty(
      cfg.launcherPath,
      ['shell', '--pid', String(initPid), '--cgroup-procs', `${dir}/init/cgroup.procs`, '--', '/bin/bash', '-l'],
      { name: 'xterm-256color', cols: 160, rows: 40, cwd: '/', env: {} },
    );
    const t = new Terminal(pty);
    try {
      await t.ready();
      expect(await t.ok('command grep ^0:: /proc/self/cgroup')).toBe('0::/init');
      expect(await t.ok('findmnt -n -o FSTYPE /sys/fs/cgroup')).toBe('cgroup2');
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
    const gone = new Promise<number | null>((r) => launcher?.once('exit', (code) => r(code)));
    launcher.stdin?.end();
    expect(await gone).toBe(0);
    expect(processesInUidRange(base)).toEqual([]);
  });
});
