// Every process inside a sandbox starts with exactly descriptors 0, 1 and 2: nothing of the launcher (the
// host's mount namespace, its pipes, the host's /proc) reaches the sandbox's init, a shell or a marker. Read
// from the host, as the agent reads: /proc/PID/fd of each.
import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { sandboxJoinProcs } from '../src/kernel/inspect';
import { startFixture } from '../src/kernel/lesson-fixtures';
import type { Sandbox } from '../src/kernel/sandbox';
import { childrenOf, kernelSuite, sandboxFixture, Terminal, until } from './kernel-helpers';

const FILE = 'launcher-fds';
const { probe, skip } = kernelSuite(FILE);

/** How long a process may take to reach the state a test waits for. */
const WAIT_MS = 10_000;

function fds(pid: number): string[] {
  return readdirSync(`/proc/${pid}/fd`).sort((a, b) => Number(a) - Number(b));
}

/** A /proc/PID file's text, or '' once the process is gone. */
function procText(pid: number, file: string): string {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8').trim();
  } catch {
    return '';
  }
}

const comm = (pid: number) => procText(pid, 'comm');

describe.skipIf(skip !== undefined)('descriptors of the processes inside a sandbox', () => {
  const relays: ChildProcess[] = [];
  const box = sandboxFixture(probe, {
    hostnames: ['gaiola-fds'],
    reclaim: true,
    release: () => {
      for (const r of relays) r.kill('SIGHUP');
    },
  });
  const { cfg } = box;
  let sb: Sandbox;

  beforeAll(() => {
    sb = box.sandbox();
  });

  it("the init holds 0, 1 and 2, all /dev/null, and nothing of the launcher's", () => {
    expect(fds(sb.initPid)).toEqual(['0', '1', '2']);
    for (const fd of ['0', '1', '2']) expect(readlinkSync(`/proc/${sb.initPid}/fd/${fd}`)).toBe('/dev/null');
  });

  it("a shell's command starts with 0, 1 and 2, all its terminal", async () => {
    const args = ['shell', '--pid', String(sb.initPid)];
    for (const f of sandboxJoinProcs(sb, probe.cgroup)) args.push('--cgroup-procs', f);
    // stdin stays an open pipe, as the agent's node-pty keeps it: EOF would end the session.
    const relay = spawn(cfg.launcherPath, [...args, '--', '/bin/sleep', '1000'], { stdio: 'pipe', env: {} });
    relays.push(relay);
    // Asleep, past its own start (the C library opens and closes locale files there).
    let pid = -1;
    await until(
      'the shell command to exec and sleep',
      () => {
        const child = childrenOf(relay.pid ?? -1)[0];
        if (child === undefined || comm(child) !== 'sleep' || !procText(child, 'wchan').includes('nanosleep'))
          return false;
        pid = child;
        return true;
      },
      WAIT_MS,
    );
    expect(fds(pid)).toEqual(['0', '1', '2']);
    const tty = readlinkSync(`/proc/${pid}/fd/0`);
    expect(tty).toMatch(/^\/dev\/pts\/\d+$/);
    for (const fd of ['1', '2']) expect(readlinkSync(`/proc/${pid}/fd/${fd}`)).toBe(tty);
  });

  it("the agent's login shell holds only its terminal", async () => {
    const t = new Terminal(sb.spawnShell({ cols: 80, rows: 24 }));
    await t.ready();
    const bash = childrenOf(t.pty.pid)[0] as number;
    expect(comm(bash)).toBe('bash');
    // bash keeps a copy of its terminal at 255 for itself; every descriptor is that terminal.
    const tty = readlinkSync(`/proc/${bash}/fd/0`);
    for (const fd of fds(bash)) expect(readlinkSync(`/proc/${bash}/fd/${fd}`)).toBe(tty);
    expect(fds(bash).filter((fd) => fd !== '255')).toEqual(['0', '1', '2']);
    t.pty.kill('SIGHUP');
  });

  it('a marker holds 0, 1 and 2 only', async () => {
    const fixture = startFixture(sb, 'marca', { launcherPath: cfg.launcherPath });
    try {
      const state = await fixture.ready;
      expect(state.hostPid).not.toBeNull();
      expect(fds(state.hostPid as number)).toEqual(['0', '1', '2']);
    } finally {
      await fixture.stop();
    }
  });
});
