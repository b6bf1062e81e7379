// The launcher's read-only queries of a sandbox's namespaces, `mountinfo` and `netinfo`, on a real sandbox:
// what a student names (an interface called with shell characters) comes back as data, never as an
// argument; a chroot cannot hide its namespace's old root; bad arguments and gone processes are refused.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { defaultKernelConfig } from '../src/kernel/config';
import { readNetNamespace } from '../src/kernel/inspect-net';
import { parseMountinfo } from '../src/kernel/parse';
import { probeSkipReason, useProbeSandbox } from './probe-helpers';

const FILE = 'launcher-queries';
const skip = probeSkipReason();
if (skip) console.warn(`[${FILE}] skipped: ${skip}`);
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
    const base = await readNetNamespace(launcher, p.sandbox.initPid);
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

  it('leaves nothing on the host', async () => {
    await p.destroyAndCheckHost();
  });
});
