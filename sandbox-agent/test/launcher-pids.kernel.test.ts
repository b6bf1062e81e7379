// A pid number names a process only until it is reused: the agent names a sandbox's init by its pid and its
// start time, and the launcher pins the pid with a pidfd and refuses it when the process behind it is not the
// one that started then. Reuse is simulated by naming another sandbox's init with the first one's start time:
// a shell must not land in someone else's sandbox.
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { startFixture } from '../src/kernel/lesson-fixtures';
import { createSandbox, type Sandbox } from '../src/kernel/sandbox';
import { kernelSuite, processIdentity, sandboxFixture, Terminal, testId, testSlot } from './kernel-helpers';

const FILE = 'launcher-pids';
const { probe, skip } = kernelSuite(FILE);

describe.skipIf(skip !== undefined)('a reused pid is never taken for the process the agent meant', () => {
  const box = sandboxFixture(probe, { reclaim: true, settle: true });
  const { cfg } = box;
  let a: Sandbox;
  let b: Sandbox;

  // the slots this test always drew: testSlot() and testSlot(1), not the fixture's consecutive pair
  beforeAll(async () => {
    a = box.own(await createSandbox(cfg, probe, { id: testId(), slot: testSlot(), hostname: 'gaiola-pid-a' }));
    b = box.own(await createSandbox(cfg, probe, { id: testId(), slot: testSlot(1), hostname: 'gaiola-pid-b' }));
  });

  it("the agent's shell for a sandbox whose init's number now names another init is refused", async () => {
    // The start time the launcher reported is the one the host's /proc shows for the init.
    expect(processIdentity(a.initPid)).toBe(`${a.initPid}@${a.initStartTime}`);
    expect(processIdentity(b.initPid)).toBe(`${b.initPid}@${b.initStartTime}`);
    // Sandbox a as the agent holds it, but its init's number taken over by b's init.
    const stale: Sandbox = Object.assign(Object.create(Object.getPrototypeOf(a)), a, { initPid: b.initPid });
    const t = new Terminal(stale.spawnShell({ cols: 80, rows: 24 }));
    const exit = await t.waitExit();
    expect(exit.exitCode).not.toBe(0);
    expect(t.output).toMatch(new RegExp(`shell: sandbox init ${b.initPid} is gone`));
    // b is untouched and still answers its own shell
    const own = new Terminal(b.spawnShell({ cols: 80, rows: 24 }));
    expect(await own.ok('hostname')).toBe('gaiola-pid-b');
    own.pty.kill('SIGHUP');
  });

  it("the agent's marker for such a sandbox is refused too", async () => {
    const stale: Sandbox = Object.assign(Object.create(Object.getPrototypeOf(a)), a, { initPid: b.initPid });
    const fixture = startFixture(stale, 'marca', { launcherPath: cfg.launcherPath });
    await expect(fixture.ready).rejects.toThrow(new RegExp(`marker: sandbox init ${b.initPid} is gone`));
    await fixture.exited;
  });

  it('a query naming a process by a start time it does not have answers "gone" (2)', () => {
    const run = (start: number | undefined) =>
      spawnSync(
        cfg.launcherPath,
        ['hostname', '--pid', String(b.initPid), ...(start === undefined ? [] : ['--start-time', String(start)])],
        { encoding: 'utf8', env: {} },
      );
    expect(run(b.initStartTime).stdout).toBe('gaiola-pid-b\n');
    expect(run(undefined).stdout).toBe('gaiola-pid-b\n');
    const wrong = run(a.initStartTime === b.initStartTime ? (a.initStartTime ?? 0) + 1 : a.initStartTime);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toMatch(/hostname: process \d+ is gone/);
  });
});
