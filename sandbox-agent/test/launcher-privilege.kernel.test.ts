// Least privilege after setup: the launcher processes that stay on the host once a sandbox, a shell or a
// marker is up keep only the capabilities they use, in every set, with no_new_privs and a seccomp filter, as
// /proc/PID/status reports them: the `create` holder and a shell's relay CAP_KILL, a marker's relay CAP_KILL,
// CAP_SYS_PTRACE and CAP_SYS_PACCT. And they still do their work: relay bytes and a resize, end the shell on a
// hangup, report a kill from inside with the killer's root (and, for a killer already gone, its parent's,
// found by a child of the relay), end the sandbox. And every query the agent asks has given up host root before
// it reads anything a student made: seen at its stop point "query-reads" (build-launcher.sh --test-hooks).
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileIdOf } from '../src/kernel/inspect';
import { type FixtureHandle, startFixture } from '../src/kernel/lesson-fixtures';
import type { Sandbox } from '../src/kernel/sandbox';
import { kernelSuite, processAlive, sandboxFixture, Terminal, until } from './kernel-helpers';

const FILE = 'launcher-privilege';
const { probe, skip } = kernelSuite(FILE);

/** Capabilities `caps` (their numbers) as /proc/PID/status prints a capability set. */
const capSet = (...caps: number[]): string =>
  caps
    .reduce((mask, cap) => mask | (1n << BigInt(cap)), 0n)
    .toString(16)
    .padStart(16, '0');
const CAP_KILL = 5;
const CAP_SYS_PTRACE = 19;
const CAP_SYS_PACCT = 20;
/** The `create` holder and a shell's relay. */
const KILL_ONLY = capSet(CAP_KILL);
/** A marker's relay: its marker to kill, a killer's root to read, the sandbox's accounting to turn off. */
const MARKER_RELAY = capSet(CAP_KILL, CAP_SYS_PTRACE, CAP_SYS_PACCT);
/** SIGTERM's bit in /proc/PID/status's ShdPnd. */
const SIGTERM_BIT = 1n << 14n;
/** /proc/PID/status's Seccomp: 2 is a filter. */
const SECCOMP_FILTER = '2';
/** The host's nobody, whom the namespace queries become. */
const NOBODY = 65534;
const NO_CAPS = capSet();
const ROOT = new URL('../..', import.meta.url).pathname;
const HOOKS_LAUNCHER = `${ROOT}sandbox-agent/launcher/build/gaiola-sandbox-test-hooks`;

function status(pid: number): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of readFileSync(`/proc/${pid}/status`, 'utf8').split('\n')) {
    const m = /^(\w+):\s*(.*)$/.exec(line);
    if (m?.[1] !== undefined) out[m[1]] = m[2] ?? '';
  }
  return out;
}

function expectOnly(pid: number, caps: string): void {
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
    CapPrm: caps,
    CapEff: caps,
    CapBnd: caps,
    CapAmb: '0'.repeat(16),
    NoNewPrivs: '1',
    Seccomp: SECCOMP_FILTER,
  });
}

