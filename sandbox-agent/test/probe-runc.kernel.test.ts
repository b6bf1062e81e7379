// Probe: runc running a rootless OCI bundle inside a sandbox, with a memory limit the container sees in its
// cgroup files (curriculum.md lesson 13). The bundle is the course's busybox rootfs (/root/rootfs) and the
// config of `runc spec --rootless`.
//
// On a cgroup v1/hybrid host, runc refuses to run when it finds no mounted `devices` hierarchy ("mountpoint
// for devices not found"). The launcher therefore mounts that hierarchy read-only at /sys/fs/cgroup/devices
// (rooted at the sandbox's cgroup namespace, not writable by the sandbox's root); runc then skips the devices
// cgroup as a rootless container may.
import { describe, expect, it } from 'vitest';
import { kernelSuite } from './kernel-helpers';
import { useProbeSandbox } from './probe-helpers';

const FILE = 'probe-runc';
const { skip } = kernelSuite(FILE);

const LIMIT = 64 * 1024 * 1024;

describe.skipIf(skip !== undefined)('probe: runc inside a sandbox', () => {
  const p = useProbeSandbox('probe-runc');

  it('runs a rootless OCI bundle with a memory limit visible in the container cgroup files', async () => {
    const t = p.term;
    const v1 = p.probe.cgroup.mode === 'v1';
    if (v1) {
      // The read-only devices view runc needs, mounted by the launcher.
      expect(
        await t.ok(
          "findmnt -n -o OPTIONS /sys/fs/cgroup/devices | tr ',' '\\n' | grep -x -e ro -e devices | sort | tr '\\n' ' '",
        ),
      ).toBe('devices ro');
    }
    const limitFile = v1 ? '/sys/fs/cgroup/memory/memory.limit_in_bytes' : '/sys/fs/cgroup/memory.max';
    await t.ok(
      'mkdir -p /root/bundle && cd /root/bundle && cp -a /root/rootfs rootfs && runc spec --rootless && ' +
        `jq '.process.terminal = false | .process.args = ["sh", "-c", "echo pid=$$; cat ${limitFile}; id -u; grep memory /proc/self/cgroup || cat /proc/self/cgroup"] | ` +
        `.linux.resources = {"memory": {"limit": ${LIMIT}}}' config.json > config.new && mv config.new config.json`,
    );
    // `runc spec` adds a cgroup namespace on a pure v2 host only (lesson 12 says so to the student)
    expect(await t.ok(`jq -cM '[.linux.namespaces[].type | select(. == "cgroup")]' /root/bundle/config.json`)).toBe(
      v1 ? '[]' : '["cgroup"]',
    );
    const r = await t.run('cd /root/bundle && runc run gaiola-probe 2>&1; echo status=$?; cd /root', 60_000);
    // A failure here is a failure: the OCI lesson needs runc (the error text is in r.out).
    expect(r.out).toMatch(/status=0/);
    const lines = r.out.trim().split('\n');
    expect(lines).toContain('pid=1');
    expect(lines).toContain(String(LIMIT));
    expect(lines).toContain('0');
    // the container's own cgroup, made by runc inside the sandbox's delegated subtree (its limit is the one read
    // above): v1 shows its path; on v2 the cgroup namespace is rooted at it, so the container sees `0::/`
    expect(r.out).toMatch(v1 ? /^\d+:memory:\/gaiola-probe$/m : /^0::\/$/m);
    // runc removed its container and its cgroup afterwards
    expect(await t.ok('runc list -q | wc -l')).toBe('0');
  });

  it('leaves nothing on the host', async () => {
    await p.destroyAndCheckHost();
  });
});
