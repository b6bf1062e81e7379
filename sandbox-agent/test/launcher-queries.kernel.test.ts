// The launcher's read-only queries of a sandbox's namespaces, `mountinfo` and `netinfo`, on a real sandbox:
// what a student names (an interface called with shell characters) comes back as data, never as an
// argument; a chroot cannot hide its namespace's old root; bad arguments and gone processes are refused, and so
// is a process named by its pid but another start time (a reused pid), in every query the agent makes.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { defaultKernelConfig } from '../src/kernel/config';
import { inspectSandbox } from '../src/kernel/inspect';
import { readNetNamespace } from '../src/kernel/inspect-net';
import { listDirs } from '../src/kernel/list-dirs';
import { parseMountinfo } from '../src/kernel/parse';
import { fileFactsOf } from '../src/kernel/path-facts';
import { readSandboxFile, SandboxFileError } from '../src/kernel/read-file';
import { kernelSuite, processIdentity } from './kernel-helpers';
import { useProbeSandbox } from './probe-helpers';

const FILE = 'launcher-queries';
const { skip } = kernelSuite(FILE);
const launcher = defaultKernelConfig().launcherPath;
const query = (...args: string[]) => spawnSync(launcher, args, { encoding: 'utf8', env: {} });

describe.skipIf(skip !== undefined)('launcher queries of a sandbox', () => {
  const p = useProbeSandbox('lq');

  it('netinfo: interfaces of a namespace of the student’s, odd names as data', async () => {
    const t = p.term;
    const out = await t.ok(
      "unshare -n sleep 600 </dev/null >/dev/null 2>&1 & echo PID=$!; ip link add 'v;$(x)' type veth peer name 'c|x'",
    );
    const pid = Number(/PID=(\d+)/.exec(out)?.[1]);
    await t.ok(`ip link set 'c|x' netns ${pid} && ip addr add 10.9.0.1/24 dev 'v;$(x)' && ip link set 'v;$(x)' up`);
    const base = await readNetNamespace(launcher, { pid: p.sandbox.initPid, startTime: p.sandbox.initStartTime });
    expect(base?.interfaces.map((i) => i.name).sort()).toEqual(['lo', 'v;$(x)']);
    expect(base?.interfaces.find((i) => i.name === 'v;$(x)')).toMatchObject({
      kind: 'veth',
      up: true,
      addrs: ['10.9.0.1/24'],
    });
    await t.ok(`kill ${pid}`);
  });

  it('mountinfo: the whole table of the namespace, not only what a chrooted process sees', async () => {
    const r = query('mountinfo', '--pid', String(p.sandbox.initPid));
    expect(r.status, r.stderr).toBe(0);
    const table = parseMountinfo(r.stdout);
    expect(table.find((m) => m.mountPoint === '/')?.fsType).toBe('overlay');
    expect(table.some((m) => m.mountPoint === '/proc')).toBe(true);
  });

  it('refuses bad arguments and answers 2 for a process that is gone', () => {
    expect(query('netinfo', '--pid', String(p.sandbox.initPid), '--what', 'addr; reboot').status).not.toBe(0);
    expect(query('netinfo', '--pid', String(p.sandbox.initPid)).status).not.toBe(0);
    expect(query('mountinfo', '--pid', 'x').status).not.toBe(0);
    expect(query('netinfo', '--pid', '2147483647', '--what', 'addr').status).toBe(2);
    expect(query('mountinfo', '--pid', '2147483647').status).toBe(2);
  });

  it('every query of the agent names a process by pid and start time; another start time is gone', async () => {
    const sb = p.sandbox;
    const start = sb.initStartTime;
    if (start === undefined) throw new Error('a real sandbox knows its init start time');
    // What the agent knows of the sandbox, with the init's start time as it is or off by one (a reused pid).
    const like = (initStartTime: number) => ({
      initPid: sb.initPid,
      initStartTime,
      uidBase: sb.uidBase,
      cgroupDirs: sb.cgroupDirs,
      launcherPath: launcher,
    });
    const right = like(start);
    const wrong = like(start + 1);
    const list = { depth: 1, maxEntries: 8 };

    expect((await readSandboxFile(right, '/proc/1/stat')).toString('utf8')).toMatch(/^1 \(/);
    const refused = await readSandboxFile(wrong, '/proc/1/stat').then(
      (buf) => new Error(`read through a wrong start time returned ${buf.length} bytes`),
      (err: unknown) => err,
    );
    expect(refused).toBeInstanceOf(SandboxFileError);
    expect((refused as SandboxFileError).message).toMatch(/is gone/);
    expect((await fileFactsOf(launcher, right, '/'))?.type).toBe('dir');
    expect(await fileFactsOf(launcher, wrong, '/')).toBeNull();
    expect(await listDirs(launcher, sb, { pid: sb.initPid, startTime: start }, ['/'], list)).toBeDefined();
    expect(await listDirs(launcher, sb, { pid: sb.initPid, startTime: start + 1 }, ['/'], list)).toBeUndefined();
    expect(await readNetNamespace(launcher, { pid: sb.initPid, startTime: start })).toBeDefined();
    expect(await readNetNamespace(launcher, { pid: sb.initPid, startTime: start + 1 })).toBeUndefined();
    const opts = { paths: ['/'], fixtures: {}, launcherPath: launcher, network: true, mountTables: true };
    await expect(inspectSandbox(wrong, opts)).rejects.toThrow(/is gone/);

    // A process of the student's in mount and UTS namespaces of its own: the snapshot names it by its start
    // time too (its host name and mount table come through the launcher), and another one is refused.
    const out = await p.term.ok(
      "unshare -m -u sh -c 'hostname gaiola-pinned && exec sleep 600' </dev/null >/dev/null 2>&1 & echo PID=$!",
    );
    // $! is its pid in the sandbox's PID namespace; the host's is found through a snapshot (NSpid).
    const inner = Number(/PID=(\d+)/.exec(out)?.[1]);
    const hostPidOf = async () =>
      (await inspectSandbox(right, { paths: [], fixtures: {}, launcherPath: launcher })).processes.find(
        (q) => q.nsPids[1] === inner && q.comm === 'sleep',
      )?.hostPid;
    try {
      let found = await hostPidOf();
      for (const deadline = Date.now() + 5_000; found === undefined; found = await hostPidOf()) {
        if (Date.now() > deadline) throw new Error(`sandbox pid ${inner} never became sleep`);
        await new Promise((r) => setTimeout(r, 20));
      }
      const pid = found;
      const own = Number(processIdentity(pid)?.split('@')[1]);
      const snap = await inspectSandbox(right, opts);
      const proc = snap.processes.find((q) => q.hostPid === pid);
      expect(proc?.startTime).toBe(own);
      expect(proc?.ns.mnt).not.toBe(snap.base.ns.mnt);
      expect(snap.hostnames[proc?.ns.uts ?? -1]).toBe('gaiola-pinned');
      expect(snap.nsMounts[proc?.ns.mnt ?? -1]?.some((m) => m.mountPoint === '/')).toBe(true);
      expect(snap.files['/']?.type).toBe('dir');
      expect(snap.net[snap.base.ns.net]).toBeDefined();
      expect(await listDirs(launcher, sb, { pid, startTime: own }, ['/'], list)).toBeDefined();
      expect(await listDirs(launcher, sb, { pid, startTime: own + 1 }, ['/'], list)).toBeUndefined();
      expect(await readNetNamespace(launcher, { pid, startTime: own + 1 })).toBeUndefined();
    } finally {
      await p.term.ok(`kill ${inner}`);
    }
  });

  it('leaves nothing on the host', async () => {
    await p.destroyAndCheckHost();
  });
});
