// Probe: nested namespaces of every kind, nsenter and lsns, typed in a real sandbox (issue 4, "What the
// sandbox must let a student do"; research/sandbox.md §1.2; curriculum.md lessons 3-6).
import { describe, expect, it } from 'vitest';
import { kernelSuite } from './kernel-helpers';
import { useProbeSandbox } from './probe-helpers';

const { skip } = kernelSuite('probe-namespaces');

describe.skipIf(skip !== undefined)('probe: namespaces inside a sandbox', () => {
  const p = useProbeSandbox('probe-ns');

  it('unshare --mount: a tmpfs mounted inside is not seen outside', async () => {
    const r = await p.term.ok(
      "unshare --mount sh -c 'mount -t tmpfs gaiola-probe /mnt && findmnt -n -o FSTYPE,SOURCE /mnt'; echo; findmnt -n /mnt || echo NOT-OUTSIDE",
    );
    expect(r).toMatch(/^tmpfs\s+gaiola-probe$/m);
    expect(r).toContain('NOT-OUTSIDE');
  });

  it('unshare --uts: a hostname set inside leaves the sandbox hostname alone', async () => {
    const r = await p.term.ok("unshare --uts sh -c 'hostname inner-box; hostname'; hostname");
    expect(r.split('\n')).toEqual(['inner-box', 'probe-ns']);
  });

  it('unshare --ipc: a message queue made inside is not listed outside', async () => {
    const r = await p.term.ok(
      "unshare --ipc sh -c 'ipcmk -Q >/dev/null; ipcs -q | grep -c 0x'; ipcs -q | grep -c 0x || true",
    );
    expect(r.split('\n')).toEqual(['1', '0']);
  });

  it('unshare --pid --fork --mount-proc: the command is PID 1 and sees only its own processes', async () => {
    const r = await p.term.ok(
      "unshare --pid --fork --mount-proc sh -c 'echo pid=$$; ps -e --no-headers -o pid,comm | wc -l'",
    );
    const [pid, count] = r.split('\n');
    expect(pid).toBe('pid=1');
    // sh itself, ps, and wc (in the same pipeline): nothing of the sandbox's other processes
    expect(Number(count)).toBeLessThanOrEqual(3);
  });

  it('unshare --net: a new network namespace has only lo', async () => {
    const r = await p.term.ok("unshare --net ip -o link | awk -F': ' '{print $2}'");
    expect(r).toBe('lo');
  });

  it('unshare --user --map-root-user: uid 0 inside maps to 0 of the sandbox, one id', async () => {
    const r = await p.term.ok("unshare -U -r sh -c 'cat /proc/self/uid_map; id -u'");
    const [map, uid] = r.split('\n');
    expect(map?.trim().split(/\s+/)).toEqual(['0', '0', '1']);
    expect(uid).toBe('0');
    // and as the unprivileged aluno, whose id 1000 becomes root of the new namespace
    const a = await p.term.ok("su aluno -c 'unshare -U -r cat /proc/self/uid_map'");
    expect(a.trim().split(/\s+/)).toEqual(['0', '1000', '1']);
  });

  it('unshare --cgroup: a process in a child cgroup sees that child as its root', async () => {
    const dir = p.probe.cgroup.mode === 'v2' ? '/sys/fs/cgroup/probe-ns' : '/sys/fs/cgroup/memory/probe-ns';
    const line = p.probe.cgroup.mode === 'v2' ? '^0::' : ':memory:';
    const r = await p.term.ok(
      `mkdir ${dir} && (echo $BASHPID > ${dir}/cgroup.procs; grep '${line}' /proc/self/cgroup; unshare --cgroup grep '${line}' /proc/self/cgroup); rmdir ${dir}`,
    );
    const [outside, inside] = r.split('\n');
    expect(outside).toMatch(/:\/probe-ns$/);
    expect(inside).toMatch(/:\/$/);
  });

  it('unshare --time --fork --boottime: uptime moves by the offset inside only', async () => {
    // --fork: unshare(CLONE_NEWTIME) moves only the caller's children (time_for_children); Linux 6.2+ also moves
    // the caller at its next exec, but Debian 12's 6.1 does not, so a bare unshare's program kept the old clock
    const r = await p.term.ok(
      "cut -d' ' -f1 /proc/uptime; unshare --time --fork --boottime 100000 cut -d' ' -f1 /proc/uptime; cut -d' ' -f1 /proc/uptime",
    );
    // In hundredths of a second, as /proc/uptime prints them: within one tick, before + 100000 must compare
    // equal, which the decimals as floating point numbers would not always do.
    const [before, inside, after] = r.split('\n').map((x) => Math.round(Number(x) * 100));
    expect(inside).toBeGreaterThanOrEqual((before as number) + 100000 * 100);
    expect(inside).toBeGreaterThan((after as number) + 99000 * 100);
    // and `uptime` (procps) reads the same offset clock
    const up = await p.term.ok('unshare --time --fork --boottime 8640000 uptime -p');
    expect(up).toMatch(/\bweeks?\b/);
  });

  it('all kinds at once, as an unprivileged user', async () => {
    const r = await p.term.ok(
      'su aluno -c \'unshare --user --map-root-user --uts --pid --fork --mount --mount-proc --net --ipc --cgroup --time sh -c "hostname all-in; hostname; echo \\$\\$; id -u"\'',
    );
    expect(r.split('\n')).toEqual(['all-in', '1', '0']);
  });

  it('nsenter joins a running process namespaces; lsns lists them', async () => {
    const t = p.term;
    await t.ok("unshare --uts --fork sh -c 'hostname joined-box; exec sleep 600' & echo started");
    // the sleep of that namespace: poll until it has set the hostname and exec'd
    await t.ok(
      'for i in $(seq 200); do P=$(pgrep -n -x sleep) && [ "$(nsenter -t $P -u hostname)" = joined-box ] && break; sleep 0.05; done; echo $P',
    );
    expect(await t.ok('nsenter -t $P -u hostname')).toBe('joined-box');
    expect(await t.ok('hostname')).toBe('probe-ns');
    const lsns = await t.ok('lsns -t uts -n -o NS,PID');
    const ours = await t.ok('readlink /proc/$P/ns/uts | tr -dc 0-9');
    expect(lsns.split('\n').map((l) => l.trim().split(/\s+/)[0])).toContain(ours);
    // lsns -p shows every namespace type of that process
    const types = (await t.ok('lsns -p $P -n -o TYPE')).split('\n').map((l) => l.trim());
    expect(types.sort()).toEqual(['cgroup', 'ipc', 'mnt', 'net', 'pid', 'time', 'user', 'uts']);
    await t.ok('kill $P %1 2>/dev/null; wait; true');
  });

  it('leaves nothing on the host', async () => {
    await p.destroyAndCheckHost();
  });
});