describe.skipIf(skip !== undefined)('the launcher after setup keeps only what it uses', () => {
  const box = sandboxFixture(probe, { hostnames: ['gaiola-least'], reclaim: true });
  const { cfg } = box;
  let sb: Sandbox;

  beforeAll(() => {
    sb = box.sandbox();
  });

  it('the create holder, once the sandbox is ready', async () => {
    // It drops right after printing "ready": wait for the filter, not for an order of events.
    await until('the holder to drop its privileges', () => status(sb.launcherPid).Seccomp === SECCOMP_FILTER);
    expectOnly(sb.launcherPid, KILL_ONLY);
  });

  it('a shell relay, while it relays; it still resizes, relays and ends its shell', async () => {
    const pty = sb.spawnShell({ cols: 80, rows: 24 });
    const t = new Terminal(pty);
    await t.ready();
    expectOnly(pty.pid, KILL_ONLY);
    pty.resize(132, 43);
    // The resize reaches the relay as a signal, then the sandbox's pty through an ioctl: asked again until seen.
    let size = '';
    for (let i = 0; i < 50 && size !== '43 132'; i++) size = await t.ok('stty size');
    expect(size).toBe('43 132');
    pty.kill('SIGHUP');
    expect((await t.waitExit()).exitCode).toBe(128 + 1);
    expect(processAlive(pty.pid)).toBe(false);
  });

  it("a tab's shell launcher, once it handed the pty's master to the agent; a hangup still ends its shell", async () => {
    const pty = sb.openShell({ cols: 80, rows: 24 });
    let text = '';
    let exit: { exitCode: number } | undefined;
    pty.onData((c) => {
      text += c.toString();
    });
    pty.onExit((e) => {
      exit = e;
    });
    pty.resume();
    await until('the first prompt', () => /# $/.test(text));
    await until('the launcher to drop its privileges', () => status(pty.pid).Seccomp === SECCOMP_FILTER);
    expectOnly(pty.pid, KILL_ONLY);
    pty.kill('SIGHUP');
    await until('the shell to exit', () => exit !== undefined);
    expect(exit?.exitCode).toBe(128 + 1);
    expect(processAlive(pty.pid)).toBe(false);
  });

  /** A marker in the sandbox and a shell there to kill it from; both ended (by PID) whatever the test did. */
  async function withMarker(
    use: (m: { marker: FixtureHandle; hostPid: number; t: Terminal }) => Promise<void>,
  ): Promise<void> {
    const marker = startFixture(sb, 'gaiola-mark', { launcherPath: cfg.launcherPath });
    const pty = sb.spawnShell({ cols: 80, rows: 24 });
    const t = new Terminal(pty);
    let hostPid: number | null = null;
    try {
      hostPid = (await marker.ready).hostPid;
      if (hostPid === null) throw new Error('the marker has no host pid');
      await t.ready();
      await use({ marker, hostPid, t });
    } finally {
      // A marker left stopped by a failed test: woken, so that stop() ends it the ordinary way.
      if (hostPid !== null && marker.state().alive) process.kill(hostPid, 'SIGCONT');
      await marker.stop();
      if (!t.exited) pty.kill('SIGHUP');
      await t.waitExit();
    }
  }

  it("a marker relay, while it relays; it still reports a kill from inside with the killer's root", async () => {
    await withMarker(async ({ marker, hostPid, t }) => {
      // The relay is the marker's parent; it drops before it relays the marker's "ready".
      expectOnly(Number(status(hostPid).PPid), MARKER_RELAY);
      // bash's builtin kill: the killer is the shell itself, alive, its root read through the host's /proc.
      const shell = Number(await t.ok('echo $$'));
      await t.ok(`kill ${marker.sandboxPid()}`);
      await marker.exited;
      expect(marker.state().killedBy).toMatchObject({
        signal: 15,
        pid: shell,
        rootId: fileIdOf(`/proc/${sb.initPid}/root`),
      });
    });
  });

  it('a marker relay still names the parent of a killer already gone (a child of the relay looks)', async () => {
    await withMarker(async ({ marker, hostPid, t }) => {
      expectOnly(Number(status(hostPid).PPid), MARKER_RELAY);
      // The marker stopped, /bin/kill signals it, exits and is reaped by its shell before the marker wakes:
      // only the accounting record names its parent, whose root a child of the relay (in the sandbox's pid
      // namespace) reads.
      process.kill(hostPid, 'SIGSTOP');
      await until('the marker to stop', () => status(hostPid).State?.startsWith('T') === true);
      const shell = Number(await t.ok('echo $$'));
      await t.ok(`/bin/kill -TERM ${marker.sandboxPid()}`);
      expect(BigInt(`0x${status(hostPid).ShdPnd}`) & SIGTERM_BIT).toBe(SIGTERM_BIT);
      process.kill(hostPid, 'SIGCONT');
      await marker.exited;
      const killedBy = marker.state().killedBy;
      expect(killedBy).toMatchObject({ signal: 15, rootId: null, parentRootId: fileIdOf(`/proc/${sb.initPid}/root`) });
      expect(killedBy?.pid).not.toBe(shell);
    });
  });

  describe('a query, once it reads what a student made', () => {
    // The stopped query creates its file as the uid it dropped to: any may write here.
    const stops = mkdtempSync(`${tmpdir()}/gaiola-stops-`);
    chmodSync(stops, 0o1777);
    beforeAll(() => {
      const build = spawnSync('bash', [`${ROOT}scripts/build-launcher.sh`, '--test-hooks'], { encoding: 'utf8' });
      if (build.status !== 0) throw new Error(`build-launcher.sh --test-hooks: ${build.stderr}`);
    });
    afterAll(() => rmSync(stops, { recursive: true, force: true }));

    const who = () => ['--pid', String(sb.initPid), '--start-time', String(sb.initStartTime)];
    const as = () => ['--uid', String(sb.uidBase), '--gid', String(sb.uidBase)];
    // The namespace queries run on the host's files, as nobody; the file queries as the sandbox's root, in
    // the sandbox's root, where a path resolves only inside.
    it.each([
      ['hostname', () => ['hostname', ...who()], NOBODY],
      ['mountinfo', () => ['mountinfo', ...who()], NOBODY],
      ['netinfo', () => ['netinfo', ...who(), '--what', 'addr'], NOBODY],
      ['read-file', () => ['read-file', ...who(), ...as(), '--max-bytes', '4096', '/etc/hostname'], -1],
      ['list', () => ['list', ...who(), ...as(), '--depth', '1', '--max-entries', '50', '--', '/etc'], -1],
    ] as const)('%s: an unprivileged uid, no capability, no_new_privs', async (_name, args, uid) => {
      const id = String(uid === -1 ? sb.uidBase : uid);
      const stop = `${stops}/query-reads`;
      const q = spawn(HOOKS_LAUNCHER, args(), {
        env: { GAIOLA_TEST_STOP: 'query-reads', GAIOLA_TEST_STOP_DIR: stops },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let said = '';
      q.stdout.on('data', (d) => (said += d));
      q.stderr.on('data', (d) => (said += d));
      const exited = new Promise<number | null>((resolve) => q.once('exit', (code) => resolve(code)));
      try {
        await until('the query to reach its read', () => existsSync(stop) || q.exitCode !== null);
        expect(existsSync(stop), said).toBe(true);
        const s = status(q.pid as number);
        expect({
          Uid: s.Uid,
          Gid: s.Gid,
          Groups: s.Groups,
          CapPrm: s.CapPrm,
          CapEff: s.CapEff,
          NoNewPrivs: s.NoNewPrivs,
        }).toEqual({
          Uid: [id, id, id, id].join('\t'),
          Gid: [id, id, id, id].join('\t'),
          Groups: '',
          CapPrm: NO_CAPS,
          CapEff: NO_CAPS,
          NoNewPrivs: '1',
        });
        rmSync(stop);
        expect(await exited, said).toBe(0);
        expect(said).not.toBe('');
      } finally {
        if (q.exitCode === null && q.pid !== undefined) process.kill(q.pid, 'SIGKILL');
        rmSync(stop, { force: true });
      }
    });
  });

  it('the holder still ends its sandbox', async () => {
    const init = sb.initPid;
    await sb.destroy();
    await until('the init to be gone', () => !processAlive(init));
  });
});
