// Escape suite, item 13: nothing a student starts survives destroy — background and nohup'd processes,
// new sessions, nested pid namespaces, mounts, veths, network namespaces and child cgroups all go.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSandbox } from '../src/kernel/sandbox';
import { cgroupDirOf, ESCAPE_CAPS } from './escape-helpers';
import {
  hostMountPoints,
  isDirectory,
  kernelSuite,
  processesInUidRange,
  sandboxFixture,
  Terminal,
  testId,
} from './kernel-helpers';

const { probe, skip } = kernelSuite('escape-teardown.kernel.test');

/** The host's network interfaces, by name (argument array, no shell). */
function hostLinks(): string[] {
  const r = spawnSync('ip', ['-o', 'link', 'show'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`ip -o link: ${r.stderr}`);
  return r.stdout
    .trim()
    .split('\n')
    .map((l) => l.split(': ')[1]?.split('@')[0] ?? '')
    .sort();
}

describe.skipIf(skip !== undefined)('escape suite: surviving teardown', () => {
  const box = sandboxFixture(probe, { config: ESCAPE_CAPS });
  const { cfg } = box;

  it('13. background, nohup, setsid, nested namespaces, mounts, veths and cgroups are all gone after destroy', async () => {
    const mountsBefore = hostMountPoints();
    const linksBefore = hostLinks();
    const s = box.own(await createSandbox(cfg, probe, { id: testId(), slot: box.slot, hostname: 'gaiola-stayer' }));
    const t = new Terminal(s.spawnShell({ cols: 200, rows: 50 }));
    await t.ready();
    const v1 = probe.cgroup.mode === 'v1';
    const cg = v1 ? '/sys/fs/cgroup/pids' : '/sys/fs/cgroup';
    await t.ok('sleep 1001 </dev/null >/dev/null 2>&1 & true');
    await t.ok('nohup sleep 1002 </dev/null >/dev/null 2>&1 & true');
    // setsid's own process forks the detached sleep and exits: `wait $!` reaps it here, so bash's job notice
    // ("[3] Done …") lands in this command's output, not in pgrep's below
    await t.ok('setsid sleep 1003 </dev/null >/dev/null 2>&1 & wait $!; true');
    await t.ok('setsid -f nohup sleep 1004 </dev/null >/dev/null 2>&1; true');
    await t.ok('unshare -U -r -p -f --mount-proc sleep 1005 </dev/null >/dev/null 2>&1 & true');
    await t.ok('ip link add gaiola-v0 type veth peer name gaiola-v1 && ip link set gaiola-v0 up');
    await t.ok('ip netns add gaiola-ns && ip link set gaiola-v1 netns gaiola-ns');
    await t.ok('mkdir -p /mnt/stay && mount -t tmpfs gaiola-stay /mnt/stay && echo x > /mnt/stay/f');
    // a child cgroup holding a process (the v2 root cannot hold processes next to children: use a leaf)
    await t.ok(`mkdir ${cg}/stay && (sleep 1006 </dev/null >/dev/null 2>&1 & echo $! > ${cg}/stay/cgroup.procs)`);
    // a backgrounded sleep is named after the shell or setsid until it execs: poll for the six
    const sixSleeps = 'for i in $(seq 200); do [ "$(pgrep -c -x sleep)" = 6 ] && break; sleep 0.05; done';
    expect(await t.ok(`${sixSleeps}; pgrep -c -x sleep`)).toBe('6');
    const dirs = [...s.cgroupDirs];
    expect(isDirectory(`${cgroupDirOf(s, probe, 'pids')}/stay`)).toBe(true);
    expect(processesInUidRange(s.uidBase).length).toBeGreaterThanOrEqual(8);
    // nothing of it shows on the host while it runs
    expect(hostLinks()).toEqual(linksBefore);
    expect(hostMountPoints()).toEqual(mountsBefore);

    await s.destroy();
    await s.exited;

    expect(processesInUidRange(s.uidBase)).toEqual([]);
    expect(hostMountPoints()).toEqual(mountsBefore);
    expect(hostLinks()).toEqual(linksBefore);
    for (const dir of dirs) expect(existsSync(dir), dir).toBe(false);
  });
});
